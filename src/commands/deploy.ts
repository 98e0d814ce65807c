import type { CommandSpec } from './command.ts';
import { toConfigOptions, withConfigOptions } from './config-options.ts';
import type { PackmgrApi } from '../deploy/install-package.ts';

/** Flags of `deploy`. */
export interface DeployArgs {
  readonly package: string;
  readonly target?: readonly string[];
  readonly user?: string;
  readonly api?: PackmgrApi;
  readonly timeout?: number;
  readonly retries?: number;
  readonly dryRun: boolean;
  readonly allowInstallErrors: boolean;
  readonly keystore: boolean;
  readonly replaceKey: boolean;
  readonly config?: string;
  readonly env?: string;
  readonly json: boolean;
  readonly quiet: boolean;
}

// Lines under 90 characters: yargs breaks longer epilog lines in the middle of words.
const EPILOG = `Credentials: AEM_USER (or --user) and AEM_PASSWORD. There is no password flag: a flag
shows in process lists and shell history. --keystore creates a missing store with the
password in AEM_KEYSTORE_PASSWORD. It reads every target's keystore before anything is
sent, and stops with exit 2 when the key cannot go in (no store and no
AEM_KEYSTORE_PASSWORD, another key under the alias without --replace-key).

Exit codes: 0 every target installed cleanly; 1 Package Manager refused, or installed with
errors, on a target; 2 bad input (nothing written); 3 a target unreachable, not ready or timed
out. With several targets: 2 before 1 before 3.

Progress goes to standard error: each readiness retry, the upload at most every 10 s,
"installing…" every 15 s; on a terminal one line that updates. --quiet silences it.`;

/**
 * \`aem-ioevents deploy PACKAGE.zip --target URL\`: upload and install through CRX Package Manager
 * with a strict verdict, on every target at once (README, "Deploying, and the Maven route").
 */
export const deployCommand: CommandSpec<DeployArgs> = {
  command: 'deploy <package>',
  describe: 'Install a package through Package Manager, with a strict verdict',
  missingPositional: 'give the package zip to deploy, e.g. aem-ioevents deploy dist/eventproxy-config-1.0.0.zip --target http://localhost:4502',
  builder: (yargs) =>
    withConfigOptions(yargs, ', for --keystore')
      .positional('package', { type: 'string', describe: 'The package zip', demandOption: true })
      .option('target', { alias: 't', type: 'string', array: true, describe: 'AEM base URL, repeatable; installed concurrently', defaultDescription: '$AEM_URL' })
      .option('user', { type: 'string', describe: 'AEM user', defaultDescription: '$AEM_USER' })
      .option('api', { type: 'string', choices: ['jsp', 'json'], describe: 'service.jsp (XML, strict) or service/.json (cannot see "with errors")', defaultDescription: 'jsp' })
      .option('timeout', { type: 'number', describe: 'Seconds for the install call; an install that times out is never sent again', defaultDescription: '600' })
      .option('retries', { type: 'number', describe: 'Retries with back-off while Package Manager is not ready or refuses connections', defaultDescription: '10' })
      .option('dry-run', { type: 'boolean', default: false, describe: 'Print the equivalent curl commands; send nothing' })
      .option('allow-install-errors', { type: 'boolean', default: false, describe: 'Report an install "with errors" as a warning (exit 0)' })
      .option('keystore', { type: 'boolean', default: false, describe: "Also install the key into the service user's keystore (from --config)" })
      .option('replace-key', { type: 'boolean', default: false, describe: 'With --keystore: replace a different key under the alias' })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON object' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress on standard error (warnings and errors still show)' })
      .epilog(EPILOG),
  async run(args, io) {
    const [{ deployPackage }, { formatDeployReport, formatDryRun }, { createProgressReporter }] = await Promise.all([
      import('../deploy/deploy-package.ts'),
      import('../deploy/deploy-report.ts'),
      import('../deploy/progress-reporter.ts'),
    ]);
    const progress = args.dryRun || args.quiet ? undefined : createProgressReporter(io.stderr, io.now);
    try {
      const result = await deployPackage({
        package: args.package,
        targets: args.target ?? [],
        dryRun: args.dryRun,
        allowInstallErrors: args.allowInstallErrors,
        keystore: args.keystore,
        replaceKey: args.replaceKey,
        cwd: io.cwd,
        env: io.env,
        now: io.now,
        ...(io.timers !== undefined && { sleep: io.timers.sleep, every: io.timers.every }),
        ...(args.user !== undefined && { user: args.user }),
        ...(args.api !== undefined && { api: args.api }),
        ...(args.timeout !== undefined && { timeoutSeconds: args.timeout }),
        ...(args.retries !== undefined && { retries: args.retries }),
        ...toConfigOptions(args, io),
        ...(progress !== undefined && { onProgress: progress.onProgress }),
      });
      const text = result.dryRun ? formatDryRun(result) : formatDeployReport(result);
      return { exitCode: result.exitCode, json: result, text, warnings: result.warnings };
    } finally {
      progress?.finish();
    }
  },
};
