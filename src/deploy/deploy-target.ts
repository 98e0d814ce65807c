/**
 * One target's part of a deploy: wait until Package Manager is ready (and with `--keystore` read
 * the keystore's state), install the package, then (with `--keystore`, and only when the package
 * installed) the service user's key; time it; combine both into the target's exit code.
 */
import type { AemConnection } from './aem-request.ts';
import { combineExitCodes, type TargetResult } from './deploy-result.ts';
import type { NormalizedDeployOptions } from './deploy-options.ts';
import { type OnStage, trackTarget } from './interrupted-deploy.ts';
import { installPackage, type InstallPackageOptions, type PackageFile } from './install-package.ts';
import { installServiceUserKey, KEYSTORE_EXIT_CODES, type InstallServiceUserKeyOptions, type KeystoreResult, type ServiceUserKey } from './keystore-install.ts';
import { checkKeystoreStep } from './keystore-preflight.ts';
import { awaitReadiness, type TargetReadiness } from './target-readiness.ts';
import type { DeployTarget } from './targets.ts';
import { OUTCOME_EXIT_CODES } from './verdict.ts';

/** What one target's deploy needs besides the options. */
export interface TargetDeployment {
  readonly target: DeployTarget;
  readonly connection: AemConnection;
  readonly package: PackageFile;
  readonly key: ServiceUserKey | undefined;
  readonly storePassword: string | undefined;
}

/** A target after its readiness wait, before anything was sent to it. */
export interface PreparedTarget {
  /** When its deploy started (ms since the epoch). */
  readonly started: number;
  readonly readiness: TargetReadiness;
  /** Why its keystore step cannot succeed (`--keystore`); `undefined` when nothing says so. */
  readonly keystoreRefusal: string | undefined;
}

/** Waits until the target is ready, and with a key reads its keystore; sends nothing but GETs. */
export async function prepareTarget(deployment: TargetDeployment, options: NormalizedDeployOptions): Promise<PreparedTarget> {
  const started = options.now().getTime();
  const readiness = await awaitReadiness(installOptions(deployment, options));
  const { key } = deployment;
  const keystoreRefusal = key !== undefined && readiness.probe.state === 'ready' ? await checkKeystoreStep(keyOptions(deployment, key, options)) : undefined;
  return { started, readiness, keystoreRefusal };
}

/** Deploys to one target (prepared already, or now); never throws for a remote's failure. */
export async function deployToTarget(deployment: TargetDeployment, options: NormalizedDeployOptions, prepared?: PreparedTarget): Promise<TargetResult> {
  // What a cancelled run says about this target, until its result is in.
  const tracked = trackTarget(deployment.target.url);
  try {
    return await deployTracked(deployment, options, tracked.onStage, prepared);
  } finally {
    tracked.release();
  }
}

async function deployTracked(deployment: TargetDeployment, options: NormalizedDeployOptions, onStage: OnStage, prepared?: PreparedTarget): Promise<TargetResult> {
  const { started, readiness } = prepared ?? (await prepareTarget(deployment, options));
  const install = await installPackage({ ...installOptions(deployment, options), onStage }, readiness);
  const { verdict } = install;
  onStage('answered', verdict.message);
  const accepted = verdict.outcome === 'installed' || (verdict.outcome === 'installed-with-errors' && options.allowInstallErrors);
  const installExit = accepted ? 0 : OUTCOME_EXIT_CODES[verdict.outcome];
  const { key } = deployment;
  if (key !== undefined && accepted) onStage('keystore');
  const keystore = key === undefined ? null : accepted ? await installServiceUserKey(keyOptions(deployment, key, options)) : skipped(key);
  const exitCode = combineExitCodes([installExit, keystore?.exitCode ?? 0]);
  return {
    target: deployment.target.url,
    ok: exitCode === 0,
    exitCode,
    outcome: verdict.outcome,
    message: verdict.message,
    httpStatus: verdict.httpStatus ?? null,
    statusCode: verdict.statusCode ?? null,
    counts: verdict.counts,
    errorLines: verdict.errorLines,
    installedInMs: verdict.installedInMs ?? null,
    probes: install.probes,
    installRequests: install.installRequests,
    durationMs: options.now().getTime() - started,
    keystore,
  };
}

function installOptions(deployment: TargetDeployment, options: NormalizedDeployOptions): InstallPackageOptions {
  return {
    target: deployment.target,
    connection: deployment.connection,
    package: deployment.package,
    api: options.api,
    timeoutMs: options.timeoutMs,
    probeTimeoutMs: options.shortTimeoutMs,
    retries: options.retries,
    sleep: options.sleep,
    now: options.now,
    every: options.every,
    onProgress: options.onProgress,
    boundary: options.boundary,
    openFile: options.openFile,
  };
}

function keyOptions(deployment: TargetDeployment, key: ServiceUserKey, options: NormalizedDeployOptions): InstallServiceUserKeyOptions {
  return { target: deployment.target, connection: deployment.connection, key, storePassword: deployment.storePassword, replace: options.replaceKey, timeoutMs: options.shortTimeoutMs };
}

function skipped(key: ServiceUserKey): KeystoreResult {
  return { outcome: 'skipped', exitCode: KEYSTORE_EXIT_CODES.skipped, message: 'not attempted: the package did not install', home: key.home, alias: key.alias, fingerprint256: key.certificate.fingerprint256 };
}
