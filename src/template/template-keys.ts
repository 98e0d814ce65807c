/**
 * Which template context keys a template uses under a given context: the `{{key}}`s and file
 * contents of the entries that `when:` keeps. `build` reads costly or secret inputs (the keystore's
 * bytes, the private key) only when a kept entry needs them, and names every missing value at once.
 */
import type { Template, TemplateEntry, TemplateNode, TemplateProperty } from './template.ts';
import { getContextValue, isPresent, type TemplateContext } from './template-context.ts';

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** The context keys that the entries kept under `context` read (placeholders and file contents, not `when:` keys). */
export function listUsedContextKeys(template: Template, context: TemplateContext): Set<string> {
  const used = new Set<string>();
  const kept = (entry: TemplateEntry): boolean => isKept(entry, context);
  const read = (text: string): void => {
    for (const [, key = ''] of text.matchAll(PLACEHOLDER)) used.add(key.trim());
  };
  const visit = (node: TemplateNode): void => {
    if (node.path !== undefined) read(node.path);
    for (const property of keptProperties(node, context)) for (const value of [property.value].flat()) read(value);
    for (const file of node.files.filter(kept)) used.add(file.content);
    for (const child of node.children.filter(kept)) visit(child);
  };
  for (const filter of template.filters.filter(kept)) read(filter.root);
  for (const node of template.nodes.filter(kept)) visit(node);
  return used;
}

/** True when `entry` has no `when:`, or its `when:` key has a value in `context`. */
export function isKept(entry: TemplateEntry, context: TemplateContext): boolean {
  return entry.when === undefined || isPresent(getContextValue(context, entry.when));
}

/** The properties of `node` that render writes under `context`: of several variants of one name, the first kept one. */
export function keptProperties(node: TemplateNode, context: TemplateContext): TemplateProperty[] {
  const kept = (p: TemplateProperty): boolean => isKept(p, context);
  return node.properties.filter((p, i, all) => kept(p) && all.findIndex((q) => q.name === p.name && kept(q)) === i);
}

/** The keys a template uses under `context` that have no value there, in template order. */
export function findMissingContextKeys(template: Template, context: TemplateContext): string[] {
  return [...listUsedContextKeys(template, context)].filter((key) => !isPresent(getContextValue(context, key)));
}
