/**
 * Parses a `java.util.regex.Pattern` (JDK 17 syntax) into the tree of `java-regex-ast.ts`,
 * refusing what `Pattern.compile` refuses with the same description:
 *
 * | pattern        | Java's `PatternSyntaxException` description          |
 * | -------------- | ---------------------------------------------------- |
 * | `[`            | Unclosed character class                             |
 * | `(`            | Unclosed group                                       |
 * | `a)`           | Unmatched closing ')'                                |
 * | `*`, `a**`     | Dangling meta character '*'                          |
 * | `a{`, `a{,3}`  | Illegal repetition                                   |
 * | `a{1`          | Unclosed counted closure                             |
 * | `a{3,1}`       | Illegal repetition range                             |
 * | `(?z)`         | Unknown inline modifier                              |
 * | `\y`           | Illegal/unsupported escape sequence                  |
 *
 * `{n}` where no atom precedes it repeats the empty string, as in Java (`{1}` compiles).
 */
import { FLAG, type ParsedRegex, type RegexNode, type RepeatMode } from './java-regex-ast.ts';
import { parseClass } from './java-regex-char-class.ts';
import { dotTest, literalTest } from './java-regex-class.ts';
import { groupName, parseEscape } from './java-regex-escape.ts';
import { UnsupportedJavaRegexError } from './java-regex-errors.ts';
import { END, isAsciiDigit, Scanner } from './java-regex-scanner.ts';

const EMPTY: RegexNode = { kind: 'seq', items: [] };
const MAX_REPEAT = 0x7fffffff;

/** Parses `source` with the initial `flags` (Java's bit values). */
export function parseJavaRegex(source: string, flags = 0): ParsedRegex {
  const s = new Scanner(source, flags);
  if (s.has(FLAG.canonEq)) throw new UnsupportedJavaRegexError('CANON_EQ');
  const root = expression(s);
  if (!s.done) throw s.error("Unmatched closing ')'", s.i - 1);
  return { root, groupCount: s.groupCount };
}

// alternatives separated by |, up to ) or the end.
function expression(s: Scanner): RegexNode {
  const options = [sequence(s)];
  while (s.peek() === 0x7c /* | */) {
    s.next();
    options.push(sequence(s));
  }
  return options.length === 1 ? options[0]! : { kind: 'alt', options };
}

function sequence(s: Scanner): RegexNode {
  const items: RegexNode[] = [];
  for (let c = s.peek(); c !== END && c !== 0x7c && c !== 0x29 /* ) */; c = s.peek()) {
    if (c === 0x2a || c === 0x2b || c === 0x3f) throw s.error(`Dangling meta character '${String.fromCodePoint(c)}'`);
    const atom = c === 0x7b /* { */ ? EMPTY : readAtom(s);
    if (atom === undefined) continue;
    items.push(quantified(s, atom));
  }
  return items.length === 1 ? items[0]! : { kind: 'seq', items };
}

// One atom; undefined when it only changed the flags, as (?i) does.
function readAtom(s: Scanner): RegexNode | undefined {
  const c = s.next();
  switch (c) {
    case 0x28 /* ( */:
      return group(s);
    case 0x5b /* [ */:
      return { kind: 'char', test: parseClass(s, true) };
    case 0x2e /* . */:
      return { kind: 'char', test: dotTest(s.flags) };
    case 0x5e /* ^ */:
      return { kind: 'assert', at: s.has(FLAG.multiline) ? 'caret' : 'inputStart', multiline: s.has(FLAG.multiline), unixLines: s.has(FLAG.unixLines) };
    case 0x24 /* $ */:
      return { kind: 'assert', at: 'dollar', multiline: s.has(FLAG.multiline), unixLines: s.has(FLAG.unixLines) };
    case 0x5c /* \ */:
      return escaped(s);
    default:
      return { kind: 'char', test: literalTest(c, s.flags) };
  }
}

function escaped(s: Scanner): RegexNode {
  if (s.at(s.i) === 0x51 /* Q */) return quote(s);
  const escape = parseEscape(s, false);
  if (escape.kind === 'char') return { kind: 'char', test: literalTest(escape.codePoint, s.flags) };
  if (escape.kind === 'class') return { kind: 'char', test: escape.test };
  return escape.node;
}

// \Q…\E (or to the end): every character literal.
function quote(s: Scanner): RegexNode {
  s.i++;
  const items: RegexNode[] = [];
  while (s.i < s.cps.length && !(s.cps[s.i] === 0x5c && s.cps[s.i + 1] === 0x45 /* E */)) items.push({ kind: 'char', test: literalTest(s.raw(), s.flags) });
  if (s.i < s.cps.length) s.i += 2;
  return { kind: 'seq', items };
}

function group(s: Scanner): RegexNode | undefined {
  const outerFlags = s.flags;
  let node: RegexNode | typeof FLAGS_ONLY;
  if (s.at(s.i) !== 0x3f /* ? */) {
    const index = ++s.groupCount;
    node = { kind: 'group', index, body: expression(s) };
  } else {
    s.i++;
    node = specialGroup(s);
  }
  if (s.raw() !== 0x29) throw s.error('Unclosed group', s.cps.length);
  // (?i) changes the flags for the rest of the enclosing group; any other group restores them.
  if (node === FLAGS_ONLY) return undefined;
  s.flags = outerFlags;
  return node;
}

const FLAGS_ONLY = Symbol('flags only');

// (?:…) (?=…) (?!…) (?<=…) (?<!…) (?>…) (?<name>…) (?flags) (?flags:…)
function specialGroup(s: Scanner): RegexNode | typeof FLAGS_ONLY {
  const c = s.raw();
  if (c === 0x3a /* : */) return { kind: 'group', index: 0, body: expression(s) };
  if (c === 0x3d || c === 0x21) return { kind: 'look', behind: false, negate: c === 0x21, body: expression(s) };
  if (c === 0x3e /* > */) return { kind: 'atomic', body: expression(s) };
  if (c === 0x3c /* < */) {
    const d = s.at(s.i);
    if (d === 0x3d || d === 0x21) {
      s.i++;
      return { kind: 'look', behind: true, negate: d === 0x21, body: expression(s) };
    }
    const name = groupName(s);
    if (s.names.has(name)) throw s.error(`Named capturing group <${name}> is already defined`, s.i - 1);
    const index = ++s.groupCount;
    s.names.set(name, index);
    return { kind: 'group', index, body: expression(s) };
  }
  s.i--;
  return inlineFlags(s);
}

const FLAG_LETTERS: Readonly<Record<string, number>> = {
  i: FLAG.caseInsensitive, d: FLAG.unixLines, m: FLAG.multiline, s: FLAG.dotall,
  u: FLAG.unicodeCase, x: FLAG.comments, U: FLAG.unicodeCharacterClass | FLAG.unicodeCase, c: FLAG.canonEq,
};

// The flag letters of (?idmsuxU-idmsuxU) or (?idmsuxU-idmsuxU:X); the ')' is left to the caller.
function inlineFlags(s: Scanner): RegexNode | typeof FLAGS_ONLY {
  let on = true;
  for (;;) {
    const c = s.peek();
    const letter = c === END ? '' : String.fromCodePoint(c);
    if (letter === ')') return FLAGS_ONLY;
    if (c === END) throw s.error('Unknown inline modifier', s.i);
    s.i++;
    if (Object.hasOwn(FLAG_LETTERS, letter)) {
      s.flags = on ? s.flags | FLAG_LETTERS[letter]! : s.flags & ~FLAG_LETTERS[letter]!;
      if (s.has(FLAG.canonEq)) throw new UnsupportedJavaRegexError('(?c)');
    } else if (letter === '-' && on) on = false;
    else if (letter === ':') return { kind: 'group', index: 0, body: expression(s) };
    else throw s.error('Unknown inline modifier', s.i - 1);
  }
}

function quantified(s: Scanner, atom: RegexNode): RegexNode {
  const c = s.peek();
  let min: number;
  let max: number;
  if (c === 0x2a) [min, max] = [0, MAX_REPEAT];
  else if (c === 0x2b) [min, max] = [1, MAX_REPEAT];
  else if (c === 0x3f) [min, max] = [0, 1];
  else if (c === 0x7b) return withMode(s, atom, ...counted(s));
  else return atom;
  s.next();
  return withMode(s, atom, min, max);
}

function withMode(s: Scanner, body: RegexNode, min: number, max: number): RegexNode {
  let mode: RepeatMode = 'greedy';
  const c = s.peek();
  if (c === 0x3f) mode = 'lazy';
  else if (c === 0x2b) mode = 'possessive';
  if (mode !== 'greedy') s.next();
  return { kind: 'repeat', body, min, max, mode };
}

// {n} {n,} {n,m}
function counted(s: Scanner): [number, number] {
  s.next();
  if (!isAsciiDigit(s.at(s.i))) throw s.error('Illegal repetition', s.i);
  const min = digits(s);
  let max = min;
  if (s.at(s.i) === 0x2c /* , */) {
    s.i++;
    max = isAsciiDigit(s.at(s.i)) ? digits(s) : MAX_REPEAT;
  }
  if (s.at(s.i) !== 0x7d) throw s.error('Unclosed counted closure', s.i);
  s.i++;
  if (min > MAX_REPEAT || max > MAX_REPEAT || max < min) throw s.error('Illegal repetition range', s.i - 1);
  return [min, max];
}

function digits(s: Scanner): number {
  let value = 0;
  while (isAsciiDigit(s.at(s.i))) value = Math.min(value * 10 + (s.raw() - 0x30), MAX_REPEAT + 1);
  return value;
}
