/**
 * Writing an output file so that nothing is ever half-written or silently overwritten
 * (SPEC.md "Command line"): the bytes go to a temporary name in the same folder, then a rename
 * replaces the target in one step. An existing file with other content needs `force`; one with
 * the same bytes is left alone.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.ts';

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Replace an existing file with different content. */
  readonly force?: boolean;
  /** File mode of a new file (default 0o644). */
  readonly mode?: number;
  /** How the file is named in the "exists" message, e.g. the path the user gave. */
  readonly label?: string;
}

/** What happened to the target. */
export type WriteOutcome = 'written' | 'replaced' | 'unchanged';

/** Writes `bytes` to `file` atomically; creates the folder when missing. */
export async function writeFileAtomic(file: string, bytes: Uint8Array, options: WriteFileAtomicOptions = {}): Promise<WriteOutcome> {
  const existing = await readExisting(file);
  if (existing !== undefined && Buffer.compare(existing, bytes) === 0) return 'unchanged';
  if (existing !== undefined && !options.force) {
    throw new InputError(`${options.label ?? file} exists with other content; pass --force to replace it`, { code: 'E_EXISTS' });
  }
  await mkdir(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx', mode: options.mode ?? 0o644 });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw new InputError(`cannot write ${options.label ?? file}: ${(error as Error).message}`, { code: 'E_WRITE', cause: error });
  }
  return existing === undefined ? 'written' : 'replaced';
}

async function readExisting(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR') throw new InputError(`${file} is a folder, not a file; choose another --out`, { code: 'E_EXISTS' });
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`, { code: 'E_READ', cause: error });
  }
}
