import type { Argv } from 'yargs';
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
 * the run's secret registry, which receives the secret fields of the configuration.
 */
export function toConfigOptions(args: ConfigArgs, io: Pick<CommandIo, 'secrets'>): { config?: string; envName?: string; secrets: SecretSink } {
  return { ...(args.config !== undefined && { config: args.config }), ...(args.env !== undefined && { envName: args.env }), secrets: io.secrets };
}
