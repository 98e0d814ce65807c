// A clock the tests move by hand: `now`, a `sleep` that moves it and returns at once, and
// intervals that fire as it moves. No real time passes, so no test depends on the machine's speed.

/** An interval registered with the fake clock. */
interface Ticker {
  readonly ms: number;
  readonly tick: () => void;
  next: number;
}

/** A fake clock. */
export interface FakeClock {
  readonly now: () => Date;
  /** Moves the clock by `ms`, firing every interval that falls due on the way, in time order. */
  advance(ms: number): void;
  /** Moves the clock by `ms` and resolves at once. */
  readonly sleep: (ms: number) => Promise<void>;
  readonly every: (ms: number, tick: () => void) => () => void;
  /** Resolves when an interval is running (at once if one is); rejects when none starts within 10 real seconds, so a regression fails instead of hanging. */
  ticking(): Promise<void>;
}

/** A fake clock that starts at `start`. */
export function fakeClock(start = Date.parse('2026-11-23T12:00:00Z')): FakeClock {
  let time = start;
  const tickers = new Set<Ticker>();
  const waiting: (() => void)[] = [];
  const advance = (ms: number) => {
    const end = time + ms;
    // Bounded: each pass fires one ticker and moves its next time forward by ms > 0.
    for (;;) {
      const due = [...tickers].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (due === undefined) break;
      time = due.next;
      due.next += due.ms;
      due.tick();
    }
    time = end;
  };
  return {
    now: () => new Date(time),
    advance,
    sleep: async (ms) => advance(ms),
    every: (ms, tick) => {
      const ticker = { ms, tick, next: time + ms };
      tickers.add(ticker);
      for (const resolve of waiting.splice(0)) resolve();
      return () => void tickers.delete(ticker);
    },
    ticking: () =>
      tickers.size > 0
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            const guard = setTimeout(() => reject(new Error('no interval was started')), 10_000);
            waiting.push(() => (clearTimeout(guard), resolve()));
          }),
  };
}
