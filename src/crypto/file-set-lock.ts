/**
 * One run at a time in an output folder. Two `keygen --force` at once would each swap in its own
 * set and both report success, though only the last swap's key is in use (and the other's private
 * key stays in the folder): so a run holds `.keygen/lock`, a symbolic link made with `symlink()`
 * (which never replaces) that names the process holding it. A lock whose process no longer runs (a
 * killed run) is taken over. Layout: `file-set-layout.ts`.
 */
import { readlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describeValue, InputError } from '../errors.ts';
import { isRunning } from '../fs/running-process.ts';
import type { FileSystem } from './file-set-layout.ts';
import { ownName } from './file-set-layout.ts';

/** The lock, inside the set folder. */
export const LOCK = 'lock';

const HOLDER = /^lock-(\d+)-[0-9a-f]{12}$/u;

/** The lock of one run, named before it is taken, so that an interrupted run gives it up even while taking it. */
export interface FolderLock {
  /** Takes it (the set folder exists); throws `InputError` (`E_BUSY`) while another run holds it. */
  take(): Promise<void>;
  /** Gives it up, if this run holds it. */
  release(): Promise<void>;
  /** The same at once, for an interrupted run (`interruption.ts`). */
  releaseAtOnce(): void;
}

/** The lock of `setDir` for this run, not taken yet. */
export function folderLock(fs: FileSystem, dir: string, setDir: string): FolderLock {
  const path = join(setDir, LOCK);
  const own = ownName('lock');
  return {
    take: () => takeLock(fs, dir, path, own),
    async release() {
      if ((await fs.readlink(path).catch(() => undefined)) === own) await fs.unlink(path).catch(() => undefined);
    },
    releaseAtOnce() {
      try {
        if (readlinkSync(path) === own) unlinkSync(path);
      } catch {
        // Not taken, or gone: the next run finds no lock, or takes over ours (this process is gone then).
      }
    },
  };
}

async function takeLock(fs: FileSystem, dir: string, path: string, own: string): Promise<void> {
  // Two tries: the second after removing a dead run's lock. Bounded: a racer that took it in
  // between holds it, and this run stops.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const taken = await fs.symlink(own, path).then(
      () => true,
      (error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? false : Promise.reject(error)),
    );
    if (taken) return;
    const holder = await fs.readlink(path).catch(() => undefined);
    const pid = holder === undefined ? undefined : HOLDER.exec(holder)?.[1];
    if (pid !== undefined && isRunning(Number(pid))) throw busy(dir, path, pid);
    // A killed run's lock (or one that vanished meanwhile). Two runs that find the same dead lock
    // at the same instant may both go on: only after a killed run, and within microseconds.
    await fs.unlink(path).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
  }
  throw busy(dir, path, undefined);
}

function busy(dir: string, lock: string, pid: string | undefined): InputError {
  const who = pid === undefined ? 'another run' : `another run (process ${pid})`;
  return new InputError(`${describeValue(dir)} is being written by ${who}; nothing was written. Run again when it has ended (if none runs, remove ${describeValue(lock)})`, {
    code: 'E_BUSY',
  });
}
