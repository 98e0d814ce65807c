/**
 * One HTTP request with a deadline that covers connecting, sending, the answer and its whole body
 * (Package Manager streams an install's log for as long as it runs). Redirects are
 * never followed: credentials and secrets go only to the URL the user named. Every HTTP answer
 * is returned, whatever its status; only a missing answer throws {@link HttpTransportError}.
 * At most {@link MAX_ANSWER_BYTES} of a body are read: a longer one throws
 * {@link HttpAnswerTooLargeError}, before the deadline.
 */
import { HttpAnswerTooLargeError, MAX_ANSWER_BYTES, readCappedDigest, readCappedText, type AnswerDigest } from './answer-cap.ts';
import type { FetchLike } from './http-fetch.ts';
import { getTransport, type AnswerHeaders, type RequestBody, type TransportAnswer } from './http-transport.ts';

export { HttpAnswerTooLargeError, MAX_ANSWER_BYTES, type AnswerDigest } from './answer-cap.ts';

/** A request as the remote calls of aem-ioevents make them. */
export interface HttpRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  /** A string, form fields, or a stream (sent as is: set `content-length` to avoid chunked encoding). */
  readonly body?: RequestBody;
  /** The client: any fetch, or one of `createHttpFetch`/`createStreamingFetch` (used through its transport). */
  readonly fetch: FetchLike;
  /** Milliseconds for the whole exchange, body included. */
  readonly timeoutMs: number;
  /** The most bytes of the answer's body that are read. @default MAX_ANSWER_BYTES (4 MiB) */
  readonly maxAnswerBytes?: number | undefined;
}

/** An HTTP answer, body read. */
export interface HttpAnswer {
  readonly url: string;
  readonly status: number;
  /** A `Headers` through a fetch, or Node's headers behind the same `get`. */
  readonly headers: AnswerHeaders;
  readonly text: string;
}

/** No HTTP answer: the deadline passed (`timedOut`) or the transport failed (`cause`). */
export class HttpTransportError extends Error {
  override name = 'HttpTransportError';
  /** True when our own deadline aborted the exchange. */
  readonly timedOut: boolean;
  constructor(url: string, timedOut: boolean, cause: unknown) {
    super(timedOut ? `no answer from ${url} in time` : `no answer from ${url}`, { cause });
    this.timedOut = timedOut;
  }
}

/**
 * Sends `request` and reads the whole answer; throws {@link HttpTransportError} when there is
 * none, {@link HttpAnswerTooLargeError} when its body is longer than `maxAnswerBytes`.
 */
export async function sendHttpRequest(request: HttpRequest): Promise<HttpAnswer> {
  const { answer, body: text } = await exchange(request, (url, reply, limit) => readCappedText(url, reply, limit ?? MAX_ANSWER_BYTES));
  return { url: request.url, status: answer.status, headers: answer.headers, text };
}

/** An HTTP answer whose body was only hashed. */
export interface HttpDigestAnswer {
  readonly url: string;
  readonly status: number;
  readonly headers: AnswerHeaders;
  readonly digest: AnswerDigest;
}

/** A request whose answer is read through a SHA-256: `maxAnswerBytes` bounds it; `keepBody` keeps the body too. */
export type HttpDigestRequest = HttpRequest & { readonly maxAnswerBytes: number; readonly keepBody?: boolean | undefined };

/**
 * Sends `request` and reads the answer's body through a SHA-256, kept only with `keepBody`;
 * `maxAnswerBytes` is required, because the 4 MiB text cap does not fit a package, and some bound must.
 */
export async function sendDigestRequest(request: HttpDigestRequest): Promise<HttpDigestAnswer> {
  const { answer, body: digest } = await exchange(request, (url, reply) => readCappedDigest(url, reply, request.maxAnswerBytes, request.keepBody === true));
  return { url: request.url, status: answer.status, headers: answer.headers, digest };
}

/**
 * The longest deadline a Node timer holds (2^31-1 ms, about 24.8 days): a longer one would fire
 * after 1 ms (TimeoutOverflowWarning), so a `--timeout` of a month failed at once. Longer
 * deadlines wait this long.
 */
export const MAX_TIMER_MS = 2_147_483_647;

// One exchange under one deadline, the body read by `read`; the error handling both readers share.
async function exchange<T>(request: HttpRequest, read: (url: string, answer: TransportAnswer, limit: number | undefined) => Promise<T>): Promise<{ answer: TransportAnswer; body: T }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.min(request.timeoutMs, MAX_TIMER_MS));
  try {
    const send = getTransport(request.fetch);
    const headers = { 'user-agent': 'aem-ioevents', ...request.headers };
    const answer = await send({ url: request.url, method: request.method, headers, body: request.body, signal: controller.signal });
    return { answer, body: await read(request.url, answer, request.maxAnswerBytes) };
  } catch (error) {
    if (error instanceof HttpAnswerTooLargeError) {
      // The body was cancelled; aborting as well releases a connection still sending.
      controller.abort();
      throw error;
    }
    throw new HttpTransportError(request.url, controller.signal.aborted, error);
  } finally {
    clearTimeout(timer);
  }
}
