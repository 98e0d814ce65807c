/**
 * What a certificate says, read with node:crypto's `X509Certificate`: the facts keygen prints
 * and the checks use (subject, serial, dates, SHA-256 fingerprint, key size).
 */
import type { X509Certificate } from 'node:crypto';

/** The printable facts of a certificate. */
export interface CertificateInfo {
  /** Subject in RFC 4514 order, `CN=…, O=…, C=…` (as keytool prints it). */
  readonly subject: string;
  /** Issuer, same form; equal to the subject for a self-signed certificate. */
  readonly issuer: string;
  /** Serial number, upper-case hex. */
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** SHA-256 fingerprint, `AB:CD:…` as keytool and openssl print it. */
  readonly fingerprint256: string;
  /** The public key's type (`rsa`, `ec`, …). */
  readonly keyType: string;
  /** RSA modulus size in bits; undefined for other key types. */
  readonly keyBits: number | undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Reads the facts of a certificate. */
export function describeCertificate(certificate: X509Certificate): CertificateInfo {
  const key = certificate.publicKey;
  return {
    subject: formatX509Name(certificate.subject),
    issuer: formatX509Name(certificate.issuer),
    serialNumber: certificate.serialNumber.toUpperCase(),
    notBefore: parseX509Time(certificate.validFrom),
    notAfter: parseX509Time(certificate.validTo),
    fingerprint256: certificate.fingerprint256,
    keyType: key.asymmetricKeyType ?? 'unknown',
    keyBits: key.asymmetricKeyType === 'rsa' ? key.asymmetricKeyDetails?.modulusLength : undefined,
  };
}

/**
 * Parses the time `X509Certificate` prints (OpenSSL's `ASN1_TIME_print`: `Nov 23 12:00:00 2027 GMT`,
 * day space-padded, optional fraction). Node 20 has no `validToDate` yet.
 */
export function parseX509Time(text: string): Date {
  const match = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d+)? (\d{4}) GMT$/u.exec(text);
  const month = match === null ? -1 : MONTHS.indexOf(match[1] as string);
  if (match === null || month < 0) throw new Error(`unexpected certificate time ${JSON.stringify(text)}`);
  const [day, hour, minute, second, year] = [match[2], match[3], match[4], match[5], match[6]].map(Number) as [number, number, number, number, number];
  return new Date(Date.UTC(year, month, day, hour, minute, second));
}

/** `2027-11-23T12:00:00Z`: ISO 8601 without milliseconds, for messages and reports. */
export function formatInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/u, 'Z');
}

/** Node prints names one attribute per line in certificate order; we print them RFC 4514 style. */
function formatX509Name(lines: string): string {
  return lines.split('\n').filter(Boolean).reverse().join(', ');
}
