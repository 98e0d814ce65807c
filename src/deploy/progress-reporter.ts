/**
 * How `deploy` shows its progress events (deploy-progress.ts) on standard error (issue 12,
 * point 5). Off a terminal (a CI log) every line stays, so they are few: each readiness retry,
 * the upload at most every 10 s, "installing…" every 15 s until Package Manager answers. On a
 * terminal, one line redrawn in place (`\r`) with every target's latest state, cleared at the end.
 * Each part names its target: several targets run at once.
 */
import type { DeployProgress, InstallingProgress, UploadingProgress, WaitingProgress } from './deploy-progress.ts';

/** At most one upload line a target this often in a log. */
export const UPLOAD_LOG_INTERVAL_MS = 10_000;
/** One "installing…" line a target this often in a log. */
export const INSTALLING_LOG_INTERVAL_MS = 15_000;

/** Where the progress goes. */
export interface ProgressStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean | undefined;
}

/** A progress display. */
export interface ProgressReporter {
  readonly onProgress: (event: DeployProgress) => void;
  /** Clears the terminal line; nothing to do in a log. */
  readonly finish: () => void;
}

/** The reporter for `stream`: one updating line on a terminal, throttled lines elsewhere; `now` is the clock of the throttle. */
export function createProgressReporter(stream: ProgressStream, now: () => Date): ProgressReporter {
  return stream.isTTY === true ? createTerminalReporter(stream) : createLogReporter(stream, () => now().getTime());
}

/** `http://a:4502: waiting for Package Manager: AEM answered HTTP 404; next try in 2 s (retry 2 of 10)`. */
export function renderWaiting(event: WaitingProgress): string {
  return `${event.target}: waiting for Package Manager: ${event.answer}; next try in ${event.nextTryMs / 1000} s (retry ${event.retry} of ${event.retries})`;
}

/** `http://a:4502: uploading 42% (1.1 of 2.6 MB)`, in a unit that fits the package (never "0.0 of 0.0 MB"). */
export function renderUploading(event: UploadingProgress): string {
  const { sentBytes, totalBytes } = event;
  const [divisor, unit] = totalBytes >= 1_000_000 ? [1_000_000, 'MB'] : totalBytes >= 1000 ? [1000, 'kB'] : [1, 'bytes'];
  const amount = (bytes: number) => (divisor === 1 ? String(bytes) : (bytes / divisor).toFixed(1));
  return `${event.target}: uploading ${percent(event)}% (${amount(sentBytes)} of ${amount(totalBytes)} ${unit})`;
}

/** `http://a:4502: installing… 15 s`. */
export function renderInstalling(event: InstallingProgress): string {
  return `${event.target}: installing… ${Math.floor(event.elapsedMs / 1000)} s`;
}

// A log keeps every line: each retry; an upload line when 10 s have passed since the upload began
// or since the last line (a quick upload prints none); "installing…" at 15 s, 30 s, …
function createLogReporter(stream: ProgressStream, now: () => number): ProgressReporter {
  const uploads = new Map<string, { sent: number; shownAt: number }>();
  const installs = new Map<string, { elapsedMs: number; shown: number }>();
  const line = (text: string) => stream.write(`${text}\n`);
  return {
    onProgress(event) {
      if (event.kind === 'waiting') return void line(renderWaiting(event));
      if (event.kind === 'uploading') {
        const upload = uploads.get(event.target);
        const at = now();
        // A smaller count than before is a new upload (a retry after a refused connection).
        if (upload === undefined || event.sentBytes < upload.sent) return void uploads.set(event.target, { sent: event.sentBytes, shownAt: at });
        upload.sent = event.sentBytes;
        if (at - upload.shownAt < UPLOAD_LOG_INTERVAL_MS) return;
        upload.shownAt = at;
        return void line(renderUploading(event));
      }
      const install = installs.get(event.target);
      const shown = install === undefined || event.elapsedMs < install.elapsedMs ? 0 : install.shown;
      const due = Math.floor(event.elapsedMs / INSTALLING_LOG_INTERVAL_MS);
      installs.set(event.target, { elapsedMs: event.elapsedMs, shown: Math.max(shown, due) });
      if (due > shown) line(renderInstalling(event));
    },
    finish() {},
  };
}

// A terminal: every target's latest state on one line, redrawn when its text changes (an upload
// every 0.1 of its unit, not every 1 MiB chunk).
function createTerminalReporter(stream: ProgressStream): ProgressReporter {
  const latest = new Map<string, string>();
  let drawn = false;
  return {
    onProgress(event) {
      const text = event.kind === 'waiting' ? renderWaiting(event) : event.kind === 'uploading' ? renderUploading(event) : renderInstalling(event);
      if (latest.get(event.target) === text) return;
      latest.set(event.target, text);
      stream.write(`\r\x1b[K${[...latest.values()].join(' · ')}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

function percent(event: UploadingProgress): number {
  return event.totalBytes === 0 ? 100 : Math.floor((event.sentBytes / event.totalBytes) * 100);
}
