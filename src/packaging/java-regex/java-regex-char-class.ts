/**
 * Character classes `[…]` of `java.util.regex.Pattern` (JDK 17 `Pattern.clazz` and `range`):
 *
 * | class            | means                                                      |
 * | ---------------- | ---------------------------------------------------------- |
 * | `[abc]`, `[a-z]` | one of, a range (`[z-a]`: "Illegal character range")      |
 * | `[^…]`           | the whole class negated                                   |
 * | `[a-d[m-p]]`     | union with a nested class                                  |
 * | `[a-z&&[^bc]]`   | intersection (`&&` binds loosest)                          |
 * | `[]a]`, `[-a]`   | a `]` first and a `-` at either end are literal            |
 * | `[\Qa]b\E]`      | quoted characters are literal                              |
 */
import type { CharTest } from './java-regex-ast.ts';
import { literalTest, rangeTest } from './java-regex-class.ts';
import { parseEscape } from './java-regex-escape.ts';
import { END, type Scanner } from './java-regex-scanner.ts';

const union = (a: CharTest | undefined, b: CharTest): CharTest => (a === undefined ? b : (c) => a(c) || b(c));

/** Parses a class; the scanner stands just after `[`. With `consume` the closing `]` is consumed. */
export function parseClass(s: Scanner, consume: boolean): CharTest {
  let prev: CharTest | undefined;
  let negate = false;
  if (s.peek() === 0x5e /* ^ */ && s.at(s.i - 1) === 0x5b /* [ */) {
    s.next();
    negate = true;
  }
  for (;;) {
    const c = s.peek();
    if (c === 0x5b /* [ */) {
      s.next();
      prev = union(prev, parseClass(s, true));
      continue;
    }
    if (c === 0x26 /* & */ && s.at(s.i + 1) === 0x26) {
      s.i += 2;
      prev = intersection(s, prev);
      continue;
    }
    if (c === END) throw s.error('Unclosed character class', s.cps.length - 1);
    if (c === 0x5d /* ] */ && prev !== undefined) {
      if (consume) s.next();
      const result = prev;
      return negate ? (x) => !result(x) : result;
    }
    prev = union(prev, range(s));
  }
}

// a&&b: everything up to the next && or ] is the right operand.
function intersection(s: Scanner, left: CharTest | undefined): CharTest {
  let right: CharTest | undefined;
  for (let c = s.peek(); c !== 0x5d && !(c === 0x26 && s.at(s.i + 1) === 0x26); c = s.peek()) {
    if (c === END) throw s.error('Unclosed character class', s.cps.length - 1);
    if (c === 0x5b) {
      s.next();
      right = union(right, parseClass(s, true));
    } else right = union(right, parseClass(s, false));
  }
  if (left === undefined) {
    if (right === undefined) throw s.error('Bad class syntax');
    return right;
  }
  if (right === undefined) return left;
  const r = right;
  return (c) => left(c) && r(c);
}

// One member: a single character, a range, an escape (class or character) or quoted text.
function range(s: Scanner): CharTest {
  const c = s.next();
  let low: number;
  if (c === 0x5c /* \ */) {
    if (s.at(s.i) === 0x51 /* Q */) return quoted(s);
    const escape = parseEscape(s, true);
    if (escape.kind === 'class') return escape.test;
    if (escape.kind === 'node') throw s.error('Illegal/unsupported escape sequence');
    low = escape.codePoint;
  } else low = c;
  if (s.peek() === 0x2d /* - */) {
    const after = s.at(s.i + 1);
    if (after !== 0x5b && after !== 0x5d) {
      s.next();
      const high = rangeEnd(s);
      if (high < low) throw s.error('Illegal character range', s.i - 1);
      return rangeTest(low, high, s.flags);
    }
  }
  return literalTest(low, s.flags);
}

function rangeEnd(s: Scanner): number {
  const c = s.next();
  if (c !== 0x5c) return c;
  const escape = parseEscape(s, true);
  if (escape.kind !== 'char') throw s.error('Illegal character range', s.i - 1);
  return escape.codePoint;
}

// \Q…\E inside a class: each character literal (Java rewrites the quote before parsing).
function quoted(s: Scanner): CharTest {
  s.i++;
  let test: CharTest | undefined;
  while (s.i < s.cps.length && !(s.cps[s.i] === 0x5c && s.cps[s.i + 1] === 0x45 /* E */)) test = union(test, literalTest(s.raw(), s.flags));
  if (s.i < s.cps.length) s.i += 2;
  // An empty quote adds nothing; the caller treats the class as still open.
  return test ?? (() => false);
}
