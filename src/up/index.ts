/**
 * up: the whole integration in one idempotent step, keys → verify → build → deploy where needed
 * → check.
 */
export { upIntegration } from './up-integration.ts';
export type { UpOptions } from './up-options.ts';
export type { UpResult, UpStep, UpStepName, UpTargetResult } from './up-result.ts';
export { formatUpReport } from './up-report.ts';
export { probePackage, readLastUnpacked } from './package-probe.ts';
export type { PackageProbe, ProbedPackage, ProbeOutcome } from './package-probe.ts';
