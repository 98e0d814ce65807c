/**
 * A plain element tree of a small XML file (filter.xml), read with the namespace-aware `saxes`
 * parser, with the positions a SAX `Locator` gives (just after the `>` of a start tag), so
 * findings point where Xerces would.
 */
import { SaxesParser } from 'saxes';

/** One element: its qualified name, attributes in document order, children and text. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** Character data directly inside the element, concatenated. */
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/** Not well-formed XML. */
export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
  constructor(readonly reason: string, readonly line: number, readonly column: number) {
    super(`${reason} (line ${line}, column ${column})`);
  }
}

interface MutableElement extends XmlElement {
  readonly children: XmlElement[];
  text: string;
}

/**
 * Parses `xml` into its root element.
 * @throws XmlSyntaxError at the first well-formedness error.
 */
export function parseXmlElements(xml: string): XmlElement {
  const source = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const open: MutableElement[] = [];
  let root: MutableElement | undefined;
  parser.on('error', (error) => {
    throw new XmlSyntaxError(error.message.replace(/^\d+:\d+: /, ''), parser.line, parser.columnIndex + 1);
  });
  parser.on('opentag', (tag) => {
    const attributes = new Map(Object.values(tag.attributes).map((a) => [a.name, a.value] as const));
    const element: MutableElement = { name: tag.name, attributes, children: [], text: '', line: parser.line, column: parser.columnIndex + 1 };
    if (open.length === 0) root = element;
    else open.at(-1)!.children.push(element);
    open.push(element);
  });
  parser.on('closetag', () => void open.pop());
  const onText = (text: string): void => {
    if (open.length > 0) open.at(-1)!.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.write(source).close();
  return root!;
}
