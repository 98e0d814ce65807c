/**
 * The human report of `up`: one line per shared step, then per target one line per step with its
 * outcome and time, and the first failing step's cause.
 *
 *     up
 *       ok      keys     present     keys/keystore.p12 (0.0 s)
 *       ok      verify   accepted    … (0.4 s)
 *       ok      build    unchanged   dist/eventproxy-config-1.0.0.zip (…) (0.1 s)
 *     ok      http://localhost:4502
 *       ok      deploy   unchanged   /etc/packages/… has the same bytes and is installed (0.0 s)
 *       ok      check    ok          conf-events OK, ims-events OK, csm-events OK (0.3 s)
 */
import type { UpResult, UpStep } from './up-result.ts';

/** The report of an `up` run. */
export function formatUpReport(result: UpResult): string {
  const lines = ['up', ...result.steps.map(formatStep)];
  for (const target of result.targets) {
    lines.push(`${(target.ok ? 'ok' : 'FAILED').padEnd(7)} ${target.url}${target.steps.length === 0 ? ': nothing sent (verify failed)' : ''}`);
    lines.push(...target.steps.map(formatStep));
  }
  return lines.join('\n');
}

function formatStep(step: UpStep): string {
  return `  ${(step.ok ? 'ok' : 'FAILED').padEnd(7)} ${step.step.padEnd(8)} ${step.outcome.padEnd(11)} ${step.message} (${(step.durationMs / 1000).toFixed(1)} s)`;
}
