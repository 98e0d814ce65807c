import type { CommandSpec } from './command.ts';
import { retryNote } from './check.ts';
import { toConfigOptions, withConfigOptions } from './config-options.ts';

/** Flags of `up`. */
export interface UpArgs {
  readonly target?: readonly string[];
  readonly user?: string;
  readonly template?: string;
  readonly out?: string;
  readonly keystore: boolean;
  readonly replaceKey: boolean;
  readonly api?: 'jsp' | 'json';
  readonly timeout?: number;
  readonly retries?: number;
  readonly allowInstallErrors: boolean;
  readonly wait?: number;
  readonly strict: boolean;
  readonly imsUrl?: string;
  readonly config?: string;
  readonly env?: string;
  readonly json: boolean;
  readonly quiet: boolean;
}

// Lines under 90 characters: yargs breaks longer epilog lines in the middle of words.
const EPILOG = `Steps: keys (the configured keystore must exist: make one with keygen), verify against
IMS (a refusal stops here and nothing is sent to any AEM), build, deploy to every target
at once (skipped, "unchanged", where /etc/packages holds the same bytes, installed),
check (as the check command, with --wait).

Credentials: AEM_USER (or --user) and AEM_PASSWORD, as deploy reads them.

Exit codes: 0 every step ok; 1 IMS refused, Package Manager refused, or a check is not OK;
2 bad input (nothing sent); 3 a target unreachable, not ready or timed out. With several
targets: 2 before 1 before 3; the first failing step decides a target's code.`;

/** `aem-ioevents up --target URL`: keys → verify → build → deploy where needed → check. */
export const upCommand: CommandSpec<UpArgs> = {
  command: 'up',
  describe: 'Verify, build, deploy where needed and check: one idempotent step',
  builder: (yargs) =>
    withConfigOptions(yargs)
      .option('target', { alias: 't', type: 'string', array: true, describe: 'AEM base URL, repeatable; deployed and checked concurrently', defaultDescription: '$AEM_URL' })
      .option('user', { type: 'string', describe: 'AEM user', defaultDescription: '$AEM_USER' })
      .option('template', { type: 'string', describe: 'Built-in template name, or a folder with template.yaml', defaultDescription: 'cloudservice-6.3' })
      .option('out', { type: 'string', describe: 'Folder the zip is written to', defaultDescription: 'dist' })
      .option('keystore', { type: 'boolean', default: false, describe: "Also install the key into the service user's keystore, as deploy --keystore" })
      .option('replace-key', { type: 'boolean', default: false, describe: 'With --keystore: replace a different key under the alias' })
      .option('api', { type: 'string', choices: ['jsp', 'json'], describe: 'As deploy --api', defaultDescription: 'jsp' })
      .option('timeout', { type: 'number', describe: 'As deploy --timeout: seconds for the install call', defaultDescription: '600' })
      .option('retries', { type: 'number', describe: 'As deploy --retries', defaultDescription: '10' })
      .option('allow-install-errors', { type: 'boolean', default: false, describe: 'As deploy --allow-install-errors' })
      .option('wait', { type: 'number', describe: 'Seconds to keep asking failing checks (0 to 3600)', defaultDescription: '120' })
      .option('strict', { type: 'boolean', default: false, describe: 'A WARN check fails too' })
      .option('ims-url', { type: 'string', describe: 'IMS base URL', defaultDescription: '$IOEVENTS_IMS_URL, else ims.url' })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON object' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress on standard error' })
      .epilog(EPILOG),
  async run(args, io) {
    const [{ upIntegration }, { formatUpReport }, { createProgressReporter }] = await Promise.all([import('../up/up-integration.ts'), import('../up/up-report.ts'), import('../deploy/progress-reporter.ts')]);
    const progress = args.quiet ? undefined : createProgressReporter(io.stderr, io.now);
    try {
      const result = await upIntegration({
        targets: args.target ?? [],
        keystore: args.keystore,
        replaceKey: args.replaceKey,
        allowInstallErrors: args.allowInstallErrors,
        ...(args.api !== undefined && { api: args.api }),
        ...(args.timeout !== undefined && { timeoutSeconds: args.timeout }),
        ...(args.retries !== undefined && { retries: args.retries }),
        strict: args.strict,
        cwd: io.cwd,
        env: io.env,
        now: io.now,
        ...(io.timers !== undefined && { sleep: io.timers.sleep, every: io.timers.every }),
        ...(args.user !== undefined && { user: args.user }),
        ...(args.template !== undefined && { template: args.template }),
        ...(args.out !== undefined && { out: args.out }),
        ...(args.wait !== undefined && { waitSeconds: args.wait }),
        ...(args.imsUrl !== undefined && { imsUrl: args.imsUrl }),
        ...toConfigOptions(args, io),
        ...(progress !== undefined && { onProgress: progress.onProgress }),
        ...(!args.quiet && { onRetry: retryNote(io) }),
      });
      return { exitCode: result.exitCode, json: result, text: formatUpReport(result), warnings: result.warnings };
    } finally {
      progress?.finish();
    }
  },
};
