import type { Argv } from 'yargs';
import { InputError } from '../errors.ts';
import type { CommandIo } from './command.ts';
import type { SecretSink } from '../secrets/secret-registry.ts';

/** The configuration flags `build`, `verify` and `deploy` share. */
export interface ConfigArgs {
  readonly config?: string;
  readonly env?: string;
}

/** Declares `--config` and `--env`; `purpose` says what the configuration is read for, if not everything. */
export function withConfigOptions(yargs: Argv, purpose = ''): Argv {
  return yargs
    .option('config', { type: 'string', describe: `Configuration file (YAML or JSON)${purpose}`, defaultDescription: 'aem-ioevents.yaml' })
    .option('env', { type: 'string', describe: `Entry of \`environments\` to merge over the rest${purpose}` });
}

/**
 * The library options of the configuration flags (`config`, `envName`), absent ones left out, and
 * the run's secret registry, which receives the secret fields of the configuration. An empty flag
 * (`--env=$ENV` with the variable unset, a bare `--config`) is bad input (exit 2): read as absent,
 * it would quietly build, verify or deploy the default file without the environment meant.
 */
export function toConfigOptions(args: ConfigArgs, io: Pick<CommandIo, 'secrets'>): { config?: string; envName?: string; secrets: SecretSink } {
  if (args.config?.trim() === '') throw new InputError('--config needs a file, e.g. --config aem-ioevents.yaml', { code: 'E_USAGE' });
  if (args.env?.trim() === '') throw new InputError('--env needs the name of an entry of environments, e.g. --env prod', { code: 'E_USAGE' });
  return { ...(args.config !== undefined && { config: args.config }), ...(args.env !== undefined && { envName: args.env }), secrets: io.secrets };
}
