/**
 * The cap on what aem-ioevents reads of any HTTP answer (Package Manager, the keystore API, IMS).
 * A remote decides how much it sends: a reply that declared a 2 GB body crashed V8, an endless
 * chunked one grew past 5 GB before the deadline. So the body is streamed, at most
 * {@link MAX_ANSWER_BYTES} of it is kept, and a body over the cap is cut there: the connection
 * is dropped and the answer is {@link HttpAnswerTooLargeError}, never judged from a prefix (the
 * verdict of an install is near the end of its log, which Package Manager streams while it
 * installs:
 * https://cqdump.joerghoh.de/2014/03/10/using-curl-to-install-cq-packages-and-why-it-isnt-a-good-idea/).
 */
import { createHash } from 'node:crypto';
import type { TransportAnswer } from './http-transport.ts';

/**
 * The most bytes of one answer aem-ioevents reads: 4 MiB. The largest answers it expects are
 * Package Manager's install logs, one line of about 80 bytes per node (FileVault's progress lines):
 * 4 MiB holds about 50,000 nodes, far beyond the few nodes of the packages `build` makes; IMS
 * and keystore answers are a few kilobytes.
 */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** An answer longer than the cap: cut at the cap, or refused at once when its `content-length` says so. */
export class HttpAnswerTooLargeError extends Error {
  override name = 'HttpAnswerTooLargeError';
  readonly url: string;
  /** The HTTP status of the answer that was cut. */
  readonly status: number;
  /** The cap, in bytes. */
  readonly limitBytes: number;
  /** The size `content-length` declared, when that alone went over the cap (nothing was read). */
  readonly declaredBytes: number | undefined;
  constructor(url: string, status: number, limitBytes: number, declaredBytes: number | undefined) {
    const why = declaredBytes === undefined ? `went past ${describeBytes(limitBytes)}; aem-ioevents stopped reading it there` : `declared ${declaredBytes} bytes (content-length), more than ${describeBytes(limitBytes)}; aem-ioevents did not read it`;
    super(`the answer from ${url} (HTTP ${status}) ${why}`);
    this.url = url;
    this.status = status;
    this.limitBytes = limitBytes;
    this.declaredBytes = declaredBytes;
  }
}

/**
 * Reads the body of `answer` as UTF-8 text (as `Response.text()` does), keeping at most
 * `limitBytes`; throws {@link HttpAnswerTooLargeError} for a longer body, after cancelling it so
 * that the connection is dropped instead of drained.
 */
export async function readCappedText(url: string, answer: TransportAnswer, limitBytes: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  const size = await readCapped(url, answer, limitBytes, (chunk) => chunks.push(chunk));
  return new TextDecoder().decode(Buffer.concat(chunks, size));
}

/** The SHA-256 and size of a body, read through the hash; the body itself only when asked for. */
export interface AnswerDigest {
  readonly sha256: string;
  readonly size: number;
  /** The body, when the read was asked to keep it (never more than its bound). */
  readonly bytes?: Uint8Array;
}

/**
 * Reads the body of `answer` through a SHA-256 (`up` compares a stored package with the local zip
 * this way: the package may be larger than the text cap), at most `limitBytes` of it, keeping it
 * only when `keep` is set (`up` then compares the entries when the bytes differ); throws
 * {@link HttpAnswerTooLargeError} for a longer body, as {@link readCappedText}.
 */
export async function readCappedDigest(url: string, answer: TransportAnswer, limitBytes: number, keep = false): Promise<AnswerDigest> {
  const hash = createHash('sha256');
  const chunks: Uint8Array[] = [];
  const size = await readCapped(url, answer, limitBytes, (chunk) => (hash.update(chunk), keep && chunks.push(chunk)));
  return { sha256: hash.digest('hex'), size, ...(keep && { bytes: Buffer.concat(chunks, size) }) };
}

// The one loop over a body: refuses a declared or actual length over the cap, hands each chunk on.
async function readCapped(url: string, answer: TransportAnswer, limitBytes: number, take: (chunk: Uint8Array) => unknown): Promise<number> {
  const declared = Number(answer.headers.get('content-length') ?? '');
  if (Number.isSafeInteger(declared) && declared > limitBytes) {
    answer.cancel();
    throw new HttpAnswerTooLargeError(url, answer.status, limitBytes, declared);
  }
  if (answer.body === null) return 0;
  let size = 0;
  // Bounded: every pass reads more bytes, and the loop ends once they pass the cap.
  for await (const value of answer.body) {
    size += value.byteLength;
    if (size > limitBytes) {
      answer.cancel();
      throw new HttpAnswerTooLargeError(url, answer.status, limitBytes, undefined);
    }
    take(value);
  }
  return size;
}

/** A byte count for messages: `4 MiB`, `512 KiB`, or `1000 bytes`. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
