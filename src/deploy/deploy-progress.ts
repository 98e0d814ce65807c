/**
 * What a deploy reports while people wait: each readiness retry, the upload,
 * the install running on AEM. Library code never prints: the events go to the `onProgress`
 * callback of the deploy options, and the CLI renders them (`progress-reporter.ts`). Several
 * targets run at once, so every event names its target.
 */

/** Package Manager is not ready (or refused the connection); the next try comes after `nextTryMs`. */
export interface WaitingProgress {
  readonly kind: 'waiting';
  readonly target: string;
  /** What AEM answered: `AEM answered HTTP 404`, `the connection was refused`. */
  readonly answer: string;
  readonly nextTryMs: number;
  /** This retry's number, from 1. */
  readonly retry: number;
  /** The retries the target may spend in all (`--retries`). */
  readonly retries: number;
}

/** Bytes of the package handed to the connection so far. */
export interface UploadingProgress {
  readonly kind: 'uploading';
  readonly target: string;
  readonly sentBytes: number;
  readonly totalBytes: number;
}

/** The package is sent; Package Manager has not answered yet. */
export interface InstallingProgress {
  readonly kind: 'installing';
  readonly target: string;
  /** Since the install request was sent whole. */
  readonly elapsedMs: number;
}

/** A progress event of a deploy. */
export type DeployProgress = WaitingProgress | UploadingProgress | InstallingProgress;

/** Receives the progress events. */
export type OnProgress = (event: DeployProgress) => void;

/** Calls `tick` every `ms` until the returned function is called; tests pass one they drive. */
export type Every = (ms: number, tick: () => void) => () => void;

/** The real interval; unref'd, so a forgotten one never keeps the process alive. */
export const every: Every = (ms, tick) => {
  const timer = setInterval(tick, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/** How often an `installing` event comes while Package Manager works (the CLI prints every 15th off a terminal). */
export const INSTALLING_TICK_MS = 1000;

/** The events of one target's install: the upload, then a tick while AEM installs. */
export interface InstallProgress {
  uploaded(sentBytes: number, totalBytes: number): void;
  /** Starts the `installing` ticks (once). */
  installing(): void;
  /** Stops them: Package Manager answered, or the request failed. */
  stop(): void;
}

/** The progress of one target's install through `onProgress`; a no-op without it. */
export function createInstallProgress(target: string, onProgress: OnProgress | undefined, now: () => Date, interval: Every): InstallProgress {
  let stop: (() => void) | undefined;
  return {
    uploaded: (sentBytes, totalBytes) => onProgress?.({ kind: 'uploading', target, sentBytes, totalBytes }),
    installing() {
      if (onProgress === undefined || stop !== undefined) return;
      const started = now().getTime();
      stop = interval(INSTALLING_TICK_MS, () => onProgress({ kind: 'installing', target, elapsedMs: now().getTime() - started }));
    },
    stop() {
      stop?.();
      stop = undefined;
    },
  };
}
