/**
 * SHA-1 applied again and again to its own 20-byte digest: the inner loop of the PKCS#12 KDF
 * (RFC 7292 B.2, step 6a, `A_i = H^c(D || I)`). Opening a legacy keystore takes six of these
 * loops of 2,048 rounds; one node:crypto call per round costs about 2 µs in call overhead alone
 * (~25 ms per keystore), this loop about half of that cold, because a 20-byte message is always
 * one padded block and the state stays in registers (FIPS 180-4, §5.1.1 padding, §6.1.2 rounds).
 * `test/crypto/sha1-rounds.test.ts` checks it against node:crypto.
 */

const H0 = 0x67452301;
const H1 = 0xefcdab89 | 0;
const H2 = 0x98badcfe | 0;
const H3 = 0x10325476;
const H4 = 0xc3d2e1f0 | 0;

// The state and the message schedule (16 words kept as a ring: W[t] for t ≥ 16 overwrites W[t - 16]).
const state = new Int32Array(5);
const w = new Int32Array(16);

/** `rounds` times SHA-1 over `digest` (20 bytes), each round hashing the previous round's digest. */
export function repeatSha1(digest: Uint8Array, rounds: number): Buffer {
  if (digest.length !== 20) throw new RangeError(`a SHA-1 digest has 20 bytes, not ${digest.length}`);
  const view = new DataView(digest.buffer, digest.byteOffset, 20);
  for (let i = 0; i < 5; i++) state[i] = view.getInt32(i * 4);
  // One small function per block: V8 optimises it after a few calls, sooner than a long loop.
  for (let round = 0; round < rounds; round++) hashStateOnce();
  const out = Buffer.alloc(20);
  for (let i = 0; i < 5; i++) out.writeInt32BE(state[i] as number, i * 4);
  return out;
}

/** state = SHA-1(state as 20 bytes): one padded block (FIPS 180-4 §5.1.1, §6.1.2). */
function hashStateOnce(): void {
  w[0] = state[0] as number;
  w[1] = state[1] as number;
  w[2] = state[2] as number;
  w[3] = state[3] as number;
  w[4] = state[4] as number;
  w[5] = 0x80000000 | 0; // the 1 bit after the message
  w.fill(0, 6, 15);
  w[15] = 160; // the message length in bits
  let a = H0;
  let b = H1;
  let c = H2;
  let d = H3;
  let e = H4;
  for (let t = 0; t < 80; t++) {
    let word: number;
    if (t < 16) word = w[t] as number;
    else {
      const mixed = (w[(t - 3) & 15] as number) ^ (w[(t - 8) & 15] as number) ^ (w[(t - 14) & 15] as number) ^ (w[t & 15] as number);
      word = w[t & 15] = (mixed << 1) | (mixed >>> 31);
    }
    let f: number;
    if (t < 20) f = ((b & c) | (~b & d)) + 0x5a827999;
    else if (t < 40) f = (b ^ c ^ d) + 0x6ed9eba1;
    else if (t < 60) f = ((b & c) | (b & d) | (c & d)) + (0x8f1bbcdc | 0);
    else f = (b ^ c ^ d) + (0xca62c1d6 | 0);
    const next = (((a << 5) | (a >>> 27)) + f + e + word) | 0;
    e = d;
    d = c;
    c = (b << 30) | (b >>> 2);
    b = a;
    a = next;
  }
  state[0] = (a + H0) | 0;
  state[1] = (b + H1) | 0;
  state[2] = (c + H2) | 0;
  state[3] = (d + H3) | 0;
  state[4] = (e + H4) | 0;
}
