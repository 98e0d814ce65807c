/**
 * Upload progress on a terminal: one line on standard error, redrawn in place when a target's
 * whole percentage changes, cleared at the end. Not shown when standard error is not a terminal
 * (CI logs keep no carriage-return animations).
 */
import type { UploadProgress } from './deploy-options.ts';

/** Where the line goes. */
export interface ProgressStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/** A progress display. */
export interface ProgressReporter {
  readonly onProgress: (progress: UploadProgress) => void;
  /** Clears the line. */
  readonly finish: () => void;
}

/** `uploading http://a:4502 42% (1.1 of 2.6 MB) · http://b:4502 17% (0.4 of 2.6 MB)`. */
export function renderProgressLine(progress: readonly UploadProgress[]): string {
  const parts = progress.map((p) => `${p.target} ${percent(p)}% (${megabytes(p.sent)} of ${megabytes(p.total)} MB)`);
  return `uploading ${parts.join(' · ')}`;
}

/** A reporter that draws on `stream` when it is a terminal, else does nothing. */
export function createProgressReporter(stream: ProgressStream): ProgressReporter | undefined {
  if (stream.isTTY !== true) return undefined;
  const latest = new Map<string, UploadProgress>();
  const shown = new Map<string, number>();
  let drawn = false;
  return {
    onProgress(progress) {
      latest.set(progress.target, progress);
      if (shown.get(progress.target) === percent(progress)) return;
      shown.set(progress.target, percent(progress));
      stream.write(`\r\x1b[K${renderProgressLine([...latest.values()])}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}

function percent(progress: UploadProgress): number {
  return progress.total === 0 ? 100 : Math.floor((progress.sent / progress.total) * 100);
}

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}
