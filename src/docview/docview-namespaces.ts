/**
 * Which namespaces FileVault declares on a DocView root element, and in which order
 * (FileVault `DocViewSAXFormatter.onChildren`, `AggregateImpl.loadNamespaces`):
 *
 * 1. `jcr` always, first (JCRVLT-266);
 * 2. then every prefix used in node names (the root's own name too, and bare ordering elements),
 *    property names, and values of Name and Path properties (`jcr:primaryType`, `jcr:mixinTypes`),
 *    in the iteration order of the Java `HashSet` they were collected into;
 * 3. never `xml`.
 *
 * The walk adds a node's name, then `jcr:primaryType`, `jcr:mixinTypes` and the other properties in
 * attribute order, then the children. The insertion order matters only for prefixes sharing a hash
 * bucket; FileVault follows the repository's property order there, which depends on its storage.
 *
 * | used prefixes          | declared                  |
 * | ---------------------- | ------------------------- |
 * | `jcr`, `nt`            | `jcr nt`                  |
 * | `jcr`, `nt`, `mix`     | `jcr nt mix`              |
 * | `jcr`, `nt`, `foo1`, `foo2` | `jcr nt foo1 foo2`   |
 */
import { InputError } from '../errors.ts';
import { type DocViewNode, KNOWN_NAMESPACES } from './docview-node.ts';
import type { DocViewProperty } from './docview-property.ts';
import { javaHashSetOrder } from './java-hash-set.ts';
import { compareQNames } from './qname-comparator.ts';
import { isValidNCName } from './xml-char.ts';

/** One `xmlns:prefix="uri"` declaration. */
export interface NamespaceDeclaration {
  readonly prefix: string;
  readonly uri: string;
}

/**
 * The declarations FileVault writes on the root element of `root`'s DocView, in its order.
 * URIs come from `namespaces`, then from {@link KNOWN_NAMESPACES}.
 * @throws InputError naming the prefix and the first node using it when no URI is known.
 */
export function getNamespaceDeclarations(root: DocViewNode, namespaces: Readonly<Record<string, string>> = {}): NamespaceDeclaration[] {
  const usedBy = new Map<string, string>();
  collect(root, root.name || 'jcr:root', usedBy);
  const order = ['jcr', ...javaHashSetOrder(usedBy.keys()).filter((prefix) => prefix !== 'jcr')];
  return order
    .filter((prefix) => prefix !== 'xml')
    .map((prefix) => ({ prefix, uri: lookUp(prefix, namespaces, usedBy.get(prefix) ?? 'jcr:root') }));
}

// The order FileVault's walk visits properties in (see the module comment).
function sortProperties(properties: readonly DocViewProperty[]): DocViewProperty[] {
  const rank = (name: string): number => (name === 'jcr:primaryType' ? 0 : name === 'jcr:mixinTypes' ? 1 : 2);
  return [...properties].sort((a, b) => rank(a.name) - rank(b.name) || compareQNames(a.name, b.name));
}

function collect(node: DocViewNode, path: string, usedBy: Map<string, string>): void {
  const add = (name: string): void => {
    const colon = name.indexOf(':');
    if (colon > 0 && !usedBy.has(name.slice(0, colon))) usedBy.set(name.slice(0, colon), path);
  };
  add(node.name);
  for (const property of sortProperties(node.properties)) {
    add(property.name);
    // jcr:primaryType and jcr:mixinTypes are names in the repository whatever the attribute says.
    if (property.type === 'Name' || property.name === 'jcr:primaryType' || property.name === 'jcr:mixinTypes') property.values.forEach(add);
    // AggregateImpl.addNamespacePath: every segment of a Path value.
    if (property.type === 'Path') property.values.forEach((value) => value.split('/').forEach(add));
  }
  for (const child of node.children) collect(child, `${path}/${child.name}`, usedBy);
}

function lookUp(prefix: string, namespaces: Readonly<Record<string, string>>, usedBy: string): string {
  const uri = Object.hasOwn(namespaces, prefix) ? namespaces[prefix] : Object.hasOwn(KNOWN_NAMESPACES, prefix) ? KNOWN_NAMESPACES[prefix] : undefined;
  if (uri === undefined) {
    throw new InputError(`Unknown namespace prefix '${prefix}' used by node '${usedBy}': give its URI in options.namespaces`, { code: 'E_DOCVIEW_NAMESPACE' });
  }
  // Namespaces in XML 1.0: a prefix is an NCName other than xmlns, bound to a non-empty URI.
  if (!isValidNCName(prefix) || prefix === 'xmlns' || uri === '') {
    throw new InputError(`Invalid namespace declaration xmlns:${prefix}=${JSON.stringify(uri)} for node '${usedBy}': expected an NCName prefix (not xmlns) and a non-empty URI`, { code: 'E_DOCVIEW_NAMESPACE' });
  }
  return uri;
}
