import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli.ts';
import type { CliIo } from '../../src/commands/command.ts';

/** What one CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options for {@link runInProcess}. */
export interface InProcessOptions {
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
  /** A pinned time, or a clock (a fake one moves). */
  readonly now?: Date | (() => Date);
  /** Waits and intervals of deploy; a fake clock's, so no real time passes. */
  readonly timers?: CliIo['timers'];
}

/** Runs the CLI in this process with captured output, a pinned clock and a given environment. */
export async function runInProcess(args: readonly string[], options: InProcessOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    now: typeof options.now === 'function' ? options.now : () => (options.now as Date | undefined) ?? new Date('2026-11-23T12:00:00.000Z'),
    ...(options.timers !== undefined && { timers: options.timers }),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** Path of the bundled bin that `npm test` builds first (`dist/cli.cjs`). */
export const BIN = fileURLToPath(new URL('../../dist/cli.cjs', import.meta.url));

/** Runs the real bundled bin in a child process, as a CI step would. */
export function runBin(args: readonly string[], options: { env?: Record<string, string | undefined>; cwd?: string; input?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    env: { PATH: process.env.PATH, ...options.env },
    input: options.input,
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the bundled bin as the user "nobody" (uid 65534) from a copy in `dir`, which nobody can
 * reach wherever the clone lives: root may write anywhere, so a folder that is not writable can
 * only be tried as another user. Only for tests that run as root.
 */
export function runBinAsNobody(dir: string, args: readonly string[], env: Record<string, string | undefined> = {}): CliRun {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  for (const part of ['dist', 'templates', 'cnd', 'package.json']) cpSync(join(root, part), join(dir, 'pkg', part), { recursive: true });
  execFileSync('chmod', ['-R', 'a+rX', dir]);
  const child = spawnSync(process.execPath, [join(dir, 'pkg', 'dist', 'cli.cjs'), ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH, ...env },
    uid: 65534,
    gid: 65534,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (child.error) throw child.error;
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}
