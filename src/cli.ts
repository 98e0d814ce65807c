#!/usr/bin/env node
/**
 * The process boundary (citty `main.ts`, changesets `index.ts`): argv in, exit code out.
 * Commands are thin: each turns flags into options and calls one library function.
 * This file owns the only top-level catch that maps errors to exit codes.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yargs, { type Argv } from 'yargs';
import { InputError, isIoEventsError, VerdictError, type ExitCode } from './errors.ts';
import { interrupt } from './interruption.ts';
import { getVersion } from './version.ts';
import type { CliIo, CommandIo, CommandOutcome, CommandSpec, InterruptSignal } from './commands/command.ts';
import { commands } from './commands/index.ts';
import { createSecretRegistry, type SecretRegistry } from './secrets/secret-registry.ts';
import { createSyncOutput, isTerminal, quietOnBrokenPipe, type SyncOutput } from './sync-output.ts';
import { checkTypedValues, describeUsageFailure, type DeclaredOptions, type UsageContext } from './usage-errors.ts';

/** Standard output and error of the process (see `sync-output.ts`). */
export interface ProcessOutput {
  readonly stdout: SyncOutput;
  readonly stderr: SyncOutput;
}

/** The process's standard output and error, written synchronously. */
export function createProcessOutput(): ProcessOutput {
  return {
    stdout: createSyncOutput(1, { stream: () => quietOnBrokenPipe(process.stdout) }),
    stderr: createSyncOutput(2, { stream: () => quietOnBrokenPipe(process.stderr) }),
  };
}

/** Default process-level pieces. */
export function defaultIo(output: ProcessOutput = createProcessOutput()): CliIo {
  return {
    stdout: output.stdout,
    stderr: output.stderr,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    // Only keygen asks, and only on a terminal: looked at when asked.
    get promptSecret() {
      return isTerminal(0) ? async (question: string) => (await import('./terminal-prompt.ts')).promptSecret(question) : undefined;
    },
    onInterrupt: listenForInterrupts,
  };
}

const INTERRUPTS: readonly InterruptSignal[] = ['SIGINT', 'SIGTERM'];

/**
 * Runs `handler` on the first SIGINT or SIGTERM, then ends the process by that signal: the default
 * action is back once our listeners are gone, so the parent sees the signal (a shell reports
 * 128 + its number: 130, 143), and a shell script that ran us stops on Ctrl-C as it would
 * without our handler (bash's "wait and cooperative exit" looks at how the child ended).
 */
function listenForInterrupts(handler: (signal: InterruptSignal) => void): () => void {
  const stop = () => {
    for (const signal of INTERRUPTS) process.off(signal, listener);
  };
  const listener = (signal: InterruptSignal) => {
    stop();
    try {
      handler(signal);
    } finally {
      process.kill(process.pid, signal);
    }
  };
  for (const signal of INTERRUPTS) process.on(signal, listener);
  return stop;
}

/**
 * The process: runs the CLI on `args` and ends the process with its exit code. When all output
 * went out synchronously, the process ends at once instead of through Node's teardown (the thread
 * pool, the heap: several ms of a cold build); otherwise Node's streams are left to drain.
 */
export async function main(args: readonly string[]): Promise<void> {
  const output = createProcessOutput();
  const code = await runCli(args, defaultIo(output));
  process.exitCode = code;
  if (output.stdout.settled && output.stderr.settled) process.exit(code);
}

/**
 * Runs the CLI with `args` (without `node` and the script) and returns the exit code. Never throws,
 * never exits. Everything the run writes passes through its secret registry (see {@link redactingIo}).
 */
export async function runCli(args: readonly string[], io: CliIo = defaultIo()): Promise<ExitCode> {
  const json = args.includes('--json');
  const secrets = createSecretRegistry(io.env);
  const out = redactingIo(io, secrets);
  const stopListening = io.onInterrupt?.((signal) => reportInterrupt(signal, json, out));
  try {
    const selected = await parseArgs(args, out);
    if (selected === undefined) return 0;
    const outcome = await selected.spec.run(selected.args as never, out);
    writeOutcome(outcome, json, out);
    return outcome.exitCode;
  } catch (error) {
    return reportError(error, json, out);
  } finally {
    stopListening?.();
  }
}

/** The io of a run: {@link CommandIo} with the run's own registry, and the writer of the one JSON object. */
interface RedactingIo extends CommandIo {
  readonly secrets: SecretRegistry;
  /** Writes `value` as JSON on standard output, its secrets blanked out of the values (the text is not redacted again, which could break it). */
  writeJson(value: unknown): void;
}

/**
 * The one output path: `io` whose writes have every secret of `secrets`
 * blanked out, which carries the registry to the commands and registers what the terminal prompt
 * answers. JSON goes through `writeJson`, which blanks out values before they are serialized.
 */
function redactingIo(io: CliIo, secrets: SecretRegistry): RedactingIo {
  const redacting = (stream: CliIo['stdout']): CliIo['stdout'] => ({
    write: (chunk: string) => stream.write(secrets.redact(chunk)),
    // Looked at when asked, as the process's own output does (sync-output.ts).
    get isTTY() {
      return stream.isTTY;
    },
  });
  return {
    stdout: redacting(io.stdout),
    stderr: redacting(io.stderr),
    env: io.env,
    cwd: io.cwd,
    now: io.now,
    ...(io.timers !== undefined && { timers: io.timers }),
    secrets,
    writeJson: (value: unknown) => io.stdout.write(`${secrets.stringify(value)}\n`),
    // A getter, so the prompt is still looked at only when asked (see defaultIo).
    get promptSecret() {
      const prompt = io.promptSecret;
      if (prompt === undefined) return undefined;
      return async (question: string) => {
        const answer = await prompt(question);
        secrets.add(answer, 'the keystore password');
        return answer;
      };
    },
  };
}

interface Selected {
  // Each command declares its own argument type; yargs has checked the flags against its builder.
  readonly spec: CommandSpec<never>;
  readonly args: Record<string, unknown>;
}

async function parseArgs(args: readonly string[], io: CliIo): Promise<Selected | undefined> {
  let selected: Selected | undefined;
  const parser = yargs()
    .scriptName('aem-ioevents')
    .usage('$0 <command> [options]\n\nAdobe I/O Events on AEM: keys, content package, IMS check, deploy.')
    .version(getVersion())
    .alias('v', 'version')
    .help()
    .alias('h', 'help')
    .strict()
    .demandCommand(1, 'Name a command: aem-ioevents <command>; see aem-ioevents --help.')
    .recommendCommands()
    .wrap(Math.min(100, (io.stdout.isTTY ? process.stdout.columns : undefined) ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      // Commands run after parsing, so any error here is yargs refusing the command line.
      if (isIoEventsError(error)) throw error;
      throw new InputError(describeUsageFailure(message || error?.message || 'invalid command line', usageContext(parser, args)), { code: 'E_USAGE' });
    });
  skipHelpCaching(parser);
  for (const spec of commands) {
    parser.command(spec.command, spec.describe, spec.builder, (argv) => {
      checkTypedValues(argv, declaredOptions(parser, spec), args, spec.command.split(' ')[0]!);
      selected = { spec, args: argv as Record<string, unknown> };
    });
  }
  const output = await new Promise<string>((resolve, reject) => {
    parser.parseAsync([...args], {}, (error, _argv, text) => (error ? reject(error) : resolve(text))).catch(reject);
  });
  // --help and --version: yargs hands back the text instead of running a command.
  if (output) io.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  return selected;
}

// yargs 17 methods that @types/yargs does not declare: the chosen command's options while it is
// parsed, and the chain of chosen commands. Where they differ, messages lose only their details.
interface ParserInternals {
  getOptions?(): { key?: Record<string, unknown>; alias?: Record<string, string[]>; number?: string[]; boolean?: string[]; array?: string[] };
  getInternalMethods?(): { getContext?(): { commands?: string[] } };
}

function parserOptions(parser: Argv): ReturnType<NonNullable<ParserInternals['getOptions']>> {
  return (parser as unknown as ParserInternals).getOptions?.() ?? {};
}

// The chosen command's options while yargs parses it, for the checks of the values typed.
function declaredOptions(parser: Argv, spec: CommandSpec<never>): DeclaredOptions {
  const { key = {}, alias = {}, number = [], boolean = [], array = [] } = parserOptions(parser);
  return { names: Object.keys(key), numbers: number, booleans: boolean, arrays: [...array, ...(spec.repeatable ?? [])], aliases: alias };
}

// What the refused command line was for: the chosen command and its options, as yargs holds them then.
function usageContext(parser: Argv, args: readonly string[]): UsageContext {
  const { key = {}, alias = {} } = parserOptions(parser);
  const command = (parser as unknown as ParserInternals).getInternalMethods?.().getContext?.().commands?.[0];
  const spec = commands.find((candidate) => candidate.command.split(' ')[0] === command);
  return {
    args,
    options: [...Object.keys(key), ...Object.values(alias).flat()],
    ...(command !== undefined && { command }),
    ...(spec?.missingPositional !== undefined && { missingPositional: spec.missingPositional }),
    ...(spec?.unexpectedPositional !== undefined && { unexpectedPositional: spec.unexpectedPositional }),
  };
}

/**
 * yargs 17 formats the chosen command's whole help text after every parse, in case the program
 * calls `showHelp()` later (`lib/command.js`, `cacheHelpMessage`); we never do, and the text costs
 * ~4 ms of a cold `build`. Where yargs's internals differ, nothing changes.
 */
function skipHelpCaching(parser: unknown): void {
  const internals = (parser as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: unknown } } }).getInternalMethods?.();
  const usage = internals?.getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

function writeOutcome(outcome: CommandOutcome, json: boolean, io: RedactingIo): void {
  for (const warning of [...io.secrets.shortSecretWarnings(), ...outcome.warnings]) io.stderr.write(`warning: ${warning}\n`);
  if (json) io.writeJson(outcome.json);
  else if (outcome.text) io.stdout.write(outcome.text.endsWith('\n') ? outcome.text : `${outcome.text}\n`);
}

function reportError(error: unknown, json: boolean, io: RedactingIo): ExitCode {
  for (const warning of io.secrets.shortSecretWarnings()) io.stderr.write(`warning: ${warning}\n`);
  if (isIoEventsError(error)) {
    io.stderr.write(`error: ${error.message}\n`);
    if (json) {
      const result = error instanceof VerdictError ? { ...(error.result as object) } : {};
      const body = { ok: false, ...result, error: { code: error.code, message: error.message } };
      io.writeJson(body);
    }
    return error.exitCode;
  }
  // A bug: show the stack so it can be reported; never reached by expected failures.
  io.stderr.write(`internal error (please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  if (json) io.writeJson({ ok: false, error: { code: 'E_INTERNAL', message: String(error) } });
  return 1;
}

/**
 * The run is cancelled (the process ends right after, see {@link listenForInterrupts}): what was in
 * progress is undone (`interruption.ts`), and the user learns what may have happened, above all
 * whether an install may be running on AEM. Synchronous, so it is all out before the end.
 */
function reportInterrupt(signal: InterruptSignal, json: boolean, io: RedactingIo): void {
  const notes = interrupt();
  const message = `interrupted by ${signal}${notes.length === 0 ? '' : `: ${notes.join('; ')}`}`;
  // On a terminal the progress line (and the echoed ^C) is still open.
  io.stderr.write(`${io.stderr.isTTY === true ? '\n' : ''}error: interrupted by ${signal}\n${notes.map((note) => `  ${note}\n`).join('')}`);
  if (json) io.writeJson({ ok: false, error: { code: 'E_INTERRUPTED', message }, signal, notes });
}

function isMain(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) void main(process.argv.slice(2));
