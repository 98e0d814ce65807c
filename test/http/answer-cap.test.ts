import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeBytes, HttpAnswerTooLargeError, MAX_ANSWER_BYTES } from '../../src/http/answer-cap.ts';
import type { FetchLike } from '../../src/http/http-fetch.ts';
import { HttpTransportError, sendHttpRequest } from '../../src/http/send-request.ts';
import { createStreamingFetch } from '../../src/http/streaming-fetch.ts';
import { DECLARED_BYTES, MAX_SENT_BYTES, sendOversizedAnswer, type OversizedKind, type OversizedSent } from '../helpers/oversized-answer.ts';

const CAP = 64 * 1024;
// Long enough that a test stopped by the deadline instead of the cap fails on the error's type.
const DEADLINE_MS = 60_000;

async function startServer(answer: (response: ServerResponse) => Promise<OversizedSent | void>) {
  const sent: Promise<OversizedSent | void>[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => sent.push(answer(response)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
  const close = () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
  return { url, sent, close };
}

const oversized = (kind: OversizedKind) => (response: ServerResponse) => sendOversizedAnswer(response, kind, { status: 200, contentType: 'text/plain', prefix: 'log\n', filler: 'A /content/node\n' });

async function sendExpectingTooLarge(url: string, fetch: FetchLike, body?: ReadableStream<Uint8Array>): Promise<HttpAnswerTooLargeError> {
  try {
    await sendHttpRequest({ url, method: 'POST', fetch, timeoutMs: DEADLINE_MS, maxAnswerBytes: CAP, ...(body && { body, headers: { 'content-length': '5' } }) });
  } catch (error) {
    if (error instanceof HttpAnswerTooLargeError) return error;
    throw error;
  }
  throw new Error('the answer was read whole');
}

const streamBody = () => new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new TextEncoder().encode('hello')), c.close()) });

const capSuite = suite('sendHttpRequest: the cap on answers');

capSuite('the cap is 4 MiB and named in messages', () => {
  assert.is(MAX_ANSWER_BYTES, 4_194_304);
  assert.is(describeBytes(MAX_ANSWER_BYTES), '4 MiB');
  assert.is(describeBytes(CAP), '64 KiB');
  assert.is(describeBytes(1000), '1000 bytes');
});

const fetches: [string, () => Promise<{ fetch: FetchLike; close: () => Promise<void> }>, boolean][] = [
  ['the global fetch', async () => ({ fetch, close: async () => {} }), false],
  ["deploy's streaming fetch, stream body (undici request)", () => createStreamingFetch({}), true],
  ["deploy's streaming fetch, text body (undici fetch)", () => createStreamingFetch({}), false],
];

for (const [name, makeFetch, withStream] of fetches) {
  capSuite(`${name}: an endless chunked answer is cut at the cap, not at the deadline, and the connection dropped`, async () => {
    const server = await startServer(oversized('endless'));
    const http = await makeFetch();
    try {
      const error = await sendExpectingTooLarge(server.url, http.fetch, withStream ? streamBody() : undefined);
      assert.is(error.message, `the answer from ${server.url} (HTTP 200) went past 64 KiB; aem-ioevents stopped reading it there`);
      assert.is(error.status, 200);
      assert.is(error.limitBytes, CAP);
      assert.is(error.declaredBytes, undefined);
      assert.not.instance(error, HttpTransportError);
      const sent = (await server.sent[0]) as OversizedSent;
      assert.ok(sent.dropped, 'the client dropped the connection');
      assert.ok(sent.bytes < MAX_SENT_BYTES, `the server gave up after ${sent.bytes} bytes instead of the client stopping`);
    } finally {
      await http.close();
      await server.close();
    }
  });

  capSuite(`${name}: a declared content-length of 2 GB is refused without reading the body`, async () => {
    const server = await startServer(oversized('declared'));
    const http = await makeFetch();
    try {
      const error = await sendExpectingTooLarge(server.url, http.fetch, withStream ? streamBody() : undefined);
      assert.is(error.message, `the answer from ${server.url} (HTTP 200) declared ${DECLARED_BYTES} bytes (content-length), more than 64 KiB; aem-ioevents did not read it`);
      assert.is(error.declaredBytes, 2_147_483_648);
      assert.ok(((await server.sent[0]) as OversizedSent).dropped, 'the client dropped the connection');
    } finally {
      await http.close();
      await server.close();
    }
  });
}

const sized = (bytes: number, chunked: boolean) => async (response: ServerResponse) => {
  // Multibyte text across chunk edges: the kept bytes are decoded whole, as Response.text() would.
  const text = 'é'.repeat(bytes / 2);
  response.writeHead(200, chunked ? {} : { 'content-length': String(bytes) });
  for (let at = 0; at < text.length; at += 1001) response.write(text.slice(at, at + 1001));
  response.end();
};

for (const chunked of [true, false]) {
  capSuite(`an answer of exactly the cap is read whole (${chunked ? 'chunked' : 'content-length'})`, async () => {
    const server = await startServer(sized(CAP, chunked));
    try {
      const answer = await sendHttpRequest({ url: server.url, method: 'GET', fetch, timeoutMs: DEADLINE_MS, maxAnswerBytes: CAP });
      assert.is(answer.text, 'é'.repeat(CAP / 2));
    } finally {
      await server.close();
    }
  });

  capSuite(`an answer one character over the cap is too large (${chunked ? 'chunked' : 'content-length'})`, async () => {
    const server = await startServer(sized(CAP + 2, chunked));
    try {
      const error = await sendExpectingTooLarge(server.url, fetch);
      assert.is(error.declaredBytes, chunked ? undefined : CAP + 2);
    } finally {
      await server.close();
    }
  });
}

capSuite('the deadline still covers a body that stalls under the cap', async () => {
  const server = await startServer(async (response) => void response.writeHead(200).write('partial'));
  try {
    await sendHttpRequest({ url: server.url, method: 'GET', fetch, timeoutMs: 200, maxAnswerBytes: CAP });
    assert.unreachable('should time out');
  } catch (error) {
    assert.instance(error, HttpTransportError);
    assert.is((error as HttpTransportError).timedOut, true);
  } finally {
    await server.close();
  }
});

capSuite.run();
