/**
 * `renderStarterConfig`: the commented starter `aem-ioevents.yaml` of a template and flow, as text.
 * Pure: the caller reads the template and the project file and writes the result. The first line
 * points the YAML language server (VS Code, IntelliJ) to the JSON Schema the package ships, so the
 * editor completes and checks every key; a comment above each key says what it is (field-docs.ts).
 */
import type { DeveloperConsoleProject } from '../config/developer-console-project.ts';
import { CONFIG_FIELD_DOCS, describeField } from '../config/field-docs.ts';
import { CONFIG_KEYS, STARTER_PLACEHOLDER, type ConfigSection } from '../config/schema.ts';
import type { OsgiFlow } from '../config/types.ts';
import { JWT_CONVERSION_DATE, JWT_END_OF_LIFE } from '../ims/end-of-life.ts';
import type { Template } from '../template/template.ts';
import { selectTemplateFlow } from '../template/template-support.ts';
import { FLOW_NAMES, planStarter, type StarterPlan, type StarterValue } from './starter-plan.ts';

/** Options of {@link renderStarterConfig}. */
export interface StarterConfigOptions {
  readonly template: Template;
  /** The `build` flag that selects the template (`--template ims-6.5`), or `''` for the default template. */
  readonly templateFlag: string;
  readonly flow: OsgiFlow;
  /** The Developer Console project whose ids fill the starter; its secrets are never read. */
  readonly project?: DeveloperConsoleProject;
  /** Where the JSON Schema is, relative to the file (`./node_modules/aem-ioevents/schema/…`) or a URL. */
  readonly schemaReference: string;
}

const WIDTH = 100;

/** The starter configuration's text. */
export function renderStarterConfig(options: StarterConfigOptions): string {
  const plan = planStarter(options.template, options.flow, options.project);
  const sections = (Object.keys(CONFIG_KEYS) as ConfigSection[]).map((section) => renderSection(section, plan)).filter((text) => text !== '');
  return `${[renderHeader(options, plan), ...sections].join('\n\n')}\n`;
}

/** The environment variables the starter takes its secrets from, in the order it uses them. */
export function listStarterVariables(plan: StarterPlan): string[] {
  const names = [...plan.values()].filter((entry) => !entry.commented && typeof entry.value === 'string').flatMap((entry) => [...(entry.value as string).matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((match) => match[1]!));
  return [...new Set(names)];
}

/** The field paths still holding {@link STARTER_PLACEHOLDER}. */
export function listStarterPlaceholders(plan: StarterPlan): string[] {
  return [...plan].filter(([, entry]) => !entry.commented && [entry.value].flat().includes(STARTER_PLACEHOLDER)).map(([path]) => path);
}

function renderHeader(options: StarterConfigOptions, plan: StarterPlan): string {
  const { template, flow, templateFlag } = options;
  const variables = listStarterVariables(plan);
  const lines = [
    `aem-ioevents configuration for template ${template.name} (AEM ${(selectTemplateFlow(template, flow)?.aem ?? template.aem).join(', ')}) with ${article(FLOW_NAMES[flow])} ${FLOW_NAMES[flow]} credential, written by aem-ioevents init.`,
    ...(options.project === undefined ? [] : ['The ids come from the Developer Console project JSON; none of its secrets was copied.']),
    `Replace each ${STARTER_PLACEHOLDER}: build refuses the file while one is left, and names its key.`,
    `Secrets stay out of this file: \${NAME} takes the environment variable NAME; set ${variables.join(' and ')} (in CI, from the pipeline's secrets).`,
    ...(plan.has('keystore.file') ? ['aem-ioevents keygen makes keys/keystore.p12 with the password from IOEVENTS_KEYSTORE_PASSWORD.'] : []),
    ...(flow === 'jwt' ? [`Adobe ended JWT credentials on ${JWT_END_OF_LIFE} and converted the rest to OAuth Server-to-Server by ${JWT_CONVERSION_DATE}; check yours with aem-ioevents verify.`] : []),
    `Then: aem-ioevents build${templateFlag === '' ? '' : ` ${templateFlag}`}, and aem-ioevents inspect --strict --config <this file> on the zip it writes.`,
  ];
  return [`# yaml-language-server: $schema=${options.schemaReference}`, '#', ...lines.flatMap((line) => comment('', line))].join('\n');
}

function renderSection(section: ConfigSection, plan: StarterPlan): string {
  const fields = CONFIG_KEYS[section].flatMap((key) => {
    const entry = plan.get(`${section}.${key}`);
    return entry === undefined ? [] : [{ key, entry }];
  });
  if (fields.length === 0) return '';
  // A section of defaults only is written as a comment: the file stays as short as the template allows.
  const allCommented = fields.every(({ entry }) => entry.commented === true);
  const commentedKey = (entry: StarterValue): string => (entry.commented === true && !allCommented ? '# ' : '');
  const lines = [
    `${section}:`,
    ...fields.flatMap(({ key, entry }) => [...comment('  ', describeField(section, key)), `  ${commentedKey(entry)}${key}: ${formatValue(entry.value)}`]),
  ];
  return [...comment('', CONFIG_FIELD_DOCS[section].description), ...(allCommented ? lines.map((line) => `# ${line}`) : lines)].join('\n');
}

// `# text` lines of at most WIDTH characters, words kept whole.
function comment(indent: string, text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && indent.length + 2 + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line].map((part) => `${indent}# ${part}`);
}

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? 'an' : 'a';
}

function formatValue(value: StarterValue['value']): string {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return formatScalar(value, PLAIN);
  return `[${value.map((item) => formatScalar(item, PLAIN_IN_LIST)).join(', ')}]`;
}

// Plain YAML scalars that read back as the same string: no indicator first, no ': ' or ' #', no
// `{`, `}`, `,` inside a list; numbers, booleans and null are quoted.
const PLAIN = /^[A-Za-z0-9<$/][\w.@<>/${}:+ -]*$/;
const PLAIN_IN_LIST = /^[A-Za-z0-9<][\w.@<>/:+ -]*$/;
const KEYWORD = /^(?:true|false|null|yes|no|on|off|~)$/i;

function formatScalar(value: string, plain: RegExp): string {
  const isPlain = plain.test(value) && !KEYWORD.test(value) && Number.isNaN(Number(value)) && !/: | #|[: ]$/.test(value);
  if (isPlain) return value;
  // JSON strings are YAML double-quoted scalars; single quotes read better where nothing needs escaping.
  return /^[\x20-\x7e\u00a0-\uffff]*$/.test(value) ? `'${value.replaceAll("'", "''")}'` : JSON.stringify(value);
}
