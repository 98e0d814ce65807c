import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Rule, RuleFailure } from '../../src/config/field-reader.ts';

/** One value and what the rule says of it (`undefined`: accepted). */
export type Case = readonly [string, RuleFailure | undefined];

/** A table-driven suite for one configuration rule, one test per value. */
export function table(name: string, rule: Rule, cases: readonly Case[]): void {
  const test = suite(name);
  for (const [value, failure] of cases) {
    test(`${JSON.stringify(value)} is ${failure === undefined ? 'accepted' : 'refused'}`, () => {
      assert.equal(rule(value), failure);
    });
  }
  test.run();
}
