// An editor signed in, for the newsroom scenarios: a staff account and a session written
// straight into the benchmark's database (the server reads sessions per request).
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';

const sha256 = (s) => createHash('sha256').update(s).digest('hex');

/** @returns {Promise<string>} the session token, the value of the `nd_session` cookie */
export async function prepareEditorSession({ databaseUrl, dataDir }) {
  const url = databaseUrl ?? `sqlite:${join(dataDir, 'newsdesk.db')}`;
  const now = new Date().toISOString();
  const expires = new Date(Date.now() + 86_400_000).toISOString();
  const token = randomBytes(24).toString('base64url');
  // A tag per run keeps the email unique when a database is benchmarked again.
  const email = `bench-editor-${randomBytes(3).toString('hex')}@bench.example`;

  if (url.startsWith('sqlite:')) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(url.slice('sqlite:'.length));
    db.pragma('busy_timeout = 5000');
    db.transaction(() => {
      const id = db.prepare(`insert into users (email, name, role, password_hash, disabled, created_at, updated_at) values (?, 'Bench Editor', 'editor', null, 0, ?, ?)`).run(email, now, now).lastInsertRowid;
      db.prepare(`insert into sessions (token_hash, user_id, csrf_token, created_at, expires_at) values (?, ?, ?, ?, ?)`).run(sha256(token), id, randomBytes(16).toString('hex'), now, expires);
    })();
    db.close();
    return token;
  }

  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    const { rows: [user] } = await client.query(`insert into users (email, name, role, password_hash, disabled, created_at, updated_at) values ($1, 'Bench Editor', 'editor', null, 0, $2, $2) returning id`, [email, now]);
    await client.query(`insert into sessions (token_hash, user_id, csrf_token, created_at, expires_at) values ($1, $2, $3, $4, $5)`, [sha256(token), user.id, randomBytes(16).toString('hex'), now, expires]);
    await client.query('commit');
  } finally {
    await client.end();
  }
  return token;
}

/**
 * What an editor types into the story list's search box: part of a word from headlines of
 * the newsroom's list ("ripol" of "Tripoli"), so each request finds a few stories among the
 * whole archive. Letters 2-6 of each headline's longest word, up to `count` of them.
 */
export function headlineFragments(listHtml, count = 12) {
  const headlines = [...listHtml.matchAll(/<a href="\/admin\/articles\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);
  const fragments = new Set();
  for (const headline of headlines) {
    const longest = headline.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0] ?? '';
    if (longest.length >= 7) fragments.add(longest.slice(1, 6).toLowerCase());
    if (fragments.size >= count) break;
  }
  return [...fragments];
}
