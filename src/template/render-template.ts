/**
 * A `Template` plus a `TemplateContext` → the filter, the DocView trees and the files of a
 * package, with every name and how sure we are of it. Pure: no I/O.
 */
import { InputError } from '../errors.ts';
import type { DocViewNode } from '../docview/docview-node.ts';
import { createDocViewProperty, type DocViewProperty } from '../docview/docview-property.ts';
import { describeName, getWritableJcrNameError } from '../packaging/jcr-name.ts';
import type { PathFilterSet, WorkspaceFilter } from '../packaging/workspace-filter.ts';
import type { NameStatus, Template, TemplateEntry, TemplateNode, TemplateProperty } from './template.ts';
import { getContextValue, isPresent, type TemplateContext } from './template-context.ts';
import { isKept as keep, keptProperties } from './template-keys.ts';
import { checkFilterRoots, type RenderedRoot } from './filter-roots.ts';

/** One name the package contains, with its status (for the build report). */
export interface RenderedName {
  /** Repository path of the node, property or file (`/a/b/jcr:content/apiKey`). */
  readonly path: string;
  readonly kind: 'filter' | 'node' | 'property' | 'file';
  readonly status: NameStatus;
  readonly source?: string;
}

/** A node that gets its own `.content.xml` at `path`. */
export interface RenderedNode {
  readonly path: string;
  readonly node: DocViewNode;
}

/** A plain file at repository path `path`. */
export interface RenderedFile {
  readonly path: string;
  readonly content: Uint8Array;
}

/** What a template renders to. */
export interface RenderedTemplate {
  readonly filter: WorkspaceFilter;
  readonly nodes: readonly RenderedNode[];
  readonly files: readonly RenderedFile[];
  readonly names: readonly RenderedName[];
  /** The context keys whose values the package holds (in a path, a property or a file): build tells from them whether the zip holds a secret. */
  readonly usedKeys: ReadonlySet<string>;
}

/** Renders `template` with `context`. Throws `InputError` when a value is missing or a path is not a clean absolute path. */
export function renderTemplate(template: Template, context: TemplateContext): RenderedTemplate {
  const names: RenderedName[] = [];
  const usedKeys = new Set<string>();
  // Every value the package takes goes through here, so usedKeys misses none.
  const lookup = (key: string, where: string) => {
    usedKeys.add(key);
    return lookupValue(context, key, where);
  };
  const label = template.file ?? template.name;
  const where = `template ${label}`;
  const roots: RenderedRoot[] = [];
  const filterSets = template.filters.flatMap((f, index): PathFilterSet[] => {
    if (!keep(f, context)) return [];
    const root = checkPath(resolveText(f.root, lookup, `${where} filter root`), `${where} filter root ${f.root}`);
    names.push(named(root, 'filter', f));
    roots.push({ root, written: f.root, index });
    return [{ root, rules: f.rules, ...(f.mode !== undefined && { mode: f.mode }) }];
  });
  const out: Collected = { names, files: [], context, lookup, usedKeys };
  const nodes = template.nodes.filter((n) => keep(n, context)).map((top): RenderedNode => {
    const path = checkPath(resolveText(top.path ?? '', lookup, `${where} node ${top.path}`), `${where} node ${top.path}`);
    return { path, node: renderNode(top, path, out) };
  });
  checkFilterRoots(roots, new Set(names.filter((n) => n.kind !== 'filter').map((n) => n.path)), label);
  return { filter: { filterSets }, nodes, files: out.files, names, usedKeys };
}

/** A context value by key, for the text at `where`. */
type Lookup = (key: string, where: string) => string | boolean | readonly string[];

interface Collected {
  readonly names: RenderedName[];
  readonly files: RenderedFile[];
  readonly context: TemplateContext;
  readonly lookup: Lookup;
  readonly usedKeys: Set<string>;
}

function renderNode(node: TemplateNode, path: string, out: Collected): DocViewNode {
  const { context } = out;
  out.names.push(named(path, 'node', node));
  // Variants of one property (the JWT and the OAuth value) share a name: the first kept one is written.
  const properties = keptProperties(node, context).map((p) => {
    out.names.push(named(`${path}/${p.name}`, 'property', p));
    return renderProperty(p, out.lookup, `${path}/${p.name}`);
  });
  for (const file of node.files.filter((f) => keep(f, context))) {
    const content = getContextValue(context, file.content);
    if (!(content instanceof Uint8Array)) {
      throw new InputError(`template file ${path}/${file.name}: '${file.content}' has no bytes in this configuration; add 'when: ${file.content.split('.')[0]}.include' or provide it`, { code: 'E_TEMPLATE' });
    }
    out.usedKeys.add(file.content);
    out.files.push({ path: `${path}/${file.name}`, content });
    out.names.push(named(`${path}/${file.name}`, 'file', file));
  }
  const children = node.children.filter((c) => keep(c, context)).map((c) => renderNode(c, `${path}/${c.name}`, out));
  return { name: path.slice(path.lastIndexOf('/') + 1), properties, children };
}

function renderProperty(property: TemplateProperty, lookup: Lookup, where: string): DocViewProperty {
  const value = Array.isArray(property.value)
    ? property.value.map((v) => resolveText(v, lookup, where) as string)
    : resolveText(property.value as string, lookup, where);
  return createDocViewProperty(property.name, value, property.type);
}

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{([^{}]*)\}\}$/;

// `{{key}}` alone may stand for a list (a multi-value property); inside other text it must be text.
function resolveText(text: string, lookup: Lookup, where: string): string | readonly string[] {
  const whole = WHOLE_PLACEHOLDER.exec(text);
  if (whole) {
    const value = lookup(whole[1]!.trim(), where);
    return Array.isArray(value) ? value : String(value);
  }
  return text.replace(PLACEHOLDER, (_, key: string) => {
    const value = lookup(key.trim(), where);
    if (Array.isArray(value)) throw new InputError(`${where}: {{${key.trim()}}} is a list and cannot be part of a longer text`, { code: 'E_TEMPLATE' });
    return String(value);
  });
}

function lookupValue(context: TemplateContext, key: string, where: string): string | boolean | readonly string[] {
  const value = getContextValue(context, key);
  if (!isPresent(value) || value instanceof Uint8Array) {
    throw new InputError(`${where}: {{${key}}} has no value in this configuration; set it, or add 'when: ${key}' to the entry`, { code: 'E_TEMPLATE' });
  }
  return value as string | boolean | readonly string[];
}

// Config values end up in paths: refuse anything that could climb out or is not a JCR path.
function checkPath(path: string | readonly string[], where: string): string {
  if (typeof path !== 'string' || !path.startsWith('/') || path.length < 2 || path.endsWith('/')) {
    throw new InputError(`${where}: '${String(path)}' is not an absolute repository path`, { code: 'E_TEMPLATE' });
  }
  for (const segment of path.slice(1).split('/')) {
    const error = getWritableJcrNameError(segment);
    if (error !== undefined) throw new InputError(`${where}: segment ${describeName(segment)} of ${describeName(path)} is not a valid JCR name: ${error}`, { code: 'E_TEMPLATE' });
  }
  return path;
}

function named(path: string, kind: RenderedName['kind'], entry: TemplateEntry): RenderedName {
  return { path, kind, status: entry.status, ...(entry.source !== undefined && { source: entry.source }) };
}
