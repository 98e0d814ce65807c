/**
 * Backslash escapes of `java.util.regex.Pattern` (JDK 17 `Pattern.escape`), inside and outside
 * character classes.
 *
 * | escape                 | gives                                  | in a class            |
 * | ---------------------- | -------------------------------------- | --------------------- |
 * | `\t \n \r \f \a \e`    | that character                         | same                  |
 * | `\0n \xhh \x{h…} \uhhhh \cX` | that code point                  | same                  |
 * | `\d \s \w \h \v` (and upper case) | a class                     | same                  |
 * | `\p{…} \P{…}`          | a property class                       | same                  |
 * | `\b \B \A \z \Z \G`    | an assertion                           | refused               |
 * | `\1`…`\9`, `\k<name>`  | a back reference                       | refused               |
 * | `\R`                   | a line break                           | refused               |
 * | `\X`, `\N{…}`          | unsupported here                       |                       |
 * | `\` + other letter     | "Illegal/unsupported escape sequence"  | same                  |
 * | `\` + anything else    | that character                         | same                  |
 */
import { FLAG, type CharTest, type RegexNode } from './java-regex-ast.ts';
import { predefinedTest, propertyTest } from './java-regex-class.ts';
import { UnsupportedJavaRegexError } from './java-regex-errors.ts';
import { END, hexValue, isAsciiDigit, isAsciiLetter, type Scanner } from './java-regex-scanner.ts';

/** What an escape stands for. */
export type Escape =
  | { readonly kind: 'char'; readonly codePoint: number }
  | { readonly kind: 'class'; readonly test: CharTest }
  | { readonly kind: 'node'; readonly node: RegexNode };

const SIMPLE: Readonly<Record<string, number>> = { t: 0x09, n: 0x0a, r: 0x0d, f: 0x0c, a: 0x07, e: 0x1b };

/** Reads the escape after a consumed `\`. */
export function parseEscape(s: Scanner, inClass: boolean): Escape {
  const start = s.i;
  const c = s.raw();
  if (c === END) throw s.error('Unexpected internal error', s.i);
  const letter = String.fromCodePoint(c);
  if (Object.hasOwn(SIMPLE, letter)) return { kind: 'char', codePoint: SIMPLE[letter]! };
  if (letter === 'p' || letter === 'P') return { kind: 'class', test: family(s, letter === 'P') };
  const predefined = predefinedTest(letter, s.flags);
  if (predefined !== undefined) return { kind: 'class', test: predefined };
  if (letter === '0') return { kind: 'char', codePoint: octal(s) };
  if (letter === 'x') return { kind: 'char', codePoint: hex(s) };
  if (letter === 'u') return { kind: 'char', codePoint: unicode(s) };
  if (letter === 'c') return { kind: 'char', codePoint: control(s) };
  if (!inClass) {
    const node = outsideClass(s, letter);
    if (node !== undefined) return { kind: 'node', node };
  }
  if (letter === 'X' || letter === 'N') {
    if (!inClass || letter === 'N') throw new UnsupportedJavaRegexError(`\\${letter}`);
  }
  if (isAsciiLetter(c) || (isAsciiDigit(c) && inClass)) throw s.error('Illegal/unsupported escape sequence', start);
  return { kind: 'char', codePoint: c };
}

function outsideClass(s: Scanner, letter: string): RegexNode | undefined {
  const multiline = s.has(FLAG.multiline);
  const unixLines = s.has(FLAG.unixLines);
  switch (letter) {
    case 'b':
      if (s.at(s.i) === 0x7b /* { */) throw new UnsupportedJavaRegexError('\\b{g}');
      return { kind: 'assert', at: 'wordBoundary', multiline, unixLines };
    case 'B':
      return { kind: 'assert', at: 'notWordBoundary', multiline, unixLines };
    case 'A':
    case 'G': // matches() starts where the previous match ended: the start
      return { kind: 'assert', at: 'inputStart', multiline, unixLines };
    case 'z':
      return { kind: 'assert', at: 'inputEnd', multiline, unixLines };
    case 'Z':
      return { kind: 'assert', at: 'dollar', multiline: false, unixLines };
    case 'R':
      return lineBreak();
    case 'k':
      return namedReference(s);
  }
  const c = letter.codePointAt(0)!;
  if (c >= 0x31 && c <= 0x39) return reference(s, c - 0x30);
  return undefined;
}

// \R: \r\n or any single vertical separator.
function lineBreak(): RegexNode {
  const crlf: RegexNode = { kind: 'seq', items: [{ kind: 'char', test: (c) => c === 0x0d }, { kind: 'char', test: (c) => c === 0x0a }] };
  const single: RegexNode = { kind: 'char', test: (c) => (c >= 0x0a && c <= 0x0d) || c === 0x85 || c === 0x2028 || c === 0x2029 };
  return { kind: 'alt', options: [crlf, single] };
}

// Java's ref(): more digits are taken while the number stays a group that exists.
function reference(s: Scanner, first: number): RegexNode {
  let group = first;
  while (isAsciiDigit(s.at(s.i))) {
    const longer = group * 10 + (s.at(s.i) - 0x30);
    if (longer > s.groupCount) break;
    group = longer;
    s.i++;
  }
  return { kind: 'backref', group, ignoreCase: s.has(FLAG.caseInsensitive) };
}

function namedReference(s: Scanner): RegexNode {
  if (s.raw() !== 0x3c /* < */) throw s.error('\\k is not followed by \'<\' for named capturing group');
  const name = groupName(s);
  const group = s.names.get(name);
  if (group === undefined) throw s.error(`named capturing group <${name}> does not exist`);
  return { kind: 'backref', group, ignoreCase: s.has(FLAG.caseInsensitive) };
}

/** A group name after `<`, up to and including `>`: a Latin letter, then Latin letters and digits. */
export function groupName(s: Scanner): string {
  let name = '';
  if (!isAsciiLetter(s.at(s.i))) throw s.error('capturing group name does not start with a Latin letter');
  while (isAsciiLetter(s.at(s.i)) || isAsciiDigit(s.at(s.i))) name += String.fromCodePoint(s.raw());
  if (s.raw() !== 0x3e /* > */) throw s.error("named capturing group is missing trailing '>'");
  return name;
}

function family(s: Scanner, negate: boolean): CharTest {
  let name: string;
  if (s.at(s.i) === 0x7b /* { */) {
    s.i++;
    const close = s.cps.indexOf(0x7d, s.i);
    if (close < 0) throw s.error('Unclosed character family', s.cps.length);
    name = String.fromCodePoint(...s.cps.slice(s.i, close));
    s.i = close + 1;
  } else {
    const c = s.raw();
    name = c === END ? ' ' : String.fromCodePoint(c);
  }
  if (name === 'L1') return negate ? (c) => c > 0xff : (c) => c <= 0xff;
  const test = propertyTest(name, s.flags, s.i);
  return negate ? (c) => !test(c) : test;
}

// \0n, \0nn, \0mnn (m ≤ 3).
function octal(s: Scanner): number {
  const digit = (c: number): number => (c >= 0x30 && c <= 0x37 ? c - 0x30 : -1);
  const n = digit(s.at(s.i));
  if (n < 0) throw s.error('Illegal octal escape sequence');
  s.i++;
  const m = digit(s.at(s.i));
  if (m < 0) return n;
  s.i++;
  const o = digit(s.at(s.i));
  if (o >= 0 && n <= 3) {
    s.i++;
    return n * 64 + m * 8 + o;
  }
  return n * 8 + m;
}

function hex(s: Scanner): number {
  if (s.at(s.i) === 0x7b /* { */) {
    s.i++;
    let value = 0;
    let digits = 0;
    while (hexValue(s.at(s.i)) >= 0) {
      value = value * 16 + hexValue(s.raw());
      digits++;
      if (value > 0x10ffff) throw s.error('Hexadecimal codepoint is too big');
    }
    if (digits === 0) throw s.error('Illegal hexadecimal escape sequence');
    if (s.raw() !== 0x7d) throw s.error('Unclosed hexadecimal escape sequence');
    return value;
  }
  const high = hexValue(s.at(s.i));
  const low = hexValue(s.at(s.i + 1));
  if (high < 0 || low < 0) throw s.error('Illegal hexadecimal escape sequence', s.i + 1);
  s.i += 2;
  return high * 16 + low;
}

function unicode(s: Scanner): number {
  let value = 0;
  for (let k = 0; k < 4; k++) {
    const digit = hexValue(s.at(s.i));
    if (digit < 0) throw s.error('Illegal Unicode escape sequence', s.i + 1);
    value = value * 16 + digit;
    s.i++;
  }
  return value;
}

function control(s: Scanner): number {
  const c = s.raw();
  if (c === END) throw s.error('Illegal control escape sequence', s.i - 1);
  return c ^ 64;
}
