/**
 * What an interrupted run must undo and say. CI cancels a job with SIGTERM (SIGKILL after a grace
 * period), a developer presses Ctrl-C (SIGINT): the process then ends at once, where it stands,
 * without unwinding its `finally` blocks. So library code that leaves something behind while it
 * works (a temporary file, an unfinished key set) or that has sent something whose effect is open
 * (an install AEM may be running) registers it here for that time; the process boundary
 * (`cli.ts`) calls {@link interrupt} on the signal, prints the notes and ends the process.
 *
 * Library code never listens for signals itself: a program that embeds the library decides what a
 * signal does, and may call {@link interrupt} the same way.
 */

/** One thing in progress. */
export interface InProgress {
  /**
   * Undoes what an end right now would leave behind. Synchronous (the process ends right after),
   * quick, and it must hold at any instant of the work: a step in flight may complete meanwhile.
   */
  readonly undo?: () => void;
  /** What the user must know when the run ends now (`http://a:4502: the install was sent …`); `undefined`: nothing. */
  readonly note?: () => string | undefined;
}

// In the order they were registered, so that the notes keep the order of the targets.
const inProgress = new Set<InProgress>();

/** Registers `entry` until the returned function is called (call it in a `finally`). */
export function whileInProgress(entry: InProgress): () => void {
  // A copy: the same object registered twice stays two entries.
  const own = { ...entry };
  inProgress.add(own);
  return () => void inProgress.delete(own);
}

/**
 * The run ends now: undoes everything in progress and returns the notes, in the order of
 * registration. An undo that fails is passed over (the next run removes what a killed one left).
 * Each entry is handled once.
 */
export function interrupt(): string[] {
  const notes: string[] = [];
  for (const entry of [...inProgress]) {
    inProgress.delete(entry);
    try {
      entry.undo?.();
    } catch {
      // The leftover stays for the next run's cleaning (named after this process, which is gone then).
    }
    const note = entry.note?.();
    if (note !== undefined) notes.push(note);
  }
  return notes;
}
