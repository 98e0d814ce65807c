/**
 * Writes a set of files into one folder so that they change together or not at all, whenever
 * the run is killed: nothing half-written, nothing overwritten without `--force`. Each name
 * becomes a link through one pointer, and the pointer is swapped in one step: layout, on-disk
 * states and recovery in `file-set-layout.ts`.
 *
 * 0. the folder's lock is taken: one run at a time (`file-set-lock.ts`);
 * 1. leftovers of interrupted runs are removed (`file-set-leftovers.ts`);
 * 2. the new set is written into a new folder (each file created exclusively with its mode,
 *    flushed);
 * 3. with `force`, files that are not our links yet are first kept, unchanged, as the set in use;
 * 4. every name is made our link (new names dangle until the swap: nothing shows);
 * 5. the pointer is swapped: a `symlink()` that fails if another run made one (without `force`),
 *    or a rename over it (with `force`). The replaced set is removed.
 */
import * as nodeFs from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describeValue, InputError } from '../errors.ts';
import { makeOutputFolder } from '../fs/make-output-folder.ts';
import { whileInProgress } from '../interruption.ts';
import { checkTargets, type FileSetOptions, type FileSystem, occupant, type Occupant, ownName, SET_FOLDER } from './file-set-layout.ts';
import { placeLinks, pointCurrentAt, type Run, swapCurrent, syncFolder } from './file-set-links.ts';
import { readCurrent, removeLeftovers, type Stage, undoAtOnce } from './file-set-leftovers.ts';
import { folderLock } from './file-set-lock.ts';

export { checkTargets, type FileSystem } from './file-set-layout.ts';

/** One file to write. */
export interface FileToWrite {
  /** File name inside the folder. */
  readonly name: string;
  readonly data: string | Uint8Array;
  /** Permission bits, e.g. `0o600` for a private key (the umask may only narrow them). */
  readonly mode: number;
}

/** Options of {@link writeFilesTogether}. */
export interface WriteFilesTogetherOptions extends FileSetOptions {
  /**
   * Test seam: awaited after each step ('cleaned', 'staged', 'kept', 'linked <name>', 'committed'),
   * so a test can kill the process there. The CLI never sets it.
   */
  readonly onStep?: (step: string) => unknown;
}

/** Writes `files` into `dir` (created with mode 0700 when missing); returns their paths. Throws `InputError`. */
export async function writeFilesTogether(dir: string, files: readonly FileToWrite[], options: WriteFilesTogetherOptions = {}): Promise<string[]> {
  const { force = false, fileSystem: fs = nodeFs, onStep } = options;
  const names = files.map((file) => file.name);
  // One level at a time (make-output-folder.ts: Node 20's recursive mkdir loops forever under /proc).
  const created = await makeOutputFolder(dir, { mode: 0o700 });
  const run: Run = { fs, dir, setDir: join(dir, SET_FOLDER), force, step: async (step) => onStep?.(step), undo: [], links: [] };
  const replaced: string[] = [];
  const stage: Stage = {};
  const lock = folderLock(fs, dir, run.setDir);
  const release = whileInProgress({ undo: () => (undoAtOnce(run, stage, replaced), lock.releaseAtOnce()) });
  try {
    await checkTargets(dir, names, { force, fileSystem: fs });
    await fs.mkdir(run.setDir, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? undefined : Promise.reject(error)));
    await lock.take();
    const current = await removeLeftovers(fs, dir, run.setDir, names);
    await run.step('cleaned');
    const staged = await writeSet(run, files);
    await run.step('staged');
    const occupants = await Promise.all(names.map((name) => occupant(fs, dir, name)));
    if (current !== undefined) replaced.push(current);
    if (force && occupants.includes('other')) replaced.push(await keepVisibleFiles(run, names, occupants, current, stage));
    await placeLinks(run, names, occupants);
    await swapCurrent(run, staged, () => (stage.swapping = staged));
    run.undo.length = 0; // swapped: the new set is in use, nothing to undo
    await run.step('committed');
  } catch (error) {
    release();
    for (const path of run.undo.reverse()) await fs.rm(path, { recursive: true, force: true }).catch(() => undefined);
    // A concurrent run may have put its set in use through the same links: then they stay.
    if ((await readCurrent(fs, run.setDir).catch(() => 'unreadable')) === undefined) for (const path of run.links) await fs.unlink(path).catch(() => undefined);
    await lock.release();
    await removeCreatedFolders(fs, run.setDir, created ?? run.setDir);
    if (error instanceof InputError) throw error;
    throw new InputError(`could not write the files into ${describeValue(dir)} ${describeFsError(error)}; nothing was written`, { code: 'E_WRITE', cause: error });
  }
  // The replaced sets hold the old private key: gone before the run ends (a kill here: the next run).
  for (const set of replaced) await fs.rm(join(run.setDir, set), { recursive: true, force: true }).catch(() => undefined);
  await lock.release();
  release();
  return names.map((name) => join(dir, name));
}

/** Writes the files into a new set folder (0700), flushed; returns its name. */
async function writeSet(run: Run, files: readonly FileToWrite[]): Promise<string> {
  const set = ownName('set');
  const path = join(run.setDir, set);
  await run.fs.mkdir(path, { mode: 0o700 });
  run.undo.push(path);
  await Promise.all(files.map((file) => writeFlushed(run.fs, join(path, file.name), file)));
  await syncFolder(run.fs, path);
  return set;
}

async function writeFlushed(fs: FileSystem, path: string, file: FileToWrite): Promise<void> {
  const handle = await fs.open(path, 'wx', file.mode);
  try {
    await handle.writeFile(file.data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * With `force`, before a plain file gives its name to a link: the files as the user sees them
 * now become the set in use, so that replacing each by a link changes nothing visible.
 */
async function keepVisibleFiles(run: Run, names: readonly string[], occupants: readonly Occupant[], current: string | undefined, stage: Stage): Promise<string> {
  const kept = ownName('set');
  const path = join(run.setDir, kept);
  await run.fs.mkdir(path, { mode: 0o700 });
  for (const [i, name] of names.entries()) {
    const source = occupants[i] === 'other' ? join(run.dir, name) : occupants[i] === 'ours' && current !== undefined ? join(run.setDir, current, name) : undefined;
    if (source !== undefined) await copyKeepingMode(run.fs, source, join(path, name));
  }
  await syncFolder(run.fs, path);
  await pointCurrentAt(run, kept, () => (stage.keeping = kept));
  await run.step('kept');
  return kept;
}

/** A hard link to a plain file, else a copy (mode kept) of what a link leads to; nothing for a dangling link. */
async function copyKeepingMode(fs: FileSystem, source: string, target: string): Promise<void> {
  if ((await fs.lstat(source)).isFile()) {
    const linked = await fs.link(source, target).then(() => true, () => false);
    if (linked) return;
  }
  await fs.copyFile(source, target, nodeFs.constants.COPYFILE_EXCL).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
}

/** After a failure, removes the (empty) folders this call created, deepest first. */
async function removeCreatedFolders(fs: FileSystem, from: string, created: string): Promise<void> {
  for (let folder = from; folder.startsWith(created); folder = dirname(folder)) {
    await fs.rmdir(folder).catch(() => undefined);
    if (folder === created) break;
  }
}

// Codes of a symlink() the system refuses outright: Windows without Developer Mode (EPERM), FAT,
// exFAT and some network or VM-shared folders (EPERM, ENOTSUP, ENOSYS).
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

function describeFsError(error: unknown): string {
  const { code, message, syscall } = error as { code?: string; message?: string; syscall?: string };
  if (syscall === 'symlink' && code !== undefined && NO_LINKS.has(code)) {
    return `(${code}): the system or the file system refuses the symbolic links keygen's files are; on Windows turn on Developer Mode, else choose --out on another file system`;
  }
  return `(${code ?? message ?? String(error)})`;
}
