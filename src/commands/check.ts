import type { CommandIo, CommandSpec } from './command.ts';
import { toConfigOptions, withConfigOptions } from './config-options.ts';

/** Flags of `check`. */
export interface CheckArgs {
  readonly target?: readonly string[];
  readonly user?: string;
  readonly template?: string;
  readonly wait?: number;
  readonly ping: boolean;
  readonly strict: boolean;
  readonly config?: string;
  readonly env?: string;
  readonly json: boolean;
  readonly quiet: boolean;
}

// Lines under 90 characters: yargs breaks longer epilog lines in the middle of words.
const EPILOG = `The template says what to ask: the eventproxy connector's Sling health checks
(conf-events, ims-events, csm-events) at /system/health.json (the Web Console's page,
with an administrator's login, where that servlet is disabled), or the Adobe I/O Events
add-on's status servlets (/bin/aio/...). A failing check is asked again with back-off
until --wait runs out; the report shows its last answer.

Credentials: AEM_USER (or --user) and AEM_PASSWORD, as deploy reads them.

Exit codes: 0 every check OK; 1 a check is not OK (WARN too with --strict), or AEM refused
the credentials; 2 bad input; 3 a target unreachable, 5xx or timed out. With several
targets: 2 before 1 before 3.`;

/** The note on standard error before a failing check is asked again (`check`, `up`). */
export function retryNote(io: Pick<CommandIo, 'stderr'>): (target: string, failing: readonly string[], delayMs: number) => void {
  return (target, failing, delayMs) => void io.stderr.write(`waiting ${target}: ${failing.join(', ')}; asking again in ${(delayMs / 1000).toFixed(0)} s\n`);
}

/** `aem-ioevents check --target URL`: AEM's own checks of the installed integration. */
export const checkCommand: CommandSpec<CheckArgs> = {
  command: 'check',
  describe: "Ask AEM's own checks whether the installed integration works",
  builder: (yargs) =>
    withConfigOptions(yargs, ', only so that its secrets are never shown')
      // Read only when named: check asks nothing of it.
      .option('config', { type: 'string', describe: 'Configuration file, read only when named, so that its secrets are never shown' })
      .option('target', { alias: 't', type: 'string', array: true, describe: 'AEM base URL, repeatable; checked concurrently', defaultDescription: '$AEM_URL' })
      .option('user', { type: 'string', describe: 'AEM user', defaultDescription: '$AEM_USER' })
      .option('template', { type: 'string', describe: 'Built-in template name, or a folder with template.yaml: its checks: are asked', defaultDescription: 'cloudservice-6.3' })
      .option('wait', { type: 'number', describe: 'Seconds to keep asking failing checks (0 to 3600)', defaultDescription: '120' })
      .option('ping', { type: 'boolean', default: false, describe: "Also run checks that act (the add-on's publish_ping publishes an event)" })
      .option('strict', { type: 'boolean', default: false, describe: 'WARN fails too' })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON object' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No retry notes on standard error' })
      .epilog(EPILOG),
  async run(args, io) {
    const { checkIntegration, formatCheckReport } = await import('../check/index.ts');
    const result = await checkIntegration({
      targets: args.target ?? [],
      ping: args.ping,
      strict: args.strict,
      cwd: io.cwd,
      env: io.env,
      now: io.now,
      ...(io.timers !== undefined && { sleep: io.timers.sleep }),
      ...(args.user !== undefined && { user: args.user }),
      ...(args.template !== undefined && { template: args.template }),
      ...(args.wait !== undefined && { waitSeconds: args.wait }),
      ...toConfigOptions(args, io),
      ...(!args.quiet && { onRetry: retryNote(io) }),
    });
    return { exitCode: result.exitCode, json: result, text: formatCheckReport(result), warnings: result.warnings };
  },
};
