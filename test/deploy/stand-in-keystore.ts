/**
 * The stand-in's user keystores: `GET <home>.ks.json` and `POST <home>.ks.html` as AEM's
 * Granite keystore servlet answers them (aem-io-events.md §3.1–§3.3): `{"exists":false}` until
 * `:operation=createStore`; "add private key from KeyStore file" opens the uploaded PKCS#12 with
 * `keyStorePass` and takes the entry `alias` as `newAlias` (lower case, as Java's PKCS12 store);
 * a `keyPassword` that differs imports nothing ("Entering a mismatched password results in the
 * key not being imported", §3.3); `removeAlias` deletes. The JSON lists each key's chain like
 * swagger-aem's `KeystoreChainItems`, the serial a bare integer beyond 2^53. Test code only.
 */
import { X509Certificate } from 'node:crypto';
import { readPkcs12Keystore } from '../../src/crypto/keystore.ts';
import { describeCertificate } from '../../src/crypto/certificate-info.ts';
import { htmlReply, slingErrorPage, type Reply } from './stand-in-replies.ts';

const SERVLET = 'com.adobe.granite.keystore.internal.KeyStoreManagingServlet';
const CRYPTO_EXCEPTION = 'com.adobe.granite.crypto.CryptoException: Cannot convert byte data';
const CRYPTO_AT = 'com.adobe.granite.keystore.internal.KeyStoreServiceImpl.extractStorePassword(KeyStoreServiceImpl.java:784)';
// aem-io-events.md §6: what a PKCS#12 AEM's Java cannot open with the password sent gives.
const UNRECOVERABLE_KEY = 'java.security.UnrecoverableKeyException: Get Key failed: Given final block not properly padded. Such issues can arise if a bad key is used during decryption.';

/** A key as the stand-in keeps it. */
export interface StoredKey {
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Decimal digits. */
  readonly serialNumber: string;
}

/** One user's keystore. */
export interface StandInKeystore {
  exists: boolean;
  /** The store's own password, set by createStore (a secret of AEM's). */
  password: string | undefined;
  readonly keys: Map<string, StoredKey>;
  /**
   * Copied from an instance with other crypto keys (a package holding `<home>/keystore`): AEM cannot
   * decrypt the store's password, so every call fails (aem-io-events.md §3.2, acs-aem-commons#942).
   */
  foreign?: boolean;
}

/** A new, absent keystore. */
export function emptyKeystore(): StandInKeystore {
  return { exists: false, password: undefined, keys: new Map() };
}

/** The key of a certificate, as AEM would list it. */
export function storedKeyOf(certificatePem: string): StoredKey {
  const info = describeCertificate(new X509Certificate(certificatePem));
  return { subject: info.subject, issuer: info.issuer, notBefore: info.notBefore, notAfter: info.notAfter, serialNumber: BigInt(`0x${info.serialNumber}`).toString(10) };
}

/** `.ks.json`, with the serial numbers written as bare integers. */
export function keystoreJson(store: StandInKeystore, path: string): Reply {
  if (store.foreign) return slingErrorPage(path, SERVLET, CRYPTO_EXCEPTION, CRYPTO_AT);
  if (!store.exists) return { status: 200, contentType: 'application/json;charset=utf-8', body: '{"exists":false}' };
  const aliases = [...store.keys].map(([alias, key]) => {
    const chain = `{"subject":${JSON.stringify(key.subject)},"issuer":${JSON.stringify(key.issuer)},"notBefore":${JSON.stringify(javaDate(key.notBefore))},"notAfter":${JSON.stringify(javaDate(key.notAfter))},"serialNumber":${key.serialNumber}}`;
    return `{"alias":${JSON.stringify(alias)},"entryType":"privateKey","algorithm":"RSA","format":"PKCS#8","chain":[${chain}]}`;
  });
  return { status: 200, contentType: 'application/json;charset=utf-8', body: `{"exists":true,"aliases":[${aliases.join(',')}]}` };
}

/** A `.ks.html` POST: create, remove or add. */
export async function postKeystore(store: StandInKeystore, form: FormData, path: string): Promise<Reply> {
  if (store.foreign) return slingErrorPage(path, SERVLET, CRYPTO_EXCEPTION, CRYPTO_AT);
  const field = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : undefined);
  if (field(':operation') === 'createStore') {
    const password = field('newPassword');
    if (store.exists) return htmlReply(500, 'Error', 'KeyStore already exists');
    if (!password || password !== field('rePassword')) return htmlReply(500, 'Error', 'Passwords do not match');
    Object.assign(store, { exists: true, password });
    return htmlReply(200, 'KeyStore created');
  }
  const remove = field('removeAlias');
  if (remove !== undefined) {
    store.keys.delete(remove.toLowerCase());
    return htmlReply(200, 'Key removed');
  }
  const file = form.get('keyStore');
  if (file === null || typeof file === 'string') return htmlReply(500, 'Error', 'no operation');
  if (!store.exists) return htmlReply(500, 'Error', 'com.adobe.granite.keystore.KeyStoreNotInitialisedException');
  const password = field('keyStorePass') ?? '';
  // §3.3: a key password that differs imports nothing, and the page says so only in its text.
  if (field('keyPassword') !== password) return htmlReply(200, 'KeyStore', 'The private key could not be imported');
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const entry = readPkcs12Keystore({ bytes, password, alias: field('alias') ?? '' });
    store.keys.set((field('newAlias') ?? entry.alias).toLowerCase(), storedKeyOf(entry.certificatePem));
    return htmlReply(200, 'Key added');
  } catch {
    return slingErrorPage(path, SERVLET, UNRECOVERABLE_KEY, `${SERVLET}.doPost(KeyStoreManagingServlet.java:201)`);
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// java.util.Date.toString in UTC: "Sun Jul 01 12:00:00 UTC 2018".
function javaDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}
