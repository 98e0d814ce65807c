/**
 * The steps of `writeFilesTogether` that change names: the links in the output folder and the
 * `current` pointer (layout and on-disk states: `file-set-layout.ts`). New names are made with
 * `symlink()`, which never replaces; a name is replaced only by a rename, and only with `force`.
 */
import { join } from 'node:path';
import { describeValue, InputError } from '../errors.ts';
import { CURRENT, type FileSystem, linkTarget, type Occupant, ownName, SET_FOLDER } from './file-set-layout.ts';

/** One run's state: what it made, for the undo after a failure. */
export interface Run {
  readonly fs: FileSystem;
  readonly dir: string;
  readonly setDir: string;
  readonly force: boolean;
  readonly step: (step: string) => Promise<unknown>;
  /** Paths to remove if the run fails before the swap. */
  readonly undo: string[];
  /** The links this run gave new names: removed after a failure only while no set is in use (they lead nowhere then). */
  readonly links: string[];
}

/** Makes every name our link: new ones with `symlink()` (never replacing), others (with `force`) by a rename. */
export async function placeLinks(run: Run, names: readonly string[], occupants: readonly Occupant[]): Promise<void> {
  for (const [i, name] of names.entries()) {
    const path = join(run.dir, name);
    if (occupants[i] === 'ours') continue;
    if (occupants[i] === 'absent') {
      const made = await run.fs.symlink(linkTarget(name), path).then(() => true, (error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? false : Promise.reject(error)));
      if (made) run.links.push(path);
      else if (!run.force) throw appeared(path);
      else await renameLinkOver(run, linkTarget(name), path);
    } else {
      if (!run.force) throw appeared(path);
      await renameLinkOver(run, linkTarget(name), path);
    }
    await run.step(`linked ${name}`);
  }
  await syncFolder(run.fs, run.dir);
}

/**
 * The swap: `current` leads to `set` from now on. Without `force`, fails if another run made one.
 * `swapping` is called right before the one call that swaps (from then on `set` may be in use).
 */
export async function swapCurrent(run: Run, set: string, swapping: () => void): Promise<void> {
  if (run.force) return pointCurrentAt(run, set, swapping);
  swapping();
  await run.fs.symlink(set, join(run.setDir, CURRENT)).catch((error: NodeJS.ErrnoException) => Promise.reject(error.code === 'EEXIST' ? appeared(join(run.dir, SET_FOLDER, CURRENT)) : error));
  await syncFolder(run.fs, run.setDir);
}

/** Points `current` at `set`, replacing it in one rename (`beforeRename` is called right before it). */
export async function pointCurrentAt(run: Run, set: string, beforeRename?: () => void): Promise<void> {
  await renameLinkOver(run, set, join(run.setDir, CURRENT), beforeRename);
  await syncFolder(run.fs, run.setDir);
}

/** Replaces `path` by a link holding `target`, in one rename (the new link is made in the set folder). */
async function renameLinkOver(run: Run, target: string, path: string, beforeRename?: () => void): Promise<void> {
  const temp = join(run.setDir, ownName(path.endsWith(CURRENT) ? 'next' : 'link'));
  await run.fs.symlink(target, temp);
  run.undo.push(temp);
  beforeRename?.();
  await run.fs.rename(temp, path);
}

function appeared(path: string): InputError {
  return new InputError(`${describeValue(path)} appeared while writing; nothing was written`, { code: 'E_EXISTS' });
}

/** Flushes a folder's entries to disk; file systems that cannot are left as they are. */
export async function syncFolder(fs: FileSystem, path: string): Promise<void> {
  const handle = await fs.open(path, 'r');
  await handle.sync().catch(() => undefined);
  await handle.close();
}
