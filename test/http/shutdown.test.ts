/**
 * Graceful shutdown of a real `newsdesk serve` process on SIGTERM (what an orchestrator sends
 * before replacing an instance): a request in flight when the signal arrives is answered in
 * full, readers holding a live comments stream are told to reconnect (and the stream ends),
 * and the process exits cleanly, refusing new connections.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../helpers/databases.js';
import { prepareServeDatabase, startServeProcess } from '../helpers/serve-process.js';


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('graceful shutdown on SIGTERM', () => {
  let tdb: TestDatabase;
  let child: ChildProcess | undefined;
  let articleId = 0;

  beforeAll(async () => {
    tdb = await prepareServeDatabase('sqlite', async ({ make }) => {
      const section = await make.section({ slug: 'news' });
      articleId = (await make.article({ sectionId: section.id })).id;
    });
  }, 60_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await tdb?.drop();
  });

  it('finishes the request in flight, tells live readers to reconnect, and exits cleanly', async () => {
    const server = await startServeProcess({ DATA_DIR: tdb.dataDir, DATABASE_URL: tdb.url });
    const { origin, port } = server;
    child = server.child;

    // A reader with the live comments stream open.
    const live = await fetch(`${origin}/articles/${articleId}/comments/events`);
    const reader = live.body?.getReader();
    const decoder = new TextDecoder();
    let stream = '';
    const first = await reader?.read();
    stream += decoder.decode(first?.value);

    // A request in flight: headers sent, half the body still to come when SIGTERM arrives.
    const body = 'email=nobody%40example.test&password=not-the-password&next=%2F';
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    const closed = once(socket, 'close');
    socket.write(`POST /account/signin HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    await sleep(200);

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await sleep(300);
    socket.write(body.slice(10));

    // The reader is told to reconnect, and the stream ends.
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      stream += decoder.decode(chunk.value);
    }
    expect(stream).toContain('event: reconnect');
    expect(stream).toContain('retry: 500');

    // The request in flight got its whole answer (the sign-in form says the password is wrong).
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 (400|401|422) /);
    expect(answer).toContain('</html>');

    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    await expect(fetch(`${origin}/healthz`)).rejects.toThrow();
  });
});
