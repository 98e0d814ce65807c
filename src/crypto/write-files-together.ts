/**
 * Writes a set of files into one folder so that they appear together or not at all (SPEC.md
 * "Command line": nothing half-written, nothing overwritten without `--force`):
 *
 * 1. each file goes to a temporary name in the same folder (`.<name>.<random>.tmp`, created
 *    exclusively with its final mode, flushed to disk);
 * 2. without `force`, each is hard-linked to its final name, which fails instead of replacing a
 *    file that appeared meanwhile; with `force`, the existing file keeps a second name and the
 *    new one replaces it in one rename;
 * 3. on any failure everything placed so far is removed and the moved files are put back.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describeValue, InputError } from '../errors.ts';

/** One file to write. */
export interface FileToWrite {
  /** File name inside the folder. */
  readonly name: string;
  readonly data: string | Uint8Array;
  /** Permission bits, e.g. `0o600` for a private key (the umask may only narrow them). */
  readonly mode: number;
}

/** The file-system calls used; tests replace one to make it fail. */
export type FileSystem = Pick<typeof nodeFs, 'mkdir' | 'lstat' | 'open' | 'link' | 'rename' | 'unlink' | 'rmdir'>;

/** Options of {@link writeFilesTogether}. */
export interface WriteFilesTogetherOptions {
  /** Replace existing files. @default false */
  readonly force?: boolean;
  /** @default node:fs/promises */
  readonly fileSystem?: FileSystem;
}

interface Undo {
  run(): Promise<unknown>;
}

/** Writes `files` into `dir` (created with mode 0700 when missing); returns their paths. Throws `InputError`. */
export async function writeFilesTogether(dir: string, files: readonly FileToWrite[], options: WriteFilesTogetherOptions = {}): Promise<string[]> {
  const { force = false, fileSystem: fs = nodeFs } = options;
  const created = await makeFolder(fs, dir);
  await checkTargets(dir, files.map((file) => file.name), options);
  const undo: Undo[] = [];
  const cleanup: string[] = [];
  try {
    // The temporary files are written (and flushed) in parallel; placing them is sequential, for the undo list.
    const written = await Promise.allSettled(files.map((file) => writeTemp(fs, dir, file)));
    for (const result of written) if (result.status === 'fulfilled') cleanup.push(result.value);
    const failed = written.find((result) => result.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    for (const [i, file] of files.entries()) await place(fs, { temp: cleanup[i] as string, target: join(dir, file.name), force, undo, cleanup });
  } catch (error) {
    for (const step of undo.reverse()) await step.run().catch(() => undefined);
    await removeAll(fs, cleanup);
    await removeCreatedFolders(fs, dir, created);
    if (error instanceof InputError) throw error;
    throw new InputError(`could not write the files into ${describeValue(dir)} (${describeFsError(error)}); nothing was written`, { code: 'E_WRITE', cause: error });
  }
  await removeAll(fs, cleanup);
  return files.map((file) => join(dir, file.name));
}

/** Creates the folder; returns the first folder it had to create, if any. */
async function makeFolder(fs: FileSystem, dir: string): Promise<string | undefined> {
  try {
    return await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new InputError(`the output folder ${describeValue(dir)} cannot be created (${describeFsError(error)})`, { code: 'E_WRITE', cause: error });
  }
}

/** Throws `InputError` when one of the files exists (without `force`) or is a folder: the check {@link writeFilesTogether} makes first. */
export async function checkTargets(dir: string, names: readonly string[], options: WriteFilesTogetherOptions = {}): Promise<void> {
  const { force = false, fileSystem: fs = nodeFs } = options;
  const existing: string[] = [];
  for (const name of names) {
    const stat = await fs.lstat(join(dir, name)).catch(() => undefined);
    if (stat?.isDirectory()) throw new InputError(`${describeValue(join(dir, name))} is a folder; remove it or choose another output folder`, { code: 'E_EXISTS' });
    if (stat !== undefined) existing.push(name);
  }
  if (existing.length > 0 && !force) {
    const list = existing.length === 1 ? existing[0] : `${existing.slice(0, -1).join(', ')} and ${existing.at(-1)}`;
    throw new InputError(`${describeValue(dir)} already holds ${list}; nothing was written. Use --force to replace ${existing.length === 1 ? 'it' : 'them'}`, { code: 'E_EXISTS' });
  }
}

async function writeTemp(fs: FileSystem, dir: string, file: FileToWrite): Promise<string> {
  const temp = join(dir, `.${file.name}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', file.mode);
  try {
    await handle.writeFile(file.data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temp;
}

async function place(fs: FileSystem, step: { temp: string; target: string; force: boolean; undo: Undo[]; cleanup: string[] }): Promise<void> {
  const { temp, target, force, undo, cleanup } = step;
  if (force && (await fs.lstat(target).catch(() => undefined)) !== undefined) {
    // Keep the old file under a second name, then replace the target in one rename.
    const aside = `${temp}.old`;
    await fs.link(target, aside).catch(() => fs.rename(target, aside));
    cleanup.push(aside);
    undo.push({ run: () => fs.rename(aside, target) });
    await fs.rename(temp, target);
    return;
  }
  try {
    await fs.link(temp, target);
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') throw new InputError(`${describeValue(target)} appeared while writing; nothing was written`, { code: 'E_EXISTS' });
    // File systems without hard links: rename (the target was checked just before).
    await fs.rename(temp, target);
  }
  undo.push({ run: () => fs.unlink(target) });
}

/** After a failure, removes the (empty) folders this call created, deepest first. */
async function removeCreatedFolders(fs: FileSystem, dir: string, created: string | undefined): Promise<void> {
  if (created === undefined) return;
  for (let folder = dir; folder.startsWith(created); folder = dirname(folder)) {
    await fs.rmdir(folder).catch(() => undefined);
    if (folder === created) break;
  }
}

async function removeAll(fs: FileSystem, paths: readonly string[]): Promise<void> {
  for (const path of paths) await fs.unlink(path).catch(() => undefined);
}

function describeFsError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return code ?? message ?? String(error);
}
