/**
 * Object identifiers of PKCS#12 (RFC 7292), PKCS#5 (RFC 8018) and the algorithms they name,
 * with the names that openssl and Java print for them.
 */

/** PKCS#7 content types, PKCS#12 bag types and bag attributes. */
export const PKCS12_OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
} as const;

/** Password-based encryption schemes and their parts. */
export const PBE_OID = {
  pbeWithSHAAnd3KeyTripleDESCBC: '1.2.840.113549.1.12.1.3',
  pbeWithSHAAnd2KeyTripleDESCBC: '1.2.840.113549.1.12.1.4',
  pbeWithSHAAnd128BitRC2CBC: '1.2.840.113549.1.12.1.5',
  pbeWithSHAAnd40BitRC2CBC: '1.2.840.113549.1.12.1.6',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  desEde3Cbc: '1.2.840.113549.3.7',
  aes128Cbc: '2.16.840.1.101.3.4.1.2',
  aes192Cbc: '2.16.840.1.101.3.4.1.22',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
} as const;

/** Digests (PKCS#12 MAC) and HMACs (PBKDF2 pseudo-random functions), by node:crypto name. */
export const DIGEST_OID: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** PBKDF2 pseudo-random functions (`hmacWithSHA256` …) by node:crypto digest name. */
export const HMAC_OID: Readonly<Record<string, string>> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

/** The OID of a digest or HMAC from its node:crypto name. */
export function oidOf(table: Readonly<Record<string, string>>, digest: string): string {
  const found = Object.keys(table).find((key) => table[key] === digest);
  if (found === undefined) throw new Error(`no OID for ${digest}`);
  return found;
}

/** Printable names for the algorithm OIDs (openssl's spelling). */
export const ALGORITHM_NAME: Readonly<Record<string, string>> = {
  [PBE_OID.pbeWithSHAAnd3KeyTripleDESCBC]: 'pbeWithSHA1And3-KeyTripleDES-CBC',
  [PBE_OID.pbeWithSHAAnd2KeyTripleDESCBC]: 'pbeWithSHA1And2-KeyTripleDES-CBC',
  [PBE_OID.pbeWithSHAAnd128BitRC2CBC]: 'pbeWithSHA1And128BitRC2-CBC',
  [PBE_OID.pbeWithSHAAnd40BitRC2CBC]: 'pbeWithSHA1And40BitRC2-CBC',
  '1.2.840.113549.1.12.1.1': 'pbeWithSHA1And128BitRC4',
  '1.2.840.113549.1.12.1.2': 'pbeWithSHA1And40BitRC4',
  [PBE_OID.pbes2]: 'PBES2',
  [PBE_OID.desEde3Cbc]: 'des-ede3-cbc',
  [PBE_OID.aes128Cbc]: 'aes-128-cbc',
  [PBE_OID.aes192Cbc]: 'aes-192-cbc',
  [PBE_OID.aes256Cbc]: 'aes-256-cbc',
};
