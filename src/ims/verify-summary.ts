/**
 * Words for a `VerifyResult`: the one-sentence verdict and the human report the `verify`
 * command prints (pure; citty's `renderUsage` style).
 */
import { isImsUnavailable } from './diagnose.ts';
import type { ImsStepResult, VerifyResult } from './verify-result.ts';

const FLOW_NAMES = { jwt: 'the JWT credential', oauth: 'the OAuth Server-to-Server credential' } as const;

/** The verdict in one sentence. */
export function summarizeVerifyResult(result: Omit<VerifyResult, 'summary'>): string {
  const failed = result.checks.filter((check) => check.outcome === 'fail');
  if (failed.length > 0) return `${failed.length} offline check${failed.length === 1 ? '' : 's'} failed, so IMS was not asked: ${failed[0]?.message}`;
  if (result.offline) return `The offline checks passed (${result.checks.length}); IMS was not asked (--offline).`;
  const [first, second] = result.steps;
  if (first === undefined) return 'IMS was not asked.';
  if (first.outcome === 'accepted') return describeAccepted(first);
  const refused = `IMS ${refusedOrFailed(first)} ${FLOW_NAMES[first.flow]}: ${first.diagnosis?.cause ?? `HTTP ${first.status}`}`;
  if (second?.outcome === 'accepted') return `${refused} It accepted the same client with OAuth Server-to-Server: migrate the AEM configuration to it.`;
  if (second !== undefined) return `${refused} OAuth Server-to-Server ${isImsUnavailable(second.status) ? 'failed' : 'was refused'} too: ${second.diagnosis?.cause ?? `HTTP ${second.status}`}`;
  // Issue 5 point 3: a refused JWT is told that Adobe ended JWT credentials, and what comes next.
  const ended = first.flow === 'jwt' && result.jwtEndOfLife ? ` Adobe ended JWT credentials on ${result.jwtEndOfLife.endOfLife}: migrate to OAuth Server-to-Server.` : '';
  return `${refused}${ended}`;
}

// A 5xx or 429 is no refusal of the credential (exit 3): the words say so too.
function refusedOrFailed(step: ImsStepResult): string {
  return isImsUnavailable(step.status) ? 'could not answer for' : 'refused';
}

function describeAccepted(step: ImsStepResult): string {
  const token = step.token;
  const lifetime = token ? `: ${token.type} token for ${token.expiresInSeconds} s, until ${token.expiresAt.toISOString()}` : '';
  return `IMS accepted ${FLOW_NAMES[step.flow]}${lifetime}.`;
}

/** The human-readable report: checks, calls, diagnosis, end-of-life notice, verdict. Never a secret: the result holds none. */
export function formatVerifyReport(result: VerifyResult): string {
  const lines = [`IMS ${result.imsUrl}`, '', 'Offline checks:'];
  for (const check of result.checks) lines.push(`  ${check.outcome.padEnd(4)}  ${check.message}`);
  for (const step of result.steps) lines.push('', ...formatStep(step));
  if (result.jwtEndOfLife) lines.push('', `Note: ${result.jwtEndOfLife.message}`, `  ${result.jwtEndOfLife.migration}`);
  lines.push('', result.summary);
  return `${lines.join('\n')}\n`;
}

function formatStep(step: ImsStepResult): string[] {
  const lines = [`${step.flow === 'jwt' ? 'JWT exchange' : 'OAuth Server-to-Server'}: POST ${step.endpoint} → ${step.status} ${step.outcome}`];
  if (step.token) lines.push(`  token: ${step.token.type}, expires in ${step.token.expiresInSeconds} s (${step.token.expiresAt.toISOString()})`);
  if (step.imsError !== undefined) lines.push(`  IMS: ${step.imsError}${step.imsErrorDescription === undefined ? '' : ` "${step.imsErrorDescription}"`}`);
  if (step.unexpectedBody !== undefined) lines.push(`  body: ${step.unexpectedBody}`);
  if (step.diagnosis) lines.push(`  cause: ${step.diagnosis.cause}`, `  next step: ${step.diagnosis.nextStep}`);
  if (step.clockOffsetSeconds !== undefined && Math.abs(step.clockOffsetSeconds) >= 30) {
    lines.push(`  clock: IMS is ${Math.abs(step.clockOffsetSeconds)} s ${step.clockOffsetSeconds > 0 ? 'ahead of' : 'behind'} this machine`);
  }
  if (step.debugId !== undefined) lines.push(`  x-debug-id: ${step.debugId}`);
  return lines;
}
