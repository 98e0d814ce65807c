/**
 * The state machine of FileVault's `DocViewProperty2.parse`, unit by unit:
 *
 * | state        | on                          | does                                          |
 * | ------------ | --------------------------- | --------------------------------------------- |
 * | begin        | `{` / `[` / `\` / other     | type / multi-value / escape / value           |
 * | type         | `}`                         | `valueFromName` (or `BinaryRef`), then array  |
 * | array        | `[` / `\` / other           | multi-value / escape / value                  |
 * | value        | `\`                         | escape                                        |
 * |              | `,` (multi)                 | ends a value                                  |
 * |              | `]` (multi, last unit only) | ends the list; elsewhere `]` is literal       |
 * | escape       | `u` / `0` / other           | `\uXXXX` / "an empty value is present" / that unit |
 *
 * A missing final `]` is tolerated; an unterminated `{type` or `\u12` is taken as FileVault takes it.
 * Used by `parseDocViewProperty` in `docview-property.ts`.
 */
import { InputError } from '../errors.ts';
import type { PropertyType } from './docview-property.ts';
import { javaDigit } from './java-lang.ts';

// javax.jcr.PropertyType.valueFromName accepts exactly these (case-sensitive).
const JCR_TYPE_NAMES = new Set(['undefined', 'String', 'Binary', 'Long', 'Double', 'Date', 'Boolean', 'Name', 'Path', 'Reference', 'WeakReference', 'URI', 'Decimal']);

/** What an attribute value holds, before the property name is considered. */
export interface ParsedValue {
  readonly values: string[];
  readonly isMulti: boolean;
  readonly type: PropertyType;
}

interface Machine {
  state: 'begin' | 'array' | 'type' | 'value' | 'escape' | 'unicode';
  isMulti: boolean;
  type: PropertyType;
  values: string[] | undefined;
  current: string;
  unicode: number;
  unicodeDigits: number;
}

/** Runs the state machine over `text`. */
export function parseDocViewValue(text: string): ParsedValue {
  return parsePlainValue(text) ?? runMachine(text);
}

// What the machine gives, without it, for the usual value: an optional `{Type}`, then one value
// with no `[` or `\` before it and no `\` in it (only `\` is special in a single value).
function parsePlainValue(text: string): ParsedValue | undefined {
  let start = 0;
  let type: PropertyType = 'undefined';
  if (text.charCodeAt(0) === 0x7b) {
    const close = text.indexOf('}');
    if (close < 0) return undefined;
    type = typeFromName(text.slice(1, close));
    start = close + 1;
  }
  const first = text.charCodeAt(start);
  if (first === 0x5b || text.indexOf('\\', start) >= 0) return undefined;
  return { values: [start === 0 ? text : text.slice(start)], isMulti: false, type };
}

function runMachine(text: string): ParsedValue {
  const m: Machine = { state: 'begin', isMulti: false, type: 'undefined', values: undefined, current: '', unicode: 0, unicodeDigits: 0 };
  for (let pos = 0; pos < text.length; pos++) step(m, text, pos);
  if (!m.isMulti) return { values: [m.current], isMulti: false, type: m.type };
  // A value left open by a missing ']' still counts, unless it is empty.
  if (m.current.length > 0) (m.values ??= []).push(m.current);
  return { values: m.values ?? [], isMulti: true, type: m.type };
}

function step(m: Machine, text: string, pos: number): void {
  const c = text[pos]!;
  switch (m.state) {
    case 'begin':
    case 'array':
      if (c === '{' && m.state === 'begin') m.state = 'type';
      else if (c === '\\') m.state = 'escape';
      else {
        if (c === '[') m.isMulti = true;
        else m.current += c;
        m.state = 'value';
      }
      break;
    case 'type':
      if (c !== '}') m.current += c;
      else {
        m.type = typeFromName(m.current);
        m.current = '';
        m.state = 'array';
      }
      break;
    case 'value':
      value(m, c, pos === text.length - 1);
      break;
    case 'escape':
      escaped(m, c);
      break;
    case 'unicode':
      unicodeDigit(m, text.charCodeAt(pos));
  }
}

function value(m: Machine, c: string, isLast: boolean): void {
  if (c === '\\') m.state = 'escape';
  else if (c === ',' && m.isMulti) {
    (m.values ??= []).push(m.current);
    m.current = '';
  } else if (c === ']' && m.isMulti && isLast) {
    // '[]' has no value, '[\0]' and '[a,]' end with an empty one.
    if (m.current.length > 0 || m.values !== undefined) (m.values ??= []).push(m.current);
    m.current = '';
  } else m.current += c;
}

function escaped(m: Machine, c: string): void {
  m.state = 'value';
  if (c === 'u') Object.assign(m, { state: 'unicode', unicode: 0, unicodeDigits: 0 });
  // JCR-3661: '\0' only records that an (empty) value is present.
  else if (c === '0') m.values ??= [];
  else m.current += c;
}

function unicodeDigit(m: Machine, unit: number): void {
  // Character.digit gives -1 for a non-hex unit; Java goes on computing with it.
  m.unicode = (m.unicode << 4) + javaDigit(unit, 16);
  if (++m.unicodeDigits < 4) return;
  if (m.unicode < 0) {
    // StringBuilder.appendCodePoint's own message.
    throw new InputError(`Not a valid Unicode code point: 0x${(m.unicode >>> 0).toString(16).toUpperCase()}`, { code: 'E_DOCVIEW_VALUE' });
  }
  m.current += String.fromCharCode(m.unicode);
  m.state = 'value';
}

function typeFromName(name: string): PropertyType {
  if (name === 'BinaryRef') return 'BinaryRef';
  if (!JCR_TYPE_NAMES.has(name)) throw new InputError(`unknown type: ${name}`, { code: 'E_DOCVIEW_TYPE' });
  return name as PropertyType;
}
