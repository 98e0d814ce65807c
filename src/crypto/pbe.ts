/**
 * Password-based encryption of PKCS#12 bags, with node:crypto's native ciphers.
 *
 * | scheme                                   | spec               | key derivation           | cipher          |
 * | ---------------------------------------- | ------------------ | ------------------------ | --------------- |
 * | `pbeWithSHAAnd3-KeyTripleDES-CBC`        | RFC 7292 app. C    | PKCS#12 KDF, SHA-1       | des-ede3-cbc    |
 * | `pbeWithSHAAnd2-KeyTripleDES-CBC`        | RFC 7292 app. C    | PKCS#12 KDF, SHA-1       | des-ede-cbc     |
 * | `pbeWithSHAAnd128BitRC2-CBC`, `40BitRC2` | RFC 7292 app. C    | PKCS#12 KDF, SHA-1       | RC2 (node-forge)|
 * | `PBES2`                                  | RFC 8018 §6.2      | PBKDF2 (`hmacWithSHA*`)  | AES-CBC, 3DES   |
 *
 * We write the first (`legacy`) and PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC (`aes256`,
 * what OpenSSL 3 and Java 17 write by default); we read all of them. RC2 runs in node-forge
 * because Node's OpenSSL 3 keeps it in the legacy provider. PBES2 hashes the password as
 * UTF-8, the PKCS#12 KDF as a BMPString; Java and openssl do the same.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { forge } from './forge.ts';
import { derivePkcs12Key } from './pkcs12-kdf.ts';
import { pbkdf2Key, preparePbes2, readPbes2Parameters } from './pbes2.ts';
import { type Asn1, integer, octetString, oid, readOctetString, readOid, readSequence, readSmallInteger, sequence } from './der.ts';
import { DerShapeError, UnsupportedAlgorithmError, WrongPasswordError } from './format-errors.ts';
import { ALGORITHM_NAME, PBE_OID } from './oids.ts';
import type { Pkcs12Encryption } from './pkcs12-encryption.ts';

/** Iteration counts above this are refused when reading, as Java's PKCS12KeyStore does (5,000,000). */
export const MAX_ITERATIONS = 5_000_000;

/** What {@link preparePbe} needs. */
export interface PbePrepareOptions {
  readonly encryption: Pkcs12Encryption;
  readonly password: string;
  readonly iterations: number;
  /** Random bytes for the salt and the IV. */
  readonly randomBytes: (size: number) => Buffer;
}

/**
 * One encryption, its key already derived: the AlgorithmIdentifier to write and the cipher
 * key and IV. Use it for one plaintext only (its salt and IV are not to be reused).
 */
export interface PreparedPbe {
  readonly algorithm: Asn1;
  readonly cipher: string;
  readonly key: Buffer;
  readonly iv: Buffer;
}

/** Derives the key of one encryption: the slow part, which needs the password but not the data. */
export function preparePbe(options: PbePrepareOptions): PreparedPbe {
  const { encryption, password, iterations, randomBytes } = options;
  if (encryption === 'aes256') return preparePbes2({ password, iterations, salt: randomBytes(16), iv: randomBytes(16) });
  const salt = randomBytes(20);
  const kdf = { password, salt, iterations };
  return {
    algorithm: sequence(oid(PBE_OID.pbeWithSHAAnd3KeyTripleDESCBC), sequence(octetString(salt), integer(iterations))),
    cipher: 'des-ede3-cbc',
    key: derivePkcs12Key({ ...kdf, purpose: 1, length: 24 }),
    iv: derivePkcs12Key({ ...kdf, purpose: 2, length: 8 }),
  };
}

/** Encrypts `plain` with a prepared encryption. */
export function encryptPrepared(prepared: PreparedPbe, plain: Uint8Array): Buffer {
  const cipher = createCipheriv(prepared.cipher, prepared.key, prepared.iv);
  return Buffer.concat([cipher.update(plain), cipher.final()]);
}

/** The printable name of an AlgorithmIdentifier (`pbeWithSHA1And3-KeyTripleDES-CBC`, `PBES2 (PBKDF2 hmacWithSHA256, aes-256-cbc)`). */
export function describePbe(algorithm: Asn1): string {
  const id = readOid(readSequence(algorithm, 'AlgorithmIdentifier', 1)[0], 'AlgorithmIdentifier.algorithm');
  if (id !== PBE_OID.pbes2) return ALGORITHM_NAME[id] ?? id;
  try {
    const params = readPbes2Parameters(readSequence(algorithm, 'AlgorithmIdentifier')[1]);
    return `PBES2 (PBKDF2 hmacWith${params.digest.toUpperCase()}, ${ALGORITHM_NAME[params.cipherOid] ?? params.cipherOid})`;
  } catch {
    return 'PBES2';
  }
}

/** Decrypts with the scheme an AlgorithmIdentifier names. Throws {@link WrongPasswordError} or {@link UnsupportedAlgorithmError}. */
export function decryptPbe(algorithm: Asn1, encrypted: Buffer, password: string): Buffer {
  const [idNode, params] = readSequence(algorithm, 'AlgorithmIdentifier', 1);
  const id = readOid(idNode, 'AlgorithmIdentifier.algorithm');
  if (id === PBE_OID.pbes2) {
    const parsed = readPbes2Parameters(params);
    checkIterations(parsed.iterations);
    return decipher(parsed.cipher, pbkdf2Key(password, parsed), parsed.iv, encrypted);
  }
  const legacy = LEGACY_SCHEMES[id];
  if (legacy === undefined) throw new UnsupportedAlgorithmError(`${ALGORITHM_NAME[id] ?? id} is not supported`);
  const [saltNode, iterationsNode] = readSequence(params, 'pkcs-12PbeParams', 2);
  const kdf = { password, salt: readOctetString(saltNode, 'pkcs-12PbeParams.salt'), iterations: readSmallInteger(iterationsNode, 'pkcs-12PbeParams.iterations') };
  checkIterations(kdf.iterations);
  const key = derivePkcs12Key({ ...kdf, purpose: 1, length: legacy.keyLength });
  const iv = derivePkcs12Key({ ...kdf, purpose: 2, length: 8 });
  return legacy.rc2Bits === undefined ? decipher(legacy.cipher, key, iv, encrypted) : decryptRc2(key, iv, legacy.rc2Bits, encrypted);
}

const LEGACY_SCHEMES: Readonly<Record<string, { cipher: string; keyLength: number; rc2Bits?: number }>> = {
  [PBE_OID.pbeWithSHAAnd3KeyTripleDESCBC]: { cipher: 'des-ede3-cbc', keyLength: 24 },
  [PBE_OID.pbeWithSHAAnd2KeyTripleDESCBC]: { cipher: 'des-ede-cbc', keyLength: 16 },
  [PBE_OID.pbeWithSHAAnd128BitRC2CBC]: { cipher: 'rc2', keyLength: 16, rc2Bits: 128 },
  [PBE_OID.pbeWithSHAAnd40BitRC2CBC]: { cipher: 'rc2', keyLength: 5, rc2Bits: 40 },
};

function checkIterations(iterations: number): void {
  if (iterations < 1 || iterations > MAX_ITERATIONS) throw new DerShapeError(`the iteration count ${iterations} is outside 1 to ${MAX_ITERATIONS}`);
}

function decipher(cipher: string, key: Buffer, iv: Buffer, encrypted: Buffer): Buffer {
  try {
    const decipherer = createDecipheriv(cipher, key, iv);
    return Buffer.concat([decipherer.update(encrypted), decipherer.final()]);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_OSSL_BAD_DECRYPT') throw new WrongPasswordError('decryption failed');
    if ((error as { code?: string }).code === 'ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH') throw new WrongPasswordError('decryption failed');
    throw error;
  }
}

function decryptRc2(key: Buffer, iv: Buffer, bits: number, encrypted: Buffer): Buffer {
  const cipher = forge.rc2.createDecryptionCipher(key.toString('latin1'), bits);
  cipher.start(iv.toString('latin1'));
  cipher.update(forge.util.createBuffer(encrypted.toString('latin1')));
  if (!cipher.finish()) throw new WrongPasswordError('decryption failed');
  return Buffer.from(cipher.output.getBytes(), 'latin1');
}
