/**
 * The cursor over a pattern's code points that the Java regex parser moves, with Java's
 * `peek()` rule: in `COMMENTS` mode (`(?x)`) white space and `#…` to the end of the line are
 * skipped wherever a token is expected.
 */
import { FLAG } from './java-regex-ast.ts';
import { JavaRegexSyntaxError } from './java-regex-errors.ts';

/** End of input, as Java's parser sees it (its pattern array is zero-terminated). */
export const END = -1;

/** Parser state shared by the expression, escape and class parsers. */
export class Scanner {
  /** The pattern's code points. */
  readonly cps: readonly number[];
  /** Index of the next code point. */
  i = 0;
  /** Flags in effect (inline modifiers change them). */
  flags: number;
  /** Capturing groups opened so far. */
  groupCount = 0;
  /** Named groups and their numbers. */
  readonly names = new Map<string, number>();

  constructor(source: string, flags: number) {
    this.cps = [...source].map((c) => c.codePointAt(0)!);
    this.flags = flags;
  }

  /** True when `flag` is on. */
  has(flag: number): boolean {
    return (this.flags & flag) !== 0;
  }

  /** The next code point without consuming it (comments skipped in `(?x)` mode), or {@link END}. */
  peek(): number {
    if (this.has(FLAG.comments)) this.skipWhitespace();
    return this.at(this.i);
  }

  /** Consumes and returns the next code point (after `peek`'s skipping). */
  next(): number {
    const c = this.peek();
    if (c !== END) this.i++;
    return c;
  }

  /** Consumes the next code point exactly as written (no comment skipping). */
  raw(): number {
    const c = this.at(this.i);
    if (c !== END) this.i++;
    return c;
  }

  /** The code point at `index`, or {@link END}. */
  at(index: number): number {
    return index < this.cps.length ? this.cps[index]! : END;
  }

  /** True when all input is consumed. */
  get done(): boolean {
    return this.peek() === END;
  }

  /** A `PatternSyntaxException` at the current index (or `index`). */
  error(description: string, index = this.i): JavaRegexSyntaxError {
    return new JavaRegexSyntaxError(description, index);
  }

  private skipWhitespace(): void {
    for (;;) {
      const c = this.at(this.i);
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) this.i++;
      else if (c === 0x23 /* # */) {
        while (this.i < this.cps.length && !isLineTerminator(this.cps[this.i]!)) this.i++;
      } else return;
    }
  }
}

function isLineTerminator(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** True for `0`–`9`. */
export function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** True for `a`–`z`, `A`–`Z`. */
export function isAsciiLetter(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}

/** The value of a hexadecimal digit, or -1. */
export function hexValue(c: number): number {
  if (isAsciiDigit(c)) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}
