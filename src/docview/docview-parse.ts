/**
 * `parseDocView`: reads DocView XML into a node tree the way FileVault's `DocViewSAXHandler` does
 * (FileVault's `docview.md`), with the `saxes` namespace-aware parser.
 *
 * | XML                                   | node                                                   |
 * | ------------------------------------- | ------------------------------------------------------ |
 * | root element `jcr:root`               | named `options.rootName` (it comes from the file name)  |
 * | any other root element                | named by the element itself (as FileVault does)         |
 * | `<_x0031_test>`                       | `1test` (ISO 9075 decoded)                              |
 * | `<childnode_x005b_2_x005d_>`          | `childnode`, index 2                                    |
 * | attribute `a="{Long}[1,2]"`           | property via `parseDocViewProperty` (`xmlns` excluded)  |
 * | `<a>some text</a>`                    | `characterData` of `a` (trimmed; FileVault ignores it on import, its validator reports it) |
 *
 * Positions are those a SAX `Locator` (JDK Xerces) gives FileVault's validators: a node's is just
 * after the `>` of its start tag; character data's is just after the `<` (or `</`) that ends the
 * run, a CDATA section's just after its `]]>`. Lines and columns count from 1, columns in UTF-16
 * units. One difference is kept on purpose: Xerces hands a run over in pieces (at line breaks,
 * entity references, `]` and supplementary characters), each reported by FileVault with its own
 * position; here a run between two pieces of markup is one entry. Errors carry saxes' reason and
 * position; names are checked against XML 1.0 4th edition (`XMLChar`), as the JDK parser does.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { InputError } from '../errors.ts';
import type { DocViewNode } from './docview-node.ts';
import { type DocViewProperty, parseDocViewProperty } from './docview-property.ts';
import { decodeIso9075 } from './iso9075.ts';
import { javaParseInt, javaTrim } from './java-lang.ts';
import { isValidXmlName } from './xml-char.ts';

const JCR_URI = 'http://www.jcp.org/jcr/1.0';

/** Where something starts, as a SAX `Locator` reports it (1-based line and UTF-16 column). */
export interface DocViewPosition {
  readonly line: number;
  readonly column: number;
}

/** Non-whitespace character data inside an element: never imported, but FileVault's validator reports it. */
export interface DocViewCharacterData extends DocViewPosition {
  /** The text with leading and trailing units ≤ U+0020 removed (`String.trim`). */
  readonly text: string;
}

/** One element as the parser meets it: name, same-name-sibling index, properties and where it starts. */
export interface DocViewElement extends DocViewPosition {
  readonly name: string;
  readonly index?: number;
  readonly properties: readonly DocViewProperty[];
}

/** A {@link DocViewNode} read from XML, with where it was found. */
export interface ParsedDocViewNode extends DocViewNode, DocViewPosition {
  readonly children: readonly ParsedDocViewNode[];
  /** Character data directly inside this element, in document order. */
  readonly characterData: readonly DocViewCharacterData[];
}

/**
 * What {@link streamDocView} tells as it reads, in document order: an element's start (with its
 * properties), non-whitespace character data inside the innermost open element, an element's end.
 */
export interface DocViewStreamHandler {
  /**
   * `qualifiedName` is the element's name as written (`jcr:root`, `child3`); `namespaces`, the
   * declarations read so far (this element's included), as {@link ParsedDocView.namespaces}.
   */
  open(element: DocViewElement, qualifiedName: string, namespaces: Readonly<Record<string, string>>): void;
  text(data: DocViewCharacterData): void;
  close(): void;
}

/** What {@link parseDocView} returns. */
export interface ParsedDocView {
  readonly root: ParsedDocViewNode;
  /** Every `xmlns:prefix` declared anywhere in the document (the first one wins for a prefix); the default namespace under `''`. */
  readonly namespaces: Readonly<Record<string, string>>;
}

/** Options of {@link parseDocView}. */
export interface ParseDocViewOptions {
  /**
   * The repository name of the root node, from the file name (`_cq_dialog.xml` → `cq:dialog`);
   * a `name[2]` suffix gives its same-name-sibling index.
   * @default ''
   */
  readonly rootName?: string;
}

/** Not well-formed XML, an undeclared prefix or an unreadable property value. */
export class DocViewParseError extends InputError {
  override name = 'DocViewParseError';
  /** The reason alone, without the position. */
  readonly reason: string;
  /** 1-based line of the problem. */
  readonly line: number;
  /** 1-based column of the problem, in UTF-16 units. */
  readonly column: number;
  constructor(reason: string, position: DocViewPosition, options: { cause?: unknown } = {}) {
    super(`${reason} (line ${position.line}, column ${position.column})`, { code: 'E_DOCVIEW_PARSE', ...options });
    this.reason = reason;
    this.line = position.line;
    this.column = position.column;
  }
}

interface MutableNode extends ParsedDocViewNode {
  readonly children: MutableNode[];
  readonly characterData: DocViewCharacterData[];
}

/**
 * Parses a DocView document into a tree.
 * @throws DocViewParseError with the line and column of the first problem.
 */
export function parseDocView(xml: string, options: ParseDocViewOptions = {}): ParsedDocView {
  const open: MutableNode[] = [];
  let root: MutableNode | undefined;
  const namespaces = streamDocView(xml, options, {
    open(element) {
      const { line, column, ...named } = element;
      const node: MutableNode = { ...named, children: [], characterData: [], line, column };
      if (open.length === 0) root = node;
      else open.at(-1)!.children.push(node);
      open.push(node);
    },
    text: (data) => void open.at(-1)!.characterData.push(data),
    close: () => void open.pop(),
  });
  // saxes has failed already ("document must contain a root element.") when there is none.
  return { root: root!, namespaces };
}

/**
 * Reads a DocView document element by element without keeping any (what `inspect` does with
 * files of any number of nodes); returns every namespace declared in it, as {@link ParsedDocView}.
 * `xml` may come in pieces (`xml-decode.ts`), so that the whole text is never held at once.
 * @throws DocViewParseError with the line and column of the first problem, after telling the elements before it.
 */
export function streamDocView(xml: string | Iterable<string>, options: ParseDocViewOptions, handler: DocViewStreamHandler): Readonly<Record<string, string>> {
  const { rootName = '' } = options;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const namespaces: Record<string, string> = {};
  let depth = 0;
  // The piece being parsed and where it starts in the document.
  let piece = '';
  let offset = 0;
  const here = (extra = 0): DocViewPosition => ({ line: parser.line, column: parser.columnIndex + 1 + extra });
  parser.on('error', (error) => {
    throw new DocViewParseError(error.message.replace(/^\d+:\d+: /, ''), here(), { cause: error });
  });
  parser.on('opentag', (tag) => {
    recordDeclarations(tag, namespaces);
    handler.open(readElement(tag, depth === 0 ? rootName : undefined, here()), tag.name, namespaces);
    depth++;
  });
  parser.on('closetag', () => {
    depth--;
    handler.close();
  });
  const onText = (text: string, extra: number): void => {
    const trimmed = javaTrim(text);
    if (trimmed !== '' && depth > 0) handler.text({ text: trimmed, ...here(extra) });
  };
  // Xerces reports a run once it has read the '<' after it, and the '/' too for an end tag (a
  // piece never ends with '<', so the character after it is in the same piece).
  parser.on('text', (text) => onText(text, piece[parser.position - offset] === '/' ? 1 : 0));
  parser.on('cdata', (text) => onText(text, 0));
  for (const next of piecesOf(typeof xml === 'string' ? [xml] : xml)) {
    piece = next;
    parser.write(piece);
    offset += piece.length;
  }
  parser.close();
  return namespaces;
}

// The text again in pieces that saxes parses as written: none ends with '<' (see above), a CR or
// half a surrogate pair (saxes would hold those back for the next piece); the document's byte
// order mark is dropped (it is no column for the JDK parser).
function* piecesOf(xml: Iterable<string>): Generator<string> {
  let carried = '';
  let first = true;
  for (const next of xml) {
    let text = carried + next;
    if (first && text !== '') {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let end = text.length;
    while (end > 0 && isHeldBack(text.charCodeAt(end - 1))) end--;
    carried = text.slice(end);
    if (end > 0) yield end === text.length ? text : text.slice(0, end);
  }
  if (carried !== '') yield carried;
}

function isHeldBack(code: number): boolean {
  return code === 0x3c || code === 0x0d || (code >= 0xd800 && code <= 0xdbff);
}

function recordDeclarations(tag: SaxesTagNS, namespaces: Record<string, string>): void {
  for (const key in tag.attributes) {
    const attribute = tag.attributes[key]!;
    const prefix = attribute.prefix === 'xmlns' ? attribute.local : '';
    if (isDeclaration(attribute) && !Object.hasOwn(namespaces, prefix)) namespaces[prefix] = attribute.value;
  }
}

function isDeclaration(attribute: { prefix: string; name: string }): boolean {
  return attribute.prefix === 'xmlns' || attribute.name === 'xmlns';
}

function readElement(tag: SaxesTagNS, rootName: string | undefined, position: DocViewPosition): DocViewElement {
  assertXmlName(tag.name, position);
  const isJcrRoot = rootName !== undefined && tag.local === 'root' && tag.uri === JCR_URI;
  // The jcr:root element is named by the file; any other element by itself (JCR-4625).
  const { name, index } = isJcrRoot ? splitIndex('', rootName, position) : splitIndex(tag.prefix, decodeIso9075(tag.local), position);
  const properties: DocViewProperty[] = [];
  for (const key in tag.attributes) {
    const attribute = tag.attributes[key]!;
    if (isDeclaration(attribute)) continue;
    assertXmlName(attribute.name, position);
    try {
      // The name as written unless ISO 9075 escapes change its local part: no new string per attribute.
      const local = decodeIso9075(attribute.local);
      properties.push(parseDocViewProperty(local === attribute.local ? attribute.name : qualify(attribute.prefix, local), attribute.value));
    } catch (error) {
      throw new DocViewParseError(error instanceof Error ? error.message : String(error), position, { cause: error });
    }
  }
  // Built without spreads: one object per element of any file.
  const { line, column } = position;
  return index > 0 ? { name, index, properties, line, column } : { name, properties, line, column };
}

// saxes follows XML 1.0 5th edition names; the JDK parser behind FileVault, like XMLChar, the
// 4th edition, which refuses for instance supplementary characters in names.
function assertXmlName(name: string, position: DocViewPosition): void {
  if (!isValidXmlName(name)) throw new DocViewParseError(`invalid XML 1.0 name: ${JSON.stringify(name)}`, position);
}

function qualify(prefix: string, local: string): string {
  return prefix === '' ? local : `${prefix}:${local}`;
}

// DocViewSAXHandler.getNameAndIndex on the (decoded) local name, or on the whole root name from
// the file: a '[' after position 0 starts the index; a number Java cannot read is index 0.
function splitIndex(prefix: string, name: string, position: DocViewPosition): { name: string; index: number } {
  const open = name.lastIndexOf('[');
  if (open <= 0) return { name: qualify(prefix, name), index: 0 };
  const close = name.indexOf(']', open);
  const index = close > 0 ? (javaParseInt(name.slice(open + 1, close)) ?? 0) : 0;
  // DocViewNode2's constructor: "index must be non-negative".
  if (index < 0) throw new DocViewParseError(`index must be non-negative, got ${index} in '${qualify(prefix, name)}'`, position);
  return { name: qualify(prefix, name.slice(0, open)), index };
}
