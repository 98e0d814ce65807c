import type { Argv } from 'yargs';
import type { ExitCode } from '../errors.ts';
import type { SecretSink } from '../secrets/secret-registry.ts';

/** The process-level pieces a command touches, so tests can drive the CLI in-process (citty `RunMainOptions`). */
export interface CliIo {
  /** Standard output: the report, or exactly one JSON object with `--json`. */
  readonly stdout: { write(chunk: string): unknown; readonly isTTY?: boolean };
  /** Standard error: progress, warnings and error messages. */
  readonly stderr: { write(chunk: string): unknown; readonly isTTY?: boolean };
  /** Environment variables (`${VAR}` in configurations, credentials, `SOURCE_DATE_EPOCH`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Working directory that relative paths are resolved against. */
  readonly cwd: string;
  /** The clock; tests pin it. */
  readonly now: () => Date;
  /** How `deploy` waits between retries and ticks while AEM installs; tests pass a fake clock. @default real timers */
  readonly timers?: {
    readonly sleep: (ms: number) => Promise<void>;
    /** Calls `tick` every `ms` until the returned function is called. */
    readonly every: (ms: number, tick: () => void) => () => void;
  };
  /** Reads a secret from the terminal without echo; absent when there is no terminal. */
  readonly promptSecret?: (question: string) => Promise<string>;
  /**
   * Calls `handler` when the process gets SIGINT or SIGTERM, then ends the process as that signal
   * does; the returned function stops listening. Absent: a signal does what it does by default.
   */
  readonly onInterrupt?: (handler: (signal: InterruptSignal) => void) => () => void;
}

/** The signals a cancelled run gets: Ctrl-C, and a CI system's cancel (SIGKILL follows). */
export type InterruptSignal = 'SIGINT' | 'SIGTERM';

/**
 * What a command runs with: the process pieces, with output that blanks out every secret, and the
 * run's secret registry, which the command passes to the library (option `secrets`) so that the
 * secret fields of each configuration it loads are blanked out too.
 */
export interface CommandIo extends CliIo {
  readonly secrets: SecretSink;
}

/** What a command hands back to the CLI layer. */
export interface CommandOutcome {
  /** Exit code; 0 unless the command's answer is "no" (1). */
  readonly exitCode: ExitCode;
  /** The one object printed with `--json`. */
  readonly json: unknown;
  /** The human-readable report for standard output. */
  readonly text: string;
  /** Warnings for standard error (also part of `json`). */
  readonly warnings: readonly string[];
}

/** One subcommand: its flags (cheap, loaded at start) and its run function (loads the heavy modules it needs). */
export interface CommandSpec<Args = Record<string, unknown>> {
  /** yargs command string, e.g. `inspect <package>`. */
  readonly command: string;
  /** One line for `--help`. */
  readonly describe: string;
  /** What to say when the positional argument of `command` is missing (`give the package zip to deploy, …`). */
  readonly missingPositional?: string;
  /** What to say when the command, which takes no positional argument, is given one (`templates ./my`). */
  readonly unexpectedPositional?: string;
  /**
   * Options that may be given more than once without `array: true` (which would make them swallow
   * the positional after them): `inspect --cnd a.cnd --cnd b.cnd`. Any other one-value option given
   * twice is refused (usage-errors.ts, `checkTypedValues`).
   */
  readonly repeatable?: readonly string[];
  /** Declares the flags. */
  readonly builder: (yargs: Argv) => Argv;
  /** Turns flags into options, calls one library function and describes the result. */
  run(args: Args, io: CommandIo): Promise<CommandOutcome>;
}
