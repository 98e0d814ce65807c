import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli.ts';
import type { CliIo } from '../../src/commands/command.ts';
import { hasTool } from './tools.ts';

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
  /** How the run listens for SIGINT and SIGTERM; absent: it does not. */
  readonly onInterrupt?: CliIo['onInterrupt'];
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
    ...(options.onInterrupt !== undefined && { onInterrupt: options.onInterrupt }),
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

/** How a bin started by {@link startBin} ended. */
export interface EndedBin {
  /** The exit code, or null when a signal ended it. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A bin running in a child process, for tests that interrupt it. */
export interface RunningBin {
  readonly child: ChildProcess;
  /** Resolves when standard error has shown `text`. */
  stderrShows(text: string): Promise<void>;
  /** Resolves when the process has ended; SIGKILL after 60 s, so a hang fails the test instead of stalling it. */
  readonly ended: Promise<EndedBin>;
}

/** Starts the bundled bin in a child process, without waiting for it. */
export function startBin(args: readonly string[], options: { env?: Record<string, string | undefined>; cwd?: string } = {}): RunningBin {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: { PATH: process.env.PATH, ...options.env } });
  let stdout = '';
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk;
    for (const waiter of waiters.filter((candidate) => stderr.includes(candidate.text))) waiter.resolve();
  });
  const ended = new Promise<EndedBin>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  const stderrShows = (text: string) =>
    new Promise<void>((resolve, reject) => {
      if (stderr.includes(text)) return resolve();
      waiters.push({ text, resolve });
      void ended.then(() => reject(new Error(`the bin ended before it showed ${JSON.stringify(text)}; its standard error: ${stderr}`)));
    });
  return { child, stderrShows, ended };
}

let strace: boolean | undefined;

/** Whether strace can run here (and inject signals): tests that need it pass without it. Asked once, when first needed. */
export function straceWorks(): boolean {
  strace ??= hasTool('strace') && spawnSync('strace', ['-o', '/dev/null', 'true']).status === 0;
  return strace;
}

/**
 * Runs the bundled bin under strace, which sends it `signal` on entering the `when`-th of `calls`
 * (`symlink,symlinkat`; counted per thread: UV_THREADPOOL_SIZE=1 puts every file call on one).
 * Returns the signal that ended it (or `exit <code>: <stderr>`) and its standard error.
 */
export function binSignalledAt(cwd: string, args: readonly string[], env: Record<string, string>, signal: 'SIGKILL' | 'SIGTERM', calls: string, when: number): { ended: string; stderr: string } {
  const strace = ['-f', '-qq', '-o', '/dev/null', '-e', `trace=${calls}`, '-e', `inject=${calls}:signal=${signal}:when=${when}`];
  const result = spawnSync('strace', [...strace, process.execPath, BIN, ...args], { cwd, env: { PATH: process.env.PATH, UV_THREADPOOL_SIZE: '1', ...env }, encoding: 'utf8', timeout: 120_000 });
  return { ended: result.signal ?? `exit ${result.status}: ${result.stderr}`, stderr: result.stderr };
}
