/**
 * What the IMS stand-in answers: bindings, reply shape and the exact texts. Texts marked [O]
 * are IMS's own, seen in the wild (ims-jwt.md §3.3); texts marked [I] are stand-in text, made
 * up because no public source quotes IMS (§3.3 "Not found in any public source") — the product
 * must not depend on them, only on `error` and the [O] texts.
 */

/** A credential as IMS holds it: client, secrets, org, technical account, certificates, metascopes. */
export interface StandInBinding {
  readonly clientId: string;
  /** Up to two client secrets per credential (ims-jwt.md §4.3). */
  readonly clientSecrets: readonly string[];
  readonly orgId: string;
  readonly technicalAccountId: string;
  /** PEM certificates uploaded to the credential (JWT flow). */
  readonly certificates: readonly string[];
  /** Metascope names of the credential's APIs (JWT flow). */
  readonly metascopes: readonly string[];
  /** OAuth Server-to-Server scopes; absent = the credential has none (JWT only). */
  readonly scopes?: readonly string[];
  /** Converted to OAuth Server-to-Server: the JWT exchange fails with 500 internal_error (AdobeDocs/adobe-dev-console#124). */
  readonly migratedToOAuth?: boolean;
  /** The binding requires a unique `jti` (ims-jwt.md §2.1). */
  readonly requireJti?: boolean;
}

/** One HTTP answer. */
export interface ImsReply {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The `error_description` texts. */
export const TEXT = {
  signature: 'Could not match JWT signature to any of the bindings', // [O] adobeio-auth#67
  formatted: 'JWT token is incorrectly formatted, and can not be decoded.', // [O] acs-aem-commons#2860
  metascopes: 'The metascopes in the JWT are not a subset of the metascopes in the binding.', // [O] jwt-auth#6
  tryLater: 'Please try again later', // [O] adobe-dev-console#124
  clientId: 'invalid client_id parameter', // [O] token endpoints
  clientSecret: 'invalid client_secret parameter', // [O] token endpoints
  expired: 'JWT token has expired', // [I]
  audience: 'The audience of the JWT does not match the client_id', // [I]
  missing: 'Missing required parameter', // [I]
  jti: 'The JWT jti is missing or was used before', // [I]
  badRequest: 'The JWT claims sub or iss are not in the proper format', // [I]
  grantType: 'Unsupported grant_type', // [I]
  scope: 'Invalid scope', // [I]
  notFound: 'Not found', // [I]
  method: 'Method not allowed', // [I]
  throttled: 'Too many requests', // [I]
} as const;

/** IMS's error body, `error_description` first as in real answers (ims-jwt.md §3.1). */
export function refuse(status: number, error: string, description: string, headers?: Record<string, string>): ImsReply {
  return { status, body: { error_description: description, error }, ...(headers ? { headers } : {}) };
}
