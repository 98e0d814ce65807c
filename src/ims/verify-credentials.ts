/**
 * `verifyCredentials`: tells, before anything reaches AEM, whether IMS accepts the credentials
 * and if not, why. It reads as its steps: options → offline checks → the flows the
 * configuration supports → one result. IMS refusing is a result (`ok: false`, exit 1 for the
 * CLI); IMS unreachable or silent is a `RemoteError` (exit 3).
 */
import { IoEventsError } from '../errors.ts';
import { checkClientId, checkClientSecret, checkImsUrl, checkOrganizationId, checkTechnicalAccountId, type OfflineCheck } from './credential-checks.ts';
import { diagnoseImsError, getClockOffsetSeconds, isImsUnavailable, type ImsFlow } from './diagnose.ts';
import { describeJwtEndOfLife } from './end-of-life.ts';
import { exchangeJwt } from './exchange-jwt.ts';
import type { ImsAnswer } from './ims-answer.ts';
import { createJwtClaims } from './jwt-claims.ts';
import { requestOAuthToken } from './oauth-token.ts';
import { checkMetascopes, checkScopes } from './scope-checks.ts';
import { signJwt } from './sign-jwt.ts';
import { normalizeVerifyOptions, type VerifyCredentialsOptions, type VerifySettings } from './verify-options.ts';
import type { ImsStepResult, VerifyResult } from './verify-result.ts';
import { summarizeVerifyResult } from './verify-summary.ts';

/** Checks the credentials offline, then (unless `offline`) against IMS; see {@link VerifyCredentialsOptions}. */
export async function verifyCredentials(options: VerifyCredentialsOptions): Promise<VerifyResult> {
  const settings = normalizeVerifyOptions(options);
  const checks = runOfflineChecks(settings);
  const signed = settings.plan.includes('jwt') ? await signForCheck(settings) : undefined;
  if (signed) checks.push(signed.check);
  const blocked = checks.some((check) => check.outcome === 'fail');
  const steps = settings.offline || blocked ? [] : await runImsSteps(settings, signed?.jwt);
  const ok = !blocked && (settings.offline || steps[0]?.outcome === 'accepted');
  // Only IMS failing at every call leaves no verdict: a refusal by either flow is one.
  const unavailable = !ok && steps.length > 0 && steps.every((step) => step.outcome === 'refused' && isImsUnavailable(step.status));
  const result: Omit<VerifyResult, 'summary'> = {
    ok,
    exitCode: ok ? 0 : unavailable ? 3 : 1,
    imsUrl: settings.imsUrl,
    flow: settings.flow,
    offline: settings.offline,
    checks,
    steps,
    ...(settings.plan.includes('jwt') ? { jwtEndOfLife: describeJwtEndOfLife(settings.now()) } : {}),
  };
  return { ...result, summary: summarizeVerifyResult(result) };
}

/** The identifier and scope checks for the planned flows, after the caller's key checks. */
function runOfflineChecks(settings: VerifySettings): OfflineCheck[] {
  const { plan, clientId, orgId, technicalAccountId } = settings;
  const checks = [checkImsUrl(settings.imsUrl), checkClientId(clientId), checkClientSecret(settings.clientSecret, clientId)];
  if (orgId !== undefined) checks.push(checkOrganizationId(orgId));
  if (technicalAccountId !== undefined) checks.push(checkTechnicalAccountId(technicalAccountId));
  if (plan.includes('jwt')) checks.push(checkMetascopes(settings.metascopes, settings.imsUrl));
  if (plan.includes('oauth')) checks.push(checkScopes(settings.scopes));
  return [...settings.keyChecks, ...checks];
}

/** Builds and signs the JWT offline: a key that cannot sign fails here, not at IMS. */
async function signForCheck(settings: VerifySettings): Promise<{ check: OfflineCheck; jwt: string | undefined }> {
  const id = 'jwt-signature';
  try {
    const claims = createJwtClaims({
      orgId: settings.orgId ?? '',
      technicalAccountId: settings.technicalAccountId ?? '',
      clientId: settings.clientId,
      metascopes: settings.metascopes,
      imsUrl: settings.imsUrl,
      now: settings.now(),
      lifetimeSeconds: settings.jwtLifetimeSeconds,
    });
    const jwt = await signJwt(claims, { privateKeyPem: settings.privateKeyPem ?? '', passphrase: settings.passphrase });
    const message = `The private key signs an RS256 JWT for ${claims.aud}, valid until ${new Date(claims.exp * 1000).toISOString()}.`;
    return { check: { id, outcome: 'pass', message }, jwt };
  } catch (error) {
    if (!(error instanceof IoEventsError)) throw error;
    return { check: { id, outcome: 'fail', message: error.message }, jwt: undefined };
  }
}

/** The planned flows in order; in `auto`, the OAuth flow follows only a refused JWT. */
async function runImsSteps(settings: VerifySettings, jwt: string | undefined): Promise<ImsStepResult[]> {
  const steps: ImsStepResult[] = [];
  for (const flow of settings.plan) {
    const answer = flow === 'jwt' ? await exchangeJwt({ ...callOptions(settings), jwt: jwt ?? '' }) : await requestOAuthToken({ ...callOptions(settings), scopes: settings.scopes });
    steps.push(describeStep(settings, flow, answer));
    if (answer.accepted) break;
  }
  return steps;
}

function callOptions(settings: VerifySettings) {
  const { clientId, clientSecret, imsUrl, timeoutMs, now, fetch, env } = settings;
  return { clientId, clientSecret, imsUrl, timeoutMs, now, ...(fetch ? { fetch } : {}), ...(env ? { env } : {}) };
}

/** IMS's answer as result data: the token's type and expiry, never the token; or the refusal and its diagnosis. */
function describeStep(settings: VerifySettings, flow: ImsFlow, answer: ImsAnswer): ImsStepResult {
  const offset = getClockOffsetSeconds(answer);
  const common = {
    flow,
    endpoint: answer.endpoint,
    status: answer.status,
    ...(answer.debugId === undefined ? {} : { debugId: answer.debugId }),
    ...(offset === undefined ? {} : { clockOffsetSeconds: offset }),
  };
  if (answer.accepted) {
    return { ...common, outcome: 'accepted', token: { type: answer.tokenType, expiresInSeconds: answer.expiresInSeconds, expiresAt: answer.expiresAt } };
  }
  const { clientId, orgId, technicalAccountId, metascopes, scopes, jwtLifetimeSeconds, certificateNotAfter } = settings;
  const diagnosis = diagnoseImsError({ flow, refusal: answer, clientId, orgId, technicalAccountId, metascopes, scopes, jwtLifetimeSeconds, certificateNotAfter });
  return {
    ...common,
    outcome: 'refused',
    ...(answer.error === undefined ? {} : { imsError: answer.error }),
    ...(answer.errorDescription === undefined ? {} : { imsErrorDescription: answer.errorDescription }),
    ...(answer.unexpectedBody === undefined ? {} : { unexpectedBody: answer.unexpectedBody }),
    diagnosis,
  };
}
