// Load benchmark: the real Newsdesk server (built dist/newsdesk.js) on the demo newsroom,
// measured with wrk against two baselines that send the very same gzip article bytes: a bare
// Node.js http server and nginx. See bench/README.md for what each scenario measures.
//
// Run with `npm run bench` (which builds first). Knobs: BENCH_DURATION (seconds per scenario),
// BENCH_CONNECTIONS, BENCH_DATABASE_URL (a PostgreSQL database instead of a temp SQLite file),
// BENCH_INSTANCES (2: also measure 2 instances against 1 behind nginx, PostgreSQL only; on
// PostgreSQL that is the default, 1 turns it off).

// Node's globals are imported: the repository's ESLint config declares no Node globals for .mjs.
import { Buffer } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants as fsConstants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { URL, fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { commentPostScript, prepareCommentReaders } from './comment-fixtures.mjs';
import { headlineFragments, prepareEditorSession } from './newsroom-fixtures.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const SERVER_ENTRY = join(ROOT, 'dist', 'newsdesk.js');
/** The installed command: it starts SERVER_ENTRY with the memory settings production runs with. */
const NEWSDESK_BIN = join(ROOT, 'bin', 'newsdesk.js');
const BARE_SERVER = join(ROOT, 'bench', 'bare-server.mjs');

const DURATION = positiveInt('BENCH_DURATION', 10);
const CONNECTIONS = positiveInt('BENCH_CONNECTIONS', 50);
const THREADS = Math.min(2, CONNECTIONS); // wrk needs at least one connection per thread
// JIT, connection set-up and first-use compression should not count against anyone.
const WARMUP = Math.min(2, DURATION);
// Alternating rounds of the cached article and its three baselines (see main).
const ROUNDS = positiveInt('BENCH_ROUNDS', 3);
// The first start seeds the demo (illustrations included): allow for a slow machine. (It took
// over a minute while libvips ran under the server's malloc setting: src/media/images.ts.)
const READY_TIMEOUT_MS = 180_000;
const DATABASE_URL = process.env.BENCH_DATABASE_URL || undefined;
const IS_POSTGRES = DATABASE_URL?.startsWith('postgres') ?? false;
const INSTANCES = instancesSetting();
/** The "2 instances vs 1" section: only PostgreSQL can be shared by several instances. */
const SCALE_OUT = INSTANCES === 2 || (INSTANCES === undefined && IS_POSTGRES);

// Headers the baselines copy from Newsdesk's answer, so every contender sends the same
// representation (body, type, encoding, validators, caching policy).
const COPIED_HEADERS = ['content-type', 'content-encoding', 'etag', 'last-modified', 'cache-control', 'vary'];
/** Headers Node.js writes itself, left out when the second baseline replays the rest. */
const NOT_REPLAYED = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** Every child process and temp dir, so any way out (error, Ctrl+C) can clean them up. */
const children = new Set();
const tempDirs = new Set();
/** Newsdesk servers that exited while still in use: the reason a scenario then fails. */
const unexpectedExits = [];

function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`${name} must be a positive whole number, got "${raw}".\n`);
    process.exit(1);
  }
  return n;
}

/** BENCH_INSTANCES: unset (2 on PostgreSQL, 1 on SQLite), 1 or 2. */
function instancesSetting() {
  const raw = process.env.BENCH_INSTANCES;
  if (raw === undefined || raw === '') return undefined;
  if (raw !== '1' && raw !== '2') {
    process.stderr.write(`BENCH_INSTANCES must be 1 or 2, got "${raw}".\n`);
    process.exit(1);
  }
  if (raw === '2' && !IS_POSTGRES) {
    process.stderr.write(
      'BENCH_INSTANCES=2 runs two Newsdesk instances on one database, which takes PostgreSQL (SQLite is one process\'s file).\n' +
        'Set BENCH_DATABASE_URL to an empty PostgreSQL database, e.g. BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsdesk_bench\n',
    );
    process.exit(1);
  }
  return Number(raw);
}

const say = (line = '') => process.stdout.write(`${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------
// Processes and temp dirs

function makeTempDir(label) {
  const dir = mkdtempSync(join(os.tmpdir(), `newsdesk-bench-${label}-`));
  tempDirs.add(dir);
  return dir;
}

/**
 * Starts a child in a process group of its own: Ctrl+C then reaches only this runner, which
 * stops children in order, and signalling the group also reaches nginx's worker processes.
 */
function startProcess(name, command, args, options = {}) {
  const child = spawn(command, args, { cwd: ROOT, ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => {
    // Only the tail matters for error messages; a chatty child must not grow memory.
    output = (output + chunk.toString()).slice(-16_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const proc = {
    name,
    child,
    running: true,
    stopping: false,
    output: () => output,
    exited: new Promise((resolve) => {
      child.once('error', (error) => {
        keep(`\n${error.message}\n`);
        resolve({ code: null, signal: null });
      });
      child.once('exit', (code, signal) => resolve({ code, signal }));
    }),
  };
  children.add(proc);
  void proc.exited.then(() => {
    proc.running = false;
    children.delete(proc);
  });
  return proc;
}

function signalGroup(proc, signal) {
  if (!proc.running || proc.child.pid === undefined) return;
  try {
    process.kill(-proc.child.pid, signal);
  } catch {
    // Already gone between the check and the signal.
  }
}

/** SIGTERM (a graceful stop), then SIGKILL if the process has not gone within `graceMs`. */
async function stopProcess(proc, graceMs = 5_000) {
  if (!proc.running) return;
  proc.stopping = true;
  signalGroup(proc, 'SIGTERM');
  const stopped = await Promise.race([proc.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!stopped) {
    signalGroup(proc, 'SIGKILL');
    await proc.exited;
  }
}

let cleaningUp;
function cleanup() {
  // Children first: SQLite must be closed before its directory goes away.
  cleaningUp ??= Promise.all([...children].map((proc) => stopProcess(proc))).then(() => {
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
    tempDirs.clear();
  });
  return cleaningUp;
}

// Last resort if the runner exits without going through cleanup(): nothing may be left behind.
process.on('exit', () => {
  for (const proc of children) signalGroup(proc, 'SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    interrupted = true;
    process.stderr.write(`\n${signal}: stopping the servers and removing temp files...\n`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------
// Networking helpers

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** One GET with a fresh connection; the body is returned raw (never decompressed). */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false, timeout: 10_000 }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
  });
}

async function waitUntilOk(proc, url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!proc.running) throw new Error(`${proc.name} exited before it was ready. Its output:\n${proc.output()}`);
    try {
      if ((await get(url)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`${proc.name} was not ready at ${url} within ${timeoutMs / 1000} s. Its output:\n${proc.output()}`);
}

// ---------------------------------------------------------------------------------------
// Tools

function findExecutable(name, extraDirs = []) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...extraDirs].filter(Boolean);
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}

/** First line a tool prints about itself (wrk -v and nginx -v write to different streams). */
function toolVersion(path, flag) {
  const result = spawnSync(path, [flag], { encoding: 'utf8', timeout: 5_000 });
  return `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n')[0].replace(/\s*Copyright.*$/, '').trim();
}

// ---------------------------------------------------------------------------------------
// wrk

const UNIT_MS = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function latencyMs(output, percentile) {
  const match = new RegExp(`^\\s*${percentile}(?:\\.0+)?%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$`, 'm').exec(output);
  return match ? Number(match[1]) * UNIT_MS[match[2]] : NaN;
}

function parseWrk(output) {
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? NaN),
    requests: Number(/(\d+) requests in/.exec(output)?.[1] ?? NaN),
    p50: latencyMs(output, 50),
    p99: latencyMs(output, 99),
    non2xx3xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0),
    socketErrors: socket ? { connect: +socket[1], read: +socket[2], write: +socket[3], timeout: +socket[4] } : undefined,
  };
}

async function runWrk(wrkPath, url, seconds, script) {
  const args = [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', '--timeout', '10s', '-H', 'Accept-Encoding: gzip'];
  if (script) args.push('-s', script);
  args.push(url);
  const proc = startProcess('wrk', wrkPath, args);
  // wrk stops itself after -d; the guard only catches a wedged run.
  const guard = setTimeout(() => signalGroup(proc, 'SIGKILL'), (seconds + 20) * 1000);
  const { code, signal } = await proc.exited;
  clearTimeout(guard);
  if (code !== 0) throw new Error(`wrk ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${proc.output()}`);
  return proc.output();
}

async function scenario(wrkPath, name, url, script) {
  process.stdout.write(`  ${name}: warm-up ${WARMUP} s, then ${DURATION} s... `);
  await runWrk(wrkPath, url, WARMUP, script);
  const output = await runWrk(wrkPath, url, DURATION, script);
  const result = { name, ...parseWrk(output) };
  if (!Number.isFinite(result.rps)) throw new Error(`Could not read Requests/sec from wrk's output:\n${output}`);
  say(`${Math.round(result.rps).toLocaleString('en-US')} req/s`);
  return result;
}

/**
 * Cycles through every demo article, each thread starting at a different one, so requests in
 * flight mostly ask for different pages and the page cache's coalescing of concurrent misses
 * for one page rarely merges renders. (With 50 connections over about 40 articles some
 * overlap remains, so this slightly flatters the miss path.) With `cookie`, every request
 * carries it (the newsroom scenario's signed-in editor).
 */
function articleRotationScript(dir, paths, name = 'rotate-articles.lua', cookie = undefined) {
  const path = join(dir, name);
  const list = paths.map((p) => JSON.stringify(p)).join(', ');
  writeFileSync(path, `local paths = { ${list} }
${cookie ? `wrk.headers["Cookie"] = ${JSON.stringify(cookie)}\n` : ''}local next_id = 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end
function init(args)
  n = id * 7
end
function request()
  n = n + 1
  return wrk.format(nil, paths[(n % #paths) + 1])
end
`);
  return path;
}

/** The section fronts the home page lists (its section headings), in the home page's order. */
async function sectionPaths(origin) {
  const home = (await get(`${origin}/`)).body.toString('utf8');
  return [...new Set([...home.matchAll(/<h2 id="s-[^"]*"><a href="(\/[^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&')))];
}

/** Every article linked from the section pages: the pages a miss scenario renders. */
async function collectArticlePaths(origin) {
  const paths = new Set();
  for (const section of await sectionPaths(origin)) {
    const html = (await get(`${origin}${section}`)).body.toString('utf8');
    for (const [, href] of html.matchAll(/class="card-headline"><a href="(\/[^"]+)"/g)) paths.add(href.replaceAll('&amp;', '&'));
  }
  if (paths.size < 5) throw new Error(`Found only ${paths.size} article links for the cache-miss scenario`);
  return [...paths];
}

/** The list pages a reader reaches from those articles: section fronts, tags and bylines. */
async function collectListPaths(origin, articlePaths) {
  const paths = new Set(await sectionPaths(origin));
  for (const article of articlePaths.slice(0, 40)) {
    const html = (await get(`${origin}${article}`)).body.toString('utf8');
    for (const [, href] of html.matchAll(/href="(\/(?:[a-z]{2}\/)?(?:tag|author)\/[^"?#]+)"/g)) paths.add(href.replaceAll('&amp;', '&'));
  }
  if (![...paths].some((p) => /\/(tag|author)\//.test(p))) throw new Error('The articles link no tag or author page for the list-page scenario');
  return [...paths];
}

// ---------------------------------------------------------------------------------------
// Newsdesk

async function startNewsdesk(name, dataDir, extraEnv) {
  const port = await freePort();
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: DATABASE_URL ?? `sqlite:${join(dataDir, 'newsdesk.db')}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO_CONTENT: 'true',
    // No ffmpeg demo stream competing with the server for the CPU.
    DEMO_STREAM: 'false',
    NODE_ENV: 'production',
    ...extraEnv,
  };
  const proc = startProcess(name, NEWSDESK_BIN, ['serve'], { env });
  void proc.exited.then(({ code, signal }) => {
    if (!proc.stopping) unexpectedExits.push(`${name} exited by itself (${signal ?? `exit ${code}`}). Its output:\n${proc.output()}`);
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilOk(proc, `${origin}/readyz`, READY_TIMEOUT_MS);
  return { proc, origin };
}

/**
 * What the kernel counts for a server process now and at its peak (VmRSS, VmHWM), in MB:
 * the figure a newsroom's monitoring shows. Undefined where there is no /proc (macOS).
 */
function residentMemory(proc) {
  try {
    const status = readFileSync(`/proc/${proc.child.pid}/status`, 'utf8');
    const mb = (field) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024);
    return { now: mb('VmRSS'), peak: mb('VmHWM') };
  } catch {
    return undefined;
  }
}

const isArticlePage = (res) => res.status === 200 && res.body.toString('utf8').includes('<article class="article');

/** The lead story's article URL, or else the first link with 2+ segments that is an article. */
async function pickArticlePath(origin) {
  const home = await get(`${origin}/`);
  if (home.status !== 200) throw new Error(`GET / answered ${home.status}`);
  const html = home.body.toString('utf8');
  const candidates = [];
  const lead = html.indexOf('<div class="lead-story">');
  if (lead >= 0) {
    const headline = html.indexOf('<h3 class="card-headline">', lead);
    const href = headline >= 0 ? /href="(\/[^"]*)"/.exec(html.slice(headline, headline + 2000)) : null;
    if (href) candidates.push(href[1]);
  }
  for (const [, href] of html.matchAll(/href="(\/[^"?#]+)"/g)) {
    if (href.split('/').filter(Boolean).length >= 2 && !href.startsWith('/media/') && !href.startsWith('/assets/')) candidates.push(href);
  }
  for (const path of [...new Set(candidates)].slice(0, 20)) {
    if (isArticlePage(await get(`${origin}${path.replaceAll('&amp;', '&')}`))) return path.replaceAll('&amp;', '&');
  }
  throw new Error('Found no article link on the home page');
}

/** The first section front on the home page (the demo's is /news), checked to come from the page cache. */
async function pickSectionPath(origin) {
  const [section] = await sectionPaths(origin);
  if (!section) throw new Error('The home page links no section front');
  // The first request renders and stores the page; the second must be a hit.
  await get(`${origin}${section}`, { 'accept-encoding': 'gzip' });
  const res = await get(`${origin}${section}`, { 'accept-encoding': 'gzip' });
  if (res.status !== 200 || res.headers['x-cache'] !== 'HIT') {
    throw new Error(`The section front ${section} answered ${res.status} x-cache ${res.headers['x-cache'] ?? 'none'}, expected 200 HIT`);
  }
  return { path: section, bytes: res.body.length };
}

/** Words that match several demo stories, in order of preference. "budget" fills a results page (10 of 11). */
const SEARCH_WORDS = ['budget', 'water', 'school', 'city', 'election', 'council'];
const MIN_SEARCH_HITS = 3;

/**
 * The first of SEARCH_WORDS with at least MIN_SEARCH_HITS hits on the first results page,
 * checked to be answered without the page cache (search pages are never stored: queries are
 * unbounded), so every request runs the query and renders.
 */
async function pickSearchPath(origin) {
  const tried = [];
  for (const word of SEARCH_WORDS) {
    const path = `/search?q=${encodeURIComponent(word)}`;
    const first = await get(`${origin}${path}`, { 'accept-encoding': 'gzip' });
    const res = await get(`${origin}${path}`, { 'accept-encoding': 'gzip' });
    if (first.status !== 200 || res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
    if (res.headers['x-cache'] !== undefined) {
      throw new Error(`GET ${path} answered x-cache ${res.headers['x-cache']}: search pages are page-cached now, so "search (uncached)" would measure the cache. Make its wrk script cycle through many queries.`);
    }
    const html = res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.body).toString('utf8') : res.body.toString('utf8');
    const hits = [...html.matchAll(/class="search-hit"/g)].length;
    if (hits >= MIN_SEARCH_HITS) return { path, hits, bytes: res.body.length, encoding: res.headers['content-encoding'] ?? 'identity' };
    tried.push(`${word} (${hits})`);
  }
  throw new Error(`No search word matched ${MIN_SEARCH_HITS}+ demo stories: ${tried.join(', ')}`);
}

// ---------------------------------------------------------------------------------------
// Baselines

async function startBareNode(dir, bodyFile, headers, headersName = 'headers.json') {
  const port = await freePort();
  const headersFile = join(dir, headersName);
  writeFileSync(headersFile, JSON.stringify(headers));
  const proc = startProcess('bare node http', process.execPath, [BARE_SERVER, String(port), bodyFile, headersFile]);
  const url = `http://127.0.0.1:${port}/article`;
  await waitUntilOk(proc, url, 10_000);
  return { proc, url };
}

/** The baselines' keys in a round of measurements, and their rows' names. */
const BASELINES = {
  node: { key: 'node', name: 'bare node http' },
  nodeFull: { key: 'nodeFull', name: 'bare node http (all headers)' },
  nginx: { key: 'nginx', name: 'nginx static' },
};

/**
 * The three servers the cached article is compared with, all sending its very bytes: bare
 * Node with Newsdesk's representation headers, bare Node with every header Newsdesk sent,
 * and nginx (skipped when it is not installed). Each `key` names its figures in a round.
 */
async function startBaselines(nginxPath, workDir, bodyFile, articleBytes, baselineHeaders, fullHeaders) {
  const bare = await startBareNode(workDir, bodyFile, baselineHeaders);
  const bareFull = await startBareNode(workDir, bodyFile, fullHeaders, 'headers-full.json');
  const baselines = [
    { ...BASELINES.node, ...bare },
    { ...BASELINES.nodeFull, ...bareFull },
  ];
  if (nginxPath) baselines.push({ ...BASELINES.nginx, ...(await startNginx(nginxPath, articleBytes, baselineHeaders)) });
  else say('  nginx static: skipped (nginx is not installed; apt-get install nginx-light)');
  return baselines;
}

/** Which baselines the rounds measured. */
const baselineKeys = (rounds) => Object.values(BASELINES).filter(({ key }) => rounds[0]?.[key]);

/** The middle item by `value` (the lower middle of an even count): a whole run, latencies too. */
function middle(items, value = (x) => x) {
  const sorted = [...items].sort((a, b) => value(a) - value(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * An nginx of our own: one worker, in the foreground, everything (config, pid, logs, temp
 * paths) in a temp dir. `http` is the part of the http block that differs per use.
 */
async function startNginxProcess(nginxPath, name, http) {
  // nginx drops worker privileges to "nobody" when run as root: its files must be world-readable.
  const dir = makeTempDir('nginx');
  chmodSync(dir, 0o755);
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  # Node keeps a keep-alive connection open for any number of requests; nginx would close it
  # after 1000 by default and make wrk reconnect. Match Node so only the serving differs.
  keepalive_requests 100000000;
  # The compiled-in temp paths under /var/lib/nginx may not exist or be writable.
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${http({ dir, port })}
}
`);
  // -e (nginx 1.19.5+) keeps even start-up errors out of the system log.
  const proc = startProcess(name, nginxPath, ['-e', join(dir, 'error.log'), '-p', dir, '-c', conf]);
  return { proc, dir, origin: `http://127.0.0.1:${port}` };
}

async function startNginx(nginxPath, gzipBody, headers) {
  const gzipStatic = /--with-http_gzip_static_module/.test(spawnSync(nginxPath, ['-V'], { encoding: 'utf8' }).stderr ?? '');
  const files = gzipStatic
    ? // The realistic set-up: nginx picks article.html.gz for clients that accept gzip.
      { 'article.html.gz': gzipBody, 'article.html': gunzipSync(gzipBody) }
    : // Without the module, serve the compressed bytes as they are and label them.
      { 'article.html': gzipBody };
  const { proc, origin } = await startNginxProcess(nginxPath, 'nginx', ({ dir, port }) => {
    const www = join(dir, 'www');
    mkdirSync(www);
    chmodSync(www, 0o755);
    for (const [name, bytes] of Object.entries(files)) {
      writeFileSync(join(www, name), bytes);
      chmodSync(join(www, name), 0o644);
    }
    return `  sendfile on;
  tcp_nopush on;
  types { text/html html; }
  charset utf-8;
  etag on;
  server {
    listen 127.0.0.1:${port};
    root ${www};
    location = /article.html {
      ${gzipStatic ? 'gzip_static on;' : 'add_header Content-Encoding gzip;'}
      add_header Cache-Control "${headers['cache-control'] ?? 'public'}";
      add_header Vary "Accept-Encoding";
    }
  }`;
  });
  const url = `${origin}/article.html`;
  await waitUntilOk(proc, url, 10_000);
  const check = await get(url, { 'accept-encoding': 'gzip' });
  if (check.headers['content-encoding'] !== 'gzip' || !check.body.equals(gzipBody)) {
    throw new Error('nginx did not send the same gzip bytes as Newsdesk');
  }
  return { proc, url };
}

// ---------------------------------------------------------------------------------------
// 2 instances vs 1 (PostgreSQL)

/**
 * nginx as the load balancer in front of Newsdesk instances, set up as docs/deployment.md
 * shows (round robin, upstream keep-alive, HTTP/1.1, X-Forwarded-For, no buffering), minus
 * TLS. The 1-instance and 2-instance rows both go through it, so both pay the same proxy.
 */
async function startLoadBalancer(nginxPath, origins) {
  const servers = origins.map((o) => new URL(o).host);
  const lb = await startNginxProcess(nginxPath, `nginx load balancer (${servers.length} upstream)`, ({ port }) => `  upstream newsdesk {
    # max_fails=0: an instance slow under load must not be taken out of the rotation.
${servers.map((s) => `    server ${s} max_fails=0;`).join('\n')}
    keepalive 64;
    keepalive_requests 100000000;
    # Below Node's keep-alive timeouts, so nginx never reuses a connection the instance closed.
    keepalive_timeout 4s;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://newsdesk;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_buffering off;
      # Which instance answered: checked before each run (both must be in the rotation).
      add_header X-Bench-Upstream $upstream_addr always;
    }
  }`);
  await waitUntilOk(lb.proc, `${lb.origin}/readyz`, 10_000);
  return lb;
}

/**
 * Sends a few requests through the load balancer: every one must be a 200 with the expected
 * X-Cache (for HIT, after a first round that fills every instance's cache), and every instance
 * must have answered some.
 */
async function checkRotation(lb, path, instances, expectedCache) {
  const seen = new Set();
  const rounds = 4 * instances;
  for (let i = 0; i < rounds * 2; i++) {
    const res = await get(`${lb.origin}${path}`, { 'accept-encoding': 'gzip' });
    if (i < rounds && expectedCache === 'HIT') continue; // warming every instance's cache
    if (res.status !== 200 || res.headers['x-cache'] !== expectedCache) {
      throw new Error(`Through nginx, ${path} answered ${res.status} x-cache ${res.headers['x-cache'] ?? 'none'}, expected 200 ${expectedCache}`);
    }
    seen.add(res.headers['x-bench-upstream']);
  }
  if (seen.size !== instances) throw new Error(`Expected nginx to spread requests over ${instances} instance(s), saw ${[...seen].join(', ') || 'none'}`);
}

/**
 * The same article scenario through nginx with 1 and then 2 instances on the one PostgreSQL
 * database. The second instance starts only after the first answered /readyz (startNewsdesk
 * waits), so two never migrate or seed at once; neither seeds (the main run already did).
 */
async function scaleOutPair(wrkPath, nginxPath, { dataDir, label, env, path, script, expectedCache }) {
  const name = (n) => `newsdesk ${n}/2 (${label})`;
  const first = await startNewsdesk(name(1), dataDir, { SEED_DEMO_CONTENT: 'false', ...env });
  let lb = await startLoadBalancer(nginxPath, [first.origin]);
  await checkRotation(lb, path, 1, expectedCache);
  const one = { kind: 'newsdesk', ...(await scenario(wrkPath, `${label} via nginx, 1 instance`, `${lb.origin}${path}`, script)) };
  await stopProcess(lb.proc);

  const second = await startNewsdesk(name(2), dataDir, { SEED_DEMO_CONTENT: 'false', ...env });
  lb = await startLoadBalancer(nginxPath, [first.origin, second.origin]);
  await checkRotation(lb, path, 2, expectedCache);
  const two = { kind: 'newsdesk', versus: one, ...(await scenario(wrkPath, `${label} via nginx, 2 instances`, `${lb.origin}${path}`, script)) };
  await stopProcess(lb.proc);
  await Promise.all([stopProcess(first.proc), stopProcess(second.proc)]);
  return [one, two];
}

// ---------------------------------------------------------------------------------------
// Report

const fmtRps = (n) => Math.round(n).toLocaleString('en-US');
const fmtMs = (n) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : 'n/a');
const fmtRatio = (a, b) => {
  const ratio = a / b;
  // Two decimals say nothing about a cache miss at 1% of nginx: keep two significant digits.
  return `${ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2)}x`;
};

/** `nodeFull`: the bare server sending all of Newsdesk's headers, compared with cache hits only. */
function tableRows(results, node, nginx, nodeFull) {
  return results.map((r) => {
    let ratio = '';
    if (r.kind === 'newsdesk') {
      // A 2-instance row is compared with its 1-instance row first.
      const versus = r.versus && `${fmtRatio(r.rps, r.versus.rps)} 1 instance`;
      const sameHeaders = nodeFull && r.name.includes('(cache hit)') && `${fmtRatio(r.rps, nodeFull.rps)} node all headers`;
      ratio = [versus, node && `${fmtRatio(r.rps, node.rps)} node`, sameHeaders, nginx && `${fmtRatio(r.rps, nginx.rps)} nginx`].filter(Boolean).join(', ');
    } else if ((r === node || r === nodeFull) && nginx) {
      ratio = `${fmtRatio(r.rps, nginx.rps)} nginx`;
    }
    return [r.name, fmtRps(r.rps), fmtMs(r.p50), fmtMs(r.p99), ratio];
  });
}

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ').trimEnd();
  say(line(header));
  say(widths.map((w) => '-'.repeat(w)).join('   '));
  for (const row of rows) say(line(row));
}

function printMarkdown(header, rows) {
  say(`| ${header.join(' | ')} |`);
  say(`| ${header.map((_, i) => (i === 0 || i === header.length - 1 ? '---' : '---:')).join(' | ')} |`);
  for (const row of rows) say(`| ${row.join(' | ')} |`);
}

// ---------------------------------------------------------------------------------------

async function main() {
  const wrkPath = findExecutable('wrk');
  if (!wrkPath) {
    say('wrk is not installed: it drives every scenario. On Debian or Ubuntu:');
    say('  sudo apt-get install wrk nginx-light');
    process.exitCode = 1;
    return;
  }
  // sbin directories are often missing from a non-root PATH, and Debian installs nginx there.
  const nginxPath = findExecutable('nginx', ['/usr/sbin', '/usr/local/sbin', '/usr/local/nginx/sbin']);
  if (INSTANCES === 2 && !nginxPath) {
    say('BENCH_INSTANCES=2 puts nginx in front of the instances as the load balancer, and nginx is not installed:');
    say('  sudo apt-get install nginx-light');
    process.exitCode = 1;
    return;
  }
  if (!existsSync(SERVER_ENTRY)) {
    say(`${SERVER_ENTRY} is missing: run \`npm run bench\`, which builds it first.`);
    process.exitCode = 1;
    return;
  }

  const dataDir = makeTempDir('data');
  const workDir = makeTempDir('work');
  const database = DATABASE_URL ? DATABASE_URL.replace(/\/\/[^@/]*@/, '//***@') : 'SQLite (temp file)';

  say('Newsdesk benchmark');
  say(`  Node ${process.version}, ${toolVersion(wrkPath, '-v')}, ${nginxPath ? toolVersion(nginxPath, '-v') : 'nginx: not installed'}`);
  say(`  ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${os.platform()} ${os.release()}`);
  say(`  Database: ${database}`);
  say(`  wrk: ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION} s per scenario after ${WARMUP} s warm-up, Accept-Encoding: gzip`);
  if (!nginxPath) say(`  Note: nginx is not installed, so the nginx baseline${SCALE_OUT ? ' and the 2-instances-vs-1 section are' : ' is'} skipped (apt-get install nginx-light).`);
  else if (SCALE_OUT) say('  Then 2 instances vs 1 on this database, through nginx as the load balancer (BENCH_INSTANCES=1 skips it).');
  say();

  say('Starting Newsdesk (the first start seeds the demo newsroom)...');
  const cached = await startNewsdesk('newsdesk', dataDir, {});
  const articlePath = await pickArticlePath(cached.origin);
  const articleUrl = `${cached.origin}${articlePath}`;

  // The first gzip request renders and compresses fast; the second is served from the cache
  // and has the page compressed again, smaller, right after; the third gets those bytes,
  // which every later hit sends (src/http/page-cache.ts).
  await get(articleUrl, { 'accept-encoding': 'gzip' });
  await get(articleUrl, { 'accept-encoding': 'gzip' });
  const article = await get(articleUrl, { 'accept-encoding': 'gzip' });
  if (article.status !== 200 || article.headers['content-encoding'] !== 'gzip') {
    throw new Error(`The article did not come back as 200 gzip (status ${article.status}, encoding ${article.headers['content-encoding'] ?? 'none'})`);
  }
  const articleBytes = article.body;
  const articleHtmlBytes = gunzipSync(articleBytes).length;
  const baselineHeaders = Object.fromEntries(COPIED_HEADERS.filter((h) => article.headers[h] !== undefined).map((h) => [h, article.headers[h]]));
  // The second bare-Node baseline sends every header Newsdesk sent (security policy, surrogate
  // keys, validators...), byte for byte: the ceiling for exactly this response.
  const fullHeaders = Object.fromEntries(Object.entries(article.headers).filter(([h]) => !NOT_REPLAYED.has(h)));
  const bodyFile = join(workDir, 'article.html.gz');
  writeFileSync(bodyFile, articleBytes);
  const home = await get(`${cached.origin}/`, { 'accept-encoding': 'gzip' });
  const section = await pickSectionPath(cached.origin);
  const search = await pickSearchPath(cached.origin);

  say(`  Article: ${articlePath}`);
  say(`  Article response: ${articleBytes.length} bytes gzip (${articleHtmlBytes} bytes HTML); home page: ${home.body.length} bytes gzip`);
  say(`  Section front: ${section.path}, ${section.bytes} bytes gzip; search: ${search.path} (${search.hits} hits), ${search.bytes} bytes ${search.encoding}`);
  say();
  say('Running scenarios:');

  // Each server is stopped as soon as its scenarios are done: on a small machine an idle
  // process still costs timer wake-ups and memory, and nothing may compete with the next one.
  // (The baselines below have no timers: idle, they cost nothing while another is measured.)
  // The headline ratio (a cached article against the same bytes from a bare Node server and
  // from nginx) is measured in alternating rounds: on a shared VM the machine's speed drifts
  // from minute to minute, so runs minutes apart can differ by more than the gap measured.
  const baselines = await startBaselines(nginxPath, workDir, bodyFile, articleBytes, baselineHeaders, fullHeaders);
  const rounds = [];
  for (let i = 1; i <= ROUNDS; i++) {
    const round = ROUNDS > 1 ? ` [round ${i}/${ROUNDS}]` : '';
    const hit = { kind: 'newsdesk', ...(await scenario(wrkPath, `article (cache hit)${round}`, articleUrl)) };
    const measured = { hit };
    for (const b of baselines) measured[b.key] = { kind: 'baseline', ...(await scenario(wrkPath, `${b.name}${round}`, b.url)) };
    rounds.push(measured);
  }
  for (const b of baselines) await stopProcess(b.proc);
  const medianOf = (key, name) => (rounds[0][key] ? { ...middle(rounds.map((r) => r[key]), (run) => run.rps), name } : undefined);
  const articleHit = medianOf('hit', 'article (cache hit)');
  const node = medianOf('node', BASELINES.node.name);
  const nodeFull = medianOf('nodeFull', BASELINES.nodeFull.name);
  const nginx = medianOf('nginx', BASELINES.nginx.name);
  const homeHit = { kind: 'newsdesk', ...(await scenario(wrkPath, 'home (cache hit)', `${cached.origin}/`)) };
  const sectionHit = { kind: 'newsdesk', ...(await scenario(wrkPath, 'section (cache hit)', `${cached.origin}${section.path}`)) };
  const searchRun = { kind: 'newsdesk', ...(await scenario(wrkPath, 'search (uncached)', `${cached.origin}${search.path}`)) };

  // Comments: reading a story's thread page (per reader, never cached: thread query, render;
  // the route sends it uncompressed) and posting (pipeline, score, transaction, counts, cache invalidation).
  const articleId = /data-article="(\d+)"/.exec(gunzipSync(articleBytes).toString('utf8'))?.[1];
  if (!articleId) throw new Error('The article page has no comments section (data-article)');
  const threadRead = { kind: 'newsdesk', ...(await scenario(wrkPath, 'comment thread page (uncached)', `${cached.origin}/articles/${articleId}/comments`)) };
  const tokens = await prepareCommentReaders({ databaseUrl: DATABASE_URL, dataDir, count: 2000 });
  // The server keeps comment settings for 5 s: let it see the benchmark's rate limits.
  await sleep(5_500);
  const postScript = join(workDir, 'post-comments.lua');
  writeFileSync(postScript, commentPostScript(articleId, tokens, cached.origin));
  const commentPost = { kind: 'newsdesk', ...(await scenario(wrkPath, 'comment posting', `${cached.origin}/articles/${articleId}/comments`, postScript)) };
  const memory = [{ name: 'the instance with the page cache, after its scenarios', rss: residentMemory(cached.proc) }];
  await stopProcess(cached.proc);

  // A second process on the same database with the page cache off: every request renders.
  const uncached = await startNewsdesk('newsdesk (PAGE_CACHE_TTL=0)', dataDir, { PAGE_CACHE_TTL: '0', SEED_DEMO_CONTENT: 'false' });
  for (let i = 0; i < 2; i++) {
    const res = await get(`${uncached.origin}${articlePath}`, { 'accept-encoding': 'gzip' });
    if (res.status !== 200 || res.headers['x-cache'] !== 'MISS') {
      throw new Error(`With PAGE_CACHE_TTL=0 the article answered ${res.status} x-cache ${res.headers['x-cache'] ?? 'none'}, expected 200 MISS`);
    }
  }
  const missPaths = await collectArticlePaths(uncached.origin);
  const missLabel = `article (cache miss, ${missPaths.length} articles)`;
  const missScript = articleRotationScript(workDir, missPaths);
  const articleMiss = { kind: 'newsdesk', ...(await scenario(wrkPath, missLabel, `${uncached.origin}${articlePath}`, missScript)) };
  // Section fronts, tag and author pages: a list and its count per page, whatever the archive's size.
  const listPaths = await collectListPaths(uncached.origin, missPaths);
  const listMiss = { kind: 'newsdesk', ...(await scenario(wrkPath, `list pages (cache miss, ${listPaths.length} sections, tags, authors)`, `${uncached.origin}${listPaths[0]}`, articleRotationScript(workDir, listPaths, 'rotate-lists.lua'))) };
  memory.push({ name: 'the PAGE_CACHE_TTL=0 instance, after the misses', rss: residentMemory(uncached.proc) });
  // The newsroom's story list searched for part of a word, signed in as an editor: at 100,000
  // stories this is where a search that read the archive would show (it did: docs/performance.md, "22:20 UTC").
  const editorToken = await prepareEditorSession({ databaseUrl: DATABASE_URL, dataDir });
  const editorCookie = { cookie: `nd_session=${editorToken}` };
  const newsroomList = await get(`${uncached.origin}/admin/articles`, editorCookie);
  if (newsroomList.status !== 200) throw new Error(`The newsroom's story list answered ${newsroomList.status} to the benchmark's editor, expected 200`);
  const fragments = headlineFragments(newsroomList.body.toString('utf8'));
  if (fragments.length === 0) throw new Error("The newsroom's story list shows no headline to search for");
  const searchPaths = fragments.map((f) => `/admin/articles?q=${encodeURIComponent(f)}`);
  const firstSearch = (await get(`${uncached.origin}${searchPaths[0]}`, editorCookie)).body.toString('utf8');
  if (!/<a href="\/admin\/articles\/\d+">/.test(firstSearch)) throw new Error(`The newsroom search ${searchPaths[0]} found nothing`);
  const newsroomSearch = { kind: 'newsdesk', ...(await scenario(wrkPath, `newsroom search (part of a word, ${fragments.length} texts)`, `${uncached.origin}${searchPaths[0]}`, articleRotationScript(workDir, searchPaths, 'rotate-newsroom-search.lua', editorCookie.cookie))) };
  // 50 editors at once is far beyond any newsroom, and its pages are larger: reported apart.
  memory.push({ name: 'the same instance, after the newsroom searches', rss: residentMemory(uncached.proc) });
  await stopProcess(uncached.proc);

  // 2 instances vs 1: last, so the rows above are measured exactly as on SQLite.
  let scaleOut = [];
  if (SCALE_OUT && nginxPath) {
    say();
    say('2 instances vs 1 (PostgreSQL), through nginx:');
    const miss = await scaleOutPair(wrkPath, nginxPath, { dataDir, label: missLabel, env: { PAGE_CACHE_TTL: '0' }, path: articlePath, script: missScript, expectedCache: 'MISS' });
    const hit = await scaleOutPair(wrkPath, nginxPath, { dataDir, label: 'article (cache hit)', env: {}, path: articlePath, script: undefined, expectedCache: 'HIT' });
    scaleOut = [...miss, ...hit];
  }

  const results = [articleHit, articleMiss, listMiss, homeHit, sectionHit, searchRun, threadRead, commentPost, newsroomSearch, node, nodeFull, nginx].filter(Boolean);

  // Errors make a req/s figure meaningless (an error page is cheap), so they are shouted.
  const warnings = [];
  for (const r of [...results, ...scaleOut]) {
    const s = r.socketErrors;
    if (r.non2xx3xx > 0) warnings.push(`Warning: ${r.name}: ${r.non2xx3xx} of ${r.requests} responses were not 2xx/3xx.`);
    if (s && s.connect + s.read + s.write + s.timeout > 0) warnings.push(`Warning: ${r.name}: socket errors: connect ${s.connect}, read ${s.read}, write ${s.write}, timeout ${s.timeout}.`);
  }
  if (warnings.length > 0) {
    say();
    warnings.forEach((w) => say(w));
  }

  const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'ratio'];
  const rows = tableRows(results, node, nginx, nodeFull);
  const scaleRows = tableRows(scaleOut, node, nginx);
  const scaleTitle = `2 instances vs 1 (PostgreSQL): nginx (1 worker, round robin, upstream keep-alive) in front of 1 or 2 instances on one database; cache-miss rows with PAGE_CACHE_TTL=0 on every instance.`;
  const scaleSummary = () => {
    const [missOne, missTwo, hitOne, hitTwo] = scaleOut;
    say(`2 vs 1: ${fmtRatio(missTwo.rps, missOne.rps)} on a cache miss, ${fmtRatio(hitTwo.rps, hitOne.rps)} on a cache hit (${os.availableParallelism()} CPUs shared by wrk, nginx, PostgreSQL and the instances).`);
  };
  // The cached article against each baseline, round by round: the spread is the VM's drift.
  const roundLines = ROUNDS > 1 ? baselineKeys(rounds).map(({ key, name }) => {
    const ratios = rounds.map((r) => r.hit.rps / r[key].rps);
    return `Article (cache hit) / ${name}, round by round: ${ratios.map((x) => fmtRatio(x, 1)).join(', ')} (median ${fmtRatio(middle(ratios), 1)}).`;
  }) : [];
  say();
  printTable(header, rows);
  if (roundLines.length > 0) say();
  roundLines.forEach((l) => say(l));
  if (scaleOut.length > 0) {
    say();
    say(scaleTitle);
    say();
    printTable(header, scaleRows);
    say();
    scaleSummary();
  }
  const measuredMemory = memory.filter((m) => m.rss);
  if (measuredMemory.length > 0) {
    say();
    say(`Memory (RSS from /proc, now / peak): ${measuredMemory.map((m) => `${m.name}: ${m.rss.now} / ${m.rss.peak} MB`).join('; ')}.`);
  }
  say();
  say(`Article response: ${articleBytes.length} bytes gzip. Node ${process.version}, ${toolVersion(wrkPath, '-v')}, nproc ${os.availableParallelism()}.`);
  say();
  say('Markdown:');
  say();
  printMarkdown(header, rows);
  if (roundLines.length > 0) say();
  roundLines.forEach((l) => say(l));
  if (scaleOut.length > 0) {
    say();
    say(scaleTitle);
    say();
    printMarkdown(header, scaleRows);
    say();
    scaleSummary();
  }
}

try {
  await main();
} catch (error) {
  // After Ctrl+C the killed wrk or server makes main() fail: that is not news.
  if (!interrupted) {
    process.stderr.write(`\nBenchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
    // A wrk "connection refused" says nothing of why: the server's own last words do.
    for (const exit of unexpectedExits) process.stderr.write(`\n${exit}\n`);
  }
  process.exitCode = 1;
} finally {
  await cleanup();
}
