/**
 * Reads a password-protected PKCS#12 file (RFC 7292) into its bags: checks the integrity MAC,
 * decrypts the `encryptedData` containers and the shrouded key bags. Every scheme Java and
 * openssl write is read (see `pbe.ts`); secret, CRL and nested bags are skipped.
 *
 * Throws {@link DerShapeError} for a broken or foreign file, {@link WrongPasswordError} (with the
 * `part` that refused the password) and {@link UnsupportedAlgorithmError}.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  type Asn1,
  decodeDer,
  encodeDer,
  readBmpString,
  readExplicit,
  readImplicitBytes,
  readOctetString,
  readOid,
  readSequence,
  readSet,
  readSmallInteger,
} from './der.ts';
import { DerShapeError, type ProtectedPart, WrongPasswordError } from './format-errors.ts';
import { DIGEST_OID, PKCS12_OID } from './oids.ts';
import { decryptPbe, describePbe } from './pbe.ts';
import { derivePkcs12Key } from './pkcs12-kdf.ts';

/** Attributes common to every bag. */
export interface Pkcs12BagAttributes {
  /** The `friendlyName` attribute (Java's alias before lower-casing). */
  readonly friendlyName: string | undefined;
  /** The `localKeyId` attribute that pairs a key with its certificate. */
  readonly localKeyId: Buffer | undefined;
}

/**
 * A private-key bag. It is decrypted only when asked for, as Java's `getKey(alias, password)`
 * does: another entry under another key password does not stop the wanted one from opening.
 */
export interface Pkcs12KeyBag extends Pkcs12BagAttributes {
  /** PKCS#8 `PrivateKeyInfo` DER; throws {@link WrongPasswordError} (part `key`) when the password does not open it. */
  readonly decrypt: () => Buffer;
  /** The key bag's encryption (`pbeWithSHA1And3-KeyTripleDES-CBC`, `PBES2 (…)`, or `none`). */
  readonly encryption: string;
}

/** A certificate bag. */
export interface Pkcs12CertificateBag extends Pkcs12BagAttributes {
  /** X.509 certificate DER. */
  readonly der: Buffer;
}

/** What a PKCS#12 file holds. */
export interface Pkcs12Contents {
  readonly keys: readonly Pkcs12KeyBag[];
  readonly certificates: readonly Pkcs12CertificateBag[];
  /** The MAC digest (`sha1`, `sha256`) and its iterations; absent when the file has no MAC. */
  readonly mac: { readonly digest: string; readonly iterations: number } | undefined;
  /** The encryption of each container that holds certificates (`none` for plain `data`). */
  readonly certificateEncryptions: readonly string[];
}

/** Reads a PKCS#12 file: checks its MAC, decrypts its certificate containers; keys decrypt on demand. */
export function parsePkcs12(bytes: Uint8Array, password: string): Pkcs12Contents {
  const [version, authSafe, macDataNode] = readSequence(decodeDer(bytes, 'the file'), 'PFX', 2);
  if (readSmallInteger(version, 'PFX.version') !== 3) throw new DerShapeError('PFX.version is not 3');
  const [contentType, content] = readSequence(authSafe, 'PFX.authSafe', 2);
  if (readOid(contentType, 'PFX.authSafe.contentType') !== PKCS12_OID.data) throw new DerShapeError('the file uses public-key integrity mode, which is not supported');
  const authSafeBytes = readOctetString(readExplicit(content, 0, 'PFX.authSafe.content'), 'PFX.authSafe.content');
  const mac = macDataNode === undefined ? undefined : checkMac(macDataNode, authSafeBytes, password);
  const keys: Pkcs12KeyBag[] = [];
  const certificates: Pkcs12CertificateBag[] = [];
  const certificateEncryptions: string[] = [];
  for (const info of readSequence(decodeDer(authSafeBytes, 'AuthenticatedSafe'), 'AuthenticatedSafe')) {
    const { safeContents, encryption } = openContentInfo(info, password);
    const certificatesBefore = certificates.length;
    for (const bag of readSequence(decodeDer(safeContents, 'SafeContents'), 'SafeContents')) {
      readSafeBag(bag, password, { keys, certificates });
    }
    if (certificates.length > certificatesBefore) certificateEncryptions.push(encryption);
  }
  return { keys, certificates, mac, certificateEncryptions };
}

function checkMac(node: Asn1, authSafe: Buffer, password: string): { digest: string; iterations: number } {
  const [digestInfo, saltNode, iterationsNode] = readSequence(node, 'MacData', 2);
  const [algorithm, digestNode] = readSequence(digestInfo, 'MacData.mac', 2);
  const digestOid = readOid(readSequence(algorithm, 'MacData.mac.digestAlgorithm', 1)[0], 'MacData.mac.digestAlgorithm');
  const digest = DIGEST_OID[digestOid];
  if (digest === undefined) throw new DerShapeError(`the MAC digest ${digestOid} is not supported`);
  const iterations = iterationsNode === undefined ? 1 : readSmallInteger(iterationsNode, 'MacData.iterations');
  const expected = readOctetString(digestNode, 'MacData.mac.digest');
  const salt = readOctetString(saltNode, 'MacData.macSalt');
  const key = derivePkcs12Key({ password, salt, iterations, digest, purpose: 3, length: expected.length });
  const actual = createHmac(digest, key).update(authSafe).digest();
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new WrongPasswordError('the integrity check failed');
  return { digest, iterations };
}

function openContentInfo(info: Asn1, password: string): { safeContents: Buffer; encryption: string } {
  const [typeNode, content] = readSequence(info, 'ContentInfo', 2);
  const type = readOid(typeNode, 'ContentInfo.contentType');
  if (type === PKCS12_OID.data) return { safeContents: readOctetString(readExplicit(content, 0, 'ContentInfo.content'), 'ContentInfo.content'), encryption: 'none' };
  if (type !== PKCS12_OID.encryptedData) throw new DerShapeError(`ContentInfo of type ${type} is not supported`);
  const [, encryptedInfo] = readSequence(readExplicit(content, 0, 'EncryptedData'), 'EncryptedData', 2);
  const [, algorithm, encryptedNode] = readSequence(encryptedInfo, 'EncryptedContentInfo', 3);
  const encrypted = readImplicitBytes(encryptedNode, 0, 'EncryptedContentInfo.encryptedContent');
  const safeContents = withPart('certificates', () => decryptPbe(algorithm as Asn1, encrypted, password), 'SafeContents');
  return { safeContents, encryption: describePbe(algorithm as Asn1) };
}

function readSafeBag(bag: Asn1, password: string, into: { keys: Pkcs12KeyBag[]; certificates: Pkcs12CertificateBag[] }): void {
  const [idNode, valueNode, attributesNode] = readSequence(bag, 'SafeBag', 2);
  const bagId = readOid(idNode, 'SafeBag.bagId');
  const value = readExplicit(valueNode, 0, 'SafeBag.bagValue');
  const attributes = readAttributes(attributesNode);
  if (bagId === PKCS12_OID.keyBag) {
    const plain = encodePlain(value);
    into.keys.push({ ...attributes, decrypt: () => plain, encryption: 'none' });
  }
  if (bagId === PKCS12_OID.pkcs8ShroudedKeyBag) {
    const [algorithm, encryptedNode] = readSequence(value, 'EncryptedPrivateKeyInfo', 2);
    const encrypted = readOctetString(encryptedNode, 'EncryptedPrivateKeyInfo.encryptedData');
    // Described now, so that an algorithm we cannot read is named even when the key is not opened.
    const encryption = describePbe(algorithm as Asn1);
    into.keys.push({ ...attributes, decrypt: () => withPart('key', () => decryptPbe(algorithm as Asn1, encrypted, password), 'PrivateKeyInfo'), encryption });
  }
  if (bagId === PKCS12_OID.certBag) {
    const [certId, certValue] = readSequence(value, 'CertBag', 2);
    if (readOid(certId, 'CertBag.certId') !== PKCS12_OID.x509Certificate) return; // SDSI certificates: not for Java
    into.certificates.push({ ...attributes, der: readOctetString(readExplicit(certValue, 0, 'CertBag.certValue'), 'CertBag.certValue') });
  }
}

function readAttributes(node: Asn1 | undefined): Pkcs12BagAttributes {
  let friendlyName: string | undefined;
  let localKeyId: Buffer | undefined;
  for (const attribute of node === undefined ? [] : readSet(node, 'SafeBag.bagAttributes')) {
    const [typeNode, values] = readSequence(attribute, 'PKCS12Attribute', 2);
    const type = readOid(typeNode, 'PKCS12Attribute.attrId');
    const [first] = readSet(values, 'PKCS12Attribute.attrValues');
    if (type === PKCS12_OID.friendlyName) friendlyName = readBmpString(first, 'friendlyName');
    if (type === PKCS12_OID.localKeyId) localKeyId = readOctetString(first, 'localKeyId');
  }
  return { friendlyName, localKeyId };
}

function encodePlain(value: Asn1): Buffer {
  // An unencrypted keyBag holds the PrivateKeyInfo itself; re-encode it to DER bytes.
  readSequence(value, 'PrivateKeyInfo', 3);
  return encodeDer(value);
}

/**
 * Decrypts one part. Padding that happens to be valid after a wrong key (1 time in 256) yields
 * bytes that are not DER: that, too, is a wrong password for this part.
 */
function withPart(part: ProtectedPart, decrypt: () => Buffer, structure: string): Buffer {
  let plain: Buffer;
  try {
    plain = decrypt();
    readSequence(decodeDer(plain, structure), structure);
  } catch (error) {
    if (error instanceof DerShapeError) error = new WrongPasswordError(`${structure} did not decrypt`);
    if (error instanceof WrongPasswordError) error.part = part;
    throw error;
  }
  return plain;
}
