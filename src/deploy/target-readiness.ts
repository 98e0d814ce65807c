/**
 * A target's wait for Package Manager before anything is sent (readiness.ts), with the retry
 * budget the install goes on spending on a refused upload, and the verdict when it never got
 * ready. Split from the install so that deploy can learn every target's state (and, with
 * `--keystore`, its keystore) before the first POST to any of them.
 */
import type { AemConnection } from './aem-request.ts';
import { RetryBudget, type Sleep } from './backoff.ts';
import type { OnProgress } from './deploy-progress.ts';
import { waitUntilReady, type ReadinessProbe } from './readiness.ts';
import type { DeployTarget } from './targets.ts';
import type { InstallVerdict } from './verdict.ts';

/** What the wait needs. */
export interface ReadinessWaitOptions {
  readonly target: DeployTarget;
  readonly connection: AemConnection;
  /** Milliseconds for one readiness probe. */
  readonly probeTimeoutMs: number;
  readonly retries: number;
  readonly sleep: Sleep;
  /** Gets a `waiting` event before each retry. */
  readonly onProgress?: OnProgress | undefined;
}

/** How the wait ended, and the retries left for the install. */
export interface TargetReadiness {
  readonly budget: RetryBudget;
  readonly probe: ReadinessProbe & { readonly probes: number };
}

/** The target's retry budget, which reports each retry as a `waiting` event. */
export function createRetryBudget(options: ReadinessWaitOptions): RetryBudget {
  const { onProgress, target } = options;
  return new RetryBudget(options.retries, options.sleep, onProgress && ((answer, nextTryMs, retry, retries) => onProgress({ kind: 'waiting', target: target.url, answer, nextTryMs, retry, retries })));
}

/** Probes until Package Manager is ready or the retries run out. */
export async function awaitReadiness(options: ReadinessWaitOptions, budget = createRetryBudget(options)): Promise<TargetReadiness> {
  const probe = await waitUntilReady({ target: options.target, connection: options.connection, timeoutMs: options.probeTimeoutMs, budget });
  return { budget, probe };
}

/** The verdict of a wait that did not end ready; nothing was sent. */
export function verdictOfProbe(probe: ReadinessProbe & { readonly probes: number }): InstallVerdict {
  const base = { counts: null, errorLines: [], ...(probe.status !== undefined && { httpStatus: probe.status }) };
  const tries = `${probe.probes} probe${probe.probes === 1 ? '' : 's'}`;
  switch (probe.state) {
    case 'not-ready':
      return { ...base, outcome: 'not-ready', message: `Package Manager was not ready after ${tries} (${probe.detail}); nothing was sent` };
    case 'refused':
      return { ...base, outcome: 'unreachable', message: `the connection was refused after ${tries} (${probe.detail}); nothing was sent` };
    case 'unauthorized':
      return { ...base, outcome: 'unauthorized', message: `the credentials were refused (${probe.detail}); check AEM_USER and AEM_PASSWORD; nothing was sent` };
    case 'timed-out':
      return { ...base, outcome: 'timed-out', message: `the readiness probe got no answer (${probe.detail}); nothing was sent` };
    case 'too-large':
      return { ...base, outcome: 'answer-too-large', message: `the readiness probe failed: ${probe.detail}; nothing was sent` };
    case 'unreachable':
      return { ...base, outcome: 'unreachable', message: `could not connect (${probe.detail}); nothing was sent` };
    default:
      return { ...base, outcome: 'unexpected-answer', message: `${probe.detail}; nothing was sent` };
  }
}
