import type { CommandSpec } from './command.ts';
import { toConfigOptions, withConfigOptions } from './config-options.ts';
import { InputError } from '../errors.ts';

interface VerifyArgs {
  readonly config?: string;
  readonly env?: string;
  readonly flow: 'auto' | 'jwt' | 'oauth';
  readonly imsUrl?: string;
  readonly offline: boolean;
  readonly timeout: number;
}

/** `aem-ioevents verify`: offline checks, then the credentials against Adobe IMS. */
export const verify: CommandSpec = {
  command: 'verify',
  describe: 'Check the credentials offline, then against Adobe IMS',
  builder: (yargs) =>
    withConfigOptions(yargs)
      .option('flow', { choices: ['auto', 'jwt', 'oauth'] as const, default: 'auto' as const, describe: 'Which IMS flow to prove' })
      .option('ims-url', { type: 'string', describe: 'IMS base URL (stage, or a local one)', defaultDescription: '$IOEVENTS_IMS_URL, else ims.url' })
      .option('offline', { type: 'boolean', default: false, describe: 'Only the offline checks; no network' })
      .option('timeout', { type: 'number', default: 10, describe: 'Seconds to wait for IMS' })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON object' }),
  async run(rawArgs, io) {
    const args = rawArgs as unknown as VerifyArgs;
    if (!Number.isFinite(args.timeout) || args.timeout <= 0) {
      throw new InputError(`--timeout must be a positive number of seconds, got '${String(args.timeout)}'`, { code: 'E_USAGE' });
    }
    const { verifyConfiguration } = await import('../verify/verify-configuration.ts');
    const { formatVerifyReport } = await import('../ims/verify-summary.ts');
    const result = await verifyConfiguration({
      cwd: io.cwd,
      env: io.env,
      now: io.now,
      flow: args.flow,
      offline: args.offline,
      timeoutMs: Math.round(args.timeout * 1000),
      ...toConfigOptions(args, io),
      ...(args.imsUrl !== undefined && { imsUrl: args.imsUrl }),
    });
    return { exitCode: result.exitCode, json: result, text: formatVerifyReport(result), warnings: result.warnings };
  },
};
