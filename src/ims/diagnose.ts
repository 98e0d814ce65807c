/**
 * Turns an IMS refusal into a cause and a next step, after the error table of Adobe's JWT docs
 * (AdobeDocs/adobeio-auth `JWT/JWT.md`) and the refusals users reported. Diagnosis keys on
 * `error` and treats `error_description` as free text, except for the two descriptions seen in
 * the wild. `invalid_signature` (documented) and `invalid_token` "Could not match JWT signature
 * to any of the bindings" (what IMS really sends, AdobeDocs/adobeio-auth#67) are one class.
 */
import type { ImsRefusal } from './ims-answer.ts';

/** Which token flow was used. */
export type ImsFlow = 'jwt' | 'oauth';

/** The kinds of refusal the tool tells apart. */
export type ImsRefusalReason =
  | 'client_secret_wrong'
  | 'client_unknown'
  | 'certificate_not_bound'
  | 'jwt_malformed'
  | 'clock_skew'
  | 'jwt_rejected'
  | 'jwt_replayed'
  | 'metascope_not_on_credential'
  | 'scope_not_on_credential'
  | 'claims_rejected'
  | 'ims_trouble'
  | 'unexpected_answer';

/** A refusal explained: what went wrong and what to do. */
export interface ImsDiagnosis {
  readonly reason: ImsRefusalReason;
  readonly cause: string;
  readonly nextStep: string;
}

/** Input of {@link diagnoseImsError}: the refusal and what the caller sent, to name it in the text. */
export interface DiagnoseImsErrorOptions {
  readonly flow: ImsFlow;
  readonly refusal: Pick<ImsRefusal, 'endpoint' | 'status' | 'error' | 'errorDescription' | 'serverDate' | 'receivedAt' | 'retryAfter' | 'location'>;
  readonly clientId?: string;
  readonly orgId?: string;
  readonly technicalAccountId?: string;
  readonly metascopes?: readonly string[];
  readonly scopes?: readonly string[];
  /** Lifetime of the JWT that was sent, to judge clock skew. @default 300 */
  readonly jwtLifetimeSeconds?: number;
  /** `notAfter` of the certificate of the signing key, when the caller read it. */
  readonly certificateNotAfter?: Date;
}

/**
 * True for an answer that says nothing about the credential: IMS failing (5xx, its own
 * `internal_error` or a gateway's page) or throttling (429). Asking again later may succeed, so
 * it is a remote failure (exit 3), not a refusal (exit 1): README "Exit codes".
 */
export function isImsUnavailable(status: number): boolean {
  return status === 429 || status >= 500;
}

/** IMS's clock minus ours, in whole seconds, from the answer's `Date` header; `undefined` without one. */
export function getClockOffsetSeconds(refusal: Pick<ImsRefusal, 'serverDate' | 'receivedAt'>): number | undefined {
  return refusal.serverDate === undefined ? undefined : Math.round((refusal.serverDate.getTime() - refusal.receivedAt.getTime()) / 1000);
}

/** Maps an IMS refusal to a cause and a next step. */
export function diagnoseImsError(options: DiagnoseImsErrorOptions): ImsDiagnosis {
  const { refusal } = options;
  const { status, error } = refusal;
  if (error === 'invalid_client') return diagnoseInvalidClient(options);
  if (error === 'invalid_signature' || error === 'invalid_token') return diagnoseInvalidToken(options);
  if (error === 'invalid_scope') return diagnoseInvalidScope(options);
  if (error === 'invalid_jti') return JWT_REPLAYED;
  if (error === 'bad_request') return CLAIMS_REJECTED;
  // A 5xx without IMS's JSON came from something in between (gateway, proxy): unexpected, not IMS trouble.
  if (error === 'internal_error' || (isImsUnavailable(status) && (error !== undefined || status === 429))) return diagnoseImsTrouble(options);
  return diagnoseUnexpected(options);
}

function diagnoseInvalidClient(options: DiagnoseImsErrorOptions): ImsDiagnosis {
  const { refusal, clientId = '', flow } = options;
  // 401 is the documented answer to a bad secret on the exchange; the token endpoints say so in words (§3.2, §3.3).
  if (refusal.status === 401 || /client_secret/i.test(refusal.errorDescription ?? '')) {
    return {
      reason: 'client_secret_wrong',
      cause: `IMS does not accept the client secret for client ID '${clientId}': it is wrong, or it was rotated in the Adobe Developer Console.`,
      nextStep: 'Copy the current client secret of the credential from the Adobe Developer Console into IOEVENTS_CLIENT_SECRET (cloudService.clientSecret) and run verify again.',
    };
  }
  const aud = flow === 'jwt' ? ", or the JWT's aud names another client or another IMS environment (prod or stage)" : '';
  return {
    reason: 'client_unknown',
    cause: `IMS at ${new URL(refusal.endpoint).origin} does not know client ID '${clientId}'${aud}: the ID is mistyped, the credential was deleted, or it belongs to the other IMS environment.`,
    nextStep: "Compare cloudService.apiKey with the credential's client ID in the Adobe Developer Console, and the IMS URL (ims.url, --ims-url, IOEVENTS_IMS_URL) with the project's environment.",
  };
}

function diagnoseInvalidToken(options: DiagnoseImsErrorOptions): ImsDiagnosis {
  const description = options.refusal.errorDescription ?? '';
  if (options.refusal.error === 'invalid_signature' || /Could not match JWT signature/i.test(description)) return diagnoseUnboundCertificate(options);
  if (/incorrectly formatted|can ?not be decoded/i.test(description)) return JWT_MALFORMED;
  const offset = getClockOffsetSeconds(options.refusal);
  const lifetime = options.jwtLifetimeSeconds ?? 300;
  if ((offset !== undefined && offset >= lifetime) || /expired/i.test(description)) return diagnoseClockSkew(offset, lifetime);
  return {
    reason: 'jwt_rejected',
    cause: `IMS refused the JWT ("${description}"): most often it had expired on arrival because this machine's clock is behind IMS's, or the organization ('${options.orgId ?? ''}') or technical account ('${options.technicalAccountId ?? ''}') is not the credential's.`,
    nextStep: "Synchronize this machine's clock (NTP) and compare organizationId and technicalAccountId with the credential in the Adobe Developer Console.",
  };
}

function diagnoseUnboundCertificate(options: DiagnoseImsErrorOptions): ImsDiagnosis {
  const { orgId = '', technicalAccountId = '', certificateNotAfter, refusal } = options;
  const expired = certificateNotAfter !== undefined && certificateNotAfter.getTime() <= refusal.receivedAt.getTime()
    ? `The certificate of this key expired on ${certificateNotAfter.toISOString()}, and IMS does not match expired certificates. `
    : '';
  return {
    reason: 'certificate_not_bound',
    cause: `${expired}IMS found no certificate on the credential that verifies this JWT for organization '${orgId}' and technical account '${technicalAccountId}': the certificate of this private key was not uploaded, was replaced by another or has expired, or the organization or technical account ID belongs to another credential.`,
    nextStep: "Upload the certificate of this key (certificate_pub.crt from aem-ioevents keygen) to the credential in the Adobe Developer Console, or sign with the key of the certificate that is there; compare organizationId and technicalAccountId with the credential's.",
  };
}

function diagnoseClockSkew(offset: number | undefined, lifetime: number): ImsDiagnosis {
  // Clocks within the JWT's lifetime of each other cannot have expired it: something else did.
  if (offset !== undefined && Math.abs(offset) < lifetime) {
    return {
      reason: 'clock_skew',
      cause: `IMS found the JWT expired, although this machine's clock is within ${Math.abs(offset)} s of IMS's and the JWT is valid for ${lifetime} s: it was signed with an earlier time than now, or took longer than that to reach IMS.`,
      nextStep: 'Run verify again; if IMS says the same, check the time this machine (or a container or CI runner) reports with `date -u` against a reliable clock.',
    };
  }
  const measured = offset === undefined ? 'probably behind' : `${Math.abs(offset)} s ${offset >= 0 ? 'behind' : 'ahead of'}`;
  return {
    reason: 'clock_skew',
    cause: `IMS found the JWT expired: this machine's clock is ${measured} IMS's clock, and the JWT is valid for ${lifetime} s from this machine's time.`,
    nextStep: "Synchronize this machine's clock (NTP: `timedatectl set-ntp true`, chrony) and run verify again.",
  };
}

function diagnoseInvalidScope(options: DiagnoseImsErrorOptions): ImsDiagnosis {
  if (options.flow === 'oauth') {
    return {
      reason: 'scope_not_on_credential',
      cause: `IMS refused the scopes [${(options.scopes ?? []).join(', ')}]: at least one is not granted to the OAuth Server-to-Server credential.`,
      nextStep: "Copy the scopes from the credential's page in the Adobe Developer Console into ims.scopes.",
    };
  }
  return {
    reason: 'metascope_not_on_credential',
    cause: `The metascopes of the JWT [${(options.metascopes ?? []).join(', ')}] are not all on the credential: an API is missing from the project's workspace, a name is misspelt (ent_receiver_api for event_receiver_api), or a metascope URL names another IMS host.`,
    nextStep: "Add the I/O Events API (event_receiver_api) and the I/O Management API (ent_adobeio_sdk) to the project's workspace in the Adobe Developer Console, or list in ims.metascopes only the metascopes of the credential.",
  };
}

function diagnoseImsTrouble(options: DiagnoseImsErrorOptions): ImsDiagnosis {
  const { refusal, flow } = options;
  if (refusal.status === 429) {
    return {
      reason: 'ims_trouble',
      cause: 'IMS is throttling this client (429): it asks too often for new tokens.',
      nextStep: `Wait ${describeRetryAfter(refusal)} before the next try; reuse tokens until they expire.`,
    };
  }
  // AdobeDocs/adobe-dev-console#124: a JWT exchange for a converted credential gets 500 internal_error.
  const converted = flow === 'jwt' ? ' IMS also answers a JWT exchange this way when the JWT credential was converted to OAuth Server-to-Server.' : '';
  return {
    reason: 'ims_trouble',
    cause: `IMS failed with ${describeAnswer(refusal)}.${converted}`,
    nextStep: `Try again in a few minutes; if it persists, ${flow === 'jwt' ? 'look at the credential in the Adobe Developer Console: once it is OAuth Server-to-Server, verify with --flow oauth and ims.scopes; ' : ''}give Adobe support the x-debug-id.`,
  };
}

function diagnoseUnexpected(options: DiagnoseImsErrorOptions): ImsDiagnosis {
  const { refusal } = options;
  const { status } = refusal;
  if (status >= 300 && status < 400) {
    return {
      reason: 'unexpected_answer',
      cause: `IMS redirected (${status}) to ${refusal.location ?? 'another address'}; redirects are not followed, as they would carry the client secret elsewhere.`,
      nextStep: 'Set the IMS URL (ims.url, --ims-url, IOEVENTS_IMS_URL) to the address IMS really answers on.',
    };
  }
  if (status >= 500) {
    return {
      reason: 'unexpected_answer',
      cause: `IMS answered ${describeAnswer(refusal)}, which is not a token, nor an IMS error: a gateway or proxy on the way may have answered.`,
      nextStep: 'Try again in a few minutes; if it persists, check the proxy (HTTPS_PROXY, NO_PROXY) and the IMS URL (ims.url, --ims-url, IOEVENTS_IMS_URL).',
    };
  }
  const notIms = status === 404 || status === 405 ? `: there is no IMS token endpoint at ${refusal.endpoint}` : '';
  return {
    reason: 'unexpected_answer',
    cause: `IMS answered ${describeAnswer(refusal)}, which is not a token${notIms}.`,
    nextStep: 'Check that the IMS URL (ims.url, --ims-url, IOEVENTS_IMS_URL) is the IMS base URL without a path, such as https://ims-na1.adobelogin.com; if it is, give Adobe support the x-debug-id.',
  };
}

/**
 * `Retry-After` as a wait: delta-seconds, or an HTTP-date counted from the answer's arrival
 * (RFC 9110 §10.2.3); a date past, or anything else, says nothing.
 */
function describeRetryAfter({ retryAfter = '', receivedAt }: DiagnoseImsErrorOptions['refusal']): string {
  const seconds = /^\d+$/.test(retryAfter) ? Number(retryAfter) : Math.ceil((Date.parse(retryAfter) - receivedAt.getTime()) / 1000);
  return Number.isSafeInteger(seconds) && seconds > 0 ? `${seconds} s (Retry-After)` : 'a few minutes';
}

function describeAnswer(refusal: DiagnoseImsErrorOptions['refusal']): string {
  const code = refusal.error === undefined ? '' : ` ${refusal.error}`;
  const description = refusal.errorDescription === undefined ? '' : ` ("${refusal.errorDescription}")`;
  return `HTTP ${refusal.status}${code}${description}`;
}

const JWT_MALFORMED: ImsDiagnosis = {
  reason: 'jwt_malformed',
  cause: 'IMS could not decode the JWT: a claim has the wrong type (exp must be whole seconds), or the token is unsigned or cut short.',
  nextStep: 'aem-ioevents builds this JWT itself, so this is a bug or an IMS change: report it with the x-debug-id.',
};

const JWT_REPLAYED: ImsDiagnosis = {
  reason: 'jwt_replayed',
  cause: 'IMS wants a JWT with a new, unique jti claim for this credential, and this one had none or a used one.',
  nextStep: 'aem-ioevents sends no jti; ask the owner of the credential whether it really requires one, with the x-debug-id.',
};

const CLAIMS_REJECTED: ImsDiagnosis = {
  reason: 'claims_rejected',
  cause: 'IMS decoded the JWT but a claim is not in its proper format (iss, sub, exp or jti).',
  nextStep: 'Check that organizationId ends in @AdobeOrg and technicalAccountId in @techacct.adobe.com, as the credential shows them.',
};
