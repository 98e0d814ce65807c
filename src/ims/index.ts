/**
 * IMS: prove credentials against Adobe IMS, JWT exchange and OAuth Server-to-Server (`aem-ioevents verify`).
 */
export { checkClientId, checkClientSecret, checkImsUrl, checkOrganizationId, checkTechnicalAccountId } from './credential-checks.ts';
export type { CheckOutcome, OfflineCheck } from './credential-checks.ts';
export { diagnoseImsError, getClockOffsetSeconds } from './diagnose.ts';
export type { DiagnoseImsErrorOptions, ImsDiagnosis, ImsFlow, ImsRefusalReason } from './diagnose.ts';
export { describeJwtEndOfLife, JWT_CONVERSION_DATE, JWT_END_OF_LIFE } from './end-of-life.ts';
export type { JwtEndOfLifeNotice, JwtLifecycle } from './end-of-life.ts';
export { exchangeJwt, JWT_EXCHANGE_PATH } from './exchange-jwt.ts';
export type { ExchangeJwtOptions } from './exchange-jwt.ts';
export { parseImsAnswer } from './ims-answer.ts';
export type { ExpiresInUnit, ImsAnswer, ImsRefusal, ImsTokenAnswer } from './ims-answer.ts';
export { createImsFetch, getProxySettings } from './ims-fetch.ts';
export type { FetchLike, ImsFetch, ProxySettings } from './ims-fetch.ts';
export { DEFAULT_IMS_TIMEOUT_MS } from './ims-request.ts';
export type { ImsCallOptions } from './ims-request.ts';
export { DEFAULT_IMS_URL, IMS_URLS, normalizeImsUrl } from './ims-url.ts';
export { createJwtClaims, DEFAULT_JWT_LIFETIME_SECONDS } from './jwt-claims.ts';
export type { JwtClaims, JwtClaimsOptions } from './jwt-claims.ts';
export { AEM_EVENTS_METASCOPES, getMetascopeClaimKey, KNOWN_METASCOPES } from './metascopes.ts';
export { OAUTH_TOKEN_PATH, requestOAuthToken } from './oauth-token.ts';
export type { OAuthTokenOptions } from './oauth-token.ts';
export { checkMetascopes, checkScopes } from './scope-checks.ts';
export { signJwt } from './sign-jwt.ts';
export type { SignJwtOptions } from './sign-jwt.ts';
export { verifyCredentials } from './verify-credentials.ts';
export type { VerifyCredentialsOptions } from './verify-options.ts';
export type { ImsStepResult, IssuedToken, VerifyFlow, VerifyResult } from './verify-result.ts';
export { formatVerifyReport, summarizeVerifyResult } from './verify-summary.ts';
