/**
 * Writes a PKCS#12 keystore (RFC 7292) with one private-key entry, the way Java's
 * `KeyStore.getInstance("PKCS12")` and `openssl pkcs12` read it:
 *
 * ```
 * PFX { version 3, authSafe data { AuthenticatedSafe {
 *         encryptedData { SafeContents { certBag (friendlyName, localKeyId) … } },
 *         data { SafeContents { pkcs8ShroudedKeyBag (friendlyName, localKeyId) } } } },
 *       macData }
 * ```
 *
 * | encryption | key bag and certificate bag                         | MAC (PKCS#12 KDF) | iterations |
 * | ---------- | --------------------------------------------------- | ----------------- | ---------- |
 * | `legacy`   | pbeWithSHAAnd3-KeyTripleDES-CBC                     | HMAC-SHA-1        | 2048       |
 * | `aes256`   | PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC              | HMAC-SHA-256      | 10000      |
 *
 * `legacy` is what every Java of AEM 6.x opens, and the algorithms of Adobe's own setup page
 * (`-keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES`, AdobeDocs/adobeio-events
 * `aem/aem_keystore_setup.md`). The certificate
 * bag is encrypted with 3DES too rather than Java 8's RC2-40, because OpenSSL 3 reads RC2 only with
 * `-legacy`. `aes256` is what OpenSSL 3 writes by default, with JDK 17 keytool's 10,000 iterations.
 * One password protects the store, the key and the MAC: AEM needs them equal
 * (AdobeDocs/experience-manager-learn.en
 * `help/foundation/authentication/set-up-public-private-keys-for-use-with-aem-and-adobe-io.md`).
 * The alias is the `friendlyName` of both bags; `localKeyId` is the SHA-1 of the certificate, as
 * openssl writes it, and pairs the key with its certificate.
 */
import { createHmac, hash, randomBytes as nodeRandomBytes } from 'node:crypto';
import {
  type Asn1,
  bmpString,
  encodeDer,
  explicit,
  implicitBytes,
  integer,
  nullValue,
  octetString,
  oid,
  sequence,
  setOf,
} from './der.ts';
import { DIGEST_OID, oidOf, PKCS12_OID } from './oids.ts';
import { encryptPrepared, preparePbe, type PreparedPbe } from './pbe.ts';
import type { Pkcs12Encryption } from './pkcs12-encryption.ts';
import { derivePkcs12Key } from './pkcs12-kdf.ts';

/** Options of {@link preparePkcs12Protection}. */
export interface Pkcs12ProtectionOptions {
  /** The one password of the store, the key and the MAC. */
  readonly password: string;
  /** @default 'legacy' */
  readonly encryption?: Pkcs12Encryption;
  /** Source of salts and IVs; tests pin it. @default crypto.randomBytes */
  readonly randomBytes?: (size: number) => Buffer;
}

/**
 * The derived keys of one keystore's three protections (certificate container, key bag, MAC).
 * Deriving them is the slow part and needs only the password, so a caller can prepare them
 * while the RSA key is being generated. Use one protection for one keystore only.
 */
export interface Pkcs12Protection {
  readonly encryption: Pkcs12Encryption;
  // @internal: left out of the published declarations (tsconfig.build.json `stripInternal`), so a
  // library user gets an opaque object and needs no node-forge types (`PreparedPbe` holds ASN.1).
  /** @internal */
  readonly certificates: PreparedPbe;
  /** @internal */
  readonly key: PreparedPbe;
  /** @internal */
  readonly mac: { readonly digest: string; readonly salt: Buffer; readonly iterations: number; readonly key: Buffer };
}

/** Options of {@link createPkcs12Keystore}. */
export interface Pkcs12KeystoreOptions {
  /** The private key as PKCS#8 `PrivateKeyInfo` DER. */
  readonly privateKeyDer: Uint8Array;
  /** The certificate chain as DER, the key's own certificate first. */
  readonly certificateDers: readonly Uint8Array[];
  /** The alias (`friendlyName`), lower case. */
  readonly alias: string;
  /** From {@link preparePkcs12Protection}. */
  readonly protection: Pkcs12Protection;
}

const SCHEMES: Readonly<Record<Pkcs12Encryption, { readonly macDigest: string; readonly macLength: number; readonly iterations: number }>> = {
  legacy: { macDigest: 'sha1', macLength: 20, iterations: 2048 },
  aes256: { macDigest: 'sha256', macLength: 32, iterations: 10_000 },
};

/** Derives the keys that protect one keystore. */
export function preparePkcs12Protection(options: Pkcs12ProtectionOptions): Pkcs12Protection {
  const { password, encryption = 'legacy', randomBytes = nodeRandomBytes } = options;
  const { macDigest: digest, macLength, iterations } = SCHEMES[encryption];
  const pbe = { encryption, password, iterations, randomBytes };
  const salt = randomBytes(20);
  const macKey = derivePkcs12Key({ password, salt, iterations, digest, purpose: 3, length: macLength });
  return { encryption, certificates: preparePbe(pbe), key: preparePbe(pbe), mac: { digest, salt, iterations, key: macKey } };
}

/** Builds the PKCS#12 keystore bytes (DER). */
export function createPkcs12Keystore(options: Pkcs12KeystoreOptions): Buffer {
  const { privateKeyDer, certificateDers, alias, protection } = options;
  const [leaf] = certificateDers;
  if (leaf === undefined) throw new Error('createPkcs12Keystore needs the certificate of the key');
  const attributes = bagAttributes(alias, hash('sha1', leaf, 'buffer'));
  const certBags = certificateDers.map((der, i) =>
    safeBag(PKCS12_OID.certBag, sequence(oid(PKCS12_OID.x509Certificate), explicit(0, octetString(der))), i === 0 ? attributes : undefined),
  );
  const sealed = encryptPrepared(protection.certificates, encodeDer(sequence(...certBags)));
  const encryptedInfo = sequence(oid(PKCS12_OID.data), protection.certificates.algorithm, implicitBytes(0, sealed));
  const certificates = sequence(oid(PKCS12_OID.encryptedData), explicit(0, sequence(integer(0), encryptedInfo)));
  const shrouded = sequence(protection.key.algorithm, octetString(encryptPrepared(protection.key, privateKeyDer)));
  const key = dataContent(encodeDer(sequence(safeBag(PKCS12_OID.pkcs8ShroudedKeyBag, shrouded, attributes))));
  const authSafe = encodeDer(sequence(certificates, key));
  return encodeDer(sequence(integer(3), dataContent(authSafe), macData(authSafe, protection.mac)));
}

/** `ContentInfo { data, [0] OCTET STRING }`. */
function dataContent(bytes: Uint8Array): Asn1 {
  return sequence(oid(PKCS12_OID.data), explicit(0, octetString(bytes)));
}

function safeBag(bagId: string, value: Asn1, attributes: Asn1 | undefined): Asn1 {
  return sequence(oid(bagId), explicit(0, value), attributes);
}

function bagAttributes(alias: string, localKeyId: Buffer): Asn1 {
  return setOf(
    sequence(oid(PKCS12_OID.friendlyName), setOf(bmpString(alias))),
    sequence(oid(PKCS12_OID.localKeyId), setOf(octetString(localKeyId))),
  );
}

/** MacData: HMAC over the AuthenticatedSafe, keyed by the PKCS#12 KDF (purpose 3, RFC 7292 B.4). */
function macData(authSafe: Buffer, mac: Pkcs12Protection['mac']): Asn1 {
  const value = createHmac(mac.digest, mac.key).update(authSafe).digest();
  const digestInfo = sequence(sequence(oid(oidOf(DIGEST_OID, mac.digest)), nullValue()), octetString(value));
  return sequence(digestInfo, octetString(mac.salt), integer(mac.iterations));
}
