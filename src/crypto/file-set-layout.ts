/**
 * The on-disk layout that lets `writeFilesTogether` change a set of files in one atomic step
 * ("all four or none"). POSIX renames one name at a time, so the files the
 * user sees are symbolic links through one pointer, and the pointer is what changes:
 *
 * ```
 * keys/                       the folder the user named; its other files (README, .gitignore) stay
 *   private.key            -> .keygen/current/private.key      (one such link per file)
 *   .keygen/                  mode 0700
 *     current              -> set-<pid>-<hex>                   the set in use
 *     set-<pid>-<hex>/        mode 0700: the files with their modes (0600 for secrets)
 * ```
 *
 * A run writes a new set, makes sure every name is such a link, then replaces `current` in one
 * rename (a `symlink()` that fails on EEXIST without `force`). What a kill leaves, and what the
 * next run does with it:
 *
 * | killed after            | the user sees                        | the next run                       |
 * | ----------------------- | ------------------------------------ | ---------------------------------- |
 * | writing the new set     | the old set, or nothing              | removes `set-<dead pid>-…`         |
 * | `--force` keeping the old plain files as a set | the old set     | uses it as `current`               |
 * | part of the links       | the old set, or nothing (the links dangle) | keeps the links, adds the rest |
 * | the swap of `current`   | the new set                          | removes the old set                |
 *
 * Entries are named after the process that made them; only those of processes no longer running
 * count as leftovers, so a run never removes what a concurrent run is writing.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { describeValue, InputError } from '../errors.ts';
import { isRunning } from '../fs/running-process.ts';

/** The folder, inside the output folder, that holds the sets. */
export const SET_FOLDER = '.keygen';
/** The pointer to the set in use, inside {@link SET_FOLDER}. */
export const CURRENT = 'current';

/** The file-system calls used; tests replace one to make it fail. */
export type FileSystem = Pick<
  typeof nodeFs,
  'mkdir' | 'lstat' | 'stat' | 'open' | 'link' | 'symlink' | 'readlink' | 'readdir' | 'rename' | 'unlink' | 'rmdir' | 'rm' | 'copyFile'
>;

/** Options of {@link checkTargets} and `writeFilesTogether`. */
export interface FileSetOptions {
  /** Replace existing files. @default false */
  readonly force?: boolean;
  /** @default node:fs/promises */
  readonly fileSystem?: FileSystem;
}

/** What holds a file's name in the output folder: nothing, our link, something else, a folder. */
export type Occupant = 'absent' | 'ours' | 'other' | 'folder';

/** The text of the link that stands for `name` in the output folder. */
export function linkTarget(name: string): string {
  return join(SET_FOLDER, CURRENT, name);
}

/** A fresh name for an entry of {@link SET_FOLDER} made by this process. */
export function ownName(kind: 'set' | 'next' | 'link' | 'lock'): string {
  return `${kind}-${process.pid}-${randomBytes(6).toString('hex')}`;
}

const OWN_NAME = /^(?:set|next|link)-(\d+)-[0-9a-f]{12}$/u;

/** Whether an entry of {@link SET_FOLDER} was made by this process. */
export function isOwn(entry: string): boolean {
  return OWN_NAME.exec(entry)?.[1] === String(process.pid);
}

/** Whether an entry of {@link SET_FOLDER} was left by a run that no longer runs (killed, or done). */
export function isLeftover(entry: string): boolean {
  const pid = OWN_NAME.exec(entry)?.[1];
  return pid !== undefined && !isRunning(Number(pid));
}

/** What holds `name` in `dir`. */
export async function occupant(fs: FileSystem, dir: string, name: string): Promise<Occupant> {
  const path = join(dir, name);
  const stat = await fs.lstat(path).catch(() => undefined);
  if (stat === undefined) return 'absent';
  if (stat.isDirectory()) return 'folder';
  if (stat.isSymbolicLink() && (await fs.readlink(path).catch(() => undefined)) === linkTarget(name)) return 'ours';
  return 'other';
}

/** Throws `InputError` when one of the files exists (without `force`) or is a folder: the check `writeFilesTogether` makes first. */
export async function checkTargets(dir: string, names: readonly string[], options: FileSetOptions = {}): Promise<void> {
  const { force = false, fileSystem: fs = nodeFs } = options;
  const existing: string[] = [];
  for (const name of names) {
    const found = await occupant(fs, dir, name);
    if (found === 'folder') throw new InputError(`${describeValue(join(dir, name))} is a folder; remove it or choose another output folder`, { code: 'E_EXISTS' });
    // Our link counts only when it leads to a file: a killed first run leaves dangling ones.
    if (found === 'other' || (found === 'ours' && (await fs.stat(join(dir, name)).catch(() => undefined)) !== undefined)) existing.push(name);
  }
  if (existing.length > 0 && !force) {
    const list = existing.length === 1 ? existing[0] : `${existing.slice(0, -1).join(', ')} and ${existing.at(-1)}`;
    throw new InputError(`${describeValue(dir)} already holds ${list}; nothing was written. Use --force to replace ${existing.length === 1 ? 'it' : 'them'}`, { code: 'E_EXISTS' });
  }
}
