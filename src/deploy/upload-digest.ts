/**
 * The package's SHA-256 (reported with every deploy), taken from the bytes the upload reads
 * anyway, so that the zip is read only once before the upload, by the check (issue 14, point 1:
 * the CRC pass and a separate SHA-256 pass were 53% of a 200 MB deploy). The first read of the
 * package that runs to its end is hashed; the others (more targets, a retry) are not. When no
 * upload read the whole file (a dry run, every target unreachable) the file is hashed on its own.
 * Since the digest is of the bytes sent, a file changed after the check is reported as it went out.
 */
import { createHash } from 'node:crypto';
import { defaultOpenFile, type OpenFile } from './multipart.ts';

/** A file reader that hashes, and the digest it found. */
export interface UploadDigest {
  /** Reads the package as `base` does; the first read that reaches the end is hashed. */
  readonly openFile: OpenFile;
  /** The SHA-256 of the package, hex: from an upload's read, or from a read of its own. */
  sha256(): Promise<string>;
}

/** A digest of the package at `path`, read through `base` (the upload's reader). */
export function createUploadDigest(path: string, base: OpenFile = defaultOpenFile): UploadDigest {
  let digest: string | undefined;
  let hashing = false;
  async function* hashed(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    const hash = createHash('sha256');
    try {
      for await (const chunk of chunks) {
        hash.update(chunk);
        yield chunk;
      }
      digest = hash.digest('hex');
    } finally {
      // A read stopped early (a cut connection, a file that changed size) hashes nothing.
      hashing = false;
    }
  }
  return {
    openFile: (file) => {
      if (file !== path || hashing || digest !== undefined) return base(file);
      // Taken when opened: reads opened side by side are not all hashed.
      hashing = true;
      return hashed(base(file));
    },
    sha256: async () => digest ?? (digest = await hashAll(base(path))),
  };
}

async function hashAll(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}
