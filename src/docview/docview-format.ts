/**
 * `renderDocView`: a node tree as the DocView XML that FileVault's exporter (`DocViewSAXFormatter`
 * through `FormattingXmlStreamWriter`, `DocViewFormat`), vlt and the Maven plugin write, byte for
 * byte (FileVault `DocViewFormat.java`, `DocViewSaxFormatterIT`):
 *
 *     <?xml version="1.0" encoding="UTF-8"?>
 *     <jcr:root xmlns:jcr="http://www.jcp.org/jcr/1.0" xmlns:nt="http://www.jcp.org/jcr/nt/1.0"
 *         jcr:primaryType="nt:unstructured">
 *         <_x0031_test jcr:primaryType="nt:unstructured"/>
 *         <test_x0025_test
 *             jcr:primaryType="nt:unstructured"
 *             _test_x0026_test="test"/>
 *         <child1/>
 *     </jcr:root>
 *
 * | rule                                                                                        |
 * | ------------------------------------------------------------------------------------------- |
 * | XML declaration with double quotes, LF line ends, a final LF, 4-space indent                |
 * | root element always `jcr:root`; other names ISO 9075 encoded, same-name siblings `name[2]` |
 * | namespace declarations on the root's first line (`docview-namespaces.ts` gives the order)   |
 * | declarations + attributes > 1: every attribute on its own line, one level deeper            |
 * | attributes sorted by `compareQNames`; values `formatDocViewProperty` then Woodstox-escaped  |
 * | no children: self-closing; a node without properties is a bare ordering element            |
 */
import { InputError } from '../errors.ts';
import { getWritableJcrNameError } from '../packaging/jcr-name.ts';
import type { DocViewNode } from './docview-node.ts';
import { getNamespaceDeclarations, type NamespaceDeclaration } from './docview-namespaces.ts';
import { type DocViewProperty, formatDocViewProperty } from './docview-property.ts';
import { encodeIso9075 } from './iso9075.ts';
import { compareQNames } from './qname-comparator.ts';
import { escapeXmlAttribute } from './xml-escape.ts';

const INDENT = '    ';

/** Options of {@link renderDocView}. */
export interface RenderDocViewOptions {
  /**
   * Namespace URIs by prefix, for the prefixes the tree uses; a prefix missing here is looked up
   * in `KNOWN_NAMESPACES`.
   * @default {}
   */
  readonly namespaces?: Readonly<Record<string, string>>;
}

/**
 * Renders `root` (the node of a `.content.xml` or full-coverage `*.xml`; its own name only decides
 * which namespace its prefix needs) as canonical FileVault DocView XML.
 * @throws InputError for an unknown namespace prefix, an invalid JCR name, a duplicate property,
 * a bad same-name-sibling index or a character XML 1.0 cannot carry.
 */
export function renderDocView(root: DocViewNode, options: RenderDocViewOptions = {}): string {
  const { namespaces = {} } = options;
  assertValidTree(root, root.name || 'jcr:root', true);
  const declarations = getNamespaceDeclarations(root, namespaces);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  renderElement(lines, { node: root, path: root.name || 'jcr:root', depth: 0, declarations });
  return lines.join('\n') + '\n';
}

interface ElementContext {
  readonly node: DocViewNode;
  readonly path: string;
  readonly depth: number;
  readonly declarations: readonly NamespaceDeclaration[];
}

function renderElement(lines: string[], context: ElementContext): void {
  const { node, path, depth, declarations } = context;
  const name = depth === 0 ? 'jcr:root' : elementName(node);
  const attributes = renderAttributes(node.properties);
  const indent = INDENT.repeat(depth);
  let start = indent + '<' + name + declarations.map(({ prefix, uri }) => ` xmlns:${prefix}="${escapeXmlAttribute(uri)}"`).join('');
  // FormattingXmlStreamWriter: a lone declaration or attribute stays on the element's line.
  const separator = declarations.length + attributes.length > 1 ? '\n' + INDENT.repeat(depth + 1) : ' ';
  start += attributes.map((attribute) => separator + attribute).join('');
  if (node.children.length === 0) {
    lines.push(start + '/>');
    return;
  }
  lines.push(start + '>');
  for (const child of node.children) {
    renderElement(lines, { node: child, path: `${path}/${child.name}`, depth: depth + 1, declarations: [] });
  }
  lines.push(`${indent}</${name}>`);
}

// DocViewNode2.writeStart encodes the index together with the local name: name_x005b_2_x005d_.
function elementName(node: DocViewNode): string {
  const index = node.index ?? 0;
  return qualifiedXmlName(node.name, index > 1 ? `[${index}]` : '');
}

function renderAttributes(properties: readonly DocViewProperty[]): string[] {
  return [...properties]
    .sort((a, b) => compareQNames(a.name, b.name))
    .map((property) => `${qualifiedXmlName(property.name, '')}="${escapeXmlAttribute(formatDocViewProperty(property))}"`);
}

function qualifiedXmlName(name: string, suffix: string): string {
  const colon = name.indexOf(':');
  const local = encodeIso9075(name.slice(colon + 1) + suffix);
  return colon < 0 ? local : `${name.slice(0, colon)}:${local}`;
}

// Checked before anything is written, so an error names the node rather than a side effect.
function assertValidTree(node: DocViewNode, path: string, isRoot: boolean): void {
  if (!isRoot) assertJcrName(node.name, `node '${path}'`);
  const index = node.index ?? 0;
  if (!Number.isInteger(index) || index < 0) {
    throw new InputError(`Expected the same-name-sibling index of node '${path}' to be a non-negative integer, got ${String(index)}`, { code: 'E_DOCVIEW_NAME' });
  }
  const seen = new Set<string>();
  for (const { name } of node.properties) {
    assertJcrName(name, `property '${name}' of node '${path}'`);
    if (seen.has(name)) throw new InputError(`Duplicate property '${name}' on node '${path}'`, { code: 'E_DOCVIEW_NAME' });
    seen.add(name);
  }
  for (const child of node.children) assertValidTree(child, `${path}/${child.name}`, false);
}

function assertJcrName(name: string, what: string): void {
  const error = name.startsWith('{') ? 'expanded names are not supported, use a prefix' : getWritableJcrNameError(name);
  if (error !== undefined) throw new InputError(`Invalid JCR name for ${what}: ${error}`, { code: 'E_DOCVIEW_NAME' });
}
