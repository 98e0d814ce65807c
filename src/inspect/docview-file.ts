/**
 * One DocView file as FileVault's `DocViewSAXHandler` walks it: every element in document
 * order with the repository path FileVault gives it (FileVault's `docview.md`).
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
 * A file is parsed once: FileVault refuses a file with any problem as a
 * whole, so {@link parseDocViewFile} reads it to its end first, keeping of each element only
 * what the validators need (`docview-elements.ts`: no property objects, no paths, the values of
 * `jcr:primaryType`, `jcr:mixinTypes` and `jcr:uuid` only); then its elements are visited from
 * that, paths joined as they go. Names resolve with the first declaration of their prefix in the
 * whole file; a file that declares a prefix only after an element that needs it (in practice the
 * default namespace) is read a second time with every declaration known.
 */
import { type DocViewCharacterData, streamDocView } from '../docview/docview-parse.ts';
import type { DocViewProperty } from '../docview/docview-property.ts';
import { getRepositoryPath } from '../docview/platform-name-format.ts';
import { DocViewElements } from './docview-elements.ts';
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

/** A DocView file read to its end and well-formed: its elements, ready to be visited. */
export interface DocViewFileElements {
  /** Number of elements. */
  readonly size: number;
  /** Visits every element depth-first in document order; the visit objects are not kept. */
  visit(onVisit: (visit: DocViewVisit) => void): void;
  /** The nodes the file defines (the elements with properties), in document order. */
  forEachNode(onNode: (path: string, line: number, column: number) => void): void;
}

/** A file's text: whole, or its pieces, made again on each call (`xml-decode.ts`). */
export type DocViewText = string | (() => Iterable<string>);

/**
 * Reads a whole DocView file once, keeping of each element only what its visit needs.
 * @throws DocViewParseError for XML that is not well-formed or a property FileVault cannot read.
 */
export function parseDocViewFile(xml: DocViewText, rootPath: string): DocViewFileElements {
  const read = readElements(xml, rootPath, undefined);
  // Names are resolved as the parse goes; a prefix (in practice the default namespace) missing
  // then but declared later names them differently: such a file is read again with every
  // declaration known from the start.
  const { elements, rootNodePath } = read.stale ? readElements(xml, rootPath, read.namespaces) : read;
  const walk = (onElement: (i: number, path: string, segment: string | undefined) => void): void => {
    const paths: string[] = [];
    for (let i = 0; i < elements.size; i++) {
      const depth = elements.depthOf(i);
      const segment = depth === 0 ? undefined : elements.segmentOf(i);
      const path = segment === undefined ? rootNodePath : join(paths[depth - 1]!, segment);
      paths[depth] = path;
      onElement(i, path, segment);
    }
  };
  return {
    size: elements.size,
    visit: (onVisit) => walk((i, path, segment) => {
      const e = elements.get(i, segment);
      const info = { name: e.name, propertyCount: e.propertyCount, primaryType: e.primaryType, mixinTypes: e.mixinTypes, identifier: e.identifier, isRepPolicy: e.isRepPolicy };
      onVisit({ path, line: e.line, column: e.column, characterData: e.characterData, invalidValues: e.invalidValues, info, isRoot: i === 0 });
    }),
    forEachNode: (onNode) => walk((i, path) => {
      if (elements.propertyCountOf(i) > 0) onNode(path, elements.lineOf(i), elements.columnOf(i));
    }),
  };
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

interface ReadElements {
  readonly elements: DocViewElements;
  readonly rootNodePath: string;
  readonly namespaces: Readonly<Record<string, string>>;
  /** Some name was resolved without a prefix declared later in the file. */
  readonly stale: boolean;
}

// One parse. Names resolve against `known` when given, else against the declarations read so far.
function readElements(xml: DocViewText, rootPath: string, known: Readonly<Record<string, string>> | undefined): ReadElements {
  const elements = new DocViewElements();
  const open: number[] = [];
  const missed = new Set<string>();
  let rootNodePath = rootPath;
  let declared: Readonly<Record<string, string>> = {};
  const resolve = (qualified: string): Name => {
    const name = resolveName(known ?? declared, qualified);
    if (name.missing !== undefined) missed.add(name.missing);
    return name;
  };
  const namespaces = streamDocView(typeof xml === 'string' ? xml : xml(), { rootName: rootNameOf(rootPath) }, {
    open(element, qualifiedName, declaredSoFar) {
      declared = declaredSoFar;
      const segment = element.index === undefined ? element.name : `${element.name}[${element.index}]`;
      // The root element names the node only when it is not jcr:root (JCR-4625).
      if (open.length === 0 && !isJcrRoot(resolve(qualifiedName))) rootNodePath = join(parentOf(rootPath), segment);
      const jcr = jcrValues(element.properties, resolve);
      open.push(elements.add({
        depth: open.length, name: element.name, segment, line: element.line, column: element.column, propertyCount: element.properties.length,
        primaryType: jcr?.primaryType?.[0], mixinTypes: jcr?.mixinTypes ?? NONE, identifier: jcr?.uuid?.[0],
        isRepPolicy: isRepPolicy(element.name, resolve), invalidValues: checkPropertyValues(element.properties),
      }));
    },
    text: (data) => elements.addCharacterData(open.at(-1)!, data),
    close: () => void open.pop(),
  });
  return { elements, rootNodePath, namespaces, stale: [...missed].some((prefix) => Object.hasOwn(namespaces, prefix)) };
}

interface Name {
  readonly uri: string | undefined;
  readonly local: string;
  /** The prefix ('' for the default namespace) that has no declaration yet. */
  readonly missing?: string;
}

function resolveName(namespaces: Readonly<Record<string, string>>, qualified: string): Name {
  const colon = qualified.indexOf(':');
  const prefix = colon < 0 ? '' : qualified.slice(0, colon);
  const missing = Object.hasOwn(namespaces, prefix) ? undefined : prefix;
  const local = colon < 0 ? qualified : qualified.slice(colon + 1);
  const uri = colon < 0 ? (namespaces[''] ?? '') : namespaces[prefix];
  return missing === undefined ? { uri, local } : { uri, local, missing };
}

// The values of the first property named {jcr}primaryType, {jcr}mixinTypes and {jcr}uuid (DocViewNode2).
function jcrValues(properties: readonly DocViewProperty[], resolve: (qualified: string) => Name): Partial<Record<string, readonly string[]>> | undefined {
  let found: Partial<Record<string, readonly string[]>> | undefined;
  for (const property of properties) {
    const local = keptLocalName(property.name);
    if (local === undefined || found?.[local] !== undefined) continue;
    if (isJcr(resolve(property.name), local)) (found ??= {})[local] = property.values;
  }
  return found;
}

const KEPT_LOCAL_NAMES = ['primaryType', 'mixinTypes', 'uuid'] as const;

const NONE: readonly never[] = [];

// The part after the first ':' (the whole name without one) when it is one of KEPT_LOCAL_NAMES (without slicing every name).
function keptLocalName(qualified: string): string | undefined {
  // Told apart by their last letter, so most names are answered at once.
  const last = qualified.charCodeAt(qualified.length - 1);
  const local = KEPT_LOCAL_NAMES.find((name) => name.charCodeAt(name.length - 1) === last);
  if (local === undefined || !qualified.endsWith(local)) return undefined;
  return qualified.indexOf(':') === qualified.length - local.length - 1 ? local : undefined;
}

function isRepPolicy(name: string, resolve: (qualified: string) => Name): boolean {
  // Only a name ending in ':policy' (or 'policy') can be {internal}policy: the others need no lookup.
  if (!name.endsWith('policy')) return false;
  const resolved = resolve(name);
  return resolved.uri === 'internal' && resolved.local === 'policy';
}

function isJcr(name: Name, local: string): boolean {
  return name.uri === JCR_URI && name.local === local;
}

function rootNameOf(rootPath: string): string {
  return rootPath === '/' ? '' : rootPath.slice(rootPath.lastIndexOf('/') + 1);
}

function isJcrRoot(name: Name): boolean {
  return isJcr(name, 'root');
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
