/**
 * Reading one entry's data and checking that it is intact, as `java.util.zip.ZipInputStream`
 * (AEM's upload) checks it: the inflated bytes must be exactly the declared size with the declared
 * CRC, and the deflate data must end exactly at the declared compressed size. Bytes after the end
 * of the deflate data would be read by `ZipInputStream` as the next local header (or descriptor),
 * so data the central directory does not account for is refused too (issue 11, point 3).
 */
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import type yauzl from 'yauzl';
import { InputError } from '../errors.ts';

/** The entry as the central directory describes it. */
export interface EntryData {
  /** The entry name, for messages. */
  readonly path: string;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
}

/** Options of {@link readEntryData}. */
export interface ReadEntryOptions {
  readonly label: string;
  /** Largest size read; above it the entry is refused before any byte is read. */
  readonly limit: number;
  /** Keep the bytes (`read`), or only check them (`verify`). */
  readonly keep: boolean;
}

// Entries up to this compressed size are inflated in one synchronous call: streaming a small
// entry through zlib's thread pool costs more in round trips than the work itself.
const INFLATE_AT_ONCE_BELOW = 1024 * 1024;

/**
 * Reads one entry's data, inflated and checked.
 * @throws InputError when the entry is over `limit` or corrupt (exit 2).
 */
export async function readEntryData(zip: yauzl.ZipFile, raw: yauzl.Entry, entry: EntryData, options: ReadEntryOptions): Promise<Uint8Array> {
  const { label, limit, keep } = options;
  if (entry.size > limit) {
    throw new InputError(`${label}: entry ${JSON.stringify(entry.path)} has ${entry.size} bytes, more than the limit of ${limit} for a file that is read`, { code: 'E_ZIP_BOMB' });
  }
  const stream = await openRaw(zip, raw, label, entry);
  const fail = (reason: string): InputError => corrupt(label, entry, reason);
  try {
    if (entry.method === 8 && entry.compressedSize <= INFLATE_AT_ONCE_BELOW) return checked(entry, inflateAtOnce(await collect(stream), entry, fail), keep, fail);
    return checked(entry, await readStreamed(stream, entry, keep, fail), keep, fail);
  } catch (error) {
    stream.destroy();
    if (error instanceof InputError) throw error;
    throw fail((error as Error).message);
  }
}

async function readStreamed(stream: Readable, entry: EntryData, keep: boolean, fail: (reason: string) => InputError): Promise<{ data: Buffer; crc: number }> {
  const inflate = entry.method === 8 ? createInflateRaw() : undefined;
  if (inflate !== undefined) {
    stream.on('error', (error: Error) => inflate.destroy(error));
    stream.pipe(inflate);
  }
  let crc = 0;
  let length = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of (inflate ?? stream) as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > entry.size) throw fail(`it inflates to more than the ${entry.size} bytes it declares`);
    crc = crc32(chunk, crc);
    if (keep) chunks.push(chunk);
  }
  if (length !== entry.size) throw fail(`it inflates to ${length} bytes, not the ${entry.size} it declares`);
  if (inflate !== undefined) assertDeflateEnd(inflate.bytesWritten, entry, fail);
  return { data: Buffer.concat(chunks), crc };
}

function openRaw(zip: yauzl.ZipFile, raw: yauzl.Entry, label: string, entry: EntryData): Promise<Readable> {
  return new Promise((resolve, reject) => {
    // decodeFileData (yauzl 3, not in @types/yauzl 2): the raw bytes, inflated here to see where deflate ends.
    zip.openReadStream(raw, { decodeFileData: false } as unknown as yauzl.ZipFileOptions, (error, stream) => {
      if (error) reject(corrupt(label, entry, error.message));
      else resolve(stream);
    });
  });
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function inflateAtOnce(compressed: Buffer, entry: EntryData, fail: (reason: string) => InputError): { data: Buffer; crc: number } {
  let result: { buffer: Buffer; engine: { bytesWritten: number } };
  try {
    result = inflateRawSync(compressed, { maxOutputLength: Math.max(entry.size, 1), info: true } as object) as unknown as typeof result;
  } catch (error) {
    throw fail((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? `it inflates to more than the ${entry.size} bytes it declares` : (error as Error).message);
  }
  const data = result.buffer;
  if (data.length !== entry.size) throw fail(`it inflates to ${data.length} bytes, not the ${entry.size} it declares`);
  assertDeflateEnd(result.engine.bytesWritten, entry, fail);
  return { data, crc: crc32(data) };
}

function assertDeflateEnd(consumed: number, entry: EntryData, fail: (reason: string) => InputError): void {
  if (consumed !== entry.compressedSize) throw fail(`its deflate data ends after ${consumed} of the ${entry.compressedSize} compressed bytes it declares`);
}

function checked(entry: EntryData, read: { data: Buffer; crc: number }, keep: boolean, fail: (reason: string) => InputError): Uint8Array {
  if (read.crc !== entry.crc32) throw fail(`CRC ${hex(read.crc)} where the zip says ${hex(entry.crc32)}`);
  return keep ? read.data : new Uint8Array();
}

function hex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

function corrupt(label: string, entry: EntryData, reason: string): InputError {
  return new InputError(`${label} is not a readable zip: entry ${JSON.stringify(entry.path)} is corrupt (${reason})`, { code: 'E_ZIP_CORRUPT' });
}
