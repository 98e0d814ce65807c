/**
 * Answers too large to read, for the stand-ins (issue 11): `declared` sends a `content-length` of
 * 2 GB and then a little of it, `endless` a chunked body that never ends. Both write with
 * backpressure and stop when the client drops the connection, or after {@link MAX_SENT_BYTES}
 * so that a client that never stops cannot keep a test running for long. Test code only.
 */
import type { ServerResponse } from 'node:http';

/** How the answer is too large. */
export type OversizedKind = 'declared' | 'endless';

/** What the server did, for assertions. */
export interface OversizedSent {
  /** Body bytes written. */
  bytes: number;
  /** True once the client closed the connection before the server gave up. */
  dropped: boolean;
}

/** The `content-length` of `declared`: 2 GB. */
export const DECLARED_BYTES = 2 ** 31;

/** The most an endless answer sends before the server gives up: 64 MiB. */
export const MAX_SENT_BYTES = 64 * 1024 * 1024;

const CHUNK_BYTES = 64 * 1024;

/**
 * Writes the head and an oversized body made of `prefix`, then `filler` again and again; resolves
 * when the connection closes, by the client or after the last byte.
 */
export async function sendOversizedAnswer(response: ServerResponse, kind: OversizedKind, head: { status: number; contentType: string; prefix: string; filler: string }): Promise<OversizedSent> {
  const sent: OversizedSent = { bytes: 0, dropped: false };
  const closed = new Promise<void>((resolve) => response.once('close', resolve));
  response.writeHead(head.status, { 'content-type': head.contentType, ...(kind === 'declared' && { 'content-length': String(DECLARED_BYTES) }) });
  const chunk = Buffer.from(head.filler.repeat(Math.ceil(CHUNK_BYTES / head.filler.length)));
  // `declared` sends one chunk and then waits: a client that honours the declared length refuses at once.
  const limit = kind === 'declared' ? CHUNK_BYTES : MAX_SENT_BYTES;
  let next = Buffer.from(head.prefix);
  while (!response.destroyed && sent.bytes < limit) {
    sent.bytes += next.length;
    if (!response.write(next)) await drainOrClose(response);
    next = chunk;
  }
  if (kind === 'endless' && !response.destroyed) response.end();
  await closed;
  sent.dropped = !response.writableFinished;
  return sent;
}

function drainOrClose(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done).off('close', done);
      resolve();
    };
    response.on('drain', done).on('close', done);
  });
}
