// Readers for the comment-posting scenario, written straight into the benchmark's database:
// N verified readers in good standing, each with a session, and comment settings at their
// most permissive (the highest rate limits the settings allow). The server is running; it
// reads settings and sessions per request, so nothing needs a restart.
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';

const sha256 = (s) => createHash('sha256').update(s).digest('hex');

/** @returns {Promise<string[]>} session tokens, one per reader */
export async function prepareCommentReaders({ databaseUrl, dataDir, count }) {
  const url = databaseUrl ?? `sqlite:${join(dataDir, 'newsdesk.db')}`;
  const now = new Date();
  const longAgo = new Date(now.getTime() - 365 * 86_400_000).toISOString();
  const expires = new Date(now.getTime() + 86_400_000).toISOString();
  const settings = JSON.stringify({ ratePerMinute: 100, ratePerHour: 1000, premoderateFirstComments: 0, linksNeedApproval: true });
  const tokens = Array.from({ length: count }, () => randomBytes(24).toString('base64url'));
  // A tag per run keeps emails and display names unique when a database is benchmarked again.
  const run = randomBytes(3).toString('hex');
  const rows = tokens.map((token, i) => ({ i: `${run}-${i}`, token }));

  if (url.startsWith('sqlite:')) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(url.slice('sqlite:'.length));
    db.pragma('busy_timeout = 5000');
    const insertReader = db.prepare(`insert into readers (email, display_name, name_key, email_verified_at, approved_count, created_at, updated_at) values (?, ?, ?, ?, 10, ?, ?)`);
    const insertSession = db.prepare(`insert into reader_sessions (token_hash, reader_id, csrf_token, created_at, expires_at) values (?, ?, ?, ?, ?)`);
    db.transaction(() => {
      for (const { i, token } of rows) {
        const id = insertReader.run(`bench${i}@bench.example`, `Bench Reader ${i}`, `benchreader${i.replace('-', '')}`, longAgo, longAgo, longAgo).lastInsertRowid;
        insertSession.run(sha256(token), id, randomBytes(16).toString('hex'), now.toISOString(), expires);
      }
      db.prepare(`insert into settings (key, value, updated_at) values ('comments', ?, ?) on conflict (key) do update set value = excluded.value`).run(settings, now.toISOString());
    })();
    db.close();
    return tokens;
  }

  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    for (const { i, token } of rows) {
      const { rows: [reader] } = await client.query(`insert into readers (email, display_name, name_key, email_verified_at, approved_count, created_at, updated_at) values ($1, $2, $3, $4, 10, $4, $4) returning id`, [`bench${i}@bench.example`, `Bench Reader ${i}`, `benchreader${i.replace('-', '')}`, longAgo]);
      await client.query(`insert into reader_sessions (token_hash, reader_id, csrf_token, created_at, expires_at) values ($1, $2, $3, $4, $5)`, [sha256(token), reader.id, randomBytes(16).toString('hex'), now.toISOString(), expires]);
    }
    await client.query(`insert into settings (key, value, updated_at) values ('comments', $1, $2) on conflict (key) do update set value = excluded.value`, [settings, now.toISOString()]);
    await client.query('commit');
  } finally {
    await client.end();
  }
  return tokens;
}

/**
 * A wrk script that posts a new comment per request, each connection cycling through the
 * readers (cookie) and their addresses (X-Forwarded-For, which the server trusts from
 * loopback), with text that never repeats, so no duplicate or rate limit refuses it.
 */
export function commentPostScript(articleId, tokens, origin) {
  const list = tokens.map((t) => JSON.stringify(t)).join(', ');
  return `local tokens = { ${list} }
local next_id = 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end
function init(args)
  n = 0
  -- A nonce per run: the warm-up and the measured run must not post the same texts
  -- (the second would be refused as duplicates).
  math.randomseed(os.time() + id)
  run = math.random(1, 1000000000)
end
function request()
  n = n + 1
  local k = ((n * 2 + id) % #tokens) + 1
  local body = '{"body":"Benchmark comment ' .. run .. ' ' .. id .. ' ' .. n .. ' about the harbour budget and the ferry timetable."}'
  local headers = {}
  headers["Content-Type"] = "application/json"
  headers["Accept"] = "application/json"
  headers["Origin"] = "${origin}"
  headers["Cookie"] = "nd_reader=" .. tokens[k]
  headers["X-Forwarded-For"] = "10.77." .. (k % 250) .. "." .. (math.floor(k / 250) + 1)
  return wrk.format("POST", "/articles/${articleId}/comments", headers, body)
end
`;
}
