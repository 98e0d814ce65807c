/**
 * Writing an output file so that nothing is ever half-written or silently overwritten
 * (README, "Limits": nothing half-written, nothing overwritten without `--force`): the bytes go to a temporary name in the same folder, then they are
 * placed under the target name in one step. An existing file with other content needs `force`;
 * one with the same bytes is left alone.
 *
 * Without `force` the check and the placing are one atomic step: the temporary
 * file is hard-linked to the target, and `link()` fails with EEXIST instead of replacing a file
 * that another writer placed after the first check. Only with `force` does a rename replace it.
 *
 * A caller may let some existing files be replaced without `force` (`whyKeep`: build replaces its
 * own earlier build, issue 12 point 4); only the very file it checked is replaced (see
 * {@link replaceChecked}).
 */
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, rmSync } from 'node:fs';
import { link, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { whileInProgress } from '../interruption.ts';
import { makeOutputFolder } from './make-output-folder.ts';
import { openRegularFile, type OpenedUserFile } from './read-user-file.ts';
import { isRunning } from './running-process.ts';

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Replace an existing file with different content. */
  readonly force?: boolean;
  /** File mode of a new file (default 0o644; the umask may narrow it). An existing file with the same bytes and a wider mode is written anew. */
  readonly mode?: number;
  /** How the file is named in the "exists" message, e.g. the path the user gave. */
  readonly label?: string;
  /**
   * Looks at an existing file with other content when `force` is not given: returns why it must be
   * kept (the end of "<label> exists and <reason>"), or `undefined` to replace it. Files larger
   * than {@link MAX_CHECKED_BYTES} are kept without asking.
   */
  readonly whyKeep?: (existing: Uint8Array) => Promise<string | undefined>;
  /**
   * Test seam: awaited after the temporary file is written and before it is placed, so that a
   * test can let a second writer in between. The CLI never sets it.
   */
  readonly beforePlace?: () => Promise<void>;
}

// A folder the user may not write in: no permission, or a read-only file system.
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS']);

/** What happened to the target. */
export type WriteOutcome = 'written' | 'replaced' | 'unchanged';

// File systems without hard links (FAT, some network and FUSE mounts) answer link() with one of
// these; there the placing falls back to a rename after the check (not atomic against a racer).
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV']);

/**
 * The largest existing file that `whyKeep` is asked about: it is read into memory. Far above any
 * package `build` writes (a few KB to a few hundred KB).
 */
export const MAX_CHECKED_BYTES = 64 * 1024 * 1024;

/** Writes `bytes` to `file` atomically; creates the folder when missing. */
export async function writeFileAtomic(file: string, bytes: Uint8Array, options: WriteFileAtomicOptions = {}): Promise<WriteOutcome> {
  const label = options.label ?? file;
  const mode = options.mode ?? 0o644;
  const existing = await readExisting(file, bytes, label, options.whyKeep === undefined ? 0 : MAX_CHECKED_BYTES);
  // The same bytes stay, unless others may read them where this write would not let them (a zip
  // that holds a secret, written 0644 by an earlier version): then they are written anew.
  const same = isSame(existing, bytes);
  if (same && (existing!.stats.mode & 0o777 & ~mode) === 0) return 'unchanged';
  if (existing !== undefined && !same && !options.force) await assertReplaceable(existing, label, options.whyKeep);
  // The one folder maker of the output paths: `mkdir -p` loops forever on Node 20 where mkdir
  // answers ENOENT under an existing folder (/proc), and a file in the way is named as such.
  await makeOutputFolder(resolve(dirname(file)));
  await removeLeftovers(file);
  const temp = tempName(file, 'tmp');
  // Ended by a signal meanwhile: the temporary file goes at once, not at the next write (it may
  // hold a client secret). Placed or not, the target is whole either way.
  const release = whileInProgress({ undo: () => rmSync(temp, { force: true }) });
  try {
    // The mode is given when the file is created, before a byte is in it (never a chmod after).
    await writeFile(temp, bytes, { flag: 'wx', mode }).catch((error: NodeJS.ErrnoException) => {
      // Node's text would name the temporary file, which the user never asked for.
      if (error.code !== undefined && NOT_WRITABLE.has(error.code)) throw new InputError(`cannot write ${label}: the folder '${dirname(file)}' is not writable (${error.code})`, { code: 'E_WRITE', cause: error });
      throw error;
    });
    await options.beforePlace?.();
    if (options.force) {
      await rename(temp, file);
      return existing === undefined ? 'written' : 'replaced';
    }
    if (existing?.bytes !== undefined) return await replaceChecked(temp, file, bytes, existing.bytes, label);
    return await linkIfAbsent(temp, file, bytes, label);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot write ${label}: ${(error as Error).message}`, { code: 'E_WRITE', cause: error });
  } finally {
    // After link() the target keeps the bytes under its own name; the temporary name always goes.
    await rm(temp, { force: true });
    release();
  }
}

function tempName(file: string, suffix: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}-${randomBytes(6).toString('hex')}.${suffix}`);
}

/**
 * Removes the temporary files of `file` that a killed writer left (a kill between the write and
 * the placing): they hold what it wrote, a zip with the client secret perhaps, under a name nobody
 * looks at. Only those of processes that no longer run, and never `.old` files (a racer's file
 * kept aside, whose name the error gave the user).
 */
async function removeLeftovers(file: string): Promise<void> {
  const prefix = `.${basename(file)}.`;
  const names = await readdir(dirname(file)).catch(() => [] as string[]);
  for (const name of names) {
    const pid = name.startsWith(prefix) ? /^(\d+)-[0-9a-f]{12}\.tmp$/u.exec(name.slice(prefix.length))?.[1] : undefined;
    if (pid !== undefined && !isRunning(Number(pid))) await rm(join(dirname(file), name), { force: true });
  }
}

/** Places `temp` at `file` only if no file is there: 'written', or 'unchanged' when a racer wrote the same bytes. */
async function linkIfAbsent(temp: string, file: string, bytes: Uint8Array, label: string): Promise<WriteOutcome> {
  if (await placeIfAbsent(temp, file)) return 'written';
  if (isSame(await readExisting(file, bytes, label, 0), bytes)) return 'unchanged';
  throw existsError(label);
}

/** Gives `from` the name `to` unless a file has it (then false): link(), or rename() where there are no hard links. */
async function placeIfAbsent(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw error;
    await rename(from, to);
    return true;
  }
}

/**
 * Replaces the existing file that `whyKeep` accepted, and no other: a racer may have put another
 * file at the name since. The existing file is moved aside with rename() (atomic: what is moved
 * is what the name held, and only we know its new name), compared byte for byte with the one that
 * was checked (an inode number is no proof: a file written after a delete often gets the same
 * one), and only then is the new file linked into the free name (link() fails if a racer placed
 * one meanwhile). A file that is not the checked one is linked back and kept. The name is free
 * between the move and the link, a few microseconds: a reader then finds no file, never half a one.
 */
async function replaceChecked(temp: string, file: string, bytes: Uint8Array, checked: Uint8Array, label: string): Promise<WriteOutcome> {
  const aside = tempName(file, 'old');
  try {
    await rename(file, aside);
  } catch (error) {
    // Removed since the check: place the new file as for a new name.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return linkIfAbsent(temp, file, bytes, label);
    throw error;
  }
  let keepAside = false;
  // Ended by a signal while the name is free: the file that was there gets it back (unless the new
  // one has it already), so the target is never left missing.
  const release = whileInProgress({ undo: () => restoreAside(aside, file, bytes) });
  try {
    const moved = await readExisting(aside, checked, label, 0).catch(() => undefined);
    if (!isSame(moved, checked)) {
      keepAside = !(await placeIfAbsent(aside, file));
      throw keepAside ? new InputError(`${label} changed while it was written; the file that was there is now ${aside}`, { code: 'E_EXISTS' }) : existsError(label);
    }
    if (await placeIfAbsent(temp, file)) return 'replaced';
    throw existsError(label);
  } finally {
    if (!keepAside) await rm(aside, { force: true });
    release();
  }
}

/** Gives the file kept at `aside` its name back, unless a file holds it; removes `aside` unless that file is a racer's (not `bytes`). */
function restoreAside(aside: string, file: string, bytes: Uint8Array): void {
  try {
    linkSync(aside, file);
  } catch (error) {
    // ENOENT: nothing was moved aside yet. EEXIST: the new file is in place, or a racer's is: then
    // the moved file stays where the error of the run would have named it.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && Buffer.compare(readFileSync(file), bytes) !== 0) return;
  }
  rmSync(aside, { force: true });
}

async function assertReplaceable(existing: Existing, label: string, whyKeep: WriteFileAtomicOptions['whyKeep']): Promise<void> {
  if (whyKeep === undefined || existing.bytes === undefined) throw existsError(label);
  const reason = await whyKeep(existing.bytes);
  if (reason !== undefined) throw existsError(label, reason);
}

function existsError(label: string, reason?: string): InputError {
  return new InputError(`${label} exists ${reason === undefined ? 'with other content' : `and ${reason}`}; pass --force to replace it`, { code: 'E_EXISTS' });
}

/** A regular file found at the target: its `stat`, and its bytes when they were read. */
interface Existing {
  readonly stats: OpenedUserFile['stats'];
  readonly bytes?: Buffer;
}

/**
 * The file at `file`: `undefined` when nothing is there, its bytes when they may equal `bytes` or
 * are at most `readUpTo` long (not read otherwise: an earlier output may be large), refused when
 * something else is (a FIFO would block a read forever, issue 11 point 4). The bytes and the stats
 * come from one open descriptor, so they describe the same file.
 */
async function readExisting(file: string, bytes: Uint8Array, label: string, readUpTo: number): Promise<Existing | undefined> {
  let opened: OpenedUserFile;
  try {
    opened = await openRegularFile(file, { name: label, code: 'E_EXISTS', advice: 'choose another --out', describeError: (error) => error });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a file stands where a folder of the path should be; the folder maker names it.
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'EISDIR') throw new InputError(`${label} is a folder, not a file; choose another --out`, { code: 'E_EXISTS' });
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${label}: ${(error as Error).message}`, { code: 'E_READ', cause: error });
  }
  try {
    const { stats } = opened;
    const read = stats.size === bytes.length || stats.size <= readUpTo;
    return read ? { stats, bytes: await opened.handle.readFile() } : { stats };
  } finally {
    await opened.handle.close();
  }
}

function isSame(existing: Existing | undefined, bytes: Uint8Array): boolean {
  return existing?.bytes !== undefined && Buffer.compare(existing.bytes, bytes) === 0;
}
