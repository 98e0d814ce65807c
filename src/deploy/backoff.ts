/**
 * Waiting between attempts while AEM starts: 1 s, 2 s, 4 s, … up to 30 s a wait, so the default
 * 10 retries cover about three minutes of start-up (wcm.io's content-package-maven-plugin waits 24 × 5 s). Only a
 * refused connection or "not ready" is retried (README, "Deploying, and the Maven route").
 */

/** The first wait. */
export const BACKOFF_BASE_MS = 1000;
/** The longest wait. */
export const BACKOFF_MAX_MS = 30_000;

/** How the conductor waits; tests pass one that records and returns at once. */
export type Sleep = (ms: number) => Promise<void>;

/** The real wait. */
export const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The wait before retry number `retry` (0 for the first retry): `min(30 s, 1 s × 2^retry)`. */
export function getBackoffDelayMs(retry: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, retry));
}

/** Told of each retry before its wait: what AEM answered, the wait, the retry's number (from 1) of `retries`. */
export type OnRetry = (answer: string, delayMs: number, retry: number, retries: number) => void;

/** The retries a target may still spend, shared by the readiness probe and a refused upload. */
export class RetryBudget {
  /** Retries left. */
  remaining: number;
  /** Retries spent so far (the next wait's index). */
  spent = 0;
  readonly #retries: number;
  readonly #sleep: Sleep;
  readonly #onRetry: OnRetry | undefined;

  constructor(retries: number, wait: Sleep, onRetry?: OnRetry) {
    this.remaining = retries;
    this.#retries = retries;
    this.#sleep = wait;
    this.#onRetry = onRetry;
  }

  /** Waits the next back-off and returns true, or returns false when no retry is left; `answer` is what made the retry needed. */
  async wait(answer = ''): Promise<boolean> {
    if (this.remaining <= 0) return false;
    const delay = getBackoffDelayMs(this.spent);
    this.remaining -= 1;
    this.spent += 1;
    // Said before the wait: a CI log shows why the step is quiet for the next `delay` ms.
    this.#onRetry?.(answer, delay, this.spent, this.#retries);
    await this.#sleep(delay);
    return true;
  }
}
