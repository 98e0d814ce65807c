/**
 * JWT handling of the IMS stand-in, written apart from the product's signing code so the two
 * check each other: decoding as IMS would, RS256 verification with node:crypto against the
 * bound certificates, and the JWT-shaped access token IMS hands out (ims-jwt.md §4.1).
 */
import { createSign, createVerify, generateKeyPairSync, randomUUID, X509Certificate, type KeyObject } from 'node:crypto';

/** A compact JWT split and decoded; `undefined` from {@link decodeJwt} = "incorrectly formatted". */
export interface DecodedJwt {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
  readonly signingInput: string;
  readonly signature: Buffer;
}

/** Splits and decodes a compact JWT; undefined when it has not three base64url parts of JSON objects and a signature. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part))) return undefined;
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const header = parseObject(headerPart);
  const payload = parseObject(payloadPart);
  // An unsigned JWT (empty signature) is "incorrectly formatted" (ServiceNow KB1001921, ims-jwt.md §3.3).
  if (header === undefined || payload === undefined || signaturePart === '') return undefined;
  return { header, payload, signingInput: `${headerPart}.${payloadPart}`, signature: Buffer.from(signaturePart, 'base64url') };
}

function parseObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** True when one of the certificates, valid at `now`, verifies the RS256 signature. */
export function verifyWithCertificates(jwt: DecodedJwt, certificatePems: readonly string[], now: Date): boolean {
  return certificatePems.some((pem) => {
    const certificate = new X509Certificate(pem);
    // An expired certificate no longer matches: the classic "Could not match JWT signature" (ims-jwt.md §4.2).
    if (new Date(certificate.validTo) < now || new Date(certificate.validFrom) > now) return false;
    return createVerify('RSA-SHA256').update(jwt.signingInput).verify(certificate.publicKey, jwt.signature);
  });
}

let standInKey: KeyObject | undefined;

/** Claims of a stand-in access token (ims-jwt.md §4.1: what aio-lib-ims and AEM read). */
export interface AccessTokenClaims {
  readonly clientId: string;
  readonly userId: string;
  readonly scope: string;
  readonly createdAt: Date;
  readonly expiresInMs: number;
}

/** Mints a JWT-shaped access token with `created_at` and `expires_in` as strings of milliseconds, RS256-signed by a stand-in key. */
export function mintAccessToken(claims: AccessTokenClaims): string {
  standInKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const header = { alg: 'RS256', x5u: 'ims_na1-key-at-1.cer', kid: 'ims_na1-key-at-1', itt: 'at' };
  const payload = {
    id: `${claims.createdAt.getTime()}_${randomUUID()}_ue1`,
    type: 'access_token',
    client_id: claims.clientId,
    user_id: claims.userId,
    as: 'ims-na1',
    created_at: String(claims.createdAt.getTime()),
    expires_in: String(claims.expiresInMs),
    scope: claims.scope,
  };
  const signingInput = `${encode(header)}.${encode(payload)}`;
  return `${signingInput}.${createSign('RSA-SHA256').update(signingInput).sign(standInKey).toString('base64url')}`;
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
