/**
 * check: AEM's own verdict on the installed integration, from the connector's Sling health
 * checks and the Adobe I/O Events add-on's status servlets.
 */
export { checkIntegration, selectChecks } from './check-integration.ts';
export { DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_WAIT_SECONDS, MAX_WAIT_SECONDS } from './check-options.ts';
export type { CheckOptions } from './check-options.ts';
export type { CheckMessage, AemCheckOutcome, CheckResult, CheckStatus, CheckTargetResult } from './check-result.ts';
export type { OnCheckRetry } from './check-target.ts';
export { formatCheckReport } from './check-report.ts';
export { HEALTH_JSON_PATH } from './ask-aem.ts';
export { parseHealthJson, judgeTag, HEALTH_STATUSES } from './health-json.ts';
export { CONSOLE_HEALTH_PATH, parseConsoleHtml } from './console-html.ts';
export type { HealthResult, HealthStatus, TagVerdict } from './health-json.ts';
export { parseStatusJson } from './status-json.ts';
export type { AddonStatus } from './status-json.ts';
