/**
 * What makes a zip unsafe to read: entry names that would escape a folder
 * when extracted ("zip slip"), links, and sizes that explode ("zip bombs"). `inspect` never
 * extracts, but it refuses such a package as a whole: no honest tool writes one.
 *
 * | entry name                   | refused because                      |
 * | ---------------------------- | ------------------------------------ |
 * | `/etc/passwd`, `C:/x`        | absolute                             |
 * | `jcr_root/../../x`, `..`     | a `..` segment                       |
 * | `jcr_root\apps\x`            | a backslash (a separator on Windows) |
 * | a Unix symbolic link entry   | a link                               |
 * | a Unix FIFO, char or block device, socket | a special file |
 * | a name given twice           | a duplicate: readers differ on which one counts |
 *
 * Names that differ only in case are kept: JCR names and FileVault's archive lookups are
 * case-sensitive (`jcr_root/apps/A` and `jcr_root/apps/a` are two nodes in AEM).
 */
import { InputError } from '../errors.ts';

/** Limits that keep a hostile zip from exhausting memory or disk-free reading. */
export interface ZipLimits {
  /** Largest sum of the uncompressed sizes of all entries. @default 4 GiB */
  readonly maxTotalSize: number;
  /** Largest entry read into memory (XML files). @default 64 MiB */
  readonly maxReadSize: number;
  /**
   * Largest uncompressed-to-compressed ratio of an entry of 1 MiB or more, and of all entries
   * together once they add up to 1 MiB or more (the total-expansion budget). @default 200
   */
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
// The file types no content package holds (stat(2)); a regular file or a folder is what FileVault writes.
const SPECIAL_FILE_TYPES: ReadonlyMap<number, string> = new Map([
  [S_IFLNK, 'a symbolic link'],
  [0o010000, 'a FIFO'],
  [0o020000, 'a character device'],
  [0o060000, 'a block device'],
  [0o140000, 'a socket'],
]);

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
  return getSpecialFileType(entry) === SPECIAL_FILE_TYPES.get(S_IFLNK);
}

/** `a symbolic link`, `a FIFO`, ... when the entry was written on Unix as such a file; else `undefined`. */
export function getSpecialFileType(entry: RawEntryInfo): string | undefined {
  if (entry.versionMadeBy >> 8 !== 3) return undefined;
  return SPECIAL_FILE_TYPES.get((entry.externalFileAttributes >>> 16) & S_IFMT);
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
  const specialType = getSpecialFileType(entry);
  if (specialType !== undefined) {
    throw new InputError(`${label} has an entry ${JSON.stringify(entry.name)} that is ${specialType}; content packages hold only files and folders, refusing to read the package`, { code: 'E_ZIP_UNSAFE' });
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

/** What {@link assertTotals} adds up. */
export interface ZipTotals {
  readonly entryCount: number;
  /** Sum of the compressed sizes. */
  readonly compressedSize: number;
  /** Sum of the uncompressed sizes. */
  readonly uncompressedSize: number;
}

/**
 * Refuses a package whose entries add up to too much: too many, too large, or expanding too much
 * together. The last bounds the work on a package that stays under the per-entry ratio with many
 * entries just below 1 MiB: reading a package inflates at most
 * `maxRatio` times its compressed bytes (and never more than `maxTotalSize`).
 * @throws InputError with the total and the limit.
 */
export function assertTotals(label: string, totals: ZipTotals, limits: ZipLimits): void {
  const { entryCount, compressedSize, uncompressedSize } = totals;
  if (entryCount > limits.maxEntries) {
    throw new InputError(`${label} has ${entryCount} entries, more than the limit of ${limits.maxEntries}; refusing to read the package`, { code: 'E_ZIP_BOMB' });
  }
  if (uncompressedSize > limits.maxTotalSize) {
    throw new InputError(`${label} would expand to ${uncompressedSize} bytes, more than the limit of ${limits.maxTotalSize} (zip bomb); refusing to read the package`, { code: 'E_ZIP_BOMB' });
  }
  if (uncompressedSize >= RATIO_FLOOR && uncompressedSize > limits.maxRatio * Math.max(compressedSize, 1)) {
    const ratio = Math.round(uncompressedSize / Math.max(compressedSize, 1));
    throw new InputError(
      `${label} has ${entryCount} entries that together expand ${ratio} times (${compressedSize} to ${uncompressedSize} bytes), more than the limit of ${limits.maxRatio} (zip bomb); refusing to read the package`,
      { code: 'E_ZIP_BOMB' },
    );
  }
}

/**
 * Refuses a name given twice. Readers differ on which copy counts (`ZipInputStream` hands over
 * both, one after the other; a reader that looks names up keeps one of them), so a second
 * `META-INF/vault/filter.xml` could widen what AEM installs beyond what was inspected. Empty
 * segments and a trailing `/` are ignored, as FileVault splits names on `/` and drops empty parts.
 * @throws InputError naming both entries.
 */
export function assertUniqueNames(label: string, names: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = name.split('/').filter((segment) => segment !== '').join('/');
    const first = seen.get(key);
    if (first !== undefined) {
      const same = first === name ? `twice` : `twice (as ${JSON.stringify(first)} and ${JSON.stringify(name)})`;
      throw new InputError(`${label} has the entry ${JSON.stringify(key)} ${same}; readers differ on which one counts, refusing to read the package`, { code: 'E_ZIP_UNSAFE' });
    }
    seen.set(key, name);
  }
}
