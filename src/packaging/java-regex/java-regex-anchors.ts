/**
 * The line and word anchors of `java.util.regex.Pattern` (JDK 17 `Caret`, `UnixCaret`, `Dollar`,
 * `UnixDollar`, `Bound`), with when each looks at the end of the input (`hitEnd`).
 *
 * | anchor            | matches at                                                           |
 * | ----------------- | -------------------------------------------------------------------- |
 * | `(?m)^`           | the start, or after a line terminator (not inside `\r\n`, not at the very end) |
 * | `$`, `\Z`         | the end, or before a final line terminator (`\r\n` counts as one)    |
 * | `(?m)$`           | the end, or before any line terminator                               |
 * | `\b`, `\B`        | a change, or no change, between a word character and another         |
 */
import type { RegexNode } from './java-regex-ast.ts';
import { isWordChar } from './java-regex-class.ts';

/** Whether the anchor matches at `i`, and whether checking it looked at the end. */
export interface AnchorOutcome {
  readonly matches: boolean;
  readonly hitEnd: boolean;
}

type Anchor = Extract<RegexNode, { kind: 'assert' }>;

/** Checks a `caret`, `dollar` or word-boundary anchor at `i` of `cps`. */
export function checkAnchor(node: Anchor, cps: readonly number[], i: number): AnchorOutcome {
  if (node.at === 'caret') return caret(cps, i, node.unixLines);
  if (node.at === 'dollar') return node.unixLines ? unixDollar(cps, i, node.multiline) : dollar(cps, i, node.multiline);
  return boundary(cps, i, node.at === 'wordBoundary');
}

function caret(cps: readonly number[], i: number, unixLines: boolean): AnchorOutcome {
  if (i > 0) {
    const before = cps[i - 1]!;
    if (unixLines ? before !== 0x0a : !isTerminator(before)) return { matches: false, hitEnd: false };
    if (!unixLines && before === 0x0d && cps[i] === 0x0a) return { matches: false, hitEnd: false };
  }
  // Perl does not match ^ at the end of input, even after a line terminator.
  if (i === cps.length) return { matches: false, hitEnd: true };
  return { matches: true, hitEnd: false };
}

function dollar(cps: readonly number[], i: number, multiline: boolean): AnchorOutcome {
  const end = cps.length;
  if (!multiline && i < end - 2) return { matches: false, hitEnd: false };
  if (!multiline && i === end - 2) return { matches: cps[i] === 0x0d && cps[i + 1] === 0x0a, hitEnd: false };
  if (i < end) {
    const c = cps[i]!;
    if (c === 0x0a && i > 0 && cps[i - 1] === 0x0d) return { matches: false, hitEnd: false };
    if (!isTerminator(c)) return { matches: false, hitEnd: false };
    if (multiline) return { matches: true, hitEnd: false };
  }
  return { matches: true, hitEnd: true };
}

function unixDollar(cps: readonly number[], i: number, multiline: boolean): AnchorOutcome {
  const end = cps.length;
  if (i < end) {
    if (cps[i] !== 0x0a) return { matches: false, hitEnd: false };
    if (!multiline && i !== end - 1) return { matches: false, hitEnd: false };
    if (multiline) return { matches: true, hitEnd: false };
  }
  return { matches: true, hitEnd: true };
}

function boundary(cps: readonly number[], i: number, wanted: boolean): AnchorOutcome {
  const left = i > 0 && isWordChar(cps[i - 1]!);
  const atEnd = i >= cps.length;
  const right = !atEnd && isWordChar(cps[i]!);
  return { matches: (left !== right) === wanted, hitEnd: atEnd };
}

function isTerminator(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}
