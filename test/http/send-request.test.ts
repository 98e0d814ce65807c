import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpTransportError, sendHttpRequest } from '../../src/http/send-request.ts';

interface Seen {
  method: string;
  headers: IncomingMessage['headers'];
  body: string;
}

async function startServer(handler: (request: IncomingMessage, seen: Seen) => { status: number; body: string; headers?: Record<string, string> } | 'hang'): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const record = { method: request.method ?? '', headers: request.headers, body };
    seen.push(record);
    const answer = handler(request, record);
    if (answer === 'hang') return;
    response.writeHead(answer.status, answer.headers ?? {});
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

const sendSuite = suite('sendHttpRequest');

sendSuite('returns every answer, error statuses included, with its whole body', async () => {
  const { url, seen, server } = await startServer(() => ({ status: 500, body: '<crx/>', headers: { 'content-type': 'text/xml' } }));
  try {
    const answer = await sendHttpRequest({ url: `${url}/x`, method: 'POST', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' }, fetch, timeoutMs: 5000 });
    assert.is(answer.status, 500);
    assert.is(answer.text, '<crx/>');
    assert.is(answer.headers.get('content-type'), 'text/xml');
    assert.is(seen[0]?.body, 'a=1');
    assert.is(seen[0]?.headers['user-agent'], 'aem-ioevents');
  } finally {
    await stop(server);
  }
});

sendSuite('never follows a redirect: the 302 and its Location come back', async () => {
  const { url, seen, server } = await startServer(() => ({ status: 302, body: '', headers: { location: 'http://elsewhere.invalid/' } }));
  try {
    const answer = await sendHttpRequest({ url, method: 'GET', fetch, timeoutMs: 5000 });
    assert.is(answer.status, 302);
    assert.is(answer.headers.get('location'), 'http://elsewhere.invalid/');
    assert.is(seen.length, 1);
  } finally {
    await stop(server);
  }
});

sendSuite('a stream body goes out with the given content-length, not chunked', async () => {
  const { url, seen, server } = await startServer(() => ({ status: 200, body: 'ok' }));
  try {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('hello '));
        controller.enqueue(new TextEncoder().encode('world'));
        controller.close();
      },
    });
    await sendHttpRequest({ url, method: 'POST', body, headers: { 'content-length': '11' }, fetch, timeoutMs: 5000 });
    assert.is(seen[0]?.body, 'hello world');
    assert.is(seen[0]?.headers['content-length'], '11');
    assert.is(seen[0]?.headers['transfer-encoding'], undefined);
  } finally {
    await stop(server);
  }
});

sendSuite('no answer in time: HttpTransportError with timedOut', async () => {
  const { url, server } = await startServer(() => 'hang');
  try {
    await sendHttpRequest({ url, method: 'GET', fetch, timeoutMs: 100 });
    assert.unreachable('should time out');
  } catch (error) {
    assert.instance(error, HttpTransportError);
    assert.is((error as HttpTransportError).timedOut, true);
  } finally {
    await stop(server);
  }
});

sendSuite('a transport failure: HttpTransportError with the cause, not timed out', async () => {
  const failing = (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch;
  try {
    await sendHttpRequest({ url: 'http://127.0.0.1:9/', method: 'GET', fetch: failing, timeoutMs: 1000 });
    assert.unreachable('should fail');
  } catch (error) {
    assert.instance(error, HttpTransportError);
    assert.is((error as HttpTransportError).timedOut, false);
    assert.instance((error as HttpTransportError).cause, TypeError);
  }
});

// Node's timers hold at most 2^31-1 ms (about 24.8 days); a longer one fires after 1 ms. A
// `--timeout` of 30 days (2,592,000 s) must wait, not fail at once claiming it waited 30 days.
sendSuite('a timeout longer than a timer can hold waits (up to 2^31-1 ms), it does not abort at once', async () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => void warnings.push(warning);
  process.on('warning', onWarning);
  let signal: AbortSignal | undefined;
  const fetchLike = (_url: string, init: RequestInit) => {
    signal = init.signal ?? undefined;
    // Answers after a 50 ms timer: any timer of the request set to fire sooner has fired by then.
    return new Promise<Response>((resolve) => setTimeout(() => resolve(new Response('ok', { status: 200 })), 50));
  };
  try {
    const answer = await sendHttpRequest({ url: 'http://127.0.0.1:9/x', method: 'GET', fetch: fetchLike, timeoutMs: 30 * 86_400_000 });
    assert.equal([answer.status, answer.text, signal?.aborted], [200, 'ok', false]);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(warnings.map((warning) => warning.name), []);
  } finally {
    process.off('warning', onWarning);
  }
});

sendSuite.run();
