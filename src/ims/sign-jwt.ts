/**
 * Signs the exchange JWT with RS256 through `jsonwebtoken`, the library Adobe's own Node clients
 * use (adobe/jwt-auth `index.js`, adobe/aio-lib-ims-jwt `src/ims-jwt.js`). The module is loaded on
 * first use: it costs tens of milliseconds.
 */
import { InputError } from '../errors.ts';
import type { JwtClaims } from './jwt-claims.ts';

/** The key that signs: a PEM private key (PKCS#8 or PKCS#1, optionally encrypted). */
export interface SignJwtOptions {
  /** The private key as PEM text; never printed. */
  readonly privateKeyPem: string;
  /** Passphrase of an encrypted PEM key. */
  readonly passphrase?: string;
}

/**
 * Signs `claims` exactly as given (no `iat` is added) with RS256; header `{"alg":"RS256","typ":"JWT"}`.
 * Throws `InputError` (exit 2) naming the reason when the key cannot sign; the key is never in the message.
 */
export async function signJwt(claims: JwtClaims, options: SignJwtOptions): Promise<string> {
  const { default: jwt } = await import('jsonwebtoken');
  try {
    return jwt.sign({ ...claims }, { key: options.privateKeyPem, passphrase: options.passphrase ?? '' }, { algorithm: 'RS256', noTimestamp: true });
  } catch (error) {
    throw new InputError(describeSignFailure(error), { code: 'E_IMS_PRIVATE_KEY' });
  }
}

// jsonwebtoken 9's messages for the failures users meet (ims-jwt.md §3.4); they never quote the key.
function describeSignFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/minimum key size of 2048/.test(message)) {
    return 'The private key cannot sign the JWT: RS256 needs an RSA key of at least 2048 bits. Make a new key and certificate (aem-ioevents keygen) and upload the certificate.';
  }
  if (/not valid key material|must have a value|must be an asymmetric key/.test(message)) {
    return 'The private key cannot sign the JWT: it is not a PEM private key (a certificate, a PEM whose line breaks became literal \\n, a PEM flattened onto one line, or base64 of a PEM), or it is encrypted and the passphrase is missing or wrong.';
  }
  return `The private key cannot sign the JWT with RS256: ${message}. Use an RSA private key (PEM) of at least 2048 bits.`;
}
