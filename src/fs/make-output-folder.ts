/**
 * Creating the output folder a user names (`build --out`), so that every way it cannot be made is
 * bad input (exit 2) in keygen's words: `the output folder '<dir>' cannot be created (<CODE>)`.
 *
 * The folders are made one level at a time from the deepest one that exists, not with
 * `mkdir({ recursive: true })`: on Node 20 that call loops forever where `mkdir` answers ENOENT
 * under an existing folder (`--out /proc/x`).
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describeValue, InputError } from '../errors.ts';

/** Options of {@link makeOutputFolder}. */
export interface MakeOutputFolderOptions {
  /** Mode of the folders it creates (default 0o777 less the umask); keygen's keys folder is 0o700. */
  readonly mode?: number;
}

/**
 * Creates `dir` (absolute) and the folders above it that are missing; throws `InputError` when it
 * cannot. Returns the first folder it created (as `mkdir({ recursive: true })` does), if any.
 */
export async function makeOutputFolder(dir: string, options: MakeOutputFolderOptions = {}): Promise<string | undefined> {
  const missing: string[] = [];
  // Up from `dir` to the first thing that exists; the loop ends at the root at the latest.
  for (let at = dir; ; at = dirname(at)) {
    const found = await statOrMissing(at, dir);
    if (found === 'folder') break;
    if (found === 'other') throw cannotCreate(dir, at === dir ? 'EEXIST' : 'ENOTDIR');
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    await mkdir(folder, options.mode === undefined ? undefined : { mode: options.mode }).catch(async (error: NodeJS.ErrnoException) => {
      // Made by someone else meanwhile: fine, if it is a folder.
      if (error.code === 'EEXIST' && (await statOrMissing(folder, dir)) === 'folder') return;
      throw cannotCreate(dir, error.code ?? 'error', error);
    });
  }
  return missing[0];
}

async function statOrMissing(path: string, dir: string): Promise<'folder' | 'other' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    throw cannotCreate(dir, code ?? 'error', error);
  }
}

function cannotCreate(dir: string, code: string, cause?: unknown): InputError {
  return new InputError(`the output folder ${describeValue(dir)} cannot be created (${code})`, { code: 'E_WRITE', cause });
}
