/**
 * JCR name validity as FileVault checks package names, versions and group segments
 * (FileVault `PackageId.assertValidJcrName`, itself Jackrabbit's `NameParser`).
 *
 * | name              | valid | why                              |
 * | ----------------- | ----- | -------------------------------- |
 * | `eventproxy`      | yes   |                                  |
 * | `cq:content`      | yes   | prefix `cq` is an NCName         |
 * | `tmp ` (trailing) | no    | `Trailing spaces not allowed`    |
 * | `a/b`, `a[1]`     | no    | `'/' not allowed in name`        |
 * | `.`, `..`         | no    | Oak refuses them                 |
 */
import { isInvalidXmlChar, isValidNCName } from '../docview/xml-char.ts';

/**
 * Checks a JCR name (qualified `prefix:local` or expanded `{uri}local`).
 * @returns `undefined` when valid, else FileVault's reason.
 */
export function getJcrNameError(name: string): string | undefined {
  if (name.length === 0) return 'empty name';
  if (name === '.' || name === '..') return `'${name}' is not a valid name`;
  const state = { at: 'prefixStart' as State, nameStart: 0, trailingSpaces: false };
  for (let i = 0; i < name.length; i++) {
    const error = step(name, i, state);
    if (error !== undefined) return error;
  }
  // An expanded name that never closed its '{': it must still be a plain local name.
  if (state.at === 'uri' && (name.includes(':') || name.includes('/'))) return "Local name may not contain ':' nor '/'";
  if (state.nameStart === name.length || state.at === 'nameStart') return 'Local name must not be empty';
  if (state.trailingSpaces) return 'Trailing spaces not allowed';
  return undefined;
}

/**
 * {@link getJcrNameError} for a name aem-ioevents writes (a template's node, property or file
 * name, a configured node name): also refuses a character that XML 1.0 cannot hold (U+0000,
 * the other C0 controls but tab and line breaks, a lone surrogate, U+FFFE, U+FFFF). JCR names are
 * made of XML characters (JSR-283 §3.2.2); FileVault would write such a character as `_x0000_`,
 * which names another node. Tab and line breaks are refused by the JCR rules already.
 */
export function getWritableJcrNameError(name: string): string | undefined {
  for (const char of name) {
    const point = char.codePointAt(0)!;
    if (point <= 0xffff && isInvalidXmlChar(point)) {
      return `the character U+${point.toString(16).toUpperCase().padStart(4, '0')} is not allowed: XML 1.0 and JCR names cannot hold it`;
    }
  }
  return getJcrNameError(name);
}

/**
 * A name for a message: `'name'`; when it holds a character XML cannot (which a terminal would
 * not show, or show as nothing), in double quotes with that character as `\uXXXX`, JSON style.
 */
export function describeName(name: string): string {
  let escaped = false;
  let text = '';
  for (const char of name) {
    const unstorable = char.length === 1 && isInvalidXmlChar(char.charCodeAt(0));
    escaped ||= unstorable;
    text += unstorable ? `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : char === '"' || char === '\\' ? `\\${char}` : char;
  }
  return escaped ? `"${text}"` : `'${name}'`;
}

/** True when `name` is a valid JCR name (see {@link getJcrNameError}). */
export function isValidJcrName(name: string): boolean {
  return getJcrNameError(name) === undefined;
}

type State = 'prefixStart' | 'prefix' | 'nameStart' | 'name' | 'uriStart' | 'uri';

interface ParseState {
  at: State;
  nameStart: number;
  trailingSpaces: boolean;
}

// One character of Jackrabbit's NameParser state machine.
function step(name: string, i: number, s: ParseState): string | undefined {
  const c = name[i]!;
  if (c === ':') return colon(name, i, s);
  if (c === ' ') {
    if (s.at === 'prefixStart' || s.at === 'nameStart') return "' ' not valid name start";
    s.trailingSpaces = true;
    return undefined;
  }
  if (isJavaWhitespace(c.charCodeAt(0)) || c === '[' || c === ']' || c === '*' || c === '|') return `'${c}' not allowed in name`;
  s.trailingSpaces = false;
  if (c === '/') {
    if (s.at === 'uriStart') s.at = 'uri';
    else if (s.at !== 'uri') return "'/' not allowed in name";
  } else if (c === '{') openBrace(i, s);
  else if (c === '}') return closeBrace(name, i, s);
  else if (s.at === 'prefixStart') s.at = 'prefix';
  else if (s.at === 'nameStart') startName(i, s);
  else if (s.at === 'uriStart') s.at = 'uri';
  return undefined;
}

function colon(name: string, i: number, s: ParseState): string | undefined {
  if (s.at === 'prefixStart') return 'Prefix must not be empty';
  if (s.at === 'prefix') {
    if (s.trailingSpaces) return 'Trailing spaces not allowed';
    const prefix = name.slice(0, i);
    if (!isValidNCName(prefix)) return `Invalid name prefix: ${prefix}`;
    s.at = 'nameStart';
  } else if (s.at !== 'uri') return "':' not allowed in name";
  s.trailingSpaces = false;
  return undefined;
}

function openBrace(i: number, s: ParseState): void {
  if (s.at === 'prefixStart') s.at = 'uriStart';
  else if (s.at === 'uriStart' || s.at === 'uri') {
    // A second '{' inside the URI part: not an expanded name after all.
    s.at = 'name';
    s.nameStart = 0;
  } else if (s.at === 'nameStart') startName(i, s);
}

function closeBrace(name: string, i: number, s: ParseState): string | undefined {
  if (s.at === 'uriStart' || s.at === 'uri') {
    const uri = name.slice(1, i);
    if (uri.length === 0 || uri.includes(':') || uri === 'internal') s.at = 'nameStart';
    else if (!uri.includes('/')) {
      s.at = 'name';
      s.nameStart = 0;
    } else return `The URI prefix of the name ${name} is neither a valid URI nor a valid part of a local name.`;
  } else if (s.at === 'prefixStart') s.at = 'prefix';
  else if (s.at === 'nameStart') startName(i, s);
  return undefined;
}

function startName(i: number, s: ParseState): void {
  s.at = 'name';
  s.nameStart = i;
}

// java.lang.Character.isWhitespace: Unicode space separators except the non-breaking ones,
// line and paragraph separators, and the ASCII controls TAB..CR and FS..US.
function isJavaWhitespace(unit: number): boolean {
  if ((unit >= 0x09 && unit <= 0x0d) || (unit >= 0x1c && unit <= 0x20)) return true;
  if (unit === 0x1680 || unit === 0x205f || unit === 0x3000 || unit === 0x2028 || unit === 0x2029) return true;
  return unit >= 0x2000 && unit <= 0x200a && unit !== 0x2007;
}
