/**
 * Turns the PKCS#12 reader's failures into messages that say what the file is and what to do.
 * A wrong password is the common case (the integrity MAC fails), and a Java KeyStore or a PEM
 * file given where a PKCS#12 belongs the next: both are recognised by their first bytes.
 */
import { InputError } from '../errors.ts';
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
