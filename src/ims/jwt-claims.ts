/**
 * The JWT that the IMS exchange takes (AdobeDocs/adobeio-auth `JWT/JWT.md`):
 *
 * | claim                 | value                                              |
 * | --------------------- | -------------------------------------------------- |
 * | `exp`                 | integer seconds since the epoch, `now` + lifetime  |
 * | `iss`                 | `<org>@AdobeOrg`                                   |
 * | `sub`                 | `<id>@techacct.adobe.com`                          |
 * | `aud`                 | `<ims>/c/<client id>`                              |
 * | `<ims>/s/<metascope>` | `true`, one per metascope; a full URL is kept as is |
 *
 * `iat` and `jti` are optional for IMS and left out, so the signed token holds exactly these claims.
 */
import { describeValue, InputError } from '../errors.ts';
import { getMetascopeClaimKey } from './metascopes.ts';

/** The default JWT lifetime: 5 minutes, as adobe/jwt-auth `index.js` and adobe/aio-lib-ims-jwt `src/ims-jwt.js` set it. */
export const DEFAULT_JWT_LIFETIME_SECONDS = 300;

/** The claims of an IMS exchange JWT; metascope claims are `"<url>": true`. */
export interface JwtClaims {
  readonly exp: number;
  readonly iss: string;
  readonly sub: string;
  readonly aud: string;
  readonly [metascopeClaim: string]: string | number | boolean;
}

/** Input of {@link createJwtClaims}. */
export interface JwtClaimsOptions {
  /** Organization ID, `…@AdobeOrg` (becomes `iss`). */
  readonly orgId: string;
  /** Technical account ID, `…@techacct.adobe.com` (becomes `sub`). */
  readonly technicalAccountId: string;
  /** Client ID (API key) of the credential (part of `aud`). */
  readonly clientId: string;
  /** Metascope names (`event_receiver_api`) or full URLs; at least one. */
  readonly metascopes: readonly string[];
  /** Normalized IMS base URL (see `normalizeImsUrl`). */
  readonly imsUrl: string;
  /** The clock reading the lifetime counts from. */
  readonly now: Date;
  /** Seconds until `exp`. @default 300 */
  readonly lifetimeSeconds?: number;
}

/** Builds the claims of the exchange JWT. Pure; throws `InputError` on a missing or malformed field. */
export function createJwtClaims(options: JwtClaimsOptions): JwtClaims {
  const { orgId, technicalAccountId, clientId, metascopes, imsUrl, now, lifetimeSeconds = DEFAULT_JWT_LIFETIME_SECONDS } = options;
  for (const [name, value] of Object.entries({ orgId, technicalAccountId, clientId, imsUrl })) {
    if (typeof value !== 'string' || value.trim() === '') throw claimError(name, 'a non-empty string', value);
  }
  validateMetascopes(metascopes);
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw claimError('now', 'a valid Date', now);
  if (!Number.isSafeInteger(lifetimeSeconds) || lifetimeSeconds <= 0) {
    throw claimError('lifetimeSeconds', 'a positive whole number of seconds', lifetimeSeconds);
  }
  // exp is integer seconds: a date string or milliseconds is "incorrectly formatted" (ims-jwt.md §2.1)
  const claims: Record<string, string | number | boolean> = {
    exp: Math.floor(now.getTime() / 1000) + lifetimeSeconds,
    iss: orgId,
    sub: technicalAccountId,
    aud: `${imsUrl}/c/${clientId}`,
  };
  for (const metascope of metascopes) claims[getMetascopeClaimKey(metascope, imsUrl)] = true;
  return claims as unknown as JwtClaims;
}

function validateMetascopes(metascopes: unknown): void {
  // A plain string would be iterated character by character (aio-lib-ims-jwt, ims-jwt.md §5.2)
  if (!Array.isArray(metascopes) || metascopes.length === 0) {
    throw claimError('metascopes', 'a non-empty list of metascope names or URLs', metascopes);
  }
  for (const metascope of metascopes) {
    if (typeof metascope !== 'string' || metascope.trim() === '' || metascope !== metascope.trim()) {
      throw claimError('metascopes', 'names or URLs without spaces', metascopes);
    }
  }
}

function claimError(name: string, expected: string, value: unknown): InputError {
  return new InputError(`Expected \`${name}\` to be ${expected}, got ${describeValue(value)}`, { code: 'E_IMS_CLAIMS' });
}
