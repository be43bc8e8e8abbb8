// The "bare node http" baseline: answers every request with one pre-compressed article page
// and nothing else (no routing, no cache lookup, no hooks), so its req/s is the ceiling any
// Node.js server can reach for these bytes on this machine.
//
// Usage: node bench/bare-server.mjs <port> <body-file> <headers-json-file>
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import process from 'node:process'; // imported: ESLint declares no Node globals for .mjs here

const [port, bodyFile, headersFile] = process.argv.slice(2);
if (!port || !bodyFile || !headersFile) {
  process.stderr.write('Usage: node bench/bare-server.mjs <port> <body-file> <headers-json-file>\n');
  process.exit(2);
}

const body = readFileSync(bodyFile);
const headers = { ...JSON.parse(readFileSync(headersFile, 'utf8')), 'content-length': String(body.length) };

createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
}).listen(Number(port), '127.0.0.1');

// The bench runner stops this process with SIGTERM; exit at once, there is nothing to flush.
process.on('SIGTERM', () => process.exit(0));
