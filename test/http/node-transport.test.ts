// Deploy's HTTP client without a proxy: Node's own http (issue 14, point 2), through the one
// HTTP reader (sendHttpRequest), with the semantics the callers rely on.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { HttpAnswerTooLargeError } from '../../src/http/answer-cap.ts';
import { createNodeHttpClient } from '../../src/http/node-transport.ts';
import { HttpTransportError, sendHttpRequest, type HttpRequest } from '../../src/http/send-request.ts';
import { describeTransportFailure } from '../../src/http/transport-failure.ts';
import { sendOversizedAnswer } from '../helpers/oversized-answer.ts';

type Handler = (request: IncomingMessage, response: ServerResponse, body: Buffer) => void;

// A loopback server that reads each request's whole body before `handle` sees it.
async function serve(handle: Handler) {
  const sockets = new Set<Socket>();
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    handle(request, response, Buffer.concat(chunks));
  });
  server.on('connection', (socket) => (sockets.add(socket), socket.on('close', () => sockets.delete(socket))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const close = () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve())));
  return { url: `http://127.0.0.1:${port}/x`, port, close };
}

async function send(request: Omit<HttpRequest, 'fetch'>) {
  const client = createNodeHttpClient();
  try {
    return await sendHttpRequest({ ...request, fetch: client.fetch });
  } finally {
    await client.close();
  }
}

async function failure(request: Omit<HttpRequest, 'fetch'>): Promise<Error> {
  try {
    await send(request);
  } catch (error) {
    return error as Error;
  }
  throw new Error('an answer came');
}

const test = suite('Node http transport');

test('a stream upload goes out with its content-length, not chunked, byte for byte', async () => {
  const seen: { length?: string; encoding?: string; body?: string } = {};
  const server = await serve((request, response, body) => {
    seen.length = request.headers['content-length'];
    seen.encoding = request.headers['transfer-encoding'];
    seen.body = body.toString('latin1');
    response.end('stored');
  });
  try {
    const parts = [new Uint8Array([104, 101]), new Uint8Array([108, 108, 111, 0, 255])];
    const body = new ReadableStream<Uint8Array>({ start: (c) => (parts.forEach((p) => c.enqueue(p)), c.close()) });
    const answer = await send({ url: server.url, method: 'POST', body, headers: { 'content-length': '7' }, timeoutMs: 5000 });
    assert.equal(seen, { length: '7', encoding: undefined, body: 'hello\u0000\u00ff' });
    assert.is(answer.status, 200);
    assert.is(answer.text, 'stored');
  } finally {
    await server.close();
  }
});

test('form fields are sent as fetch sends them: url-encoded type and length, the user agent', async () => {
  const seen: Record<string, string | undefined> = {};
  const server = await serve((request, response, body) => {
    Object.assign(seen, { type: request.headers['content-type'], length: request.headers['content-length'], agent: request.headers['user-agent'], body: body.toString() });
    response.end();
  });
  try {
    await send({ url: server.url, method: 'POST', body: new URLSearchParams({ a: '1', b: 'x y' }), timeoutMs: 5000 });
    assert.equal(seen, { type: 'application/x-www-form-urlencoded;charset=UTF-8', length: '9', agent: 'aem-ioevents', body: 'a=1&b=x+y' });
  } finally {
    await server.close();
  }
});

test('a redirect is not followed: the 302, its Location and repeated headers come back', async () => {
  const paths: string[] = [];
  const server = await serve((request, response) => {
    paths.push(request.url ?? '');
    response.writeHead(302, { location: '/elsewhere', 'x-two': ['a', 'b'] });
    response.end('moved');
  });
  try {
    const answer = await send({ url: server.url, method: 'GET', timeoutMs: 5000 });
    assert.equal([answer.status, answer.headers.get('location'), answer.headers.get('x-two'), answer.headers.get('x-none'), answer.text], [302, '/elsewhere', 'a, b', null, 'moved']);
    assert.equal(paths, ['/x']);
  } finally {
    await server.close();
  }
});

const deadlines: [string, Handler][] = [
  ['no answer at all', () => {}],
  ['the head, then a body that stalls', (_request, response) => (response.writeHead(200), response.write('partial'))],
];
for (const [title, handle] of deadlines) {
  test(`the deadline covers the whole exchange: ${title} is HttpTransportError, timed out`, async () => {
    const server = await serve(handle);
    try {
      const error = await failure({ url: server.url, method: 'GET', timeoutMs: 150 });
      assert.instance(error, HttpTransportError);
      assert.is((error as HttpTransportError).timedOut, true);
      assert.is(error.message, `no answer from ${server.url} in time`);
    } finally {
      await server.close();
    }
  });
}

const oversized: ['declared' | 'endless', number | undefined][] = [
  ['declared', 2 ** 31],
  ['endless', undefined],
];
for (const [kind, declared] of oversized) {
  test(`an answer over the cap (${kind}) is HttpAnswerTooLargeError and the connection is dropped`, async () => {
    let sent: Promise<{ dropped: boolean }> | undefined;
    const server = await serve((_request, response) => {
      sent = sendOversizedAnswer(response, kind, { status: 200, contentType: 'text/plain', prefix: 'log\n', filler: 'A /content/node\n' });
    });
    try {
      const error = await failure({ url: server.url, method: 'GET', timeoutMs: 60_000, maxAnswerBytes: 64 * 1024 });
      assert.instance(error, HttpAnswerTooLargeError);
      assert.equal([(error as HttpAnswerTooLargeError).status, (error as HttpAnswerTooLargeError).declaredBytes], [200, declared]);
      assert.is((await sent)?.dropped, true);
    } finally {
      await server.close();
    }
  });
}

test('a refused connection is classified refused, with the message fetch gave', async () => {
  const server = await serve(() => {});
  await server.close();
  const error = await failure({ url: server.url, method: 'GET', timeoutMs: 5000 });
  assert.instance(error, HttpTransportError);
  assert.equal(describeTransportFailure(error.cause), { kind: 'refused', code: 'ECONNREFUSED', text: `connect ECONNREFUSED 127.0.0.1:${server.port}` });
});

test('a connection reset before the answer is classified lost (the request may have arrived)', async () => {
  const server = await serve((request) => request.socket.destroy());
  try {
    const error = await failure({ url: server.url, method: 'POST', body: 'x', timeoutMs: 5000 });
    assert.equal(describeTransportFailure((error as HttpTransportError).cause), { kind: 'lost', code: 'ECONNRESET', text: 'ECONNRESET (socket hang up)' });
  } finally {
    await server.close();
  }
});

test('a stream body that fails mid-upload fails the request with its own error, not timed out', async () => {
  const server = await serve((_request, response) => response.end());
  try {
    const body = new ReadableStream<Uint8Array>({
      start: (c) => c.enqueue(new Uint8Array(10)),
      pull: (c) => c.error(new Error('pkg.zip shrank while it was being uploaded')),
    });
    const error = await failure({ url: server.url, method: 'POST', body, headers: { 'content-length': '100' }, timeoutMs: 5000 });
    assert.is((error as HttpTransportError).timedOut, false);
    assert.equal(describeTransportFailure((error as HttpTransportError).cause), { kind: 'other', code: undefined, text: 'pkg.zip shrank while it was being uploaded' });
  } finally {
    await server.close();
  }
});

test('its fetch face answers a Response with every header', async () => {
  const server = await serve((_request, response) => (response.writeHead(201, { 'x-two': ['a', 'b'] }), response.end('made')));
  const client = createNodeHttpClient();
  try {
    const response = await client.fetch(server.url, { method: 'GET' });
    assert.equal([response.status, response.headers.get('x-two'), await response.text()], [201, 'a, b', 'made']);
  } finally {
    await client.close();
    await server.close();
  }
});

test.run();
