/**
 * What {@link sendHttpRequest} needs of an HTTP client, below `fetch`: send one request, hand
 * back the status, the headers and the body as chunks not yet read. Two clients provide it: the
 * `fetch` of a caller or of a proxy (undici, `http-fetch.ts`), adapted here, and Node's own
 * `http`/`https` for deploy without a proxy (`node-transport.ts`), which needs no `Response`:
 * building one loads Node's internal undici (about 25 ms and 12 MB of a small deploy).
 */
import type { FetchLike } from './http-fetch.ts';

/** A request body: a string, form fields, or a stream (sent as is, with the caller's `content-length`). */
export type RequestBody = string | URLSearchParams | ReadableStream<Uint8Array>;

/** One request, as the transports receive it. */
export interface TransportRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: RequestBody | undefined;
  /** Aborts the whole exchange, the reading of the body included. */
  readonly signal: AbortSignal;
}

/** The headers of an answer: what `Headers.get` gives (several values joined by `, `). */
export interface AnswerHeaders {
  get(name: string): string | null;
}

/** An answer whose body has not been read. */
export interface TransportAnswer {
  readonly status: number;
  readonly headers: AnswerHeaders;
  /** The body's chunks, once; `null` when there is none. */
  readonly body: AsyncIterable<Uint8Array> | null;
  /** Drops the connection instead of reading (or draining) the rest of the body. */
  cancel(): void;
}

/** Sends one request; rejects when no answer comes (the cause is the client's own error). */
export type HttpTransport = (request: TransportRequest) => Promise<TransportAnswer>;

// A fetch made from a transport carries it, so that sendHttpRequest uses the transport directly
// and no `Response` is built on the way (see the file comment).
const TRANSPORT = Symbol('aem-ioevents.transport');

/** Marks `fetch` as the face of `transport` for callers that want a fetch. */
export function withTransport(fetch: FetchLike, transport: HttpTransport): FetchLike {
  return Object.assign(fetch, { [TRANSPORT]: transport });
}

/** The transport behind `fetch`: its own when it carries one, else `fetch` adapted. */
export function getTransport(fetch: FetchLike): HttpTransport {
  const own = (fetch as { [TRANSPORT]?: HttpTransport })[TRANSPORT];
  return own ?? fetchTransport(fetch);
}

function fetchTransport(fetch: FetchLike): HttpTransport {
  return async ({ url, method, headers, body, signal }) => {
    const init: RequestInit & { duplex?: 'half' } = {
      method,
      headers,
      signal,
      redirect: 'manual',
      ...(body !== undefined && { body }),
      // A stream body needs half duplex (the fetch standard); undici refuses it otherwise.
      ...(body instanceof ReadableStream && { duplex: 'half' }),
    };
    const response = await fetch(url, init);
    const reader = response.body?.getReader();
    // Cancelling drops the connection; a body not read must not be drained either.
    return { status: response.status, headers: response.headers, body: reader ? readChunks(reader) : null, cancel: () => void reader?.cancel().catch(() => {}) };
  };
}

async function* readChunks(reader: ReadableStreamDefaultReader<Uint8Array>): AsyncGenerator<Uint8Array> {
  // Bounded by the body: the caller stops at its cap.
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}
