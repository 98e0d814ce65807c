/**
 * The self-signed X.509 v3 certificate that users upload to the Adobe Developer Console, signed
 * with SHA-256 (`sha256WithRSAEncryption`), like Adobe's `openssl req -x509 -sha256` step
 * (AdobeDocs/adobeio-events `aem/aem_keystore_setup.md`). RFC 5280:
 *
 * ```
 * Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }
 * TBSCertificate ::= SEQUENCE { [0] version v3, serialNumber, signature, issuer, validity,
 *                               subject, subjectPublicKeyInfo, [3] extensions }
 * ```
 *
 * The structure is built with the DER helpers (node-forge's `x509` module costs 20-70 ms to load,
 * more than everything else keygen does besides the prime search); node:crypto gives the
 * SubjectPublicKeyInfo and signs, so no RSA runs in JavaScript. Extensions: `basicConstraints`
 * CA:FALSE and `keyUsage` digitalSignature (both critical: the key signs JWTs and nothing else),
 * `subjectKeyIdentifier` (SHA-1 of the public key, RFC 5280 §4.2.1.2 method 1). The serial number
 * is 16 random bytes with the top bits `01`: positive, no leading zero byte, 126 random bits.
 */
import { createPublicKey, hash, type KeyObject, sign } from 'node:crypto';
import {
  type Asn1,
  bitString,
  boolean,
  decodeDer,
  directoryString,
  encodeDer,
  explicit,
  integer,
  integerBytes,
  nullValue,
  octetString,
  oid,
  readSequence,
  sequence,
  setOf,
  x509Time,
} from './der.ts';
import { NAME_ATTRIBUTES, type NameAttribute } from './distinguished-name.ts';

/** Options of {@link createSelfSignedCertificate}. */
export interface SelfSignedCertificateOptions {
  /** The RSA private key that signs (and whose public key is certified). */
  readonly privateKey: KeyObject;
  /** Subject and issuer, in certificate order. */
  readonly subject: readonly NameAttribute[];
  /** Start of validity; milliseconds are dropped (X.509 times have seconds). */
  readonly notBefore: Date;
  /** Days of validity. */
  readonly days: number;
  /** Positive serial number, big-endian: see {@link createSerialNumber}. */
  readonly serialNumber: Buffer;
}

/** A certificate in both encodings. */
export interface SelfSignedCertificate {
  readonly der: Buffer;
  readonly pem: string;
}

const DAY_MS = 86_400_000;
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const EXTENSION = { basicConstraints: '2.5.29.19', keyUsage: '2.5.29.15', subjectKeyIdentifier: '2.5.29.14' } as const;

/** A random positive 16-byte serial number. */
export function createSerialNumber(randomBytes: (size: number) => Buffer): Buffer {
  const serial = Buffer.from(randomBytes(16));
  serial[0] = ((serial[0] ?? 0) & 0x3f) | 0x40;
  return serial;
}

/** Creates and signs the certificate. */
export function createSelfSignedCertificate(options: SelfSignedCertificateOptions): SelfSignedCertificate {
  const { privateKey, subject, days, serialNumber } = options;
  const notBefore = new Date(Math.floor(options.notBefore.getTime() / 1000) * 1000);
  const spki = decodeDer(createPublicKey(privateKey).export({ type: 'spki', format: 'der' }), 'SubjectPublicKeyInfo');
  const name = encodeName(subject);
  const algorithm = sequence(oid(SHA256_WITH_RSA), nullValue());
  const tbs = sequence(
    explicit(0, integer(2)),
    integerBytes(serialNumber),
    algorithm,
    name,
    sequence(x509Time(notBefore), x509Time(new Date(notBefore.getTime() + days * DAY_MS))),
    name,
    spki,
    explicit(3, sequence(...extensions(spki))),
  );
  const tbsDer = encodeDer(tbs);
  // RSASSA-PKCS1-v1_5 with SHA-256, natively (node:crypto's default padding for RSA keys).
  const signature = sign('sha256', tbsDer, privateKey);
  const der = encodeDer(sequence(tbs, algorithm, bitString(signature)));
  return { der, pem: toPem(der) };
}

/** PEM text with 64-character lines, as openssl writes it. */
export function toPem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/gu) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** `Name ::= SEQUENCE OF RelativeDistinguishedName`, one attribute per RDN. */
function encodeName(attributes: readonly NameAttribute[]): Asn1 {
  return sequence(
    ...attributes.map(({ type, value }) => {
      const stringType = type === 'C' ? 'printable' : type === 'emailAddress' ? 'ia5' : 'utf8';
      return setOf(sequence(oid(NAME_ATTRIBUTES[type].oid), directoryString(value, stringType)));
    }),
  );
}

function extensions(spki: Asn1): Asn1[] {
  const publicKeyBits = readSequence(spki, 'SubjectPublicKeyInfo', 2)[1]?.value as string;
  const keyIdentifier = hash('sha1', Buffer.from(publicKeyBits.slice(1), 'latin1'), 'buffer');
  return [
    extension(EXTENSION.basicConstraints, true, sequence()),
    extension(EXTENSION.keyUsage, true, bitString(Buffer.of(0x80), 7)), // digitalSignature (bit 0)
    extension(EXTENSION.subjectKeyIdentifier, false, octetString(keyIdentifier)),
  ];
}

function extension(id: string, critical: boolean, value: Asn1): Asn1 {
  return sequence(oid(id), critical ? boolean(true) : undefined, octetString(encodeDer(value)));
}
