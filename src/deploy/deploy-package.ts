/**
 * `deployPackage()`: the conductor of `aem-ioevents deploy`. As steps: options →
 * targets → the package, checked by `inspect` → the key (`--keystore`) → curl commands
 * (`--dry-run`) or credentials → every target at once → one result with the combined exit code.
 * Bad input throws `InputError` (exit 2) before anything is sent; a remote's failure is a
 * target's result, never a throw.
 */
import { getProxyFor, getProxySettings, getProxyVariableFor, type FetchLike } from '../http/http-fetch.ts';
import { createStreamingFetch } from '../http/streaming-fetch.ts';
import type { AemConnection } from './aem-request.ts';
import { readAemCredentials, type AemCredentials } from './credentials.ts';
import { readVariable } from '../environment-variable.ts';
import { findMissingVariables, renderCurlCommands } from './curl-commands.ts';
import { normalizeDeployOptions, type DeployOptions, type NormalizedDeployOptions } from './deploy-options.ts';
import { combineExitCodes, type DeployDryRun, type DeployedPackage, type DeployResult, type TargetResult } from './deploy-result.ts';
import { deployToTarget, prepareTarget, type TargetDeployment } from './deploy-target.ts';
import { keystoreRefusalError } from './keystore-preflight.ts';
import { readDeployPackage, type DeployPackage } from './package-file.ts';
import { readAemKeystorePassword, readServiceUserKey, type LoadedServiceUserKey } from './service-user-key.ts';
import { normalizeTargets, type DeployTarget } from './targets.ts';
import { createUploadDigest, type UploadDigest } from './upload-digest.ts';

/** The weaker verdict of the JSON API, said once per run (aemc#160). */
export const JSON_API_WARNING = "--api json: Package Manager's JSON answer does not report an install with errors; the default service.jsp gives the strict verdict";

/** Deploys the package to every target, or with `dryRun` returns the curl commands. */
export async function deployPackage(options: DeployOptions & { readonly dryRun: true }): Promise<DeployDryRun>;
export async function deployPackage(options: DeployOptions): Promise<DeployResult | DeployDryRun>;
export async function deployPackage(input: DeployOptions): Promise<DeployResult | DeployDryRun> {
  const options = normalizeDeployOptions(input);
  const targets = normalizeTargets({ targets: options.targets, env: options.env });
  const pkg = await readDeployPackage(options.package, options.cwd);
  const storePassword = options.keystore ? readAemKeystorePassword(options.env) : undefined;
  const key = options.keystore ? await readServiceUserKey({ config: options.config, envName: options.envName, secrets: options.secrets, cwd: options.cwd, env: options.env, now: options.now() }) : undefined;
  const warnings = [...pkg.warnings, ...(key?.warnings ?? []), ...(options.api === 'json' ? [JSON_API_WARNING] : [])];
  const digest = createUploadDigest(pkg.file, options.openFile);
  if (options.dryRun) return dryRun(options, targets, pkg, key, warnings, await describePackage(pkg, digest));
  const withDigest = { ...options, openFile: digest.openFile };
  const credentials = readAemCredentials({ user: options.user, env: options.env });
  const secrets = [...(key?.secrets ?? []), ...(storePassword === undefined ? [] : [storePassword])];
  const results = await withFetch(options, (fetch) =>
    deployToTargets(
      targets.map((target) => ({ target, connection: connect(target, fetch, credentials, options, secrets), package: pkg, key: key?.key, storePassword })),
      withDigest,
    ),
  );
  for (const result of results) {
    if (result.outcome === 'installed-with-errors' && options.allowInstallErrors) warnings.push(`${result.target}: ${result.message} (accepted by --allow-install-errors)`);
  }
  const exitCode = combineExitCodes(results.map((result) => result.exitCode));
  return { ok: exitCode === 0, exitCode, dryRun: false, package: await describePackage(pkg, digest), api: options.api, allowInstallErrors: options.allowInstallErrors, targets: results, warnings };
}

// Every target at once. With --keystore, every target's readiness and keystore state first, and
// nothing sent to any target when the keystore step cannot succeed on one (issue 12, point 6).
async function deployToTargets(deployments: readonly TargetDeployment[], options: NormalizedDeployOptions): Promise<TargetResult[]> {
  if (!options.keystore) return Promise.all(deployments.map((deployment) => deployToTarget(deployment, options)));
  const prepared = await Promise.all(deployments.map((deployment) => prepareTarget(deployment, options)));
  const refusals = prepared.flatMap((target, index) => (target.keystoreRefusal === undefined ? [] : [{ target: deployments[index]!.target.url, reason: target.keystoreRefusal }]));
  if (refusals.length > 0) throw keystoreRefusalError(refusals);
  return Promise.all(deployments.map((deployment, index) => deployToTarget(deployment, options, prepared[index])));
}

function dryRun(options: NormalizedDeployOptions, targets: readonly DeployTarget[], pkg: DeployPackage, key: LoadedServiceUserKey | undefined, warnings: string[], described: DeployedPackage): DeployDryRun {
  const user = options.user ?? readVariable(options.env, 'AEM_USER');
  // A real deploy stops at the first missing variable; the dry run names them all (issue 12, point 6).
  const missing = findMissingVariables(options.env, { user, keystore: options.keystore });
  if (missing.names.length > 0) warnings.push(`the commands need variables that are not set: ${missing.shown.join(', ')}`);
  const commands = renderCurlCommands({
    targets,
    api: options.api,
    user: user || undefined,
    packageFile: pkg.displayPath,
    packagePath: pkg.packagePath,
    keystore: key && { home: key.key.home, alias: key.key.alias, file: key.file },
    // The way a real deploy takes to each target; a caller's own fetch knows no proxy variables.
    proxyVariableFor: proxyVariables(options),
  });
  return { ok: true, exitCode: 0, dryRun: true, package: described, api: options.api, targets: targets.map((t) => t.url), commands, missingVariables: missing.names, warnings };
}

function proxyVariables(options: NormalizedDeployOptions): ((url: string) => string | undefined) | undefined {
  const settings = options.fetch ? undefined : getProxySettings(options.env);
  return settings && ((url) => getProxyVariableFor(url, settings));
}

function connect(target: DeployTarget, fetch: FetchLike, credentials: AemCredentials, options: NormalizedDeployOptions, secrets: readonly string[]): AemConnection {
  return { fetch, credentials, secrets, proxy: options.fetch ? undefined : getProxyFor(target.url, getProxySettings(options.env)) };
}

// The caller's fetch, or one that streams uploads with backpressure and honours the proxy
// variables of `env`; closed afterwards.
async function withFetch<T>(options: NormalizedDeployOptions, call: (fetch: FetchLike) => Promise<T>): Promise<T> {
  if (options.fetch) return call(options.fetch);
  const http = await createStreamingFetch(options.env);
  try {
    return await call(http.fetch);
  } finally {
    await http.close();
  }
}

async function describePackage(pkg: DeployPackage, digest: UploadDigest): Promise<DeployedPackage> {
  return { file: pkg.displayPath, packageId: pkg.packageId ?? null, size: pkg.size, sha256: await digest.sha256() };
}
