/**
 * The safe reader of untrusted package zips, on `yauzl` with lazy entries:
 * the central directory is read first and checked as a whole (names, links, duplicates, sizes;
 * see `zip-safety.ts`), then every local header against it (`zip-local-headers.ts`), then
 * entries are streamed one at a time on demand, each checked against its CRC and its declared
 * sizes (`zip-entry-data.ts`). Nothing is ever written to disk. `inspect` and `deploy` both read
 * packages through here.
 *
 * Entry names are decoded as UTF-8 whatever the language-encoding flag says, as
 * `java.util.zip.ZipInputStream` (AEM's upload path) decodes them.
 */
import type { FileHandle } from 'node:fs/promises';
import yauzl from 'yauzl';
import { InputError } from '../errors.ts';
import { openRegularFile } from '../fs/read-user-file.ts';
import { readEntryData } from './zip-entry-data.ts';
import { assertLocalHeadersMatch, type CentralRecord, type ReadRange } from './zip-local-headers.ts';
import { assertSafeEntry, assertTotals, assertUniqueNames, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-safety.ts';

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
  const { zip, readRange, release } = await openZip(source, label);
  try {
    const centralDirectoryOffset = getCentralDirectoryOffset(zip);
    const raw = await readCentralDirectory(zip, label);
    const entries = raw.map((entry) => describeEntry(entry, label, limits));
    assertUniqueNames(label, entries.map((entry) => entry.path));
    const sum = (size: (entry: yauzl.Entry) => number): number => raw.reduce((total, entry) => total + size(entry), 0);
    assertTotals(label, { entryCount: entries.length, compressedSize: sum((e) => e.compressedSize), uncompressedSize: sum((e) => e.uncompressedSize) }, limits);
    const dataStarts = await assertLocalHeadersMatch(label, raw.map((entry, i) => toCentralRecord(entry, entries[i]!.path)), centralDirectoryOffset, readRange);
    const byEntry = new Map(entries.map((entry, i) => [entry, { rawEntry: raw[i]!, dataStart: dataStarts[i]! }] as const));
    const read = (entry: PackageEntry, limit: number, keep: boolean): Promise<Uint8Array> => {
      const { rawEntry, dataStart } = byEntry.get(entry)!;
      const data = { path: entry.path, method: rawEntry.compressionMethod, crc32: rawEntry.crc32, compressedSize: rawEntry.compressedSize, size: entry.size };
      return readEntryData(() => readBlocks(readRange, dataStart, rawEntry.compressedSize), data, { label, limit, keep });
    };
    return {
      entries,
      read: (entry) => read(entry, limits.maxReadSize, true),
      verify: async (entry) => void (await read(entry, Infinity, false)),
      close: release,
    };
  } catch (error) {
    release();
    throw error;
  }
}

const YAUZL_OPTIONS: yauzl.Options = { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true };

// Up to this size a file is read whole: one read instead of several small ones per entry (most
// packages are far smaller); above it, entries are read from the file as needed, so memory does
// not follow the package's size.
const READ_WHOLE_BELOW = 32 * 1024 * 1024;

interface OpenedZip {
  readonly zip: yauzl.ZipFile;
  /** Reads raw bytes of the zip, for the local headers yauzl does not compare. */
  readonly readRange: ReadRange;
  readonly release: () => void;
}

async function openZip(source: PackageSource, label: string): Promise<OpenedZip> {
  let bytes: Uint8Array | undefined = 'bytes' in source ? source.bytes : undefined;
  let handle: FileHandle | undefined;
  if ('file' in source) {
    // The one opener of user files (fs/read-user-file.ts): a FIFO or /dev/zero is refused, never read.
    const opened = await openRegularFile(source.file, { name: label, code: 'E_ZIP_UNREADABLE', describeError: (error) => notReadable(label, error) });
    try {
      if (opened.stats.size <= READ_WHOLE_BELOW) {
        bytes = await opened.handle.readFile();
        await opened.handle.close();
      } else handle = opened.handle;
    } catch (error) {
      await opened.handle.close().catch(() => undefined);
      throw notReadable(label, error as Error);
    }
  }
  const closeHandle = (): void => void handle?.close().catch(() => undefined);
  try {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
      const done = (error: Error | null, opened: yauzl.ZipFile): void => (error ? reject(notReadable(label, error)) : resolve(opened));
      if (bytes === undefined) yauzl.fromFd(handle!.fd, YAUZL_OPTIONS, done);
      else yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), YAUZL_OPTIONS, done);
    });
    const release = (): void => {
      zip.close();
      closeHandle();
    };
    if (bytes !== undefined) {
      const whole = bytes;
      return { zip, readRange: async (position, length) => whole.subarray(position, position + length), release };
    }
    const file = handle!;
    const readRange: ReadRange = async (position, length) => {
      const buffer = Buffer.allocUnsafe(length);
      const { bytesRead } = await file.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    };
    return { zip, readRange, release };
  } catch (error) {
    closeHandle();
    throw error;
  }
}

// An entry's stored bytes are read in blocks this large: few reads for a large entry, and memory
// that does not follow its size (issue 14: 16 KiB stream chunks cost more than the inflating).
const RAW_BLOCK = 1024 * 1024;

// The local headers were checked against the central directory, so the data lies within the file.
async function* readBlocks(readRange: ReadRange, start: number, length: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < length; at += RAW_BLOCK) {
    const want = Math.min(RAW_BLOCK, length - at);
    const block = await readRange(start + at, want);
    if (block.length !== want) throw new Error(`the file ends inside its data, ${start + at + block.length} bytes in`);
    yield block;
  }
}

// yauzl starts reading the central directory at its offset and keeps no other copy of it; read
// before the first entry, the cursor is where the entries' data must end (zip-local-headers.ts).
function getCentralDirectoryOffset(zip: yauzl.ZipFile): number {
  const offset = (zip as unknown as { readEntryCursor?: unknown }).readEntryCursor;
  if (typeof offset !== 'number') throw new Error('yauzl no longer exposes readEntryCursor: the zip reader needs the central directory offset');
  return offset;
}

function toCentralRecord(entry: yauzl.Entry, name: string): CentralRecord {
  return {
    name,
    nameRaw: (entry as unknown as { fileNameRaw: Uint8Array }).fileNameRaw,
    flags: entry.generalPurposeBitFlag,
    method: entry.compressionMethod,
    crc32: entry.crc32,
    compressedSize: entry.compressedSize,
    uncompressedSize: entry.uncompressedSize,
    localHeaderOffset: entry.relativeOffsetOfLocalHeader,
  };
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

function notReadable(label: string, error: Error): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined) return new InputError(`cannot read ${label}: ${error.message}`, { code: 'E_ZIP_UNREADABLE', cause: error });
  return new InputError(`${label} is not a readable zip: ${error.message}`, { code: 'E_ZIP_UNREADABLE', cause: error });
}
