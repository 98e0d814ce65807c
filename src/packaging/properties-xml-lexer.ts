/**
 * The small XML reader behind {@link parsePropertiesXml}: it reads what JDK 17's
 * `Properties.loadFromXML` (its own non-validating parser, `jdk.internal.util.xml`) reads, which
 * is laxer than XML 1.0 in places and stricter in others (checked against the JDK):
 *
 * | input                                  | JDK 17                                   | here            |
 * | -------------------------------------- | ---------------------------------------- | --------------- |
 * | `&#xd83d;&#xde00;` (surrogate references) | accepted, joined into U+1F600        | same            |
 * | raw U+1F600, `&#x1f600;`               | refused                                  | refused         |
 * | raw U+0001, `&#0;`                     | accepted                                 | accepted        |
 * | `&unknown;`                            | accepted as nothing                      | same            |
 * | CR LF, CR in text                      | LF                                       | same            |
 * | TAB, CR, LF in an attribute value      | a space each                             | same            |
 * | a space, line break or comment before `<?xml` | refused                           | refused         |
 * | `<?xml version="1.1"?>`, `<?XML …?>`, `<?xml?>` | refused                         | refused         |
 */

/** A syntax error, with where it happened. */
export class PropertiesXmlSyntaxError extends Error {
  override name = 'PropertiesXmlSyntaxError';
  constructor(readonly reason: string, readonly index: number) {
    super(reason);
  }
}

/** What the lexer hands to the properties rules. */
export interface PropertiesXmlHandler {
  doctype(name: string, systemId: string | undefined, hasInternalSubset: boolean, index: number): void;
  start(name: string, attributes: ReadonlyMap<string, string>, index: number): void;
  text(text: string): void;
  end(name: string, index: number): void;
}

const NAME = /[^\s/>=<"'&]+/y;

// The body of `<?xml …?>` the JDK parser accepts: version 1.0 first, then optional encoding, then
// optional standalone yes|no, each once; it needs no space between them.
const XML_DECLARATION = /^xml\s+version\s*=\s*(["'])1\.0\1(?:\s*encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:\s*standalone\s*=\s*(["'])(?:yes|no)\3)?\s*$/;

/** Reads `xml`, calling `handler` for each event. */
export function lexPropertiesXml(xml: string, handler: PropertiesXmlHandler): void {
  const lexer = new Lexer(xml, handler);
  lexer.run();
}

class Lexer {
  i = 0;
  private readonly open: string[] = [];
  private sawRoot = false;
  // Where the XML declaration may stand: right after a byte order mark, if any.
  private readonly documentStart: number;

  constructor(private readonly xml: string, private readonly handler: PropertiesXmlHandler) {
    if (xml.charCodeAt(0) === 0xfeff) this.i = 1;
    this.documentStart = this.i;
  }

  run(): void {
    const supplementary = /[\ud800-\udbff][\udc00-\udfff]/.exec(this.xml);
    if (supplementary !== null) throw new PropertiesXmlSyntaxError('UTF-32 (or UCS-4) encoding not supported.', supplementary.index);
    while (this.i < this.xml.length) {
      if (this.xml.startsWith('<', this.i)) this.markup();
      else this.characters();
    }
    if (this.open.length > 0) throw this.fail(`unclosed element <${this.open.at(-1)!}>`);
    if (!this.sawRoot) throw this.fail('no root element');
  }

  private markup(): void {
    const { xml, i } = this;
    if (xml.startsWith('<?', i)) this.processingInstruction();
    else if (xml.startsWith('<!--', i)) this.skipTo('-->', 'unclosed comment');
    else if (xml.startsWith('<![CDATA[', i)) {
      const end = this.indexOf(']]>', 'unclosed CDATA section');
      this.handler.text(normalizeNewlines(xml.slice(i + 9, end)));
      this.i = end + 3;
    } else if (xml.startsWith('<!DOCTYPE', i)) this.doctype();
    else if (xml.startsWith('</', i)) this.endTag();
    else this.startTag();
  }

  // The JDK parser takes `<?xml` only as the very first thing (after a BOM): not after a space, a
  // line break or a comment, and never as another processing instruction's name, in any case.
  private processingInstruction(): void {
    const start = this.i;
    const end = this.indexOf('?>', 'unclosed processing instruction');
    const body = this.xml.slice(start + 2, end);
    const target = /^[^\s?]*/.exec(body)![0];
    if (target === '') throw this.fail('a processing instruction needs a name');
    if (target.toLowerCase() === 'xml') {
      if (start !== this.documentStart) throw this.fail(`'<?${target}' is allowed only as the XML declaration at the very start of the file (nothing before it, not even a space or a comment)`);
      if (!XML_DECLARATION.test(body)) throw this.fail(`malformed XML declaration '<?${body}?>': it must be '<?xml version="1.0"' optionally followed by encoding="…" and then standalone="yes|no"`);
    }
    this.i = end + 2;
  }

  private characters(): void {
    const end = this.xml.indexOf('<', this.i);
    const raw = this.xml.slice(this.i, end < 0 ? this.xml.length : end);
    if (this.open.length === 0 && raw.trim() !== '') throw this.fail('text outside the root element');
    this.handler.text(this.decode(normalizeNewlines(raw), this.i));
    this.i = end < 0 ? this.xml.length : end;
  }

  private doctype(): void {
    const start = this.i;
    const match = /<!DOCTYPE\s+([^\s>[]+)(?:\s+(?:SYSTEM\s+("[^"]*"|'[^']*')|PUBLIC\s+("[^"]*"|'[^']*')\s+("[^"]*"|'[^']*')))?\s*(\[)?/y;
    match.lastIndex = start;
    const m = match.exec(this.xml);
    if (m === null || this.sawRoot) throw this.fail('malformed DOCTYPE declaration');
    const systemId = (m[2] ?? m[4])?.slice(1, -1);
    this.handler.doctype(m[1]!, systemId, m[5] !== undefined, start);
    this.i = match.lastIndex;
    if (m[5] !== undefined) this.skipTo(']', 'unclosed internal subset');
    while (/\s/.test(this.xml[this.i] ?? '')) this.i++;
    if (this.xml[this.i] !== '>') throw this.fail('malformed DOCTYPE declaration');
    this.i++;
  }

  private startTag(): void {
    const start = this.i;
    this.i++;
    const name = this.name();
    const attributes = new Map<string, string>();
    for (;;) {
      const spaced = this.skipSpace();
      if (this.xml.startsWith('/>', this.i) || this.xml[this.i] === '>') break;
      if (!spaced) throw this.fail(`malformed start tag <${name}>`);
      const attribute = this.name();
      this.skipSpace();
      if (this.xml[this.i] !== '=') throw this.fail(`attribute ${attribute} has no value`);
      this.i++;
      this.skipSpace();
      const value = this.quoted();
      // The first of two same-named attributes counts, as in the JDK.
      if (!attributes.has(attribute)) attributes.set(attribute, value);
    }
    if (this.open.length === 0 && this.sawRoot) throw this.fail('a second root element');
    this.sawRoot = true;
    this.handler.start(name, attributes, start);
    if (this.xml[this.i] === '>') {
      this.i++;
      this.open.push(name);
    } else {
      this.i += 2;
      this.handler.end(name, start);
    }
  }

  private endTag(): void {
    const start = this.i;
    this.i += 2;
    const name = this.name();
    this.skipSpace();
    if (this.xml[this.i] !== '>') throw this.fail(`malformed end tag </${name}>`);
    this.i++;
    if (this.open.pop() !== name) throw new PropertiesXmlSyntaxError(`end tag </${name}> does not match the open element`, start);
    this.handler.end(name, start);
  }

  private name(): string {
    NAME.lastIndex = this.i;
    const m = NAME.exec(this.xml);
    if (m === null) throw this.fail('a name is expected');
    this.i = NAME.lastIndex;
    return m[0];
  }

  private quoted(): string {
    const quote = this.xml[this.i];
    if (quote !== '"' && quote !== "'") throw this.fail('an attribute value must be quoted');
    const end = this.xml.indexOf(quote, this.i + 1);
    if (end < 0) throw this.fail('unclosed attribute value');
    const raw = this.xml.slice(this.i + 1, end);
    if (raw.includes('<')) throw this.fail("'<' in an attribute value");
    const value = this.decode(raw.replace(/\r\n|[\t\n\r]/g, ' '), this.i + 1);
    this.i = end + 1;
    return value;
  }

  // Entity and character references; an undefined entity reads as nothing (JDK parser).
  private decode(text: string, at: number): string {
    return text.replace(/&([^;&<\s]*)(;)?/g, (_whole, ref: string, semicolon: string | undefined, offset: number) => {
      if (semicolon === undefined) throw new PropertiesXmlSyntaxError(`'&' without a reference`, at + offset);
      if (ref.startsWith('#')) return characterReference(ref, at + offset);
      // Own keys only: `&constructor;` is an undefined entity too (issue 11, point 5).
      return Object.hasOwn(PREDEFINED, ref) ? PREDEFINED[ref]! : '';
    });
  }

  private skipSpace(): boolean {
    const start = this.i;
    while (/\s/.test(this.xml[this.i] ?? '')) this.i++;
    return this.i > start;
  }

  private skipTo(terminator: string, reason: string): void {
    this.i = this.indexOf(terminator, reason) + terminator.length;
  }

  private indexOf(terminator: string, reason: string): number {
    const end = this.xml.indexOf(terminator, this.i);
    if (end < 0) throw this.fail(reason);
    return end;
  }

  private fail(reason: string): PropertiesXmlSyntaxError {
    return new PropertiesXmlSyntaxError(reason, this.i);
  }
}

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

// &#65; &#x41; — any UTF-16 unit, lone surrogates included; nothing above U+FFFF.
function characterReference(ref: string, index: number): string {
  const hex = ref[1] === 'x';
  const digits = ref.slice(hex ? 2 : 1);
  const value = digits !== '' && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
  if (!(value <= 0xffff)) throw new PropertiesXmlSyntaxError(`character reference &${ref}; is not a UTF-16 unit (Properties.loadFromXML refuses it)`, index);
  return String.fromCharCode(value);
}

function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
