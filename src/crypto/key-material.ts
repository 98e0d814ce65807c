/**
 * `createKeyMaterial()`: everything `aem-ioevents keygen` writes, in memory, replacing the
 * openssl steps of Adobe's keystore setup page (AdobeDocs/adobeio-events `aem/aem_keystore_setup.md`):
 *
 * 1. an RSA key (node:crypto, native), unless one is given;
 * 2. the keystore's password-derived keys, while the RSA key is still being generated;
 * 3. the self-signed certificate (SHA-256, random positive serial);
 * 4. the PKCS#12 keystore under the alias, one password for store and key;
 * 5. the private key as PKCS#8 PEM and as one line of base64 DER (`aio.encoded.pkcs8`).
 *
 * `now`, `randomBytes` and the key are parameters, so the same input gives the same bytes.
 */
import { type KeyObject, randomBytes as nodeRandomBytes, X509Certificate } from 'node:crypto';
import { createSelfSignedCertificate, createSerialNumber } from './certificate.ts';
import { describeCertificate, type CertificateInfo } from './certificate-info.ts';
import { DEFAULT_SUBJECT, formatDistinguishedName, parseDistinguishedName } from './distinguished-name.ts';
import { checkCertificate, checkKeyPair } from './key-checks.ts';
import { DEFAULT_ALIAS, DEFAULT_DAYS, normalizeAlias, normalizeBits, normalizeDays, normalizeP12Encryption, type RsaBits } from './key-options.ts';
import { generateRsaPrivateKey } from './key-pair.ts';
import { checkKeystorePassword } from './keystore-password.ts';
import { toPkcs8Pem } from './pem.ts';
import { createPkcs12Keystore, preparePkcs12Protection } from './pkcs12.ts';
import type { Pkcs12Encryption } from './pkcs12-encryption.ts';

/** Options of {@link createKeyMaterial}. */
export interface KeyMaterialOptions {
  /** The one password of the keystore and its key. */
  readonly password: string;
  /** Keystore alias, lower case. @default 'eventproxy' */
  readonly alias?: string;
  /** Certificate subject, `CN=…, O=…` or `/O=…/CN=…`. @default 'CN=eventproxy' */
  readonly subject?: string;
  /** Days of validity, 1 to 3650. @default 365 */
  readonly days?: number;
  /** RSA size of a generated key. @default 2048 */
  readonly bits?: RsaBits;
  /** @default 'legacy' */
  readonly p12Encryption?: Pkcs12Encryption;
  /** Start of validity. @default new Date() */
  readonly now?: Date;
  /** Source of the serial number, salts and IVs. @default crypto.randomBytes */
  readonly randomBytes?: (size: number) => Buffer;
  /** A key to use instead of generating one, or one being generated (`generateRsaPrivateKey`). */
  readonly privateKey?: KeyObject | Promise<KeyObject>;
}

/** The key, the certificate and the keystore, ready to be written. */
export interface KeyMaterial {
  /** `private.key`: PKCS#8 PEM, unencrypted. Secret. */
  readonly privateKeyPem: string;
  /** `certificate_pub.crt`: PEM. */
  readonly certificatePem: string;
  /** `keystore.p12`: PKCS#12 DER. */
  readonly pkcs12: Buffer;
  /** `private.key.pkcs8.b64`: base64 of the PKCS#8 DER, one line. Secret. */
  readonly pkcs8Base64: string;
  readonly alias: string;
  readonly p12Encryption: Pkcs12Encryption;
  /** The certificate's facts: subject, serial, dates, SHA-256 fingerprint, key size. */
  readonly certificate: CertificateInfo;
  /** A warning when the certificate expires within 30 days (a short `days`). */
  readonly warnings: readonly string[];
}

/** Creates the key (unless given), the certificate and the keystore. Throws `InputError` for invalid options. */
export async function createKeyMaterial(options: KeyMaterialOptions): Promise<KeyMaterial> {
  const { password, now = new Date(), randomBytes = nodeRandomBytes } = options;
  const alias = normalizeAlias(options.alias ?? DEFAULT_ALIAS, 'alias');
  const days = normalizeDays(options.days ?? DEFAULT_DAYS, 'days');
  const bits = normalizeBits(options.bits ?? 2048, 'bits');
  const p12Encryption = normalizeP12Encryption(options.p12Encryption ?? 'legacy', 'p12Encryption');
  const subject = parseDistinguishedName(options.subject ?? DEFAULT_SUBJECT, 'subject');
  checkKeystorePassword(password, 'the keystore password');
  const pendingKey = options.privateKey ?? generateRsaPrivateKey(bits);
  // The slow, password-only part runs while the thread pool searches for primes.
  const protection = preparePkcs12Protection({ password, encryption: p12Encryption, randomBytes });
  const privateKey = await pendingKey;
  const certificate = createSelfSignedCertificate({ privateKey, subject, notBefore: now, days, serialNumber: createSerialNumber(randomBytes) });
  const x509 = new X509Certificate(certificate.der);
  checkKeyPair({ privateKey, certificate: x509 }, { label: 'the key' });
  const privateKeyDer = privateKey.export({ type: 'pkcs8', format: 'der' });
  const pkcs12 = createPkcs12Keystore({ privateKeyDer, certificateDers: [certificate.der], alias, protection });
  const info = describeCertificate(x509);
  return {
    privateKeyPem: toPkcs8Pem(privateKey),
    certificatePem: certificate.pem,
    pkcs12,
    pkcs8Base64: privateKeyDer.toString('base64'),
    alias,
    p12Encryption,
    certificate: { ...info, subject: formatDistinguishedName(subject) },
    warnings: checkCertificate(x509, { label: 'certificate_pub.crt', now }),
  };
}
