/**
 * `template.yaml` → `Template`, with every shape rule checked and every problem reported at once,
 * each with its place in the file (`nodes[0].children[0].properties.apiKey: …`).
 */
import { locateIssue } from '../config/config-error.ts';
import { childPath } from '../config/field-path.ts';
import { findFieldPositions, findNearestPosition } from '../config/field-positions.ts';
import { parseYamlText } from '../config/parse-yaml.ts';
import { suggestKey } from '../config/unknown-keys.ts';
import { InputError } from '../errors.ts';
import type { PropertyType } from '../docview/docview-property.ts';
import { isConvertible } from '../inspect/value-conversion.ts';
import { describeName, getWritableJcrNameError } from '../packaging/jcr-name.ts';
import type { PathFilter } from '../packaging/workspace-filter.ts';
import type { Template, TemplateCheck, TemplateEntry, TemplateFile, TemplateFilter, TemplateFlow, TemplateNode, TemplateProperty } from './template.ts';
import { isSetupNoticeId, SETUP_NOTICES, type SetupNoticeId } from './setup-notices.ts';
import { isTemplateContextKey, SECRET_CONTEXT_KEYS, TEMPLATE_CONTEXT_KEYS } from './template-context.ts';

const PROPERTY_TYPES: readonly PropertyType[] = ['undefined', 'String', 'Binary', 'Long', 'Double', 'Decimal', 'Date', 'Boolean', 'Name', 'Path', 'Reference', 'WeakReference', 'URI'];
const PACKAGE_TYPES = ['application', 'content', 'container', 'mixed'] as const;
const IMPORT_MODES = ['replace', 'merge', 'update', 'merge_properties', 'update_properties'] as const;
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

type Raw = Record<string, unknown>;

/** One problem of a template: its field path and what is wrong. */
interface Problem {
  readonly where: string;
  readonly message: string;
}

/** Parses and checks a template; `label` (the file) prefixes every message. */
export function parseTemplate(text: string, label: string): Template {
  // The configuration's YAML reader: its limits (nesting depth, alias cycles, alias count) hold
  // for a user's template too.
  const parsed = parseYamlText(text);
  if (parsed.issues !== undefined) {
    const issues = parsed.issues.map((issue) => `${locateIssue(issue)}: ${issue.message.replace(/^YAML: /, '')}`);
    throw new InputError(`template ${label} is not valid YAML: ${issues.join('; ')}`, { code: 'E_TEMPLATE' });
  }
  const raw = parsed.value;
  const problems: Problem[] = [];
  const check = new Checker(problems);
  const root = check.object(raw, '', ['name', 'title', 'aem', 'flows', 'packageType', 'namespaces', 'filters', 'nodes', 'checks']);
  const template: Template = {
    name: check.string(root.name, 'name'),
    title: check.string(root.title, 'title'),
    aem: check.list(root.aem ?? [], 'aem').map((v, i) => check.string(v, `aem[${i}]`)),
    flows: readFlows(check, root.flows),
    packageType: check.oneOf(root.packageType ?? 'content', 'packageType', PACKAGE_TYPES),
    namespaces: readNamespaces(check, root.namespaces),
    filters: check.list(root.filters, 'filters').map((f, i) => readFilter(check, f, `filters[${i}]`)),
    nodes: check.list(root.nodes, 'nodes').map((n, i) => readNode(check, n, `nodes[${i}]`, 'path')),
    checks: readChecks(check, root.checks),
  };
  if (problems.length > 0) {
    // Positions cost a second parse: only for a template with problems.
    const positions = findFieldPositions(text, 'yaml');
    const lines = problems.map(({ where, message }) => {
      const at = findNearestPosition(where, positions);
      return `  - ${where || 'template'}${at === undefined ? '' : ` at line ${at.line}, column ${at.column}`}: ${message}`;
    });
    throw new InputError(`template ${label} is not valid:\n${lines.join('\n')}`, { code: 'E_TEMPLATE' });
  }
  return template;
}

// `flows`: each credential flow once, with the AEM versions that take it and the notices it needs.
function readFlows(check: Checker, value: unknown): TemplateFlow[] {
  const seen = new Set<unknown>();
  return check.list(value ?? [], 'flows').map((f, i): TemplateFlow => {
    const where = `flows[${i}]`;
    const raw = check.object(f, where, ['flow', 'aem', 'caveats', 'source']);
    if (seen.has(raw.flow)) check.fail(`${where}.flow`, `'${String(raw.flow)}' is listed twice`);
    seen.add(raw.flow);
    const caveats = check.list(raw.caveats ?? [], `${where}.caveats`).map((c, j) => check.string(c, `${where}.caveats[${j}]`));
    for (const id of caveats) if (id !== '' && !isSetupNoticeId(id)) check.fail(`${where}.caveats`, `'${id}' is not a setup notice (${Object.keys(SETUP_NOTICES).join(', ')})`);
    return {
      flow: check.oneOf(raw.flow, `${where}.flow`, ['jwt', 'oauth'] as const),
      aem: check.list(raw.aem, `${where}.aem`).map((v, j) => check.string(v, `${where}.aem[${j}]`)),
      caveats: caveats as SetupNoticeId[],
      ...(raw.source !== undefined && { source: check.string(raw.source, `${where}.source`) }),
    };
  });
}

// `checks`: a Sling health-check `tag`, or an add-on status servlet `path` (issue 13). A tag is
// sent in a query and a path appended to the target, so both are held to a plain shape.
function readChecks(check: Checker, value: unknown): TemplateCheck[] {
  return check.list(value ?? [], 'checks').map((c, i): TemplateCheck => {
    const where = `checks[${i}]`;
    const raw = check.object(c, where, ['tag', 'path', 'ping', 'status', 'source']);
    const entry = readEntry(check, raw, where);
    if ((raw.tag === undefined) === (raw.path === undefined)) check.fail(where, `give either tag (a Sling health-check tag) or path (a status servlet)`);
    if (raw.tag !== undefined) {
      const tag = check.string(raw.tag, `${where}.tag`);
      if (tag !== '' && !/^[A-Za-z0-9_.-]+$/.test(tag)) check.fail(`${where}.tag`, `expected letters, digits, '.', '_' or '-', got ${JSON.stringify(tag)}`);
      if (raw.ping !== undefined) check.fail(`${where}.ping`, `only a status servlet (path) can be a ping`);
      return { ...entry, kind: 'health', tag };
    }
    const path = check.string(raw.path, `${where}.path`);
    if (path !== '' && !/^(\/[A-Za-z0-9_.-]+)+\.json$/.test(path)) check.fail(`${where}.path`, `expected a servlet path such as /bin/aio/workspace.json, got ${JSON.stringify(path)}`);
    if (raw.ping !== undefined && typeof raw.ping !== 'boolean') check.fail(`${where}.ping`, `expected true or false`);
    return { ...entry, kind: 'status', path, ping: raw.ping === true };
  });
}

function readNamespaces(check: Checker, value: unknown): Record<string, string> {
  if (value === undefined) return {};
  const raw = check.object(value, 'namespaces');
  return Object.fromEntries(Object.entries(raw).map(([prefix, uri]) => [prefix, check.string(uri, `namespaces.${prefix}`)]));
}

function readEntry(check: Checker, raw: Raw, where: string): TemplateEntry {
  const status = check.oneOf(raw.status, `${where}.status`, ['confirmed', 'inferred'] as const);
  const when = raw.when === undefined ? undefined : check.contextKey(check.string(raw.when, `${where}.when`), `${where}.when`);
  const source = raw.source === undefined ? undefined : check.string(raw.source, `${where}.source`);
  return { status, ...(source !== undefined && { source }), ...(when !== undefined && { when }) };
}

function readFilter(check: Checker, value: unknown, where: string): TemplateFilter {
  const raw = check.object(value, where, ['root', 'mode', 'rules', 'when', 'status', 'source']);
  const rules = check.list(raw.rules ?? [], `${where}.rules`).map((r, i): PathFilter => {
    const rule = check.object(r, `${where}.rules[${i}]`, ['include', 'exclude', 'matchProperties']);
    const kind = rule.include !== undefined ? 'include' : 'exclude';
    const pattern = check.string(rule[kind], `${where}.rules[${i}].${kind}`);
    return { kind, pattern, ...(rule.matchProperties === true && { matchProperties: true }) };
  });
  const mode = raw.mode === undefined ? undefined : check.oneOf(raw.mode, `${where}.mode`, IMPORT_MODES);
  return { ...readEntry(check, raw, where), root: check.path(raw.root, `${where}.root`), rules, ...(mode !== undefined && { mode }) };
}

function readNode(check: Checker, value: unknown, where: string, naming: 'path' | 'name'): TemplateNode {
  const raw = check.object(value, where, [naming, 'when', 'status', 'source', 'properties', 'children', 'files']);
  const id = naming === 'path' ? { path: check.path(raw.path, `${where}.path`) } : { name: check.jcrName(raw.name, `${where}.name`) };
  const properties = Object.entries(raw.properties === undefined ? {} : check.object(raw.properties, `${where}.properties`)).flatMap(([name, p]) =>
    readVariants(check, name, p, `${where}.properties.${name}`),
  );
  return {
    ...readEntry(check, raw, where),
    ...id,
    properties,
    children: check.list(raw.children ?? [], `${where}.children`).map((c, i) => readNode(check, c, `${where}.children[${i}]`, 'name')),
    files: check.list(raw.files ?? [], `${where}.files`).map((f, i) => readFile(check, f, `${where}.files[${i}]`)),
  };
}

// A property is one spec, or a list of variants: render keeps the first whose `when` holds.
function readVariants(check: Checker, name: string, value: unknown, where: string): TemplateProperty[] {
  if (!Array.isArray(value)) return [readProperty(check, name, value, where)];
  if (value.length === 0) check.fail(where, `expected a property spec, or a non-empty list of variants`);
  return value.map((variant, i) => readProperty(check, name, variant, `${where}[${i}]`));
}

function readProperty(check: Checker, name: string, value: unknown, where: string): TemplateProperty {
  check.jcrName(name, where);
  const raw = check.object(value, where, ['value', 'type', 'when', 'status', 'source']);
  const given = raw.type === undefined ? undefined : check.oneOf(raw.type, `${where}.type`, PROPERTY_TYPES);
  const scalar = (v: unknown, at: string): string => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : check.text(v, at));
  const values = Array.isArray(raw.value) ? raw.value.map((v, i) => scalar(v, `${where}.value[${i}]`)) : scalar(raw.value, `${where}.value`);
  // YAML numbers and booleans carry their JCR type unless one is given (OSGi configurations need them).
  const sample: unknown = Array.isArray(raw.value) ? raw.value[0] : raw.value;
  const inferred: PropertyType = typeof sample === 'boolean' ? 'Boolean' : typeof sample === 'number' ? (Number.isInteger(sample) ? 'Long' : 'Double') : 'undefined';
  const type = given ?? inferred;
  checkLiteralValues(check, values, type, where);
  return { ...readEntry(check, raw, where), name, value: values, type };
}

// A value without {{key}} is known now: one FileVault cannot convert to its type would fail the
// build's validation later, without the template's line (jackrabbit-docviewparser, value-conversion.ts).
function checkLiteralValues(check: Checker, values: string | readonly string[], type: PropertyType, where: string): void {
  const list = typeof values === 'string' ? [values] : values;
  list.forEach((value, i) => {
    if (value.includes('{{') || isConvertible(value, type)) return;
    check.fail(`${where}.value${typeof values === 'string' ? '' : `[${i}]`}`, `${JSON.stringify(value)} is not a ${type} (FileVault cannot convert it)`);
  });
}

function readFile(check: Checker, value: unknown, where: string): TemplateFile {
  const raw = check.object(value, where, ['name', 'content', 'when', 'status', 'source']);
  const content = check.string(raw.content, `${where}.content`);
  if (!isTemplateContextKey(content) || TEMPLATE_CONTEXT_KEYS[content] !== 'bytes') check.fail(`${where}.content`, `'${content}' is not a template context key holding bytes (${bytesKeys().join(', ')})`);
  return { ...readEntry(check, raw, where), name: check.jcrName(raw.name, `${where}.name`), content };
}

function bytesKeys(): string[] {
  return Object.keys(TEMPLATE_CONTEXT_KEYS).filter((k) => TEMPLATE_CONTEXT_KEYS[k] === 'bytes');
}

// Collects problems instead of throwing, so one run reports all of them.
class Checker {
  constructor(private readonly problems: Problem[]) {}

  // `where`: the field path (`nodes[0].properties.apiKey`), which also finds the problem's line.
  fail(where: string, message: string): void {
    this.problems.push({ where, message });
  }

  object(value: unknown, where: string, allowed?: readonly string[]): Raw {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.fail(where, `expected a mapping`);
      return {};
    }
    for (const key of Object.keys(value)) {
      if (allowed === undefined || allowed.includes(key)) continue;
      const guess = suggestKey(key, allowed);
      this.fail(childPath(where, key), `unknown key${guess === undefined ? '' : `; did you mean ${guess}?`} (expected ${allowed.join(', ')})`);
    }
    return value as Raw;
  }

  list(value: unknown, where: string): unknown[] {
    if (Array.isArray(value)) return value;
    this.fail(where, `expected a list`);
    return [];
  }

  string(value: unknown, where: string): string {
    if (typeof value === 'string' && value !== '') return value;
    this.fail(where, `expected a non-empty string`);
    return '';
  }

  // A string whose {{placeholders}} name template context keys.
  text(value: unknown, where: string): string {
    const text = this.string(value, where);
    for (const [, key = ''] of text.matchAll(PLACEHOLDER)) this.contextKey(key.trim(), where);
    return text;
  }

  // A repository path (node path, filter root): its keys show in the package's entry names, its
  // filter and the build report, so a secret may not be one (issue 11, point 6).
  path(value: unknown, where: string): string {
    const text = this.text(value, where);
    for (const [, key = ''] of text.matchAll(PLACEHOLDER)) {
      if (SECRET_CONTEXT_KEYS.includes(key.trim())) this.fail(where, `{{${key.trim()}}} is a secret and cannot be part of a repository path, which the package's entry names, its filter and the build report show; use it in a property value`);
    }
    return text;
  }

  contextKey(key: string, where: string): string {
    if (isTemplateContextKey(key)) return key;
    const guess = suggestKey(key, Object.keys(TEMPLATE_CONTEXT_KEYS));
    this.fail(where, `'${key}' is not a template context key${guess === undefined ? '' : `; did you mean ${guess}?`} (${Object.keys(TEMPLATE_CONTEXT_KEYS).join(', ')})`);
    return key;
  }

  jcrName(value: unknown, where: string): string {
    const name = this.string(value, where);
    const error = name ? getWritableJcrNameError(name) : undefined;
    if (error !== undefined) this.fail(where, `${describeName(name)} is not a valid JCR name: ${error}`);
    return name;
  }

  oneOf<T extends string>(value: unknown, where: string, allowed: readonly T[]): T {
    if (allowed.includes(value as T)) return value as T;
    this.fail(where, `expected one of ${allowed.join(', ')}, ${value === undefined ? 'but it is missing' : `got ${JSON.stringify(value)}`}`);
    return allowed[0]!;
  }
}
