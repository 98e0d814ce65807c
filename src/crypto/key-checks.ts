/**
 * The checks keygen, build and verify run on keys, whether we made them or the user brought
 * them (a PEM key and certificate, or a PKCS#12 entry):
 *
 * | check                                    | failure                     | code                  |
 * | ---------------------------------------- | --------------------------- | --------------------- |
 * | the key is RSA                           | error                       | `E_KEY_TYPE`          |
 * | RSA of 2048 bits or more                 | error                       | `E_KEY_SIZE`          |
 * | the key matches the certificate          | error                       | `E_KEY_MISMATCH`      |
 * | the certificate is valid now             | error (expired, not yet)    | `E_CERT_EXPIRED`, `E_CERT_NOT_YET_VALID` |
 * | it expires within 30 days                | warning                     |                       |
 *
 * The JWT that IMS exchanges is RS256 (AdobeDocs/adobeio-auth `JWT/JWT.md`); Adobe cannot renew
 * an expired certificate, a new one must be uploaded (AdobeDocs/experience-manager-65.en
 * `help/assets/config-smart-tagging.md`).
 */
import type { KeyObject, X509Certificate } from 'node:crypto';
import { InputError } from '../errors.ts';
import { describeCertificate, formatInstant } from './certificate-info.ts';

/** Smallest RSA key accepted. */
export const MIN_RSA_BITS = 2048;

/** A certificate that expires within this many days gets a warning. */
export const EXPIRY_WARNING_DAYS = 30;

const DAY_MS = 86_400_000;
const RENEW = 'Adobe cannot renew an expired certificate: make a new key and certificate (aem-ioevents keygen), upload certificate_pub.crt to the Adobe Developer Console and replace the key in AEM';

/** Options of the checks: `label` names the key or file in messages. */
export interface KeyCheckOptions {
  readonly label: string;
}

/** Throws `InputError` unless the private key is RSA of at least 2048 bits. */
export function checkPrivateKey(privateKey: KeyObject, options: KeyCheckOptions): void {
  const { label } = options;
  if (privateKey.asymmetricKeyType !== 'rsa') {
    const type = privateKey.asymmetricKeyType ?? privateKey.type;
    throw new InputError(`${label}: the key is ${type}, not RSA; the JWT that Adobe IMS exchanges is signed with RS256, which needs an RSA key of ${MIN_RSA_BITS} bits or more`, { code: 'E_KEY_TYPE' });
  }
  const bits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    throw new InputError(`${label}: the RSA key has ${bits} bits; ${MIN_RSA_BITS} or more are needed: make a new key with aem-ioevents keygen`, { code: 'E_KEY_SIZE' });
  }
}

/** Throws `InputError` unless the key is a strong RSA key and belongs to the certificate. */
export function checkKeyPair(pair: { privateKey: KeyObject; certificate: X509Certificate }, options: KeyCheckOptions): void {
  checkPrivateKey(pair.privateKey, options);
  if (!pair.certificate.checkPrivateKey(pair.privateKey)) {
    throw new InputError(
      `${options.label}: the private key does not belong to the certificate (their public keys differ); use the key and the certificate that were made together, or the keystore entry that holds both`,
      { code: 'E_KEY_MISMATCH' },
    );
  }
}

/** Throws `InputError` when the certificate is not valid at `now`; returns a warning when it expires within 30 days. */
export function checkCertificate(certificate: X509Certificate, options: KeyCheckOptions & { readonly now: Date }): string[] {
  const { label, now } = options;
  const { notBefore, notAfter } = describeCertificate(certificate);
  if (now.getTime() < notBefore.getTime()) {
    throw new InputError(`${label}: the certificate is not valid before ${formatInstant(notBefore)}; check this machine's clock, or wait until then`, { code: 'E_CERT_NOT_YET_VALID' });
  }
  const daysLeft = (notAfter.getTime() - now.getTime()) / DAY_MS;
  if (daysLeft <= 0) {
    throw new InputError(`${label}: the certificate expired on ${formatInstant(notAfter)}. ${RENEW}`, { code: 'E_CERT_EXPIRED' });
  }
  if (daysLeft <= EXPIRY_WARNING_DAYS) {
    const days = Math.floor(daysLeft);
    const when = days < 1 ? 'in less than a day' : days === 1 ? 'in 1 day' : `in ${days} days`;
    return [`${label}: the certificate expires on ${formatInstant(notAfter)}, ${when}. ${RENEW} before then`];
  }
  return [];
}

/** Every check on a key and its certificate; returns the warnings. */
export function checkKeyAndCertificate(
  pair: { privateKey: KeyObject; certificate: X509Certificate },
  options: KeyCheckOptions & { readonly now: Date },
): string[] {
  checkKeyPair(pair, options);
  return checkCertificate(pair.certificate, options);
}
