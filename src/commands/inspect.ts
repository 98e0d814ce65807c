import { isAbsolute, resolve } from 'node:path';
import type { CommandSpec } from './command.ts';

/** Flags of `inspect`. */
export interface InspectArgs {
  readonly package: string;
  readonly json: boolean;
  readonly strict: boolean;
}

/**
 * `aem-ioevents inspect PACKAGE.zip`: what a content package holds and what FileVault's
 * validators say about it. Exit 0 without errors, 1 with errors (`--strict`: warnings too),
 * 2 when the file is not a readable zip.
 */
export const inspectCommand: CommandSpec = {
  command: 'inspect <package>',
  describe: 'Show a content package and validate it as FileVault would',
  missingPositional: 'give the package zip to inspect, e.g. aem-ioevents inspect dist/eventproxy-config-1.0.0.zip',
  builder: (yargs) =>
    yargs
      .positional('package', { type: 'string', describe: 'the package zip', demandOption: true })
      .option('json', { type: 'boolean', default: false, describe: 'print one JSON object' })
      .option('strict', { type: 'boolean', default: false, describe: 'fail on warnings too' }),
  async run(rawArgs, io) {
    const args = rawArgs as unknown as InspectArgs;
    const [{ inspectPackage }, { formatInspectReport, toInspectJson }, { hasFailingFindings }] = await Promise.all([
      import('../inspect/inspect-package.ts'),
      import('../inspect/format-report.ts'),
      import('../inspect/finding.ts'),
    ]);
    const file = isAbsolute(args.package) ? args.package : resolve(io.cwd, args.package);
    const result = await inspectPackage({ file }, { name: args.package });
    const strict = { strict: args.strict };
    return {
      exitCode: hasFailingFindings(result.findings, strict) ? 1 : 0,
      json: toInspectJson(result, strict),
      text: formatInspectReport(result),
      warnings: [],
    };
  },
};
