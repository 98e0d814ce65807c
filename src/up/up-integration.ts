/**
 * `upIntegration()`: the conductor of `aem-ioevents up`, configuration to proof in one
 * idempotent step. As steps: options, targets and AEM credentials (bad input before anything) →
 * keys (the configured keystore must exist; `up` never makes keys) → verify against IMS (a
 * refusal stops here: nothing is sent to any AEM) → build (a rebuild of the same content leaves
 * the zip alone) → per target, what it already has (package-probe.ts); deploy where the bytes
 * differ or are not installed → check on every target that has the package.
 */
import { checkIntegration } from '../check/check-integration.ts';
import { normalizeCheckOptions } from '../check/check-options.ts';
import { buildPackage } from '../build/build-package.ts';
import { readChosenConfig } from '../config/read-config.ts';
import { readKeystoreFile } from '../crypto/key-sources.ts';
import { readAemCredentials } from '../deploy/credentials.ts';
import { deployPackage } from '../deploy/deploy-package.ts';
import { normalizeDeployOptions, SHORT_CALL_TIMEOUT_MS } from '../deploy/deploy-options.ts';
import { combineExitCodes, type DeployResult } from '../deploy/deploy-result.ts';
import { normalizeTargets } from '../deploy/targets.ts';
import { getPackagePath } from '../packaging/package-id.ts';
import { createHttpFetch, getProxyFor, getProxySettings } from '../http/http-fetch.ts';
import { verifyConfiguration } from '../verify/verify-configuration.ts';
import { probePackage, type PackageProbe } from './package-probe.ts';
import { timedStep, type UpOptions } from './up-options.ts';
import type { UpResult, UpStep, UpTargetResult } from './up-result.ts';
import { installKeyStep, loadUpKey } from './up-keystore.ts';
import { checkStep, deployStep, targetOutcome, type DeployStep } from './up-steps.ts';

export type { UpOptions } from './up-options.ts';

/** Keys → verify → build → deploy where needed → check; one result, exit codes as deploy combines them. */
export async function upIntegration(options: UpOptions): Promise<UpResult> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  // Checked at the door, so that bad input stops `up` before IMS or any AEM is asked.
  normalizeCheckOptions({ waitSeconds: options.waitSeconds });
  // deploy's flags too: the same checks and messages as `deploy` gives them.
  normalizeDeployOptions({
    package: '',
    keystore: options.keystore === true,
    ...(options.replaceKey !== undefined && { replaceKey: options.replaceKey }),
    ...(options.api !== undefined && { api: options.api }),
    ...(options.timeoutSeconds !== undefined && { timeoutSeconds: options.timeoutSeconds }),
    ...(options.retries !== undefined && { retries: options.retries }),
  });
  const targets = normalizeTargets({ targets: options.targets ?? [], env });
  const credentials = readAemCredentials({ user: options.user, env });
  const choice = { ...(options.config !== undefined && { config: options.config }), ...(options.envName !== undefined && { envName: options.envName }), ...(options.secrets !== undefined && { secrets: options.secrets }) };
  // --keystore: the key and AEM_KEYSTORE_PASSWORD are read before anything is sent (as deploy).
  const key = options.keystore ? await loadUpKey({ ...choice, cwd, env, now: now() }) : undefined;
  const steps: UpStep[] = [];
  steps.push(await timedStep('keys', now, async () => {
    const { config } = await readChosenConfig(choice, cwd, env);
    if (config.keystore === undefined) return { ok: true, outcome: 'none', message: 'no keystore configured (the OAuth flow needs none)' };
    // Missing: InputError "cannot read keystore.file …: no such file; make one with aem-ioevents keygen".
    const { label } = await readKeystoreFile({ file: config.keystore.file, password: config.keystore.password, cwd, usedBy: 'up' });
    return { ok: true, outcome: 'present', message: label };
  }));
  const warnings: string[] = [];
  let verifyExitCode: 1 | 3 = 1;
  const verify = await timedStep('verify', now, async () => {
    const result = await verifyConfiguration({ ...choice, cwd, env, now, ...(options.imsUrl !== undefined && { imsUrl: options.imsUrl }), ...(options.imsFetch !== undefined && { fetch: options.imsFetch }) });
    warnings.push(...result.warnings);
    if (result.exitCode !== 0) verifyExitCode = result.exitCode;
    return { ok: result.ok, outcome: result.ok ? 'accepted' : result.exitCode === 3 ? 'unavailable' : 'refused', message: result.summary };
  });
  steps.push(verify);
  // A refusal at IMS (1), or IMS failing (3): nothing is sent to any AEM.
  if (!verify.ok) return { ok: false, exitCode: verifyExitCode, steps, targets: targets.map((t) => ({ url: t.url, ok: false, exitCode: verifyExitCode, steps: [], deploy: null, check: null })), warnings };
  let built: Awaited<ReturnType<typeof buildPackage>> | undefined;
  steps.push(await timedStep('build', now, async () => {
    built = await buildPackage({ ...choice, cwd, env, now, out: options.out ?? 'dist', ...(options.template !== undefined && { template: options.template }) });
    warnings.push(...built.warnings);
    return { ok: true, outcome: built.outcome, message: `${built.displayPath} (${built.packageId}, ${built.size} bytes)` };
  }));
  const pkg = built!;
  const http = options.fetch ? { fetch: options.fetch, close: async () => {} } : await createHttpFetch(env);
  const probes: PackageProbe[] = [];
  const keystoreSteps = new Map<string, DeployStep>();
  try {
    const connect = (url: string) => ({ fetch: http.fetch, credentials, secrets: key?.secrets ?? [], proxy: options.fetch ? undefined : getProxyFor(url, getProxySettings(env)) });
    const probed = { file: pkg.file, path: packagePathOf(pkg.packageId), size: pkg.size, sha256: pkg.sha256 };
    probes.push(...(await Promise.all(targets.map((t) => probePackage(connect(t.url), t.url, probed, SHORT_CALL_TIMEOUT_MS)))));
    // An unchanged target still gets the key with --keystore; deploy does it for the others.
    const unchanged = key === undefined ? [] : targets.filter((_, i) => probes[i]!.outcome === 'unchanged');
    await Promise.all(unchanged.map(async (t) => keystoreSteps.set(t.url, await installKeyStep(t, connect(t.url), key!, now, options.replaceKey === true))));
  } finally {
    await http.close();
  }
  const needing = targets.filter((_, i) => probes[i]!.outcome !== 'unchanged');
  const deployed: DeployResult | undefined = needing.length === 0 ? undefined : (await deployPackage({
    ...choice,
    package: pkg.file,
    targets: needing.map((t) => t.url),
    keystore: key !== undefined,
    // deploy's own flags, passed through as `deploy` takes them.
    ...(options.replaceKey !== undefined && { replaceKey: options.replaceKey }),
    ...(options.api !== undefined && { api: options.api }),
    ...(options.timeoutSeconds !== undefined && { timeoutSeconds: options.timeoutSeconds }),
    ...(options.retries !== undefined && { retries: options.retries }),
    ...(options.allowInstallErrors !== undefined && { allowInstallErrors: options.allowInstallErrors }),
    cwd,
    env,
    now,
    ...(options.user !== undefined && { user: options.user }),
    ...(options.fetch !== undefined && { fetch: options.fetch }),
    ...(options.sleep !== undefined && { sleep: options.sleep }),
    ...(options.every !== undefined && { every: options.every }),
    ...(options.onProgress !== undefined && { onProgress: options.onProgress }),
  })) as DeployResult;
  if (deployed !== undefined) warnings.push(...deployed.warnings);
  const deploySteps = targets.map((t, i) => [deployStep(probes[i]!, deployed?.targets.find((r) => r.target === t.url)), ...[keystoreSteps.get(t.url) ?? []].flat()]);
  const checkable = targets.filter((_, i) => deploySteps[i]!.every((d) => d.step.ok));
  const checked = checkable.length === 0 ? undefined : await checkIntegration({
    ...choice,
    targets: checkable.map((t) => t.url),
    cwd,
    env,
    now,
    strict: options.strict ?? false,
    ...(options.user !== undefined && { user: options.user }),
    ...(options.template !== undefined && { template: options.template }),
    ...(options.waitSeconds !== undefined && { waitSeconds: options.waitSeconds }),
    ...(options.fetch !== undefined && { fetch: options.fetch }),
    ...(options.sleep !== undefined && { sleep: options.sleep }),
    ...(options.onRetry !== undefined && { onRetry: options.onRetry }),
  });
  if (checked !== undefined) warnings.push(...checked.warnings.filter((w) => !warnings.includes(w)));
  const results: UpTargetResult[] = targets.map((t, i) => {
    const deploy = deploySteps[i]!;
    const check = checked?.targets.find((r) => r.url === t.url) ?? null;
    return targetOutcome(t.url, deploy, check === null ? undefined : { step: checkStep(check), result: check });
  });
  const exitCode = combineExitCodes(results.map((r) => r.exitCode));
  return { ok: exitCode === 0, exitCode, steps, targets: results, warnings };
}

// `group:name:version` (build's id; a group never holds ':') → where Package Manager stores it.
function packagePathOf(packageId: string): string {
  const [group = '', name = '', version = ''] = packageId.split(':');
  return getPackagePath({ group, name, version });
}
