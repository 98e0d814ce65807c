/**
 * The PKCS#12 key derivation function (RFC 7292, appendix B.2), with node:crypto's native
 * hashes. It derives the keys and IVs of the `pbeWithSHAAnd…` encryption schemes (purpose 1 and
 * 2) and the key of the PKCS#12 integrity MAC (purpose 3, with any digest, RFC 7292 B.4).
 *
 * The password enters as a BMPString: UTF-16 big-endian code units followed by two zero bytes
 * (RFC 7292 B.1); Java (`char[]`) and openssl (`OPENSSL_utf82uni`) encode it the same way.
 *
 * | password | salt               | purpose | iterations | bytes | result (OpenSSL `PKCS12KDF`)                     |
 * | -------- | ------------------ | ------- | ---------- | ----- | ------------------------------------------------ |
 * | `smeg`   | `0A58CF64530D823F` | 1 (key) | 1          | 24    | `8AAAE6297B6CB04642AB5B077851284EB7128F1A2A7FBCA3` |
 * | `smeg`   | `0A58CF64530D823F` | 2 (IV)  | 1          | 8     | `79993DFE048D3B76`                               |
 */
import { hash } from 'node:crypto';
import { repeatSha1 } from './sha1-rounds.ts';

/** What the derived bytes are for (RFC 7292 B.3). */
export type Pkcs12KdfPurpose = 1 | 2 | 3;

/** Options of {@link derivePkcs12Key}. */
export interface Pkcs12KdfOptions {
  readonly password: string;
  readonly salt: Uint8Array;
  /** 1: encryption key, 2: IV, 3: MAC key. */
  readonly purpose: Pkcs12KdfPurpose;
  readonly iterations: number;
  /** Number of bytes to derive. */
  readonly length: number;
  /** node:crypto digest name. @default 'sha1' */
  readonly digest?: string;
}

const DIGEST_SIZES: Readonly<Record<string, { readonly u: number; readonly v: number }>> = {
  sha1: { u: 20, v: 64 },
  sha224: { u: 28, v: 64 },
  sha256: { u: 32, v: 64 },
  sha384: { u: 48, v: 128 },
  sha512: { u: 64, v: 128 },
};

/** The password as PKCS#12 hashes it: UTF-16BE code units and a two-byte zero terminator. */
export function encodeBmpPassword(password: string): Buffer {
  const bytes = Buffer.alloc(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) bytes.writeUInt16BE(password.charCodeAt(i), i * 2);
  return bytes;
}

/** Derives `length` bytes with the PKCS#12 KDF. */
export function derivePkcs12Key(options: Pkcs12KdfOptions): Buffer {
  const { password, salt, purpose, iterations, length, digest = 'sha1' } = options;
  const sizes = DIGEST_SIZES[digest];
  if (sizes === undefined) throw new Error(`the PKCS#12 KDF does not support ${digest}`);
  const { u, v } = sizes;
  const diversifier = Buffer.alloc(v, purpose);
  const input = Buffer.concat([fillBlocks(salt, v), fillBlocks(encodeBmpPassword(password), v)]);
  const output: Buffer[] = [];
  for (let produced = 0; produced < length; produced += u) {
    let block: Buffer = hash(digest, Buffer.concat([diversifier, input]), 'buffer');
    if (digest === 'sha1') block = repeatSha1(block, iterations - 1);
    else for (let round = 1; round < iterations; round++) block = hash(digest, block, 'buffer');
    output.push(block);
    if (produced + u < length) addToEachBlock(input, fillBlocks(block, v), v);
  }
  return Buffer.concat(output).subarray(0, length);
}

/** Repeats `bytes` to fill whole `v`-byte blocks (empty stays empty). */
function fillBlocks(bytes: Uint8Array, v: number): Buffer {
  const size = v * Math.ceil(bytes.length / v);
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i++) out[i] = bytes[i % bytes.length] ?? 0;
  return out;
}

/** I_j = (I_j + B + 1) mod 2^(8v) for every v-byte block I_j of I (RFC 7292 B.2, step 6C). */
function addToEachBlock(input: Buffer, b: Buffer, v: number): void {
  for (let start = 0; start < input.length; start += v) {
    let carry = 1;
    for (let k = v - 1; k >= 0; k--) {
      const sum = (input[start + k] ?? 0) + (b[k] ?? 0) + carry;
      input[start + k] = sum & 0xff;
      carry = sum >> 8;
    }
  }
}
