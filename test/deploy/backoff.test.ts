import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { getBackoffDelayMs, RetryBudget } from '../../src/deploy/backoff.ts';

const delaySuite = suite('getBackoffDelayMs');

delaySuite('1 s, doubling, capped at 30 s', () => {
  assert.equal(Array.from({ length: 8 }, (_, retry) => getBackoffDelayMs(retry)), [1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
});

delaySuite.run();

// ---

const budgetSuite = suite('RetryBudget');

budgetSuite('waits the back-off for each retry, then says no', async () => {
  const waits: number[] = [];
  const budget = new RetryBudget(3, async (ms) => void waits.push(ms));
  assert.equal([await budget.wait(), await budget.wait(), await budget.wait(), await budget.wait()], [true, true, true, false]);
  assert.equal(waits, [1000, 2000, 4000]);
  assert.is(budget.remaining, 0);
  assert.is(budget.spent, 3);
});

budgetSuite('no retries: never waits', async () => {
  const waits: number[] = [];
  assert.is(await new RetryBudget(0, async (ms) => void waits.push(ms)).wait(), false);
  assert.equal(waits, []);
});

budgetSuite.run();
