/**
 * PBES2 (RFC 8018 §6.2): PBKDF2 with an HMAC, then a block cipher in CBC mode.
 *
 * ```
 * PBES2-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier {{PBKDF2}},
 *                             encryptionScheme  AlgorithmIdentifier {{aes256-CBC …}} }
 * PBKDF2-params ::= SEQUENCE { salt OCTET STRING, iterationCount INTEGER,
 *                              keyLength INTEGER OPTIONAL, prf AlgorithmIdentifier DEFAULT hmacWithSHA1 }
 * ```
 *
 * We write PBKDF2-HMAC-SHA256 with AES-256-CBC and no `keyLength`, as OpenSSL 3 does.
 */
import { pbkdf2Sync } from 'node:crypto';
import {
  type Asn1,
  integer,
  isNull,
  nullValue,
  octetString,
  oid,
  readOctetString,
  readOid,
  readSequence,
  readSmallInteger,
  sequence,
} from './der.ts';
import { HMAC_OID, oidOf, PBE_OID } from './oids.ts';
import type { PreparedPbe } from './pbe.ts';
import { DerShapeError, UnsupportedAlgorithmError } from './format-errors.ts';

/** The parameters of one PBES2 encryption. */
export interface Pbes2Parameters {
  readonly salt: Buffer;
  readonly iterations: number;
  /** node:crypto digest of the PBKDF2 HMAC. */
  readonly digest: string;
  /** node:crypto cipher name (`aes-256-cbc`). */
  readonly cipher: string;
  readonly cipherOid: string;
  readonly keyLength: number;
  readonly iv: Buffer;
}

const CIPHERS: Readonly<Record<string, { readonly cipher: string; readonly keyLength: number }>> = {
  [PBE_OID.aes128Cbc]: { cipher: 'aes-128-cbc', keyLength: 16 },
  [PBE_OID.aes192Cbc]: { cipher: 'aes-192-cbc', keyLength: 24 },
  [PBE_OID.aes256Cbc]: { cipher: 'aes-256-cbc', keyLength: 32 },
  [PBE_OID.desEde3Cbc]: { cipher: 'des-ede3-cbc', keyLength: 24 },
};

/** Prepares a PBES2 encryption with PBKDF2-HMAC-SHA256 and AES-256-CBC. */
export function preparePbes2(options: { password: string; iterations: number; salt: Buffer; iv: Buffer }): PreparedPbe {
  const { password, iterations, salt, iv } = options;
  const kdf = sequence(
    oid(PBE_OID.pbkdf2),
    sequence(octetString(salt), integer(iterations), sequence(oid(oidOf(HMAC_OID, 'sha256')), nullValue())),
  );
  const scheme = sequence(oid(PBE_OID.aes256Cbc), octetString(iv));
  return {
    algorithm: sequence(oid(PBE_OID.pbes2), sequence(kdf, scheme)),
    cipher: 'aes-256-cbc',
    key: pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256'),
    iv,
  };
}

/** The key PBKDF2 derives for these parameters (the password as UTF-8, as Java and openssl use it). */
export function pbkdf2Key(password: string, params: Pbes2Parameters): Buffer {
  return pbkdf2Sync(Buffer.from(password, 'utf8'), params.salt, params.iterations, params.keyLength, params.digest);
}

/** Reads PBES2-params; throws {@link UnsupportedAlgorithmError} for a KDF, PRF or cipher we do not have. */
export function readPbes2Parameters(params: Asn1 | undefined): Pbes2Parameters {
  const [kdf, scheme] = readSequence(params, 'PBES2-params', 2);
  const [kdfOid, kdfParams] = readSequence(kdf, 'PBES2-params.keyDerivationFunc', 2);
  if (readOid(kdfOid, 'keyDerivationFunc.algorithm') !== PBE_OID.pbkdf2) throw new UnsupportedAlgorithmError('PBES2 with a key derivation other than PBKDF2 is not supported');
  const [saltNode, iterationsNode, ...rest] = readSequence(kdfParams, 'PBKDF2-params', 2);
  const keyLengthNode = rest[0]?.type === 2 ? rest.shift() : undefined;
  const digest = readPrf(rest[0]);
  const [cipherOidNode, ivNode] = readSequence(scheme, 'PBES2-params.encryptionScheme', 2);
  const cipherOid = readOid(cipherOidNode, 'encryptionScheme.algorithm');
  const cipher = CIPHERS[cipherOid];
  if (cipher === undefined) throw new UnsupportedAlgorithmError(`PBES2 with the cipher ${cipherOid} is not supported`);
  const keyLength = keyLengthNode === undefined ? cipher.keyLength : readSmallInteger(keyLengthNode, 'PBKDF2-params.keyLength');
  if (keyLength !== cipher.keyLength) throw new DerShapeError(`PBKDF2-params.keyLength ${keyLength} does not fit ${cipher.cipher}`);
  return {
    salt: readOctetString(saltNode, 'PBKDF2-params.salt'),
    iterations: readSmallInteger(iterationsNode, 'PBKDF2-params.iterationCount'),
    digest,
    cipher: cipher.cipher,
    cipherOid,
    keyLength,
    iv: readOctetString(ivNode, 'encryptionScheme.iv'),
  };
}

function readPrf(prf: Asn1 | undefined): string {
  if (prf === undefined) return 'sha1'; // DEFAULT algid-hmacWithSHA1
  const [prfOid, prfParams] = readSequence(prf, 'PBKDF2-params.prf', 1);
  if (prfParams !== undefined && !isNull(prfParams)) throw new DerShapeError('PBKDF2-params.prf has parameters');
  const id = readOid(prfOid, 'PBKDF2-params.prf.algorithm');
  const digest = HMAC_OID[id];
  if (digest === undefined) throw new UnsupportedAlgorithmError(`PBKDF2 with the pseudo-random function ${id} is not supported`);
  return digest;
}
