/**
 * The human report of `check`: one block per target, one line per check with its status, AEM's
 * messages under it and, for a failing check, its cause.
 *
 *     check: template cloudservice-6.3
 *     ok      http://localhost:4502 (0.3 s)
 *               OK        conf-events
 *     FAILED  http://localhost:4503 (120.0 s)
 *               CRITICAL  ims-events (9 attempts)
 *                         CRITICAL Could not match JWT signature to any of the bindings
 *                         cause: the keystore's certificate is not the one on the credential: …
 */
import type { AemCheckOutcome, CheckResult, CheckTargetResult } from './check-result.ts';

const INDENT = ' '.repeat(10);
const STATUS_WIDTH = 11;

/** The report of a check run. */
export function formatCheckReport(result: CheckResult): string {
  return [`check: template ${result.template}${result.strict ? ', --strict' : ''}`, ...result.targets.flatMap(formatTarget)].join('\n');
}

function formatTarget(target: CheckTargetResult): string[] {
  const label = target.ok ? 'ok' : 'FAILED';
  return [`${label.padEnd(7)} ${target.url} (${(target.durationMs / 1000).toFixed(1)} s)`, ...target.checks.flatMap(formatCheck)];
}

function formatCheck(check: AemCheckOutcome): string[] {
  const attempts = check.attempts > 1 ? ` (${check.attempts} attempts)` : '';
  const more = INDENT + ' '.repeat(STATUS_WIDTH + 1);
  const lines = [`${INDENT}${check.status.padEnd(STATUS_WIDTH)} ${check.name}${attempts}`];
  for (const message of check.messages) lines.push(`${more}${message.status} ${message.message}`);
  if (check.cause !== null) lines.push(`${more}cause: ${check.cause}`);
  return lines;
}
