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
 *
 * A file is parsed once (issue 14, point 3): FileVault refuses a file with any problem as a
 * whole, so {@link parseDocViewFile} reads it to its end first, keeping of each element only
 * what the validators need ({@link DocViewFileElements}: no property objects, no paths, the
 * values of `jcr:primaryType`, `jcr:mixinTypes` and `jcr:uuid` only); then its elements are
 * visited from that. Paths and the names of those three properties are resolved only then,
 * with every namespace the file declares (a declaration names elements before it too).
 */
import { type DocViewCharacterData, type DocViewElement, streamDocView } from '../docview/docview-parse.ts';
import type { DocViewProperty } from '../docview/docview-property.ts';
import { getRepositoryPath } from '../docview/platform-name-format.ts';
import type { DocViewNodeInfo, ValidationMessage } from './validator.ts';
import { checkPropertyValues } from './validators/docview-parser.ts';

const JCR_URI = 'http://www.jcp.org/jcr/1.0';

/** One element with its path, as the validators see it. */
export interface DocViewVisit {
  readonly path: string;
  /** Where its start tag ends (what a SAX `Locator` gives FileVault's validators). */
  readonly line: number;
  readonly column: number;
  /** All the character data directly inside it, in document order. */
  readonly characterData: readonly DocViewCharacterData[];
  /** Property values FileVault cannot convert to their type (`jackrabbit-docviewparser` errors). */
  readonly invalidValues: readonly ValidationMessage[];
  readonly info: DocViewNodeInfo;
  readonly isRoot: boolean;
}

/** The repository path FileVault derives from a DocView file's name (`getDocumentViewXmlRootNodePath`). */
export function getDocViewRootPath(pathBelowJcrRoot: string): string {
  const isDotContent = pathBelowJcrRoot === '.content.xml' || pathBelowJcrRoot.endsWith('/.content.xml');
  const platformPath = isDotContent ? pathBelowJcrRoot.slice(0, -'.content.xml'.length).replace(/\/$/, '') : pathBelowJcrRoot.slice(0, -'.xml'.length);
  return `/${getRepositoryPath(platformPath, { respectDotDir: true })}`;
}

// The names whose values are kept: describe() resolves a property's prefix only after the parse.
const KEPT_LOCAL_NAMES: ReadonlySet<string> = new Set(['primaryType', 'mixinTypes', 'uuid']);

// One element as the parse keeps it until the file proves well-formed.
interface ElementRecord {
  readonly depth: number;
  /** As written (`jcr:root`, `child3`): the root element's decides the root path. */
  readonly qualifiedName: string;
  /** `DocViewElement.name`. */
  readonly name: string;
  /** The path segment: the name, with `[index]` for a same-name sibling. */
  readonly segment: string;
  readonly line: number;
  readonly column: number;
  readonly propertyCount: number;
  /** Properties that may be `jcr:primaryType`, `jcr:mixinTypes` or `jcr:uuid`. */
  readonly named: readonly DocViewProperty[] | undefined;
  readonly invalidValues: readonly ValidationMessage[] | undefined;
  characterData: DocViewCharacterData[] | undefined;
}

/** A DocView file read to its end and well-formed: its elements, ready to be visited. */
export interface DocViewFileElements {
  /** Number of elements. */
  readonly size: number;
  /**
   * Visits every element depth-first in document order, each once its path and properties are
   * resolved; the visit objects are not kept.
   */
  visit(onVisit: (visit: DocViewVisit) => void): void;
}

/**
 * Reads a whole DocView file once, keeping of each element only what its visit needs.
 * @throws DocViewParseError for XML that is not well-formed or a property FileVault cannot read.
 */
export function parseDocViewFile(xml: string, rootPath: string): DocViewFileElements {
  const records: ElementRecord[] = [];
  const open: ElementRecord[] = [];
  const namespaces = streamDocView(xml, { rootName: rootNameOf(rootPath) }, {
    open(element: DocViewElement, qualifiedName: string) {
      const record = toRecord(element, qualifiedName, open.length);
      records.push(record);
      open.push(record);
    },
    text(data) {
      const record = open.at(-1)!;
      (record.characterData ??= []).push(data);
    },
    close: () => void open.pop(),
  });
  return { size: records.length, visit: (onVisit) => visitRecords(records, namespaces, rootPath, onVisit) };
}

/**
 * Parses a DocView file and lists its elements (small files and tests; `inspect` visits them one
 * at a time with {@link parseDocViewFile}).
 * @throws DocViewParseError for XML that is not well-formed or a property FileVault cannot read.
 */
export function readDocViewFile(xml: string, rootPath: string): DocViewVisit[] {
  const visits: DocViewVisit[] = [];
  parseDocViewFile(xml, rootPath).visit((visit) => visits.push(visit));
  return visits;
}

function toRecord(element: DocViewElement, qualifiedName: string, depth: number): ElementRecord {
  let named: DocViewProperty[] | undefined;
  for (const property of element.properties) {
    const colon = property.name.indexOf(':');
    if (KEPT_LOCAL_NAMES.has(colon < 0 ? property.name : property.name.slice(colon + 1))) (named ??= []).push(property);
  }
  const invalid = checkPropertyValues(element.properties);
  return {
    depth, qualifiedName, name: element.name, segment: element.index === undefined ? element.name : `${element.name}[${element.index}]`,
    line: element.line, column: element.column, propertyCount: element.properties.length, named,
    invalidValues: invalid.length === 0 ? undefined : invalid, characterData: undefined,
  };
}

const NONE: readonly never[] = [];

function visitRecords(
  records: readonly ElementRecord[], namespaces: Readonly<Record<string, string>>, rootPath: string, onVisit: (visit: DocViewVisit) => void,
): void {
  const resolve = (qualified: string): { uri: string | undefined; local: string } => {
    const colon = qualified.indexOf(':');
    if (colon < 0) return { uri: namespaces[''] ?? '', local: qualified };
    return { uri: namespaces[qualified.slice(0, colon)], local: qualified.slice(colon + 1) };
  };
  // paths[d]: the path of the open element at depth d.
  const paths: string[] = [];
  records.forEach((record, i) => {
    let path: string;
    // The root element names the node only when it is not jcr:root (JCR-4625).
    if (record.depth > 0) path = join(paths[record.depth - 1]!, record.segment);
    else path = isJcrRoot(resolve(record.qualifiedName)) ? rootPath : join(parentOf(rootPath), record.segment);
    paths[record.depth] = path;
    onVisit({
      path, line: record.line, column: record.column, characterData: record.characterData ?? NONE, invalidValues: record.invalidValues ?? NONE,
      info: describe(record, resolve), isRoot: i === 0,
    });
  });
}

function rootNameOf(rootPath: string): string {
  return rootPath === '/' ? '' : rootPath.slice(rootPath.lastIndexOf('/') + 1);
}

function isJcrRoot(name: { uri: string | undefined; local: string }): boolean {
  return name.uri === JCR_URI && name.local === 'root';
}

function describe(record: ElementRecord, resolve: (name: string) => { uri: string | undefined; local: string }): DocViewNodeInfo {
  const jcr = (local: string): readonly string[] | undefined =>
    record.named?.find((p) => {
      const name = resolve(p.name);
      return name.uri === JCR_URI && name.local === local;
    })?.values;
  const name = resolve(record.name);
  return {
    name: record.name,
    propertyCount: record.propertyCount,
    primaryType: jcr('primaryType')?.[0],
    mixinTypes: jcr('mixinTypes') ?? NONE,
    identifier: jcr('uuid')?.[0],
    isRepPolicy: name.uri === 'internal' && name.local === 'policy',
  };
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
