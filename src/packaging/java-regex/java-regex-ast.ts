/**
 * The syntax tree of a `java.util.regex.Pattern`, as `java-regex-parse.ts` builds it and
 * `java-regex-match.ts` runs it. Characters are Unicode code points, as Java matches them.
 *
 * | Java                          | node                                            |
 * | ----------------------------- | ----------------------------------------------- |
 * | `a`, `[a-z&&[^q]]`, `\d`, `.` | `char` with a test                              |
 * | `ab`, `a|b`                   | `seq`, `alt`                                    |
 * | `(a)`, `(?<n>a)`, `(?:a)`     | `group` (index 0 = not capturing)               |
 * | `(?=a)`, `(?<!a)`, `(?>a)`    | `look`, `atomic`                                |
 * | `a*`, `a{2,3}?`, `a++`        | `repeat` greedy, lazy or possessive             |
 * | `\1`, `\k<n>`                 | `backref`                                       |
 * | `^ $ \A \z \Z \b \B \G`       | `assert`                                        |
 */

/** Tests one code point. */
export type CharTest = (codePoint: number) => boolean;

/** Zero-width assertions. */
export type AssertionKind = 'caret' | 'dollar' | 'inputStart' | 'inputEnd' | 'wordBoundary' | 'notWordBoundary';

/** One node of the tree. */
export type RegexNode =
  | { readonly kind: 'char'; readonly test: CharTest }
  | { readonly kind: 'seq'; readonly items: readonly RegexNode[] }
  | { readonly kind: 'alt'; readonly options: readonly RegexNode[] }
  | { readonly kind: 'group'; readonly index: number; readonly body: RegexNode }
  | { readonly kind: 'look'; readonly behind: boolean; readonly negate: boolean; readonly body: RegexNode }
  | { readonly kind: 'atomic'; readonly body: RegexNode }
  | { readonly kind: 'repeat'; readonly body: RegexNode; readonly min: number; readonly max: number; readonly mode: RepeatMode }
  | { readonly kind: 'backref'; readonly group: number; readonly ignoreCase: boolean }
  | { readonly kind: 'assert'; readonly at: AssertionKind; readonly multiline: boolean; readonly unixLines: boolean };

/** How a quantifier backtracks. */
export type RepeatMode = 'greedy' | 'lazy' | 'possessive';

/** Pattern flags, Java's bit values (`Pattern.CASE_INSENSITIVE` …). */
export const FLAG = {
  unixLines: 0x01,
  caseInsensitive: 0x02,
  comments: 0x04,
  multiline: 0x08,
  dotall: 0x20,
  unicodeCase: 0x40,
  canonEq: 0x80,
  unicodeCharacterClass: 0x100,
} as const;

/** A parsed pattern. */
export interface ParsedRegex {
  readonly root: RegexNode;
  /** Number of capturing groups. */
  readonly groupCount: number;
}
