/**
 * `parsePropertiesXml`: reads `META-INF/vault/properties.xml` exactly as AEM does, through
 * `Properties.loadFromXML` (FileVault `DefaultMetaInf.loadProperties`).
 * Its rules, from JDK 17's `PropertiesDefaultHandler`, with the JDK's own messages:
 *
 * | input                                               | result                                    |
 * | --------------------------------------------------- | ----------------------------------------- |
 * | no `<!DOCTYPE properties SYSTEM "http://java.sun.com/dtd/properties.dtd">` | "An XML properties document must contain the DOCTYPE declaration as defined by java.util.Properties." |
 * | a DOCTYPE with an internal subset `[…]`             | "Internal DTD subset is not allowed. …"   |
 * | root `<props>`                                      | `Document root element "props", must match DOCTYPE root "properties"` |
 * | `<foo/>` inside                                     | `Element type "foo" must be declared.`    |
 * | two `<comment>`                                     | "Only one comment element may be allowed. …" |
 * | `<entry>` without `key`                             | `Attribute "key" is required and must be specified for element type "entry"` |
 * | the same key twice                                  | the last value wins                       |
 * | `<entry key="x"/>`                                  | `x` is the empty string                   |
 *
 * The JDK checks element names with `"comment, entry".contains(name)`, so `<entr>` passes too;
 * that is reproduced. Text of an entry ends at the first end tag inside it (the JDK handler).
 */
import { InputError } from '../errors.ts';
import { lexPropertiesXml, PropertiesXmlSyntaxError } from './properties-xml-lexer.ts';

/** The contents of a properties.xml file. */
export interface ParsedPropertiesXml {
  /** Entries in document order (a repeated key keeps its first position and last value). */
  readonly entries: ReadonlyMap<string, string>;
  /** The text of `<comment>`, if any. */
  readonly comment?: string;
}

/** A properties.xml that `Properties.loadFromXML` refuses. */
export class PropertiesXmlError extends InputError {
  override name = 'PropertiesXmlError';
  /** The reason alone. */
  readonly reason: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column (UTF-16 units). */
  readonly column: number;
  constructor(reason: string, line: number, column: number) {
    super(`${reason} (line ${line}, column ${column})`, { code: 'E_PROPERTIES_XML' });
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
}

const DTD_URI = 'http://java.sun.com/dtd/properties.dtd';
const ALLOWED_ELEMENTS = 'comment, entry';
const MISSING_DOCTYPE = 'An XML properties document must contain the DOCTYPE declaration as defined by java.util.Properties.';

/**
 * Parses properties.xml text (already decoded from its bytes).
 * @throws PropertiesXmlError with the JDK's message where `loadFromXML` fails.
 */
export function parsePropertiesXml(xml: string): ParsedPropertiesXml {
  const entries = new Map<string, string>();
  const state = { root: undefined as string | undefined, sawRoot: false, sawComment: false, key: undefined as string | undefined, buffer: '', comment: undefined as string | undefined, inComment: false };
  const fail = (reason: string, index: number): never => {
    throw new PropertiesXmlSyntaxError(reason, index);
  };
  try {
    lexPropertiesXml(xml, {
      doctype(name, systemId, hasInternalSubset, index) {
        if (name !== 'properties' || systemId !== DTD_URI) fail(MISSING_DOCTYPE, index);
        if (hasInternalSubset) fail(`Internal DTD subset is not allowed. The Properties XML document must have the following DOCTYPE declaration: \n<!DOCTYPE properties SYSTEM "${DTD_URI}">`, index);
        state.root = name;
      },
      start(name, attributes, index) {
        if (state.sawRoot) {
          if (!ALLOWED_ELEMENTS.includes(name)) fail(`Element type "${name}" must be declared.`, index);
        } else {
          if (state.root === undefined) fail(MISSING_DOCTYPE, index);
          if (state.root !== name) fail(`Document root element "${name}", must match DOCTYPE root "${state.root}"`, index);
          state.sawRoot = true;
        }
        if (name === 'entry') {
          state.key = attributes.get('key');
          if (state.key === undefined) fail('Attribute "key" is required and must be specified for element type "entry"', index);
        } else if (name === 'comment') {
          if (state.sawComment) fail('Only one comment element may be allowed. The content of element type "properties" must match "(comment?,entry*)"', index);
          state.sawComment = true;
          state.inComment = true;
          state.comment = '';
        }
      },
      text(text) {
        if (state.key !== undefined) state.buffer += text;
        else if (state.inComment) state.comment += text;
      },
      end(name, index) {
        if (!ALLOWED_ELEMENTS.includes(name) && name !== 'properties') fail(`Element: ${name} is invalid, must match  "(comment?,entry*)".`, index);
        if (state.key !== undefined) {
          entries.set(state.key, state.buffer);
          state.key = undefined;
          state.buffer = '';
        }
        state.inComment = false;
      },
    });
  } catch (error) {
    if (error instanceof PropertiesXmlSyntaxError) {
      const { line, column } = position(xml, error.index);
      throw new PropertiesXmlError(error.reason, line, column);
    }
    throw error;
  }
  return { entries, ...(state.comment === undefined ? {} : { comment: state.comment }) };
}

function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split(/\r\n|\r|\n/).length;
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line, column: index - lastBreak };
}
