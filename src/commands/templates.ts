import type { CommandSpec } from './command.ts';
import type { Template } from '../template/template.ts';

/** One built-in template as `templates --json` lists it. */
export interface TemplateSummary {
  readonly name: string;
  readonly title: string;
  /** AEM versions it serves (`6.4`, `Cloud Service`). */
  readonly aem: readonly string[];
  readonly packageType: Template['packageType'];
  /** True for the one `build` uses without `--template`. */
  readonly default: boolean;
}

/** `aem-ioevents templates`: the built-in templates, one line each, with the AEM versions they serve. */
export const templatesCommand: CommandSpec = {
  command: 'templates',
  describe: 'List the built-in templates and the AEM versions they serve',
  builder: (yargs) => yargs.option('json', { type: 'boolean', default: false, describe: 'Print one JSON object' }),
  async run(_args, _io) {
    const { DEFAULT_TEMPLATE, readBuiltInTemplates } = await import('../template/template.ts');
    const templates = (await readBuiltInTemplates()).map(
      (t): TemplateSummary => ({ name: t.name, title: t.title, aem: t.aem, packageType: t.packageType, default: t.name === DEFAULT_TEMPLATE }),
    );
    return { exitCode: 0, json: { ok: true, templates }, text: formatTemplateList(templates), warnings: [] };
  },
};

/** One line per template: name, AEM versions, package type, title; the default marked. */
export function formatTemplateList(templates: readonly TemplateSummary[]): string {
  const rows = templates.map((t) => [t.name + (t.default ? ' *' : ''), `AEM ${t.aem.join(', ')}`, t.packageType, t.title]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  '));
  return [...lines, '* the default of build; choose another with build --template NAME, or --template ./DIR for your own copy'].join('\n');
}
