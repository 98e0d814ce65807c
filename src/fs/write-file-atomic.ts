/**
 * Writing an output file so that nothing is ever half-written or silently overwritten
 * (SPEC.md "Command line"): the bytes go to a temporary name in the same folder, then they are
 * placed under the target name in one step. An existing file with other content needs `force`;
 * one with the same bytes is left alone.
 *
 * Without `force` the check and the placing are one atomic step (issue 11, point 8): the temporary
 * file is hard-linked to the target, and `link()` fails with EEXIST instead of replacing a file
 * that another writer placed after the first check. Only with `force` does a rename replace it.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.ts';
import { openRegularFile, type OpenedUserFile } from './read-user-file.ts';

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Replace an existing file with different content. */
  readonly force?: boolean;
  /** File mode of a new file (default 0o644). */
  readonly mode?: number;
  /** How the file is named in the "exists" message, e.g. the path the user gave. */
  readonly label?: string;
  /**
   * Test seam: awaited after the temporary file is written and before it is placed, so that a
   * test can let a second writer in between. The CLI never sets it.
   */
  readonly beforePlace?: () => Promise<void>;
}

/** What happened to the target. */
export type WriteOutcome = 'written' | 'replaced' | 'unchanged';

// File systems without hard links (FAT, some network and FUSE mounts) answer link() with one of
// these; there the placing falls back to a rename after the check (not atomic against a racer).
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV']);

/** Writes `bytes` to `file` atomically; creates the folder when missing. */
export async function writeFileAtomic(file: string, bytes: Uint8Array, options: WriteFileAtomicOptions = {}): Promise<WriteOutcome> {
  const label = options.label ?? file;
  const existing = await readExisting(file, bytes, label);
  if (isSame(existing, bytes)) return 'unchanged';
  if (existing !== undefined && !options.force) throw existsError(label);
  await mkdir(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx', mode: options.mode ?? 0o644 });
    await options.beforePlace?.();
    if (options.force) {
      await rename(temp, file);
      return existing === undefined ? 'written' : 'replaced';
    }
    return await linkIfAbsent(temp, file, bytes, label);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot write ${label}: ${(error as Error).message}`, { code: 'E_WRITE', cause: error });
  } finally {
    // After link() the target keeps the bytes under its own name; the temporary name always goes.
    await rm(temp, { force: true });
  }
}

/** Places `temp` at `file` only if no file is there: 'written', or 'unchanged' when a racer wrote the same bytes. */
async function linkIfAbsent(temp: string, file: string, bytes: Uint8Array, label: string): Promise<WriteOutcome> {
  try {
    await link(temp, file);
    return 'written';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') {
      if (isSame(await readExisting(file, bytes, label), bytes)) return 'unchanged';
      throw existsError(label);
    }
    if (!NO_HARD_LINKS.has(code)) throw error;
    await rename(temp, file);
    return 'written';
  }
}

function existsError(label: string): InputError {
  return new InputError(`${label} exists with other content; pass --force to replace it`, { code: 'E_EXISTS' });
}

/**
 * The bytes at `file` when they may equal `bytes`: `undefined` when nothing is there, `DIFFERENT`
 * when a regular file of another size is (not read: an earlier output may be large), refused
 * when something else is (a FIFO would block a read forever, issue 11 point 4).
 */
async function readExisting(file: string, bytes: Uint8Array, label: string): Promise<Buffer | typeof DIFFERENT | undefined> {
  let opened: OpenedUserFile;
  try {
    opened = await openRegularFile(file, { name: label, code: 'E_EXISTS', advice: 'choose another --out', describeError: (error) => error });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR') throw new InputError(`${label} is a folder, not a file; choose another --out`, { code: 'E_EXISTS' });
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${label}: ${(error as Error).message}`, { code: 'E_READ', cause: error });
  }
  try {
    return opened.stats.size === bytes.length ? await opened.handle.readFile() : DIFFERENT;
  } finally {
    await opened.handle.close();
  }
}

// An existing file that cannot hold the same bytes (another size).
const DIFFERENT = Symbol('different');

function isSame(existing: Buffer | typeof DIFFERENT | undefined, bytes: Uint8Array): boolean {
  return existing instanceof Buffer && Buffer.compare(existing, bytes) === 0;
}
