/**
 * What an interrupted run left in the output folder, removed by the next run before it writes:
 * sets that were never put in use, pointers and links that were never
 * renamed into place, the set that a finished swap replaced, and the `.<name>.<hex>.tmp` and
 * `.tmp.old` files of earlier versions of keygen (they may hold a private key); and what a run
 * that is being interrupted removes itself ({@link undoAtOnce}). Layout and states:
 * `file-set-layout.ts`.
 */
import { readdirSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describeValue, InputError } from '../errors.ts';
import { CURRENT, type FileSystem, isLeftover, isOwn, occupant } from './file-set-layout.ts';
import type { Run } from './file-set-links.ts';

// Earlier versions wrote `.<name>.<12 hex>.tmp` and kept the replaced file as `….tmp.old`.
const OLD_TEMP = /^\.(.+)\.[0-9a-f]{12}\.tmp(?:\.old)?$/u;

/**
 * Removes the leftovers of runs that no longer run from `setDir` and `dir`; returns the entry
 * `current` points to, if it is still in use.
 */
export async function removeLeftovers(fs: FileSystem, dir: string, setDir: string, names: readonly string[]): Promise<string | undefined> {
  let current = await readCurrent(fs, setDir);
  // A pointer no link leads through shows nothing: a killed run's, or the user removed the files.
  if (current !== undefined && isLeftover(current) && !(await anyLinkOfOurs(fs, dir, names))) {
    await fs.unlink(join(setDir, CURRENT));
    current = undefined;
  }
  for (const entry of await fs.readdir(setDir)) {
    if (entry !== current && isLeftover(entry)) await fs.rm(join(setDir, entry), { recursive: true, force: true });
  }
  for (const entry of await fs.readdir(dir)) {
    const name = OLD_TEMP.exec(entry)?.[1];
    if (name !== undefined && names.includes(name)) await fs.unlink(join(dir, entry)).catch(() => undefined);
  }
  return current;
}

/** The set `current` points to; undefined when there is none. */
export async function readCurrent(fs: FileSystem, setDir: string): Promise<string | undefined> {
  try {
    return await fs.readlink(join(setDir, CURRENT));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new InputError(`${describeValue(join(setDir, CURRENT))} is not the link keygen makes (${code ?? 'unreadable'}); move ${describeValue(setDir)} away and run again`, {
      code: 'E_EXISTS',
      cause: error,
    });
  }
}

async function anyLinkOfOurs(fs: FileSystem, dir: string, names: readonly string[]): Promise<boolean> {
  for (const name of names) if ((await occupant(fs, dir, name)) === 'ours') return true;
  return false;
}

/** Where a run stands, for {@link undoAtOnce}. */
export interface Stage {
  /** With `--force`, the set that keeps the plain files found, from right before it is put in use. */
  keeping?: string;
  /** The set the swap puts in use, from right before the call that swaps. */
  swapping?: string;
}

/**
 * The process ends now (SIGINT, SIGTERM; `interruption.ts`), maybe while a file call of the run is
 * in flight. Before the swap: what the failure path undoes (the new set with the new private key,
 * temporary links, found on disk; the links while no set is in use). Once the swap is under way,
 * what `current` shows decides, as a swap in flight may still complete but never goes back: the
 * new set, so the replaced sets (which hold the old private key) go; else nothing goes, and the
 * next run removes the set that is not in use.
 */
export function undoAtOnce(run: Run, stage: Stage, replaced: readonly string[]): void {
  if (stage.swapping !== undefined) {
    if (currentAtOnce(run.setDir) === stage.swapping) for (const set of replaced) rmSync(join(run.setDir, set), { recursive: true, force: true });
    return;
  }
  // What this process made in the set folder, as on disk: a call in flight may have made an entry
  // that `run.undo` does not hold yet. The set in use stays, and the kept one (it may be in flight).
  const current = currentAtOnce(run.setDir);
  for (const entry of readdirSync(run.setDir)) if (isOwn(entry) && entry !== current && entry !== stage.keeping) rmSync(join(run.setDir, entry), { recursive: true, force: true });
  if (current === undefined) for (const path of run.links) rmSync(path, { force: true });
}

function currentAtOnce(setDir: string): string | undefined {
  try {
    return readlinkSync(join(setDir, CURRENT));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'unreadable';
  }
}
