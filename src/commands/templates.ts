import type { CommandSpec } from './command.ts';
import type { Template } from '../template/template.ts';
import type { FlowSupport } from '../template/template-support.ts';

/** One built-in template as `templates --json` lists it. */
export interface TemplateSummary {
  readonly name: string;
  readonly title: string;
  /** AEM versions it serves (`6.4`, `Cloud Service`). */
  readonly aem: readonly string[];
  readonly packageType: Template['packageType'];
  /** True for the one `build` uses without `--template`. */
  readonly default: boolean;
  /** Per credential flow: the AEM versions that take it and whether it still gets tokens. */
  readonly flows: readonly FlowSupport[];
}

/** `aem-ioevents templates`: the built-in templates, with the AEM versions and token status of each flow. */
export const templatesCommand: CommandSpec = {
  command: 'templates',
  describe: 'List the built-in templates, their AEM versions and flows',
  unexpectedPositional: 'templates lists the built-in templates only; a template folder of your own is used with build --template ./my-template',
  builder: (yargs) => yargs.option('json', { type: 'boolean', default: false, describe: 'Print one JSON object' }),
  async run(_args, io) {
    const [{ DEFAULT_TEMPLATE, readBuiltInTemplates }, { describeTemplateFlows }] = await Promise.all([import('../template/template.ts'), import('../template/template-support.ts')]);
    const now = io.now();
    const templates = (await readBuiltInTemplates()).map(
      (t): TemplateSummary => ({ name: t.name, title: t.title, aem: t.aem, packageType: t.packageType, default: t.name === DEFAULT_TEMPLATE, flows: describeTemplateFlows(t, now) }),
    );
    return { exitCode: 0, json: { ok: true, templates }, text: formatTemplateList(templates), warnings: [] };
  },
};

/**
 * One line per template (name, AEM versions, package type, title; the default marked), then one
 * line per flow: its AEM versions and whether it gets tokens, and its notices below it.
 */
export function formatTemplateList(templates: readonly TemplateSummary[]): string {
  const rows = templates.map((t) => [t.name + (t.default ? ' *' : ''), `AEM ${t.aem.join(', ')}`, t.packageType, t.title]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = templates.flatMap((t, i) => [rows[i]!.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell)).join('  '), ...formatFlows(t.flows)]);
  return [...lines, '* the default of build; choose another with build --template NAME, or --template ./DIR for your own copy'].join('\n');
}

function formatFlows(flows: readonly FlowSupport[]): string[] {
  return flows.flatMap((f) => [`  ${`${f.flow}:`.padEnd(6)} AEM ${f.aem.join(', ')}; tokens: ${f.tokens}`, ...f.caveats.map((caveat) => `         note: ${caveat}`)]);
}
