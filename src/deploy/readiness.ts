/**
 * Is Package Manager up? `GET /crx/packmgr/service/script.html` answers 405 when the servlet runs
 * and 404 while AEM starts (shinesolutions/aem-aws-stack-builder#214).
 * Posting before it is ready lets the Sling POST servlet create a junk node at
 * `/crx/packmgr/service.jsp/file` (aemsync's issue tracker), so no upload goes out before a "ready".
 * "Not ready" and a refused connection are retried with back-off; nothing else is.
 */
import { redact } from '../http/redact.ts';
import { callAem, describeAemFailure, describeAemRedirect, getConnectionSecrets, type AemConnection } from './aem-request.ts';
import type { RetryBudget } from './backoff.ts';
import { targetPath, type DeployTarget } from './targets.ts';

/** The probe's path. */
export const READINESS_PATH = '/crx/packmgr/service/script.html';

/** What one probe found. */
export type ReadinessState =
  /** 405 (or 2xx): Package Manager runs. */
  | 'ready'
  /** 404, or 5xx while AEM (or a proxy in front of it) starts. */
  | 'not-ready'
  /** 401/403: the credentials were refused. */
  | 'unauthorized'
  /** A redirect (a login page, http → https) or another 4xx. */
  | 'unexpected'
  /** The connection was refused. */
  | 'refused'
  /** No connection for another reason (DNS, TLS, proxy, reset). */
  | 'unreachable'
  /** No answer in time. */
  | 'timed-out'
  /** An answer longer than the cap on answers (4 MiB), cut there. */
  | 'too-large';

/** A probe's result. */
export interface ReadinessProbe {
  readonly state: ReadinessState;
  /** The HTTP status, when there was an answer. */
  readonly status?: number;
  /** One line for the report, secrets blanked out. */
  readonly detail: string;
}

/** Options of {@link probeReadiness} and {@link waitUntilReady}. */
export interface ReadinessOptions {
  readonly target: DeployTarget;
  readonly connection: AemConnection;
  /** Milliseconds for one probe. */
  readonly timeoutMs: number;
}

/** Probes once. */
export async function probeReadiness(options: ReadinessOptions): Promise<ReadinessProbe> {
  const url = targetPath(options.target, READINESS_PATH);
  const result = await callAem(options.connection, { url, method: 'GET', timeoutMs: options.timeoutMs });
  if (!result.ok) {
    const { kind } = result.failure;
    // The cut answer's text names the URL already.
    if (kind === 'too-large') return { state: 'too-large', detail: result.failure.text };
    const state = kind === 'refused' ? 'refused' : kind === 'timed-out' ? 'timed-out' : 'unreachable';
    return { state, detail: `${url}: ${describeAemFailure(result.failure)}` };
  }
  const { status, headers } = result.answer;
  return { state: classifyStatus(status), status, detail: describeStatus(url, status, redact(headers.get('location') ?? '', getConnectionSecrets(options.connection))) };
}

/** The state an HTTP status of the probe means. */
export function classifyStatus(status: number): ReadinessState {
  if (status === 405 || (status >= 200 && status < 300)) return 'ready';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404 || status >= 500) return 'not-ready';
  return 'unexpected';
}

function describeStatus(url: string, status: number, location: string): string {
  if (status >= 300 && status < 400) return describeAemRedirect(url, status, location);
  return `${url} answered ${status}`;
}

/** Probes until ready or out of retries; a refused connection and "not ready" wait the next back-off. */
export async function waitUntilReady(options: ReadinessOptions & { readonly budget: RetryBudget }): Promise<ReadinessProbe & { readonly probes: number }> {
  let probes = 0;
  // Bounded: every pass either returns or spends one retry of a finite budget.
  for (;;) {
    const probe = await probeReadiness(options);
    probes += 1;
    const retriable = probe.state === 'not-ready' || probe.state === 'refused';
    if (!retriable || !(await options.budget.wait(describeRetryAnswer(probe.status)))) return { ...probe, probes };
  }
}

/** What made a retry needed, for the `waiting` progress: the HTTP status, or else the refused connection (the only other retried case). */
export function describeRetryAnswer(status: number | undefined): string {
  return status === undefined ? 'the connection was refused' : `AEM answered HTTP ${status}`;
}
