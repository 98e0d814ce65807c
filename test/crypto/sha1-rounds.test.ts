import { createHash } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { repeatSha1 } from '../../src/crypto/sha1-rounds.ts';

const repeatSha1Suite = suite('repeatSha1');

/** The reference: one node:crypto (OpenSSL) SHA-1 per round. */
function nativeRounds(digest: Buffer, rounds: number): Buffer {
  let block = digest;
  for (let round = 0; round < rounds; round++) block = createHash('sha1').update(block).digest();
  return block;
}

const sha1 = (text: string): Buffer => createHash('sha1').update(text).digest();

// FIPS 180-4 / RFC 3174 example: SHA-1("abc"), then SHA-1 of that digest (computed by OpenSSL).
repeatSha1Suite('one round over SHA-1("abc") is SHA-1 of its 20 bytes', () => {
  const abc = sha1('abc');
  assert.is(abc.toString('hex'), 'a9993e364706816aba3e25717850c26c9cd0d89d');
  assert.is(repeatSha1(abc, 1).toString('hex'), createHash('sha1').update(abc).digest('hex'));
});

const cases = [
  { name: 'zero rounds return the digest unchanged', seed: 'abc', rounds: 0 },
  { name: 'two rounds', seed: 'abc', rounds: 2 },
  { name: 'a digest with high bits set in every word', seed: 'x'.repeat(1000), rounds: 17 },
  { name: 'the 2,047 rounds of a legacy keystore at 2,048 iterations', seed: 'keystore', rounds: 2047 },
  { name: 'Java PKCS12KeyStore default of 10,000 iterations', seed: 'java', rounds: 9999 },
] as const;

for (const { name, seed, rounds } of cases) {
  repeatSha1Suite(`agrees with node:crypto: ${name}`, () => {
    const digest = sha1(seed);
    assert.is(repeatSha1(digest, rounds).toString('hex'), nativeRounds(digest, rounds).toString('hex'));
  });
}

repeatSha1Suite('reads a digest at an offset inside a larger buffer', () => {
  const backing = Buffer.concat([Buffer.from([1, 2, 3]), sha1('offset'), Buffer.from([4])]);
  const view = backing.subarray(3, 23);
  assert.is(repeatSha1(view, 5).toString('hex'), nativeRounds(Buffer.from(view), 5).toString('hex'));
  assert.is(backing.subarray(3, 23).toString('hex'), sha1('offset').toString('hex'), 'the input is not modified');
});

repeatSha1Suite('refuses input that is not a 20-byte digest', () => {
  assert.throws(() => repeatSha1(Buffer.alloc(32), 1), (error: Error) => error instanceof RangeError && error.message === 'a SHA-1 digest has 20 bytes, not 32');
});

repeatSha1Suite.run();
