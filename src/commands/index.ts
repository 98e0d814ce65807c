import type { CommandSpec } from './command.ts';
import { inspectCommand } from './inspect.ts';

/** Every subcommand, in the order `--help` lists them. Each module is cheap to load; the work is imported lazily. */
export const commands: readonly CommandSpec[] = [inspectCommand as unknown as CommandSpec];
