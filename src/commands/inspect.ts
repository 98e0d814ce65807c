import { isAbsolute, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import type { ValidationChoice } from '../inspect/validation-files.ts';
import type { CommandIo, CommandSpec } from './command.ts';
import { toConfigOptions } from './config-options.ts';

/** Flags of `inspect`. */
export interface InspectArgs {
  readonly package: string;
  readonly json: boolean;
  readonly strict: boolean;
  readonly config?: string;
  readonly env?: string;
  // Repeated flags arrive as arrays (yargs' duplicate-arguments-array).
  readonly cnd?: string | readonly string[];
  readonly 'valid-root'?: string | readonly string[];
  readonly severity?: string | readonly string[];
}

/**
 * `aem-ioevents inspect PACKAGE.zip`: what a content package holds and what FileVault's
 * validators say about it. Exit 0 without errors, 1 with errors (`--strict`: warnings too),
 * 2 when the file is not a readable zip or a validator setting is wrong.
 *
 * FileVault's validator settings come from flags and, with `--config`, from the configuration's
 * `validation:` section (the one `build` uses): without `--config`, no configuration is read, so
 * inspecting someone else's package never depends on the working directory.
 */
export const inspectCommand: CommandSpec = {
  command: 'inspect <package>',
  describe: 'Show a content package and validate it as FileVault would',
  repeatable: ['cnd', 'valid-root', 'severity'],
  missingPositional: 'give the package zip to inspect, e.g. aem-ioevents inspect dist/eventproxy-config-1.0.0.zip',
  builder: (yargs) =>
    yargs
      // No default file: inspect reads a configuration only when told to (no --config, no configuration).
      .option('config', { type: 'string', describe: 'Configuration file whose validation: section applies (YAML or JSON); none is read without it' })
      .option('env', { type: 'string', describe: 'Entry of `environments` to merge over the rest of --config' })
      .positional('package', { type: 'string', describe: 'The package zip', demandOption: true })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON object' })
      .option('strict', { type: 'boolean', default: false, describe: 'Fail on warnings too' })
      .option('cnd', { type: 'string', describe: 'CND file with more node types (jackrabbit-nodetypes cnds); repeatable' })
      .option('valid-root', { type: 'string', describe: 'A valid root (jackrabbit-filter validRoots); replaces the defaults /, /libs, /apps, /etc, /var, /tmp, /content, /etc/packages; repeatable' })
      .option('severity', { type: 'string', describe: 'ID=error|warn|info|off: the level of a validator\'s errors, or off; repeatable' }),
  async run(rawArgs, io) {
    const args = rawArgs as unknown as InspectArgs;
    const [{ inspectPackage }, { formatInspectReport, toInspectJson }, { hasFailingFindings }, { loadValidationSettings, mergeValidationChoices }, { parseSeverityFlags }] = await Promise.all([
      import('../inspect/inspect-package.ts'),
      import('../inspect/format-report.ts'),
      import('../inspect/finding.ts'),
      import('../inspect/validation-files.ts'),
      import('../inspect/validation-settings.ts'),
    ]);
    const flags = readValidationFlags(args, parseSeverityFlags);
    const fromConfig = args.config === undefined ? undefined : await readConfigValidation(args, io);
    const validation = await loadValidationSettings(mergeValidationChoices(fromConfig?.choice, flags), io.cwd);
    const file = isAbsolute(args.package) ? args.package : resolve(io.cwd, args.package);
    const result = await inspectPackage({ file }, { name: args.package, validation });
    const strict = { strict: args.strict };
    return {
      exitCode: hasFailingFindings(result.findings, strict) ? 1 : 0,
      json: toInspectJson(result, strict),
      text: formatInspectReport(result),
      warnings: fromConfig?.warnings ?? [],
    };
  },
};

// --cnd, --valid-root and --severity as a ValidationChoice; an empty value is a usage error.
function readValidationFlags(args: InspectArgs, parseSeverity: (values: readonly string[]) => ValidationChoice['severity']): ValidationChoice {
  const list = (flag: string, value: string | readonly string[] | undefined): string[] => {
    const values = value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
    if (values.some((item) => item.trim() === '')) throw new InputError(`--${flag} needs a value`, { code: 'E_USAGE' });
    return values;
  };
  const cnds = list('cnd', args.cnd).map((file) => ({ file, name: `--cnd ${file}` }));
  const roots = list('valid-root', args['valid-root']);
  return { cnds, ...(roots.length > 0 && { validRoots: roots }), severity: parseSeverity(list('severity', args.severity)) };
}

// The configuration's validation: section (its CND paths are absolute already), and its warnings.
async function readConfigValidation(args: InspectArgs, io: CommandIo): Promise<{ choice: ValidationChoice | undefined; warnings: readonly string[] }> {
  const { readChosenConfig } = await import('../config/read-config.ts');
  const loaded = await readChosenConfig(toConfigOptions(args, io), io.cwd, io.env);
  const { choiceFromConfig } = await import('../inspect/validation-files.ts');
  return { choice: choiceFromConfig(loaded.config.validation), warnings: loaded.warnings };
}
