/**
 * Deploy's HTTP client when no proxy applies: Node's own `http` and `https`.
 * undici, which deploy loaded for every run, costs about 70 ms and 19 MB to load (111 files)
 * and a `Response` another 25 ms and 12 MB (Node's internal undici); a Node request costs neither,
 * and streams an upload straight from the file to the socket.
 *
 * It keeps what the callers rely on (send-request.ts): redirects are never followed (Node's
 * client does not follow them), the caller's signal aborts the exchange and the reading of the
 * body, a stream body goes out with backpressure and the caller's `content-length`, the body
 * reaches the caller as chunks for the answer cap, and TLS is Node's default verification, which
 * honours `NODE_EXTRA_CA_CERTS`. A failure rejects with Node's own error (`ECONNREFUSED`,
 * `ECONNRESET`, a certificate code), which transport-failure.ts classifies.
 */
import * as http from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { FetchLike } from './http-fetch.ts';
import { withTransport, type AnswerHeaders, type HttpTransport, type RequestBody, type TransportAnswer, type TransportRequest } from './http-transport.ts';

/** A transport on Node's `http`/`https`, its fetch face, and a way to drop its connections. */
export interface NodeHttpClient {
  /** A fetch over the transport; `sendHttpRequest` uses the transport itself. */
  readonly fetch: FetchLike;
  readonly transport: HttpTransport;
  readonly close: () => Promise<void>;
}

/** Options of {@link createNodeHttpClient}. */
export interface NodeHttpClientOptions {
  /** Certificates trusted besides Node's own (and `NODE_EXTRA_CA_CERTS`), for https. */
  readonly ca?: readonly string[] | undefined;
}

/** A client that sends each request on a connection of its own (see `connections` below). */
export function createNodeHttpClient(options: NodeHttpClientOptions = {}): NodeHttpClient {
  // No keep-alive: a pooled connection that AEM closed while deploy waited (readiness back-off)
  // would fail the install with a reset, which may never be retried (install-package.ts).
  const connections = { http: new http.Agent({ keepAlive: false }), https: undefined as HttpsAgent | undefined };
  const agentFor = async (url: URL): Promise<http.Agent> => {
    if (url.protocol !== 'https:') return connections.http;
    // node:https loads TLS: only for https targets.
    const https = await import('node:https');
    connections.https ??= new https.Agent({ keepAlive: false, ...(options.ca !== undefined && { ca: [...options.ca] }) });
    return connections.https;
  };
  const open = async (request: TransportRequest): Promise<Exchange> => {
    const url = new URL(request.url);
    const agent = await agentFor(url);
    const send = url.protocol === 'https:' ? (await import('node:https')).request : http.request;
    return exchange(request, (requestOptions) => send(url, { ...requestOptions, agent }));
  };
  const transport: HttpTransport = async (request) => toAnswer(await open(request));
  const close = async (): Promise<void> => {
    connections.http.destroy();
    connections.https?.destroy();
  };
  return { fetch: withTransport(toFetch(open), transport), transport, close };
}

type Send = (options: http.RequestOptions) => http.ClientRequest;

/** A request sent and its answer's head received. */
interface Exchange {
  readonly outgoing: http.ClientRequest;
  readonly incoming: http.IncomingMessage;
}

function exchange(request: TransportRequest, send: Send): Promise<Exchange> {
  const { body, headers } = withLength(request.body, request.headers);
  return new Promise((resolve, reject) => {
    const outgoing = send({ method: request.method, headers, signal: request.signal });
    // `on`, not `once`: an upload may fail after the answer came (a 401 before the body was read).
    outgoing.on('error', reject);
    outgoing.once('response', (incoming) => resolve({ outgoing, incoming }));
    if (body instanceof ReadableStream) void pump(body, outgoing);
    else outgoing.end(body);
  });
}

// As fetch: a text or form body gets its length and, unless the caller set one, its type.
function withLength(body: RequestBody | undefined, headers: Readonly<Record<string, string>>): { body: Buffer | ReadableStream<Uint8Array> | undefined; headers: Record<string, string> } {
  if (body === undefined || body instanceof ReadableStream) return { body, headers: { ...headers } };
  const bytes = Buffer.from(String(body));
  const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  const type = body instanceof URLSearchParams ? 'application/x-www-form-urlencoded;charset=UTF-8' : 'text/plain;charset=UTF-8';
  return { body: bytes, headers: { ...(!hasType && { 'content-type': type }), ...headers, 'content-length': String(bytes.length) } };
}

// Writes the stream as the socket takes it: the next chunk is pulled only after a full buffer drained.
async function pump(body: ReadableStream<Uint8Array>, outgoing: http.ClientRequest): Promise<void> {
  try {
    for await (const chunk of body) {
      if (outgoing.destroyed) break;
      if (!outgoing.write(chunk)) await drained(outgoing);
    }
    if (!outgoing.destroyed) outgoing.end();
  } catch (error) {
    // The body failed (the file changed while it was sent): the request fails with its error.
    outgoing.destroy(error as Error);
  }
}

function drained(outgoing: http.ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      outgoing.off('drain', done).off('close', done);
      resolve();
    };
    outgoing.on('drain', done).on('close', done);
  });
}

function toAnswer({ outgoing, incoming }: Exchange): TransportAnswer {
  const headers: AnswerHeaders = {
    get: (name) => {
      const value = incoming.headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
  const cancel = (): void => {
    incoming.destroy();
    outgoing.destroy();
  };
  return { status: incoming.statusCode ?? 0, headers, body: incoming, cancel };
}

// The fetch face, for a caller that calls it directly: the answer as a `Response`.
function toFetch(open: (request: TransportRequest) => Promise<Exchange>): FetchLike {
  return async (url, init) => {
    const method = (init.method ?? 'GET') as TransportRequest['method'];
    const body = (init.body ?? undefined) as RequestBody | undefined;
    const { incoming } = await open({ url, method, headers: Object.fromEntries(new Headers(init.headers)), body, signal: init.signal ?? new AbortController().signal });
    const headers = toHeaders(incoming.headers);
    // A Response cannot carry a body with these statuses.
    const empty = incoming.statusCode === 204 || incoming.statusCode === 205 || incoming.statusCode === 304;
    if (empty) incoming.resume();
    return new Response(empty ? null : ReadableStream.from<Uint8Array>(incoming), { status: incoming.statusCode ?? 0, headers });
  };
}

/** Node's (or undici's) header record as `Headers`, every value of a repeated header kept. */
export function toHeaders(record: Readonly<Record<string, string | string[] | undefined>>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(record)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  return headers;
}
