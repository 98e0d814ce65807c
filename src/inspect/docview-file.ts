/**
 * One DocView file as FileVault's `DocViewSAXHandler` walks it: every element in document
 * order with the repository path FileVault gives it (filevault-format.md §2.2, §3.1).
 *
 * | file                           | root element     | root node path           |
 * | ------------------------------ | ---------------- | ------------------------ |
 * | `jcr_root/apps/x/.content.xml` | `<jcr:root>`     | `/apps/x`                |
 * | `jcr_root/.content.xml`        | `<jcr:root>`     | `/`                      |
 * | `jcr_root/apps/_cq_dialog.xml` | `<jcr:root>`     | `/apps/cq:dialog`        |
 * | `jcr_root/apps/f.xml.dir/.content.xml` | `<jcr:root>` | `/apps/f.xml`        |
 * | `jcr_root/apps/child2/.content.xml` | `<child3>`  | `/apps/child3` (the element names the node) |
 *
 * Child paths append the element's decoded qualified name (`foo[2]` for `foo_x005b_2_x005d_`).
 */
import { parseDocView, type ParsedDocViewNode } from '../docview/docview-parse.ts';
import { getRepositoryPath } from '../docview/platform-name-format.ts';
import type { DocViewNodeInfo } from './validator.ts';

const JCR_URI = 'http://www.jcp.org/jcr/1.0';

/** One element with its path. */
export interface DocViewVisit {
  readonly path: string;
  readonly node: ParsedDocViewNode;
  readonly info: DocViewNodeInfo;
  readonly isRoot: boolean;
}

/** The repository path FileVault derives from a DocView file's name (`getDocumentViewXmlRootNodePath`). */
export function getDocViewRootPath(pathBelowJcrRoot: string): string {
  const isDotContent = pathBelowJcrRoot === '.content.xml' || pathBelowJcrRoot.endsWith('/.content.xml');
  const platformPath = isDotContent ? pathBelowJcrRoot.slice(0, -'.content.xml'.length).replace(/\/$/, '') : pathBelowJcrRoot.slice(0, -'.xml'.length);
  return `/${getRepositoryPath(platformPath, { respectDotDir: true })}`;
}

/**
 * Parses a DocView file and lists its elements.
 * @throws DocViewParseError for XML that is not well-formed or a property FileVault cannot read.
 */
export function readDocViewFile(xml: string, rootPath: string): DocViewVisit[] {
  const rootName = rootPath === '/' ? '' : rootPath.slice(rootPath.lastIndexOf('/') + 1);
  const { root, namespaces } = parseDocView(xml, { rootName });
  const resolve = (qualified: string): { uri: string | undefined; local: string } => {
    const colon = qualified.indexOf(':');
    if (colon < 0) return { uri: namespaces[''] ?? '', local: qualified };
    return { uri: namespaces[qualified.slice(0, colon)], local: qualified.slice(colon + 1) };
  };
  // The root element names the node only when it is not jcr:root (JCR-4625).
  const rootIsJcrRoot = isJcrRootElement(xml, namespaces);
  const start = rootIsJcrRoot ? rootPath : join(parentOf(rootPath), nameWithIndex(root));
  const visits: DocViewVisit[] = [];
  // Depth-first in document order, without recursion: a hostile file may nest very deep.
  const stack: [ParsedDocViewNode, string][] = [[root, start]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    visits.push({ path, node, info: describe(node, resolve), isRoot: node === root });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, join(path, nameWithIndex(node.children[i]!))]);
  }
  return visits;
}

function describe(node: ParsedDocViewNode, resolve: (name: string) => { uri: string | undefined; local: string }): DocViewNodeInfo {
  const jcr = (local: string): readonly string[] | undefined =>
    node.properties.find((p) => {
      const name = resolve(p.name);
      return name.uri === JCR_URI && name.local === local;
    })?.values;
  const name = resolve(node.name);
  return {
    name: node.name,
    properties: node.properties,
    primaryType: jcr('primaryType')?.[0],
    mixinTypes: jcr('mixinTypes') ?? [],
    identifier: jcr('uuid')?.[0],
    isRepPolicy: name.uri === 'internal' && name.local === 'policy',
  };
}

// The first element's qualified name, resolved with the document's declarations.
function isJcrRootElement(xml: string, namespaces: Readonly<Record<string, string>>): boolean {
  const first = /<([^\s?!/>][^\s/>]*)/.exec(xml.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/g, ''));
  const qualified = first?.[1] ?? '';
  const colon = qualified.indexOf(':');
  const uri = colon < 0 ? namespaces[''] : namespaces[qualified.slice(0, colon)];
  return uri === JCR_URI && qualified.slice(colon + 1) === 'root';
}

function nameWithIndex(node: ParsedDocViewNode): string {
  return node.index === undefined ? node.name : `${node.name}[${node.index}]`;
}

/** Jackrabbit `Text.getRelativeParent(path, 1)`. */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

/** `PathUtil.append`. */
export function join(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}
