/**
 * One target's part of a deploy: install the package, then (with `--keystore`, and only when the
 * package installed) the service user's key; time it; combine both into the target's exit code.
 */
import type { AemConnection } from './aem-request.ts';
import { combineExitCodes, type TargetResult } from './deploy-result.ts';
import type { NormalizedDeployOptions } from './deploy-options.ts';
import { installPackage, type PackageFile } from './install-package.ts';
import { installServiceUserKey, KEYSTORE_EXIT_CODES, type KeystoreResult, type ServiceUserKey } from './keystore-install.ts';
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

/** Deploys to one target; never throws for a remote's failure. */
export async function deployToTarget(deployment: TargetDeployment, options: NormalizedDeployOptions): Promise<TargetResult> {
  const started = options.now().getTime();
  const { target, connection } = deployment;
  const install = await installPackage({
    target,
    connection,
    package: deployment.package,
    api: options.api,
    timeoutMs: options.timeoutMs,
    probeTimeoutMs: options.shortTimeoutMs,
    retries: options.retries,
    sleep: options.sleep,
    onProgress: options.onProgress && ((sent) => options.onProgress?.({ target: target.url, sent, total: deployment.package.size })),
    boundary: options.boundary,
    openFile: options.openFile,
  });
  const { verdict } = install;
  const accepted = verdict.outcome === 'installed' || (verdict.outcome === 'installed-with-errors' && options.allowInstallErrors);
  const installExit = accepted ? 0 : OUTCOME_EXIT_CODES[verdict.outcome];
  const keystore = deployment.key === undefined ? null : accepted ? await installKey(deployment, deployment.key, options) : skipped(deployment.key);
  const exitCode = combineExitCodes([installExit, keystore?.exitCode ?? 0]);
  return {
    target: target.url,
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

function installKey(deployment: TargetDeployment, key: ServiceUserKey, options: NormalizedDeployOptions): Promise<KeystoreResult> {
  return installServiceUserKey({ target: deployment.target, connection: deployment.connection, key, storePassword: deployment.storePassword, replace: options.replaceKey, timeoutMs: options.shortTimeoutMs });
}

function skipped(key: ServiceUserKey): KeystoreResult {
  return { outcome: 'skipped', exitCode: KEYSTORE_EXIT_CODES.skipped, message: 'not attempted: the package did not install', home: key.home, alias: key.alias, fingerprint256: key.certificate.fingerprint256 };
}
