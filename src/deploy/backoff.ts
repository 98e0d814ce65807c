/**
 * Waiting between attempts while AEM starts: 1 s, 2 s, 4 s, … up to 30 s a wait, so the default
 * 10 retries cover about three minutes of start-up (wcm.io waits 24 × 5 s, peers.md §1B). Only a
 * refused connection or "not ready" is retried (SPEC.md "Package Manager").
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

/** The retries a target may still spend, shared by the readiness probe and a refused upload. */
export class RetryBudget {
  /** Retries left. */
  remaining: number;
  /** Retries spent so far (the next wait's index). */
  spent = 0;
  readonly #sleep: Sleep;

  constructor(retries: number, wait: Sleep) {
    this.remaining = retries;
    this.#sleep = wait;
  }

  /** Waits the next back-off and returns true, or returns false when no retry is left. */
  async wait(): Promise<boolean> {
    if (this.remaining <= 0) return false;
    const delay = getBackoffDelayMs(this.spent);
    this.remaining -= 1;
    this.spent += 1;
    await this.#sleep(delay);
    return true;
  }
}
