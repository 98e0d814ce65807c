/**
 * deploy: install a package through CRX Package Manager with a strict verdict, and the service
 * user's key through AEM's keystore HTTP API (README, "Deploying, and the Maven route").
 */
export { deployPackage, JSON_API_WARNING } from './deploy-package.ts';
export { DEFAULT_RETRIES, DEFAULT_TIMEOUT_SECONDS } from './deploy-options.ts';
export type { DeployOptions } from './deploy-options.ts';
export type { DeployProgress, Every, InstallingProgress, OnProgress, UploadingProgress, WaitingProgress } from './deploy-progress.ts';
export type { ReadinessWaitOptions, TargetReadiness } from './target-readiness.ts';
export type { OnRetry } from './backoff.ts';
export { combineExitCodes } from './deploy-result.ts';
export type { DeployDryRun, DeployedPackage, DeployResult, TargetResult } from './deploy-result.ts';
export { formatCounts, formatDeployReport, formatDryRun } from './deploy-report.ts';
export { renderCurlCommands } from './curl-commands.ts';
export type { CurlPlan } from './curl-commands.ts';
export { AEM_PASSWORD_VARIABLE, AEM_USER_VARIABLE, AemCredentials, readAemCredentials } from './credentials.ts';
export { AEM_URL_VARIABLE, normalizeTargets, normalizeTargetUrl } from './targets.ts';
export type { DeployTarget } from './targets.ts';
export { installPackage } from './install-package.ts';
export type { InstallPackageOptions, PackageFile, PackageInstall, PackmgrApi } from './install-package.ts';
export type { DeployStage, OnStage } from './interrupted-deploy.ts';
export { probeReadiness, READINESS_PATH, waitUntilReady } from './readiness.ts';
export type { ReadinessProbe, ReadinessState } from './readiness.ts';
export { getBackoffDelayMs } from './backoff.ts';
export { hasInstallErrors, parseInstallLog } from './install-log.ts';
export type { InstallCounts, InstallLog } from './install-log.ts';
export { parseCrxEnvelope, SERVICE_JSP_PATH } from './service-jsp.ts';
export type { CrxEnvelope } from './service-jsp.ts';
export { parsePackmgrJsonAnswer, SERVICE_JSON_PATH } from './service-json.ts';
export type { PackmgrJsonAnswer } from './service-json.ts';
export { judgeServiceJsonAnswer, judgeServiceJspAnswer, OUTCOME_EXIT_CODES } from './verdict.ts';
export type { InstallOutcome, InstallVerdict } from './verdict.ts';
export { installServiceUserKey, KEYSTORE_EXIT_CODES } from './keystore-install.ts';
export type { InstallServiceUserKeyOptions, KeystoreOutcome, KeystoreResult, ServiceUserKey } from './keystore-install.ts';
export { getCertificateIdentity, holdsCertificate, parseKeystoreState } from './keystore-state.ts';
export type { CertificateIdentity, KeystoreAliasState, KeystoreChainItem, KeystoreState } from './keystore-state.ts';
export { AEM_KEYSTORE_PASSWORD_VARIABLE, readAemKeystorePassword, readServiceUserKey } from './service-user-key.ts';
export type { LoadedServiceUserKey, ReadServiceUserKeyOptions } from './service-user-key.ts';
