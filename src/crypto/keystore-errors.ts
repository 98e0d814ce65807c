/**
 * Turns the PKCS#12 reader's failures into messages that say what the file is and what to do.
 * A wrong password is the common case (the integrity MAC fails), and a Java KeyStore or a PEM
 * file given where a PKCS#12 belongs the next: both are recognised by their first bytes.
 */
import { describeValue, InputError } from '../errors.ts';
import { DerShapeError, UnsupportedAlgorithmError, WrongPasswordError } from './format-errors.ts';

// Where the password comes from in every configuration (SPEC.md "Configuration file"), so the
// message names what to change (issue 12, point 9).
const FIX_PASSWORD = 'keystore.password (or IOEVENTS_KEYSTORE_PASSWORD, which the configuration usually reads it from) must be';

const JKS_MAGIC = 0xfeedfeed;
const JCEKS_MAGIC = 0xcececece;

/** The `InputError` for a keystore that could not be opened. */
export function keystoreFormatError(error: unknown, bytes: Uint8Array, label: string): InputError {
  if (error instanceof WrongPasswordError) return wrongPassword(error, label);
  if (error instanceof UnsupportedAlgorithmError) {
    return new InputError(`${label}: ${error.message}; export the keystore again with algorithms Java reads (openssl pkcs12 -export -legacy, or aem-ioevents keygen)`, {
      code: 'E_KEYSTORE_ALGORITHM',
    });
  }
  if (error instanceof DerShapeError) return new InputError(`${label}: ${describeForeignFile(bytes) ?? `is not a readable PKCS#12 keystore (${error.message})`}`, { code: 'E_KEYSTORE_FORMAT' });
  throw error;
}

/**
 * The `InputError` for the wanted entry's key that the keystore password does not open. With an
 * integrity MAC the password was right, so the key has a password of its own; without one (openssl
 * `-nomac`) the keystore password itself is the likelier fault.
 */
export function keyPasswordError(label: string, alias: string, hasMac: boolean): InputError {
  if (!hasMac) {
    return new InputError(
      `${label}: the keystore password does not open the key entry ${describeValue(alias)} (the keystore has no integrity check that would tell a wrong password first); ${FIX_PASSWORD} the password the keystore was exported with, for the store and the key alike`,
      { code: 'E_KEYSTORE_PASSWORD' },
    );
  }
  return new InputError(
    `${label}: the key entry ${describeValue(alias)} is protected by a password other than the keystore's; AEM needs one password for both: export the keystore again with the same password for the key and the store`,
    { code: 'E_KEY_PASSWORD' },
  );
}

/** The `InputError` for a key stored unencrypted (a plain keyBag), which Java's PKCS#12 keystore skips. */
export function unencryptedKeyError(label: string, alias: string): InputError {
  return new InputError(
    `${label}: the key entry ${describeValue(alias)} is not encrypted (a PKCS#12 keyBag, as openssl pkcs12 -export -keypbe NONE writes it), and Java's PKCS#12 keystore (AEM) does not see such a key: export the keystore again with an encrypted key (openssl pkcs12 -export -legacy -inkey private.key -in certificate_pub.crt -name ${alias})`,
    { code: 'E_KEYSTORE_ENTRY' },
  );
}

function wrongPassword(error: WrongPasswordError, label: string): InputError {
  if (error.part === 'integrity') {
    return new InputError(`${label}: the keystore password is wrong (the keystore's integrity check failed); ${FIX_PASSWORD} the password the keystore was exported with`, { code: 'E_KEYSTORE_PASSWORD' });
  }
  // A key bag's refusal is told by readPkcs12Keystore, which names the entry; here a key part is rare.
  const what = error.part === 'key' ? 'the private key is' : 'the certificates are';
  return new InputError(
    `${label}: ${what} protected by a password other than the keystore's; AEM needs one password for the store and the key: export the keystore again with one password`,
    { code: 'E_KEY_PASSWORD' },
  );
}

function describeForeignFile(bytes: Uint8Array): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length === 0) return 'the file is empty';
  const magic = buffer.length >= 4 ? buffer.readUInt32BE(0) : 0;
  if (magic === JKS_MAGIC || magic === JCEKS_MAGIC) {
    const type = magic === JKS_MAGIC ? 'JKS' : 'JCEKS';
    return `is a Java ${type} keystore, not PKCS#12; convert it: keytool -importkeystore -srckeystore <file> -srcstoretype ${type} -destkeystore keystore.p12 -deststoretype PKCS12`;
  }
  if (buffer.subarray(0, 64).toString('latin1').includes('-----BEGIN')) {
    return 'is a PEM text file, not a PKCS#12 keystore; make one from the key and the certificate (openssl pkcs12 -export -legacy -inkey private.key -in certificate_pub.crt -name eventproxy)';
  }
  return undefined;
}
