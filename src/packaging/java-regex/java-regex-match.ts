/**
 * Runs a parsed Java pattern the way `Matcher.matches()` does: a backtracking match of the
 * whole input, code point by code point, that also reports `Matcher.hitEnd()` (the match
 * looked at the end of the input, so a longer input could match). FileVault's filter validator
 * uses exactly that pair to decide whether a pattern can match anything below a filter root.
 *
 * | pattern       | input        | matches | hitEnd |
 * | ------------- | ------------ | ------- | ------ |
 * | `/apps/test`  | `/apps`      | no      | yes    |
 * | `/apps`       | `/apps/test` | no      | no     |
 * | `.*\/x`       | `/apps`      | no      | yes    |
 * | `/[aps]{4}`   | `/apps/test` | no      | no     |
 *
 * Every step counts against a budget, so a hostile pattern (`(a+)+b`) fails with
 * {@link JavaRegexBudgetError} instead of hanging.
 */
import type { ParsedRegex, RegexNode } from './java-regex-ast.ts';
import { checkAnchor } from './java-regex-anchors.ts';
import { toLower, toUpper } from './java-regex-class.ts';
import { JavaRegexBudgetError } from './java-regex-errors.ts';

/** What `matches()` and `hitEnd()` say. */
export interface MatchOutcome {
  readonly matched: boolean;
  readonly hitEnd: boolean;
}

type Continuation = (i: number) => boolean;

/** Matches the whole `input` against `regex`, giving up after `budget` steps. */
export function matchWhole(regex: ParsedRegex, input: string, budget: number): MatchOutcome {
  const run = new Run([...input].map((c) => c.codePointAt(0)!), regex.groupCount, budget);
  try {
    const matched = run.match(regex.root, 0, (i) => i === run.end);
    return { matched, hitEnd: run.hitEnd };
  } catch (error) {
    // A pathological pattern can exhaust the call stack before the budget.
    if (error instanceof RangeError) throw new JavaRegexBudgetError(run.steps);
    throw error;
  }
}

class Run {
  readonly end: number;
  readonly captures: Int32Array;
  hitEnd = false;
  steps = 0;

  constructor(readonly cps: readonly number[], groupCount: number, readonly budget: number) {
    this.end = cps.length;
    this.captures = new Int32Array(2 * (groupCount + 1)).fill(-1);
  }

  match(node: RegexNode, i: number, k: Continuation): boolean {
    if (++this.steps > this.budget) throw new JavaRegexBudgetError(this.budget);
    switch (node.kind) {
      case 'char':
        if (i >= this.end) {
          this.hitEnd = true;
          return false;
        }
        return node.test(this.cps[i]!) && k(i + 1);
      case 'seq':
        return this.sequence(node.items, 0, i, k);
      case 'alt':
        return node.options.some((option) => this.match(option, i, k));
      case 'group':
        return node.index === 0 ? this.match(node.body, i, k) : this.capture(node.index, node.body, i, k);
      case 'look':
        return node.behind ? this.lookBehind(node.body, node.negate, i, k) : this.lookAhead(node.body, node.negate, i, k);
      case 'atomic':
        return this.atomic(node.body, i, k);
      case 'repeat':
        return this.repeat(node, i, k);
      case 'backref':
        return this.backReference(node.group, node.ignoreCase, i, k);
      case 'assert':
        return this.assertion(node, i, k);
    }
  }

  private sequence(items: readonly RegexNode[], index: number, i: number, k: Continuation): boolean {
    if (index === items.length) return k(i);
    return this.match(items[index]!, i, (j) => this.sequence(items, index + 1, j, k));
  }

  private capture(group: number, body: RegexNode, i: number, k: Continuation): boolean {
    return this.match(body, i, (j) => {
      const [start, end] = [this.captures[2 * group]!, this.captures[2 * group + 1]!];
      this.captures[2 * group] = i;
      this.captures[2 * group + 1] = j;
      if (k(j)) return true;
      this.captures[2 * group] = start;
      this.captures[2 * group + 1] = end;
      return false;
    });
  }

  private lookAhead(body: RegexNode, negate: boolean, i: number, k: Continuation): boolean {
    const saved = this.captures.slice();
    const found = this.match(body, i, () => true);
    if (found !== negate && k(i)) return true;
    this.captures.set(saved);
    return false;
  }

  private lookBehind(body: RegexNode, negate: boolean, i: number, k: Continuation): boolean {
    const saved = this.captures.slice();
    let found = false;
    for (let start = i; start >= 0 && !found; start--) found = this.match(body, start, (j) => j === i);
    if (found !== negate && k(i)) return true;
    this.captures.set(saved);
    return false;
  }

  private atomic(body: RegexNode, i: number, k: Continuation): boolean {
    let end = -1;
    if (!this.match(body, i, (j) => ((end = j), true))) return false;
    return k(end);
  }

  private repeat(node: Extract<RegexNode, { kind: 'repeat' }>, i: number, k: Continuation): boolean {
    const { body, min, max, mode } = node;
    if (mode === 'possessive') {
      let [count, at] = [0, i];
      for (let next = -1; count < max && this.match(body, at, (j) => ((next = j), true)); count++) {
        if (next === at && count >= min) break;
        at = next;
      }
      return count >= min && k(at);
    }
    // Another round that consumed nothing ends the loop once the minimum is met (Java's Loop).
    const again = (count: number, at: number): boolean =>
      this.match(body, at, (j) => (j === at && count >= min ? false : step(count + 1, j)));
    const step = (count: number, at: number): boolean => {
      if (mode === 'lazy') return (count >= min && k(at)) || (count < max && again(count, at));
      return (count < max && again(count, at)) || (count >= min && k(at));
    };
    return step(0, i);
  }

  private backReference(group: number, ignoreCase: boolean, i: number, k: Continuation): boolean {
    const [start, end] = [this.captures[2 * group] ?? -1, this.captures[2 * group + 1] ?? -1];
    if (start < 0) return false;
    const length = end - start;
    if (i + length > this.end) {
      this.hitEnd = true;
      return false;
    }
    for (let t = 0; t < length; t++) {
      const [a, b] = [this.cps[start + t]!, this.cps[i + t]!];
      if (a !== b && !(ignoreCase && (toUpper(a) === toUpper(b) || toLower(a) === toLower(b)))) return false;
    }
    return k(i + length);
  }

  private assertion(node: Extract<RegexNode, { kind: 'assert' }>, i: number, k: Continuation): boolean {
    switch (node.at) {
      case 'inputStart':
        return i === 0 && k(i);
      case 'inputEnd':
        if (i !== this.end) return false;
        this.hitEnd = true;
        return k(i);
      default: {
        const anchor = checkAnchor(node, this.cps, i);
        if (anchor.hitEnd) this.hitEnd = true;
        return anchor.matches && k(i);
      }
    }
  }
}

