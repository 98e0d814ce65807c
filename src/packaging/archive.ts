/**
 * The zip container of a content package, written deterministically (read by FileVault's
 * `ZipArchive`, and on upload by `MemoryArchive` through `JcrPackageRegistry.upload`):
 * entries in the order given, every file DEFLATED (AEM's upload path reads with
 * `java.util.zip.ZipInputStream`, which refuses STORED entries with a data descriptor), sizes and
 * CRC in the local headers, UTF-8 names with the language-encoding flag, one fixed date, no extra
 * fields. The same entries and date give the same bytes on any machine and in any time zone.
 */
import yazl from 'yazl';

/** One zip entry: package-relative path with `/` separators; a directory ends with `/` and has no content. */
export interface ArchiveEntry {
  readonly path: string;
  readonly content?: Uint8Array;
}

/** Options of {@link createZipArchive}. */
export interface ZipArchiveOptions {
  /** The modification time of every entry (zip stores it with 2-second precision, 1980 to 2107). */
  readonly mtime: Date;
}

/** Builds the zip in memory. Packages written by `build` are small; the reader side streams. */
export function createZipArchive(entries: readonly ArchiveEntry[], options: ZipArchiveOptions): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const mtime = toDosWallClock(options.mtime);
  for (const entry of entries) {
    if (entry.path.endsWith('/')) {
      zip.addEmptyDirectory(entry.path, { mtime, mode: 0o40755, forceDosTimestamp: true });
    } else {
      zip.addBuffer(Buffer.from(entry.content ?? new Uint8Array()), entry.path, { mtime, mode: 0o100644, compress: true, forceDosTimestamp: true });
    }
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const DOS_MIN = Date.UTC(1980, 0, 1);
const DOS_MAX = Date.UTC(2107, 11, 31, 23, 59, 58);

// Zip dates are wall-clock fields without a zone, and yazl reads them from a Date in local
// time. Build the local Date whose fields are the UTC fields of `date`, so the bytes hold the
// UTC wall clock whatever TZ the build runs in (the plexus-archiver convention for
// reproducible builds). Dates outside the zip range are clamped.
function toDosWallClock(date: Date): Date {
  const utc = new Date(Math.min(DOS_MAX, Math.max(DOS_MIN, date.getTime())));
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
}
