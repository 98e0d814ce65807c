/**
 * The human report of a deploy: one block per target with its verdict, the install's node counts,
 * the first error lines and the time; the keystore step under it.
 *
 *     deploy dist/eventproxy-config-1.0.0.zip (aem-ioevents:eventproxy-config:1.0.0, 2741 bytes) through service.jsp
 *     ok      http://localhost:4502 (1.2 s): installed: 4 added, 0 updated, 0 deleted
 *     FAILED  http://localhost:4503 (0.4 s): installed with errors: 1 E line, "Package imported (with errors, check logs!)"; nodes: 3 added, 0 updated, 0 deleted, 1 errors
 *               E /etc/cloudservices/eventproxy/ioevents (javax.jcr.nodetype.ConstraintViolationException: …)
 *               keystore: skipped: not attempted: the package did not install
 */
import type { DeployDryRun, DeployResult, TargetResult } from './deploy-result.ts';
import type { InstallCounts } from './install-log.ts';

/** The report of a deploy. */
export function formatDeployReport(result: DeployResult): string {
  const { package: pkg } = result;
  const id = pkg.packageId === null ? '' : `${pkg.packageId}, `;
  const api = result.api === 'jsp' ? 'service.jsp' : 'the JSON API';
  return [`deploy ${pkg.file} (${id}${pkg.size} bytes) through ${api}`, ...result.targets.flatMap(formatTarget)].join('\n');
}

/** The report of `--dry-run`: the commands. */
export function formatDryRun(result: DeployDryRun): string {
  return result.commands.join('\n');
}

function formatTarget(target: TargetResult): string[] {
  const label = target.exitCode !== 0 ? 'FAILED' : target.outcome === 'installed' ? 'ok' : 'WARNING';
  const seconds = (target.durationMs / 1000).toFixed(1);
  const lines = [`${label.padEnd(7)} ${target.target} (${seconds} s): ${summarize(target)}`];
  for (const line of target.errorLines) lines.push(`          ${line}`);
  if (target.keystore !== null) lines.push(`          keystore: ${target.keystore.outcome}: ${target.keystore.message}`);
  return lines;
}

function summarize(target: TargetResult): string {
  if (target.outcome !== 'installed') return target.counts === null ? target.message : `${target.message}; nodes: ${formatCounts(target.counts)}`;
  return target.counts === null ? 'installed (the JSON API gives no node counts)' : `installed: ${formatCounts(target.counts)}`;
}

/** `4 added, 1 updated, 0 deleted`, plus the other actions when there are any. */
export function formatCounts(counts: InstallCounts): string {
  const parts = [`${counts.added} added`, `${counts.updated} updated`, `${counts.deleted} deleted`];
  if (counts.replaced > 0) parts.push(`${counts.replaced} replaced`);
  if (counts.unchanged > 0) parts.push(`${counts.unchanged} unchanged`);
  if (counts.missing > 0) parts.push(`${counts.missing} missing`);
  if (counts.errors > 0) parts.push(`${counts.errors} errors`);
  return parts.join(', ');
}
