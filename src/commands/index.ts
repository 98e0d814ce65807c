import type { CommandSpec } from './command.ts';
import { build } from './build.ts';
import { checkCommand } from './check.ts';
import { deployCommand } from './deploy.ts';
import { initCommand } from './init.ts';
import { inspectCommand } from './inspect.ts';
import { keygenCommand } from './keygen.ts';
import { templatesCommand } from './templates.ts';
import { upCommand } from './up.ts';
import { verify } from './verify.ts';

/** Every subcommand, in the order `--help` lists them. Each module is cheap to load; the work is imported lazily. */
export const commands: readonly CommandSpec<never>[] = [initCommand, keygenCommand, build, inspectCommand, verify, deployCommand, checkCommand, upCommand, templatesCommand];
