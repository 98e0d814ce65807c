/**
 * The safe reader of untrusted package zips (issue 4, point 1), on `yauzl` with lazy entries:
 * the central directory is read first and checked as a whole (names, links, sizes; see
 * `zip-safety.ts`), then entries are streamed one at a time on demand, each checked against its
 * CRC and its declared size. Nothing is ever written to disk.
 *
 * Entry names are decoded as UTF-8 whatever the language-encoding flag says, as
 * `java.util.zip.ZipInputStream` (AEM's upload path) decodes them.
 */
import { readFile, stat } from 'node:fs/promises';
import { crc32, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { InputError } from '../errors.ts';
import { assertSafeEntry, assertTotals, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-safety.ts';

/** Where a package comes from: a file, or bytes in memory (what `build` validates before writing). */
export type PackageSource = { readonly file: string } | { readonly bytes: Uint8Array };

/** One entry of the package zip. */
export interface PackageEntry {
  /** The entry name, `/`-separated; a directory ends with `/`. */
  readonly path: string;
  readonly isDirectory: boolean;
  /** Uncompressed size in bytes. */
  readonly size: number;
  /** STORED with a data descriptor, which `ZipInputStream` refuses. */
  readonly storedWithDescriptor: boolean;
}

/** An opened package zip. */
export interface PackageArchive {
  /** Every entry, in central directory order. */
  readonly entries: readonly PackageEntry[];
  /** Reads one entry into memory (refused above the `maxReadSize` limit). */
  read(entry: PackageEntry): Promise<Uint8Array>;
  /** Decompresses one entry without keeping it, to check that it is intact. */
  verify(entry: PackageEntry): Promise<void>;
  /** Releases the file. */
  close(): void;
}

/** Options of {@link openPackageZip}. */
export interface OpenPackageZipOptions {
  /** How the package is named in messages (the file path, or a name given for bytes). */
  readonly label: string;
  readonly limits?: Partial<ZipLimits>;
}

/**
 * Opens a package zip and checks its central directory.
 * @throws InputError when the file cannot be read, is not a zip, or is unsafe (exit 2).
 */
export async function openPackageZip(source: PackageSource, options: OpenPackageZipOptions): Promise<PackageArchive> {
  const { label } = options;
  const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits };
  const zip = await openZip(source, label);
  try {
    const raw = await readCentralDirectory(zip, label);
    const entries = raw.map((entry) => describeEntry(entry, label, limits));
    assertTotals(label, entries.length, entries.reduce((sum, e) => sum + e.size, 0), limits);
    const byEntry = new Map(entries.map((entry, i) => [entry, raw[i]!] as const));
    return {
      entries,
      read: (entry) => readEntry(zip, byEntry.get(entry)!, entry, { label, limit: limits.maxReadSize, keep: true }),
      verify: async (entry) => void (await readEntry(zip, byEntry.get(entry)!, entry, { label, limit: Infinity, keep: false })),
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

const YAUZL_OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true };

// Up to this size a file is read whole: one read instead of several small ones per entry (most
// packages are far smaller); above it, entries are read from the file as needed, so memory does
// not follow the package's size.
const READ_WHOLE_BELOW = 32 * 1024 * 1024;

async function openZip(source: PackageSource, label: string): Promise<yauzl.ZipFile> {
  let bytes: Uint8Array | undefined = 'bytes' in source ? source.bytes : undefined;
  if ('file' in source) {
    try {
      if ((await stat(source.file)).size <= READ_WHOLE_BELOW) bytes = await readFile(source.file);
    } catch (error) {
      throw notReadable(label, error as Error);
    }
  }
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip: yauzl.ZipFile): void => {
      if (error) reject(notReadable(label, error));
      else resolve(zip);
    };
    if (bytes === undefined) yauzl.open((source as { file: string }).file, YAUZL_OPTIONS, done);
    else yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), YAUZL_OPTIONS, done);
  });
}

function readCentralDirectory(zip: yauzl.ZipFile, label: string): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(notReadable(label, error)));
    zip.readEntry();
  });
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function describeEntry(entry: yauzl.Entry, label: string, limits: ZipLimits): PackageEntry {
  const rawName = (entry as unknown as { fileNameRaw: Uint8Array }).fileNameRaw;
  let name: string;
  try {
    name = UTF8.decode(rawName);
  } catch {
    throw new InputError(`${label} has an entry name that is not valid UTF-8 (${Buffer.from(rawName).toString('hex')}); Java's ZipInputStream refuses it`, { code: 'E_ZIP_NAME' });
  }
  if (entry.isEncrypted()) throw new InputError(`${label} has an encrypted entry ${JSON.stringify(name)}; Package Manager cannot read it`, { code: 'E_ZIP_ENCRYPTED' });
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new InputError(`${label} has an entry ${JSON.stringify(name)} compressed with method ${entry.compressionMethod}; only STORED and DEFLATED are readable`, { code: 'E_ZIP_METHOD' });
  }
  assertSafeEntry(label, { ...entry, name }, limits);
  return {
    path: name,
    isDirectory: name.endsWith('/'),
    size: entry.uncompressedSize,
    storedWithDescriptor: entry.compressionMethod === 0 && (entry.generalPurposeBitFlag & 0x8) !== 0,
  };
}

interface ReadOptions {
  readonly label: string;
  readonly limit: number;
  readonly keep: boolean;
}

// Entries up to this compressed size are inflated in one synchronous call: streaming a small
// entry through zlib's thread pool costs more in round trips than the work itself.
const INFLATE_AT_ONCE_BELOW = 1024 * 1024;

function readEntry(zip: yauzl.ZipFile, raw: yauzl.Entry, entry: PackageEntry, options: ReadOptions): Promise<Uint8Array> {
  const { label, limit, keep } = options;
  if (entry.size > limit) {
    return Promise.reject(new InputError(`${label}: entry ${JSON.stringify(entry.path)} has ${entry.size} bytes, more than the limit of ${limit} for a file that is read`, { code: 'E_ZIP_BOMB' }));
  }
  const atOnce = raw.compressionMethod === 8 && raw.compressedSize <= INFLATE_AT_ONCE_BELOW;
  return new Promise((resolve, reject) => {
    zip.openReadStream(raw, { decompress: atOnce ? false : null, decrypt: null, start: null, end: null }, (error, stream) => {
      if (error) return reject(corrupt(label, entry, error.message));
      const chunks: Buffer[] = [];
      let crc = 0;
      stream.on('data', (chunk: Buffer) => {
        if (atOnce) chunks.push(chunk);
        else {
          crc = crc32(chunk, crc);
          if (keep) chunks.push(chunk);
        }
      });
      stream.on('error', (streamError: Error) => reject(corrupt(label, entry, streamError.message)));
      stream.on('end', () => {
        let data: Buffer = Buffer.concat(chunks);
        if (atOnce) {
          try {
            data = inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
          } catch (inflateError) {
            return reject(corrupt(label, entry, (inflateError as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? `it inflates to more than the ${entry.size} bytes it declares` : (inflateError as Error).message));
          }
          if (data.length !== entry.size) return reject(corrupt(label, entry, `it inflates to ${data.length} bytes, not the ${entry.size} it declares`));
          crc = crc32(data);
        }
        if (crc !== raw.crc32) return reject(corrupt(label, entry, `CRC ${hex(crc)} where the zip says ${hex(raw.crc32)}`));
        resolve(keep ? data : new Uint8Array());
      });
    });
  });
}

function hex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

function notReadable(label: string, error: Error): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined) return new InputError(`cannot read ${label}: ${error.message}`, { code: 'E_ZIP_UNREADABLE', cause: error });
  return new InputError(`${label} is not a readable zip: ${error.message}`, { code: 'E_ZIP_UNREADABLE', cause: error });
}

function corrupt(label: string, entry: PackageEntry, reason: string): InputError {
  return new InputError(`${label} is not a readable zip: entry ${JSON.stringify(entry.path)} is corrupt (${reason})`, { code: 'E_ZIP_CORRUPT' });
}
