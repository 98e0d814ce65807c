/**
 * Reading one entry's data and checking that it is intact, as `java.util.zip.ZipInputStream`
 * (AEM's upload) checks it: the inflated bytes must be exactly the declared size with the declared
 * CRC, and the deflate data must end exactly at the declared compressed size. Bytes after the end
 * of the deflate data would be read by `ZipInputStream` as the next local header (or descriptor),
 * so data the central directory does not account for is refused too.
 */
import { Readable } from 'node:stream';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
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

/** The entry's stored (compressed) bytes, exactly its compressed size, in blocks. */
export type StoredBytes = () => AsyncIterable<Uint8Array>;

// Entries up to this compressed size are inflated in one synchronous call: streaming a small
// entry through zlib's thread pool costs more in round trips than the work itself.
const INFLATE_AT_ONCE_BELOW = 1024 * 1024;

// zlib hands inflated data over in chunks of this size (its default is 16 KiB): a large entry
// inflates about 4 times faster (issue 14).
const INFLATE_CHUNK = 1024 * 1024;

/**
 * Reads one entry's data, inflated and checked.
 * @throws InputError when the entry is over `limit` or corrupt (exit 2).
 */
export async function readEntryData(stored: StoredBytes, entry: EntryData, options: ReadEntryOptions): Promise<Uint8Array> {
  const { label, limit, keep } = options;
  if (entry.size > limit) {
    throw new InputError(`${label}: entry ${JSON.stringify(entry.path)} has ${entry.size} bytes, more than the limit of ${limit} for a file that is read`, { code: 'E_ZIP_BOMB' });
  }
  const fail = (reason: string): InputError => corrupt(label, entry, reason);
  try {
    if (entry.method === 8 && entry.compressedSize <= INFLATE_AT_ONCE_BELOW) return checked(entry, inflateAtOnce(await collect(stored()), entry, fail), keep, fail);
    return checked(entry, await readStreamed(stored(), entry, keep, fail), keep, fail);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fail((error as Error).message);
  }
}

async function readStreamed(source: AsyncIterable<Uint8Array>, entry: EntryData, keep: boolean, fail: (reason: string) => InputError): Promise<{ data: Buffer; crc: number }> {
  let chunks: AsyncIterable<Uint8Array> = source;
  let inflate: ReturnType<typeof createInflateRaw> | undefined;
  if (entry.method === 8) {
    inflate = createInflateRaw({ chunkSize: INFLATE_CHUNK });
    const input = Readable.from(source, { objectMode: false });
    input.on('error', (error: Error) => inflate!.destroy(error));
    chunks = input.pipe(inflate);
  }
  let crc = 0;
  let length = 0;
  // The declared size was checked against the limit: the bytes go straight to their place.
  const data = keep ? Buffer.allocUnsafe(entry.size) : undefined;
  try {
    for await (const chunk of chunks) {
      if (length + chunk.length > entry.size) throw fail(`it inflates to more than the ${entry.size} bytes it declares`);
      crc = crc32(chunk, crc);
      data?.set(chunk, length);
      length += chunk.length;
    }
  } finally {
    inflate?.destroy();
  }
  if (length !== entry.size) throw fail(`it inflates to ${length} bytes, not the ${entry.size} it declares`);
  if (inflate !== undefined) assertDeflateEnd(inflate.bytesWritten, entry, fail);
  return { data: data ?? Buffer.alloc(0), crc };
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
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
