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
 * No element is kept (issue 11, point 7): {@link scanDocViewFile} reads the whole file first, as
 * FileVault refuses a file with any problem as a whole, then {@link visitDocViewFile} hands the
 * elements over one at a time, from the parser again or, for a file of at most
 * {@link MAX_REPLAYED_EVENTS} parser events, from what the scan kept.
 */
import { type DocViewCharacterData, type DocViewElement, type DocViewStreamHandler, streamDocView } from '../docview/docview-parse.ts';
import { getRepositoryPath } from '../docview/platform-name-format.ts';
import type { DocViewNodeInfo } from './validator.ts';

const JCR_URI = 'http://www.jcp.org/jcr/1.0';

/** One element with its path. */
export interface DocViewVisit {
  readonly path: string;
  /** The element, with all the character data directly inside it. */
  readonly node: DocViewElement & { readonly characterData: readonly DocViewCharacterData[] };
  readonly info: DocViewNodeInfo;
  readonly isRoot: boolean;
}

/**
 * What reading a whole DocView file once tells before its elements are visited: the namespaces
 * declared anywhere in it (they name elements before them too), and character data that comes
 * after an element's first child, by the element's number in document order (rare: mixed content).
 */
export interface DocViewFileScan {
  readonly namespaces: Readonly<Record<string, string>>;
  readonly lateCharacterData: ReadonlyMap<number, readonly DocViewCharacterData[]>;
  /** What the parser told, for a file of at most {@link MAX_REPLAYED_EVENTS}: visits replay it instead of parsing again. */
  readonly events: readonly DocViewEvent[] | undefined;
}

/**
 * Files up to this many parser events (starts, ends, character data) are parsed once and their
 * events kept for the visits (most `.content.xml` are far smaller); larger ones are parsed again
 * for each visit, so memory stays bounded by this, whatever the file holds.
 */
export const MAX_REPLAYED_EVENTS = 4096;

type DocViewEvent = readonly [element: DocViewElement, qualifiedName: string] | DocViewCharacterData | null;

/** The repository path FileVault derives from a DocView file's name (`getDocumentViewXmlRootNodePath`). */
export function getDocViewRootPath(pathBelowJcrRoot: string): string {
  const isDotContent = pathBelowJcrRoot === '.content.xml' || pathBelowJcrRoot.endsWith('/.content.xml');
  const platformPath = isDotContent ? pathBelowJcrRoot.slice(0, -'.content.xml'.length).replace(/\/$/, '') : pathBelowJcrRoot.slice(0, -'.xml'.length);
  return `/${getRepositoryPath(platformPath, { respectDotDir: true })}`;
}

/**
 * Reads a whole DocView file without keeping its elements: FileVault refuses a file with any
 * problem as a whole, so it is read to its end before any element is visited.
 * @throws DocViewParseError for XML that is not well-formed or a property FileVault cannot read.
 */
export function scanDocViewFile(xml: string, rootPath: string): DocViewFileScan {
  const lateCharacterData = new Map<number, DocViewCharacterData[]>();
  let events: DocViewEvent[] | undefined = [];
  const record = (event: DocViewEvent): void => {
    if (events !== undefined && events.push(event) > MAX_REPLAYED_EVENTS) events = undefined;
  };
  const source = (handler: DocViewStreamHandler): Readonly<Record<string, string>> => streamDocView(xml, { rootName: rootNameOf(rootPath) }, {
    open: (element, qualifiedName) => (record([element, qualifiedName]), handler.open(element, qualifiedName)),
    text: (data) => (record(data), handler.text(data)),
    close: () => (record(null), handler.close()),
  });
  const namespaces = walkElements(source, rootPath, undefined, (ordinal, data) => {
    const list = lateCharacterData.get(ordinal);
    if (list === undefined) lateCharacterData.set(ordinal, [data]);
    else list.push(data);
  });
  return { namespaces, lateCharacterData, events };
}

/**
 * Visits the elements of a file {@link scanDocViewFile} read, depth-first in document order,
 * one at a time: memory follows the file's depth, not its number of elements.
 */
export function visitDocViewFile(xml: string, rootPath: string, scan: DocViewFileScan, onVisit: (visit: DocViewVisit) => void): void {
  const { events } = scan;
  const source = (handler: DocViewStreamHandler): Readonly<Record<string, string>> => {
    if (events === undefined) return streamDocView(xml, { rootName: rootNameOf(rootPath) }, handler);
    for (const event of events) {
      if (event === null) handler.close();
      else if (Array.isArray(event)) handler.open(event[0], event[1]);
      else handler.text(event as DocViewCharacterData);
    }
    return scan.namespaces;
  };
  walkElements(source, rootPath, { scan, onVisit }, () => undefined);
}

/**
 * Parses a DocView file and lists its elements (small files; `inspect` uses the two steps above).
 * @throws DocViewParseError for XML that is not well-formed or a property FileVault cannot read.
 */
export function readDocViewFile(xml: string, rootPath: string): DocViewVisit[] {
  const visits: DocViewVisit[] = [];
  visitDocViewFile(xml, rootPath, scanDocViewFile(xml, rootPath), (visit) => visits.push(visit));
  return visits;
}

interface OpenElement {
  readonly element: DocViewElement;
  readonly path: string;
  readonly ordinal: number;
  /** Its character data so far; `undefined` once it was visited. */
  characterData: DocViewCharacterData[] | undefined;
}

// An element is visited once its first child starts or it ends, whichever comes first: by then
// its properties and the character data before any child are known, and the scan has the rest.
function walkElements(
  source: (handler: DocViewStreamHandler) => Readonly<Record<string, string>>, rootPath: string, visiting: { scan: DocViewFileScan; onVisit: (visit: DocViewVisit) => void } | undefined,
  onLateCharacterData: (ordinal: number, data: DocViewCharacterData) => void,
): Readonly<Record<string, string>> {
  const resolve = (qualified: string): { uri: string | undefined; local: string } => {
    const namespaces = visiting?.scan.namespaces ?? {};
    const colon = qualified.indexOf(':');
    if (colon < 0) return { uri: namespaces[''] ?? '', local: qualified };
    return { uri: namespaces[qualified.slice(0, colon)], local: qualified.slice(colon + 1) };
  };
  const stack: OpenElement[] = [];
  let count = 0;
  const visit = (open: OpenElement): void => {
    const before = open.characterData;
    if (before === undefined) return;
    open.characterData = undefined;
    if (visiting === undefined) return;
    const characterData = [...before, ...(visiting.scan.lateCharacterData.get(open.ordinal) ?? [])];
    visiting.onVisit({ path: open.path, node: { ...open.element, characterData }, info: describe(open.element, resolve), isRoot: open.ordinal === 0 });
  };
  return source({
    open(element, qualifiedName) {
      const parent = stack.at(-1);
      if (parent !== undefined) visit(parent);
      // The root element names the node only when it is not jcr:root (JCR-4625).
      let path: string;
      if (parent !== undefined) path = join(parent.path, nameWithIndex(element));
      else path = visiting === undefined || isJcrRoot(resolve(qualifiedName)) ? rootPath : join(parentOf(rootPath), nameWithIndex(element));
      stack.push({ element, path, ordinal: count++, characterData: [] });
    },
    text(data) {
      const open = stack.at(-1)!;
      if (open.characterData !== undefined) open.characterData.push(data);
      else onLateCharacterData(open.ordinal, data);
    },
    close: () => visit(stack.pop()!),
  });
}

function rootNameOf(rootPath: string): string {
  return rootPath === '/' ? '' : rootPath.slice(rootPath.lastIndexOf('/') + 1);
}

function isJcrRoot(name: { uri: string | undefined; local: string }): boolean {
  return name.uri === JCR_URI && name.local === 'root';
}

function describe(node: DocViewElement, resolve: (name: string) => { uri: string | undefined; local: string }): DocViewNodeInfo {
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

function nameWithIndex(node: DocViewElement): string {
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
