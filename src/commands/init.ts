import type { CommandSpec } from './command.ts';
import type { InitConfigResult } from '../init/init-config.ts';

interface InitArgs {
  readonly template?: string;
  readonly flow?: string;
  readonly project?: string;
  readonly credential?: string;
  readonly out?: string;
  readonly force: boolean;
}

/** `aem-ioevents init`: a commented starter configuration for a template and flow. */
export const initCommand: CommandSpec = {
  command: 'init',
  describe: 'Write a commented starter aem-ioevents.yaml',
  builder: (yargs) =>
    yargs
      .option('template', { type: 'string', describe: 'Built-in template name (aem-ioevents templates lists them), or a folder with template.yaml', defaultDescription: 'cloudservice-6.3' })
      .option('flow', { type: 'string', choices: ['jwt', 'oauth'], describe: 'The credential: OAuth Server-to-Server or JWT (Service Account)', defaultDescription: 'oauth where the template has it, else jwt' })
      .option('project', { type: 'string', describe: 'Developer Console project JSON: its ids fill the file (its secrets never do)' })
      .option('credential', { type: 'string', describe: 'With --project: the id of the credential to take, when the workspace has several of the flow' })
      .option('out', { type: 'string', describe: 'The file to write', defaultDescription: 'aem-ioevents.yaml' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing file with other content' })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON object' }),
  async run(rawArgs, io) {
    const args = rawArgs as unknown as InitArgs;
    const { initConfig } = await import('../init/init-config.ts');
    const result = await initConfig({
      cwd: io.cwd,
      force: args.force,
      secrets: io.secrets,
      now: io.now(),
      ...(args.out !== undefined && { out: args.out }),
      ...(args.template !== undefined && { template: args.template }),
      ...(args.flow !== undefined && { flow: args.flow }),
      ...(args.project !== undefined && { project: args.project }),
      ...(args.credential !== undefined && { credential: args.credential }),
    });
    return { exitCode: 0, json: result, text: formatInitResult(result), warnings: result.warnings };
  },
};

/** The human report of `init`. */
export function formatInitResult(result: InitConfigResult): string {
  const verb = result.outcome === 'unchanged' ? 'unchanged' : result.outcome === 'replaced' ? 'replaced' : 'wrote';
  const flow = result.flow === 'oauth' ? 'OAuth Server-to-Server' : 'JWT (Service Account)';
  const rows: [string, readonly string[]][] = [
    ['from project', result.fromProject],
    ['fill in', result.placeholders],
    ['set', result.variables],
    ['schema', [result.schema.reference]],
    ['next', result.next],
  ];
  const lines = [`${verb} ${result.displayPath} (template ${result.template}, ${flow})`];
  for (const [label, values] of rows) values.forEach((value, i) => lines.push(`  ${(i === 0 ? label : '').padEnd(12)}  ${value}`));
  return lines.join('\n');
}
