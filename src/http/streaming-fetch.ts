/**
 * A fetch for uploads that must not cost memory in proportion to their size, and honours the
 * proxy variables. Without a proxy it is Node's own `http`/`https` (node-transport.ts): nothing
 * heavy is loaded. With `HTTP(S)_PROXY`, undici is loaded for its `EnvHttpProxyAgent`
 * (`NO_PROXY` applies there): through its `fetch` a 200 MiB upload peaked at 300 MB of memory
 * whatever the body type (web stream, async iterable, Blob), through its `request()` with a Node
 * stream it stays at the process's base (bench/deploy.bench.mjs). So a request with a stream body
 * goes through `request()` and its answer is handed back as a `Response`; every other request
 * goes through undici's `fetch`. undici's own 300 s header and body timeouts are switched off: the
 * caller's deadline (`sendHttpRequest`) governs, since an install may pause its log for longer.
 */
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createProxyAgent, getProxyFor, getProxySettings, loadUndici, type FetchLike, type HttpFetch } from './http-fetch.ts';
import { createNodeHttpClient, toHeaders } from './node-transport.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** A fetch that streams request bodies with backpressure and honours the proxy variables of `env`. */
export async function createStreamingFetch(env: Env): Promise<HttpFetch> {
  const settings = getProxySettings(env);
  const client = createNodeHttpClient();
  if (settings === undefined) return { fetch: client.fetch, proxied: false, close: client.close };
  const undici = await loadUndici();
  const dispatcher = createProxyAgent(undici, settings, { headersTimeout: 0, bodyTimeout: 0 });
  const fetch: FetchLike = (url, init) => {
    // A host NO_PROXY names is reached as without a proxy (no-proxy.ts).
    if (getProxyFor(url, settings) === undefined) return client.fetch(url, init);
    if (init.body instanceof ReadableStream) return requestWithStream(undici, dispatcher, url, init);
    return undici.fetch(url, { ...(init as object), dispatcher }) as unknown as Promise<Response>;
  };
  return { fetch, proxied: true, close: async () => void (await Promise.all([dispatcher.close(), client.close()])) };
}

async function requestWithStream(undici: typeof import('undici'), dispatcher: import('undici').Dispatcher, url: string, init: RequestInit): Promise<Response> {
  const answer = await undici.request(url, {
    method: (init.method ?? 'POST') as 'POST',
    headers: Object.fromEntries(new Headers(init.headers).entries()),
    body: Readable.fromWeb(init.body as NodeReadableStream<Uint8Array>),
    signal: init.signal ?? null,
    dispatcher,
  });
  const headers = toHeaders(answer.headers);
  // A Response cannot carry a body with these statuses.
  const empty = answer.statusCode === 204 || answer.statusCode === 205 || answer.statusCode === 304;
  if (empty) await answer.body.dump();
  // Not Readable.toWeb: in Node 20 a body cancelled while data is still arriving (an answer cut
  // at the cap, answer-cap.ts) makes it enqueue into a closed stream, an uncaught crash. Async
  // iteration pulls one chunk at a time and destroys the body when cancelled.
  return new Response(empty ? null : ReadableStream.from<Uint8Array>(answer.body), { status: answer.statusCode, headers });
}
