/**
 * Internal failures of the key-format readers. The public functions (`readPkcs12Keystore`,
 * the PEM readers) turn them into `InputError`s that name the file and say what to do.
 */

/** A structure did not have the shape its specification gives (a broken or foreign file). */
export class DerShapeError extends Error {
  override name = 'DerShapeError';
}

/** The algorithm is not one we can decrypt. */
export class UnsupportedAlgorithmError extends Error {
  override name = 'UnsupportedAlgorithmError';
}

/** Which protection refused the password. */
export type ProtectedPart = 'integrity' | 'key' | 'certificates';

/** Decryption or the integrity check failed: almost always a wrong password. */
export class WrongPasswordError extends Error {
  override name = 'WrongPasswordError';
  /** The MAC, a key bag or a certificate container; set by the PKCS#12 reader. */
  part: ProtectedPart = 'integrity';
}
