import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStreamingFetch } from '../../src/http/streaming-fetch.ts';
import { sendHttpRequest } from '../../src/http/send-request.ts';
import { startLoopbackProxy } from '../ims/loopback-proxy.ts';

const CHUNK = 64 * 1024;
const TOTAL = 64 * 1024 * 1024;

// A body of TOTAL zero bytes that counts what has been pulled from it.
function countingBody(): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= TOTAL) return controller.close();
      pulled += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK));
    },
  });
  return { stream, pulled: () => pulled };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const streamingSuite = suite('createStreamingFetch');

streamingSuite('a stream body is pulled only as fast as the server reads it (backpressure), then arrives whole', async () => {
  let held: IncomingMessage | undefined;
  let received = 0;
  const server = createServer((request, response) => {
    held = request;
    request.pause();
    request.on('data', (chunk: Buffer) => (received += chunk.length));
    request.on('end', () => response.end(`got ${received}`));
  });
  const url = await listen(server);
  const http = await createStreamingFetch({});
  try {
    const body = countingBody();
    const answer = sendHttpRequest({ url, method: 'POST', body: body.stream, headers: { 'content-length': String(TOTAL) }, fetch: http.fetch, timeoutMs: 30_000 });
    // Wait (bounded) until the pulls stop: the socket buffers are full and nobody reads.
    let last = -1;
    for (let polls = 0; polls < 100 && body.pulled() !== last; polls++) {
      last = body.pulled();
      await sleep(100);
    }
    assert.ok(held !== undefined, 'the request arrived');
    assert.ok(body.pulled() < TOTAL / 2, `pulled ${body.pulled()} of ${TOTAL} bytes while the server read nothing`);
    held?.resume();
    const done = await answer;
    assert.is(done.text, `got ${TOTAL}`);
    assert.is(body.pulled(), TOTAL);
  } finally {
    await http.close();
    await stop(server);
  }
});

streamingSuite('the answer keeps its status, headers and body; redirects are not followed', async () => {
  const server = createServer(async (request, response) => {
    for await (const _chunk of request);
    response.writeHead(302, { location: 'http://elsewhere.invalid/', 'x-two': ['a', 'b'] });
    response.end('moved');
  });
  const url = await listen(server);
  const http = await createStreamingFetch({});
  try {
    const body = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new Uint8Array([1, 2, 3])), c.close()) });
    const answer = await sendHttpRequest({ url, method: 'POST', body, headers: { 'content-length': '3' }, fetch: http.fetch, timeoutMs: 5000 });
    assert.is(answer.status, 302);
    assert.is(answer.headers.get('location'), 'http://elsewhere.invalid/');
    assert.is(answer.headers.get('x-two'), 'a, b');
    assert.is(answer.text, 'moved');
  } finally {
    await http.close();
    await stop(server);
  }
});

streamingSuite('requests without a stream body go through fetch on the same dispatcher; the proxy variables count', async () => {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    response.end('ok');
  });
  const url = await listen(server);
  const proxy = await startLoopbackProxy();
  const http = await createStreamingFetch({ HTTP_PROXY: proxy.url });
  try {
    const answer = await sendHttpRequest({ url: `${url}/probe`, method: 'GET', fetch: http.fetch, timeoutMs: 5000 });
    const body = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new Uint8Array([1])), c.close()) });
    await sendHttpRequest({ url: `${url}/upload`, method: 'POST', body, headers: { 'content-length': '1' }, fetch: http.fetch, timeoutMs: 5000 });
    assert.is(answer.text, 'ok');
    assert.equal(seen, ['GET /probe', 'POST /upload']);
    assert.ok(proxy.connects.length >= 1);
    assert.is(http.proxied, true);
  } finally {
    await http.close();
    await proxy.close();
    await stop(server);
  }
});

streamingSuite('our deadline aborts a stream upload that gets no answer', async () => {
  const server = createServer(() => {});
  const url = await listen(server);
  const http = await createStreamingFetch({});
  try {
    const body = new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new Uint8Array([1])), c.close()) });
    await sendHttpRequest({ url, method: 'POST', body, headers: { 'content-length': '1' }, fetch: http.fetch, timeoutMs: 200 });
    assert.unreachable('should time out');
  } catch (error) {
    assert.is((error as { timedOut?: boolean }).timedOut, true);
  } finally {
    await http.close();
    await stop(server);
  }
});

streamingSuite.run();
