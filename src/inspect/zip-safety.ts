/**
 * What makes a zip unsafe to read (issue 4, point 1): entry names that would escape a folder
 * when extracted ("zip slip"), links, and sizes that explode ("zip bombs"). `inspect` never
 * extracts, but it refuses such a package as a whole: no honest tool writes one.
 *
 * | entry name                   | refused because                      |
 * | ---------------------------- | ------------------------------------ |
 * | `/etc/passwd`, `C:/x`        | absolute                             |
 * | `jcr_root/../../x`, `..`     | a `..` segment                       |
 * | `jcr_root\apps\x`            | a backslash (a separator on Windows) |
 * | a Unix symbolic link entry   | a link                               |
 */
import { InputError } from '../errors.ts';

/** Limits that keep a hostile zip from exhausting memory or disk-free reading. */
export interface ZipLimits {
  /** Largest sum of the uncompressed sizes of all entries. @default 4 GiB */
  readonly maxTotalSize: number;
  /** Largest entry read into memory (XML files). @default 64 MiB */
  readonly maxReadSize: number;
  /** Largest uncompressed-to-compressed ratio of an entry of 1 MiB or more. @default 200 */
  readonly maxRatio: number;
  /** Most entries. @default 500000 */
  readonly maxEntries: number;
}

/** The defaults of {@link ZipLimits}. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalSize: 4 * 1024 ** 3,
  maxReadSize: 64 * 1024 ** 2,
  maxRatio: 200,
  maxEntries: 500_000,
};

const RATIO_FLOOR = 1024 ** 2;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Why `name` is unsafe, or `undefined` when it is a plain relative path. */
export function getUnsafeNameReason(name: string): string | undefined {
  if (name === '') return 'it is empty';
  if (name.includes('\\')) return 'it contains a backslash';
  if (name.includes('\0')) return 'it contains a NUL character';
  if (name.startsWith('/')) return 'it is absolute';
  if (/^[a-zA-Z]:/.test(name)) return 'it starts with a drive letter';
  if (name.split('/').includes('..')) return "it contains a '..' segment";
  return undefined;
}

/** The zip entry fields the checks need. */
export interface RawEntryInfo {
  readonly name: string;
  readonly versionMadeBy: number;
  readonly externalFileAttributes: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

/** True when the entry was written on Unix as a symbolic link. */
export function isSymbolicLink(entry: RawEntryInfo): boolean {
  return entry.versionMadeBy >> 8 === 3 && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

/**
 * Refuses an unsafe entry.
 * @throws InputError naming the package, the entry and the reason.
 */
export function assertSafeEntry(label: string, entry: RawEntryInfo, limits: ZipLimits): void {
  const reason = getUnsafeNameReason(entry.name);
  if (reason !== undefined) {
    throw new InputError(`${label} has an unsafe entry name ${JSON.stringify(entry.name)}: ${reason} (zip slip); refusing to read the package`, { code: 'E_ZIP_UNSAFE' });
  }
  if (isSymbolicLink(entry)) {
    throw new InputError(`${label} has an entry ${JSON.stringify(entry.name)} that is a symbolic link; content packages never hold links, refusing to read the package`, { code: 'E_ZIP_UNSAFE' });
  }
  const { compressedSize, uncompressedSize } = entry;
  if (uncompressedSize >= RATIO_FLOOR && uncompressedSize > limits.maxRatio * Math.max(compressedSize, 1)) {
    const ratio = Math.round(uncompressedSize / Math.max(compressedSize, 1));
    throw new InputError(
      `${label} has an entry ${JSON.stringify(entry.name)} that expands ${ratio} times (${compressedSize} to ${uncompressedSize} bytes), more than the limit of ${limits.maxRatio} (zip bomb); refusing to read the package`,
      { code: 'E_ZIP_BOMB' },
    );
  }
}

/**
 * Refuses a package whose entries add up to too much.
 * @throws InputError with the total and the limit.
 */
export function assertTotals(label: string, entryCount: number, totalSize: number, limits: ZipLimits): void {
  if (entryCount > limits.maxEntries) {
    throw new InputError(`${label} has ${entryCount} entries, more than the limit of ${limits.maxEntries}; refusing to read the package`, { code: 'E_ZIP_BOMB' });
  }
  if (totalSize > limits.maxTotalSize) {
    throw new InputError(`${label} would expand to ${totalSize} bytes, more than the limit of ${limits.maxTotalSize} (zip bomb); refusing to read the package`, { code: 'E_ZIP_BOMB' });
  }
}
