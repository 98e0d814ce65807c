/**
 * Opens a PKCS#12 keystore the way AEM's Java does (`KeyStore.getInstance("PKCS12")`,
 * `getKey(alias, password)`) and hands back the key entry under an alias, so that `build`
 * and `verify` can check a keystore that a user brings before AEM sees it.
 *
 * Java's rules kept here: aliases are the bags' `friendlyName`s, lower-cased, and looked up
 * without regard to case; a key is paired with the certificate of the same `localKeyId`; the
 * chain follows issuers. AEM needs one password for the store and the key
 * (AdobeDocs/experience-manager-learn.en
 * `help/foundation/authentication/set-up-public-private-keys-for-use-with-aem-and-adobe-io.md`).
 */
import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { describeValue, InputError } from '../errors.ts';
import { readUserFileSync } from '../fs/read-user-file.ts';
import { toPem } from './certificate.ts';
import { checkKeyPair } from './key-checks.ts';
import { DerShapeError, UnsupportedAlgorithmError } from './format-errors.ts';
import { keyPasswordError, keystoreFormatError, unencryptedKeyError } from './keystore-errors.ts';
import { checkKeystorePassword } from './keystore-password.ts';
import { type Pkcs12Contents, type Pkcs12KeyBag, parsePkcs12 } from './pkcs12-parse.ts';

/** Options of {@link readPkcs12Keystore}: the keystore as `bytes`, or a `file` to read. */
export interface ReadPkcs12KeystoreOptions {
  readonly bytes?: Uint8Array;
  readonly file?: string;
  /** The one password of the store and the key. */
  readonly password: string;
  /** The alias of the key entry (Java compares aliases without regard to case). */
  readonly alias: string;
  /** Names the keystore in messages. @default the file, or 'keystore' */
  readonly label?: string;
}

/** One entry of a keystore, as `keytool -list` shows it. */
export interface KeystoreAlias {
  readonly alias: string;
  readonly kind: 'key' | 'certificate';
}

/** The key entry under an alias, with how the keystore is protected. */
export interface KeystoreKeyEntry {
  /** The alias as Java sees it (lower case). */
  readonly alias: string;
  readonly privateKey: KeyObject;
  /** PKCS#8 PEM, unencrypted: a secret, never to be printed. */
  readonly privateKeyPem: string;
  readonly certificate: X509Certificate;
  readonly certificatePem: string;
  /** The certificate chain as PEM, the key's own certificate first. */
  readonly chain: readonly string[];
  /** Every entry of the keystore. */
  readonly aliases: readonly KeystoreAlias[];
  /** The key bag's encryption, the certificate containers' encryptions and the MAC digest. */
  readonly protection: { readonly key: string; readonly certificates: readonly string[]; readonly mac: string | undefined };
}

interface Pairing {
  readonly key: Pkcs12KeyBag;
  readonly certificate: X509Certificate | undefined;
}

/** Opens the keystore and returns the key entry under `alias`; throws `InputError` saying what is wrong and what to do. */
export function readPkcs12Keystore(options: ReadPkcs12KeystoreOptions): KeystoreKeyEntry {
  const label = options.label ?? (options.file === undefined ? 'keystore' : `keystore ${options.file}`);
  checkKeystorePassword(options.password, `${label}: the keystore password`);
  const bytes = options.bytes ?? readKeystoreBytes(options.file, label);
  let contents: Pkcs12Contents;
  try {
    contents = parsePkcs12(bytes, options.password);
  } catch (error) {
    throw keystoreFormatError(error, bytes, label);
  }
  const certificates = contents.certificates.map((bag) => new X509Certificate(bag.der));
  const pairings = contents.keys.map((key) => ({ key, certificate: pairCertificate(key, contents, certificates) }));
  const aliases = listAliases(pairings, contents, certificates);
  const wanted = options.alias.toLowerCase();
  const pairing = pairings.find((candidate) => aliasOf(candidate.key) === wanted);
  if (pairing === undefined) throw aliasError(options.alias, aliases, label);
  const privateKey = openPrivateKey(pairing.key, { bytes, label, alias: wanted, hasMac: contents.mac !== undefined });
  if (pairing.certificate === undefined) {
    throw new InputError(`${label}: the key entry ${describeValue(wanted)} has no certificate; AEM needs the key with its certificate: export both (openssl pkcs12 -export -inkey private.key -in certificate_pub.crt -name ${wanted})`, { code: 'E_KEYSTORE_ENTRY' });
  }
  checkKeyPair({ privateKey, certificate: pairing.certificate }, { label: `${label}, entry ${describeValue(wanted)}` });
  const chain = buildChain(pairing.certificate, certificates);
  return {
    alias: wanted,
    privateKey,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    certificate: pairing.certificate,
    certificatePem: toPem(pairing.certificate.raw),
    chain: chain.map((certificate) => toPem(certificate.raw)),
    aliases,
    protection: { key: pairing.key.encryption, certificates: contents.certificateEncryptions, mac: contents.mac?.digest },
  };
}

function readKeystoreBytes(file: string | undefined, label: string): Buffer {
  if (file === undefined) throw new InputError(`${label}: give the keystore's bytes or its file`, { code: 'E_KEYSTORE_FILE' });
  return readUserFileSync(file, {
    name: label,
    kind: 'key',
    code: 'E_KEYSTORE_FILE',
    describeError: (error) => {
      const reason = error.code === 'ENOENT' ? 'the file does not exist' : `it cannot be read (${error.code ?? 'error'})`;
      return new InputError(`${label}: ${reason}`, { code: 'E_KEYSTORE_FILE', cause: error });
    },
  });
}

const aliasOf = (bag: { friendlyName: string | undefined }): string | undefined => bag.friendlyName?.toLowerCase();

function pairCertificate(key: Pkcs12KeyBag, contents: Pkcs12Contents, certificates: X509Certificate[]): X509Certificate | undefined {
  const byKeyId = key.localKeyId === undefined ? -1 : contents.certificates.findIndex((bag) => bag.localKeyId?.equals(key.localKeyId as Buffer));
  if (byKeyId >= 0) return certificates[byKeyId];
  const byName = key.friendlyName === undefined ? -1 : contents.certificates.findIndex((bag) => aliasOf(bag) === aliasOf(key));
  if (byName >= 0) return certificates[byName];
  // Without attributes, Java pairs a lone key with the certificate of its public key.
  const privateKey = tryPrivateKey(key);
  return privateKey === undefined ? undefined : certificates.find((certificate) => certificate.checkPrivateKey(privateKey));
}

function listAliases(pairings: readonly Pairing[], contents: Pkcs12Contents, certificates: X509Certificate[]): KeystoreAlias[] {
  const paired = new Set(pairings.map((pairing) => pairing.certificate));
  const keys = pairings.flatMap(({ key }) => (aliasOf(key) === undefined ? [] : [{ alias: aliasOf(key) as string, kind: 'key' as const }]));
  const trusted = contents.certificates.flatMap((bag, i) =>
    paired.has(certificates[i]) || aliasOf(bag) === undefined ? [] : [{ alias: aliasOf(bag) as string, kind: 'certificate' as const }],
  );
  return [...keys, ...trusted];
}

function aliasError(alias: string, aliases: readonly KeystoreAlias[], label: string): InputError {
  const wanted = alias.toLowerCase();
  const entry = aliases.find((candidate) => candidate.alias === wanted);
  if (entry?.kind === 'certificate') {
    return new InputError(`${label}: ${describeValue(wanted)} is a certificate entry without a private key; AEM needs a key entry (PrivateKeyEntry): put the key and its certificate in the keystore (openssl pkcs12 -export -inkey private.key -in certificate_pub.crt -name ${wanted}, or aem-ioevents keygen)`, { code: 'E_KEYSTORE_ENTRY' });
  }
  const present = aliases.length === 0 ? 'it holds no named entries' : `it holds ${aliases.map((a) => `${describeValue(a.alias)} (${a.kind} entry)`).join(', ')}`;
  return new InputError(`${label}: there is no entry ${describeValue(wanted)}; ${present}. Set keystore.alias to the key entry's name, or re-export the keystore with -name ${wanted}`, { code: 'E_KEYSTORE_ALIAS' });
}

function tryPrivateKey(bag: Pkcs12KeyBag): KeyObject | undefined {
  try {
    return createPrivateKey({ key: bag.decrypt(), format: 'der', type: 'pkcs8' });
  } catch {
    return undefined;
  }
}

/** Decrypts the wanted entry's key only, as Java's `getKey(alias, password)` does. */
function openPrivateKey(bag: Pkcs12KeyBag, keystore: { bytes: Uint8Array; label: string; alias: string; hasMac: boolean }): KeyObject {
  const { bytes, label, alias } = keystore;
  // Java's PKCS12KeyStore loads only shrouded key bags and skips a plain keyBag: keytool lists
  // such a store as "0 entries" and AEM finds no key under the alias (checked with JDK 17).
  if (bag.encryption === 'none') throw unencryptedKeyError(label, alias);
  try {
    return createPrivateKey({ key: bag.decrypt(), format: 'der', type: 'pkcs8' });
  } catch (error) {
    if (error instanceof UnsupportedAlgorithmError || error instanceof DerShapeError) throw keystoreFormatError(error, bytes, label);
    // The key did not decrypt, or decrypted to garbage (1 in 256 passes the padding check): another password.
    throw keyPasswordError(label, alias, keystore.hasMac);
  }
}

/** The key's certificate, then each issuer found in the keystore (as Java builds the chain). */
function buildChain(leaf: X509Certificate, certificates: readonly X509Certificate[]): X509Certificate[] {
  const chain = [leaf];
  for (let current = leaf; chain.length < 10 && current.issuer !== current.subject; ) {
    const issuer = certificates.find((candidate) => candidate.subject === current.issuer && !chain.includes(candidate));
    if (issuer === undefined) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}
