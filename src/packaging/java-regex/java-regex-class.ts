/**
 * Character tests of `java.util.regex.Pattern` (JDK 17): literals with Java's case folding,
 * `.`, the predefined classes and `\p{…}` properties.
 *
 * | Java              | matches                                                        |
 * | ----------------- | -------------------------------------------------------------- |
 * | `(?i)a`           | `a`, `A` (ASCII folding; Unicode folding only with `(?u)`)      |
 * | `.`               | anything but `\n \r \u0085 \u2028 \u2029` (`(?s)` all, `(?d)` not `\n`) |
 * | `\d \s \w`        | ASCII `[0-9]`, `[ \t\n\x0B\f\r]`, `[a-zA-Z_0-9]` (Unicode with `(?U)`) |
 * | `\p{Lower}` …     | the POSIX classes on ASCII                                      |
 * | `\p{L}`, `\p{IsLatin}` | Unicode categories, scripts, binary properties               |
 * | `\p{InGreek}`     | a Unicode block: not expressible here, reported as unsupported  |
 */
import { FLAG, type CharTest } from './java-regex-ast.ts';
import { JavaRegexSyntaxError, UnsupportedJavaRegexError } from './java-regex-errors.ts';

const LINE_TERMINATORS = new Set([0x0a, 0x0d, 0x85, 0x2028, 0x2029]);

/** The test for the literal `codePoint` under `flags`. */
export function literalTest(codePoint: number, flags: number): CharTest {
  if ((flags & FLAG.caseInsensitive) === 0) return (c) => c === codePoint;
  if ((flags & FLAG.unicodeCase) !== 0) {
    const upper = toUpper(codePoint);
    const lower = toLower(codePoint);
    return (c) => c === codePoint || toUpper(c) === upper || toLower(c) === lower;
  }
  if (!isAsciiLetter(codePoint)) return (c) => c === codePoint;
  const folded = codePoint | 0x20;
  return (c) => c === codePoint || (isAsciiLetter(c) && (c | 0x20) === folded);
}

/** The test for the range `low-high` under `flags` (Java's `Pattern.range`). */
export function rangeTest(low: number, high: number, flags: number): CharTest {
  const inRange = (c: number): boolean => c >= low && c <= high;
  if ((flags & FLAG.caseInsensitive) === 0) return inRange;
  if ((flags & FLAG.unicodeCase) !== 0) return (c) => inRange(c) || inRange(toUpper(c)) || inRange(toLower(c));
  return (c) => inRange(c) || (c < 0x80 && isAsciiLetter(c) && (inRange(c & ~0x20) || inRange(c | 0x20)));
}

/** `.` under `flags`. */
export function dotTest(flags: number): CharTest {
  if ((flags & FLAG.dotall) !== 0) return () => true;
  if ((flags & FLAG.unixLines) !== 0) return (c) => c !== 0x0a;
  return (c) => !LINE_TERMINATORS.has(c);
}

/** `\d \D \s \S \w \W \h \H \v \V`; `undefined` for any other letter. */
export function predefinedTest(letter: string, flags: number): CharTest | undefined {
  const unicode = (flags & FLAG.unicodeCharacterClass) !== 0;
  const base = PREDEFINED[letter.toLowerCase()];
  if (base === undefined) return undefined;
  const test = unicode && UNICODE_PREDEFINED[letter.toLowerCase()] !== undefined ? UNICODE_PREDEFINED[letter.toLowerCase()]! : base;
  return letter === letter.toUpperCase() ? (c) => !test(c) : test;
}

const PREDEFINED: Readonly<Record<string, CharTest>> = {
  d: (c) => c >= 0x30 && c <= 0x39,
  s: (c) => c === 0x20 || (c >= 0x09 && c <= 0x0d),
  w: (c) => c === 0x5f || (c >= 0x30 && c <= 0x39) || isAsciiLetter(c),
  h: (c) => c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x1680 || c === 0x180e || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000,
  v: (c) => (c >= 0x0a && c <= 0x0d) || c === 0x85 || c === 0x2028 || c === 0x2029,
};

const UNICODE_PREDEFINED: Readonly<Record<string, CharTest>> = {
  d: lazyUnicodeTest('\\p{Nd}'),
  s: lazyUnicodeTest('\\p{White_Space}'),
  w: lazyUnicodeTest('[\\p{Alphabetic}\\p{Mn}\\p{Me}\\p{Mc}\\p{Nd}\\p{Pc}\\p{Join_Control}]'),
};

// POSIX classes (US-ASCII only unless UNICODE_CHARACTER_CLASS, which is reported as unsupported).
const PUNCT = new Set([...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'].map((c) => c.codePointAt(0)!));
const POSIX: Readonly<Record<string, CharTest>> = {
  Lower: (c) => c >= 0x61 && c <= 0x7a,
  Upper: (c) => c >= 0x41 && c <= 0x5a,
  ASCII: (c) => c < 0x80,
  Alpha: isAsciiLetter,
  Digit: (c) => c >= 0x30 && c <= 0x39,
  Alnum: (c) => isAsciiLetter(c) || (c >= 0x30 && c <= 0x39),
  Punct: (c) => PUNCT.has(c),
  Graph: (c) => c > 0x20 && c < 0x7f,
  Print: (c) => c >= 0x20 && c < 0x7f,
  Blank: (c) => c === 0x20 || c === 0x09,
  Cntrl: (c) => c < 0x20 || c === 0x7f,
  XDigit: (c) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66),
  Space: (c) => c === 0x20 || (c >= 0x09 && c <= 0x0d),
};

// java.lang.Character methods that have a Unicode property equivalent.
const JAVA_METHODS: Readonly<Record<string, string>> = {
  javaLowerCase: '\\p{Lowercase}',
  javaUpperCase: '\\p{Uppercase}',
  javaAlphabetic: '\\p{Alphabetic}',
  javaIdeographic: '\\p{Ideographic}',
  javaTitleCase: '\\p{Lt}',
  javaDigit: '\\p{Nd}',
  javaLetter: '\\p{L}',
  javaLetterOrDigit: '[\\p{L}\\p{Nd}]',
  javaSpaceChar: '[\\p{Zs}\\p{Zl}\\p{Zp}]',
};

/**
 * The test for `\p{name}`.
 * @throws JavaRegexSyntaxError for a name Java does not know either ("Unknown character property name").
 * @throws UnsupportedJavaRegexError for a name Java knows that has no equivalent here (blocks, `(?U)` POSIX).
 */
export function propertyTest(name: string, flags: number, index: number): CharTest {
  if (Object.hasOwn(POSIX, name)) {
    if ((flags & FLAG.unicodeCharacterClass) !== 0) throw new UnsupportedJavaRegexError(`\\p{${name}} with UNICODE_CHARACTER_CLASS`);
    return POSIX[name]!;
  }
  if (Object.hasOwn(JAVA_METHODS, name)) return lazyUnicodeTest(JAVA_METHODS[name]!);
  if (name.startsWith('java') || name.startsWith('In') || /^(block|blk)=/i.test(name)) throw new UnsupportedJavaRegexError(`\\p{${name}}`);
  const keyed = /^(script|sc|general_category|gc)=(.*)$/i.exec(name);
  if (keyed !== null) return keyedProperty(keyed[1]!.toLowerCase(), keyed[2]!, name);
  if (name.startsWith('Is')) return isProperty(name.slice(2), name);
  if (name === 'all') return () => true;
  const category = categoryTest(name);
  if (category !== undefined) return category;
  throw new JavaRegexSyntaxError(`Unknown character property name {${name}}`, index);
}

function keyedProperty(key: string, value: string, name: string): CharTest {
  const test = key.startsWith('s') ? tryUnicode(`\\p{Script=${value}}`) : categoryTest(value);
  if (test === undefined) throw new UnsupportedJavaRegexError(`\\p{${name}}`);
  return test;
}

// Java's binary properties (CharPredicates.forProperty), by their upper-cased names.
const BINARY: Readonly<Record<string, string>> = {
  ALPHABETIC: '\\p{Alphabetic}', ASSIGNED: '\\P{Cn}', CONTROL: '\\p{Cc}', DIGIT: '\\p{Nd}', HEX_DIGIT: '\\p{Hex_Digit}',
  HEXDIGIT: '\\p{Hex_Digit}', IDEOGRAPHIC: '\\p{Ideographic}', JOIN_CONTROL: '\\p{Join_Control}', JOINCONTROL: '\\p{Join_Control}',
  LETTER: '\\p{L}', LOWERCASE: '\\p{Lowercase}', NONCHARACTER_CODE_POINT: '\\p{Noncharacter_Code_Point}',
  NONCHARACTERCODEPOINT: '\\p{Noncharacter_Code_Point}', TITLECASE: '\\p{Lt}', PUNCTUATION: '\\p{P}', UPPERCASE: '\\p{Uppercase}',
  WHITE_SPACE: '\\p{White_Space}', WHITESPACE: '\\p{White_Space}',
};

// \p{IsX}: a category, a script or a binary property; Java compares the latter two ignoring case.
function isProperty(rest: string, name: string): CharTest {
  const binary = Object.hasOwn(BINARY, rest.toUpperCase()) ? BINARY[rest.toUpperCase()] : undefined;
  const test = categoryTest(rest) ?? (binary === undefined ? undefined : lazyUnicodeTest(binary)) ?? tryUnicode(`\\p{Script=${titleCase(rest)}}`);
  if (test === undefined) throw new UnsupportedJavaRegexError(`\\p{${name}}`);
  return test;
}

function categoryTest(name: string): CharTest | undefined {
  return /^[A-Z][a-z]?$|^LC$/.test(name) ? tryUnicode(`\\p{General_Category=${name}}`) : undefined;
}

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|_)([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
}

function tryUnicode(source: string): CharTest | undefined {
  try {
    return unicodeTest(source);
  } catch {
    return undefined;
  }
}

// Compiles now, so an unknown property name fails here.
function unicodeTest(source: string): CharTest {
  const regex = new RegExp(`^${source}$`, 'u');
  return (c) => regex.test(String.fromCodePoint(c));
}

// For sources known to be valid: compiled on first use, so loading this module costs nothing.
function lazyUnicodeTest(source: string): CharTest {
  let test: CharTest | undefined;
  return (c) => (test ??= unicodeTest(source))(c);
}

function isAsciiLetter(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}

/** `Character.toUpperCase(int)`: the simple mapping (a full mapping to several characters keeps the character). */
export function toUpper(c: number): number {
  const mapped = String.fromCodePoint(c).toUpperCase();
  return [...mapped].length === 1 ? mapped.codePointAt(0)! : c;
}

/** `Character.toLowerCase(int)`, simple mapping. */
export function toLower(c: number): number {
  const mapped = String.fromCodePoint(c).toLowerCase();
  return [...mapped].length === 1 ? mapped.codePointAt(0)! : c;
}

/** Java's `Pattern.isWord` for `\b`: a letter, a decimal digit or `_`. */
export function isWordChar(c: number): boolean {
  return c === 0x5f || WORD(c);
}

const WORD = lazyUnicodeTest('[\\p{L}\\p{Nd}]');
