import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { hasTool } from '../helpers/tools.ts';
import { derivePkcs12Key, encodeBmpPassword } from '../../src/crypto/pkcs12-kdf.ts';
import { run } from './fixtures.ts';

const encodeBmpPasswordSuite = suite('encodeBmpPassword');

encodeBmpPasswordSuite('encodes UTF-16 big-endian code units with a two-byte zero terminator (RFC 7292 B.1)', () => {
  assert.is(encodeBmpPassword('smeg').toString('hex'), '0073006d006500670000');
  assert.is(encodeBmpPassword('ä€').toString('hex'), '00e420ac0000');
  assert.is(encodeBmpPassword('').toString('hex'), '0000');
});

encodeBmpPasswordSuite.run();

// ---

const derivePkcs12KeySuite = suite('derivePkcs12Key');

// The classic PKCS#12 KDF vectors (password "smeg"), as OpenSSL's PKCS12KDF computes them.
const vectors = [
  { purpose: 1, length: 24, iterations: 1, expected: '8aaae6297b6cb04642ab5b077851284eb7128f1a2a7fbca3' },
  { purpose: 2, length: 8, iterations: 1, expected: '79993dfe048d3b76' },
] as const;

for (const { purpose, length, iterations, expected } of vectors) {
  derivePkcs12KeySuite(`derives the known ${length}-byte value for purpose ${purpose}`, () => {
    const salt = Buffer.from('0a58cf64530d823f', 'hex');
    assert.is(derivePkcs12Key({ password: 'smeg', salt, purpose, iterations, length }).toString('hex'), expected);
  });
}

derivePkcs12KeySuite('refuses a digest the KDF has no block size for', () => {
  assert.throws(() => derivePkcs12Key({ password: 'x', salt: Buffer.alloc(8), purpose: 3, iterations: 1, length: 16, digest: 'md5' }), /does not support md5/);
});

// Cases that exercise every branch: several output rounds, salts and passwords longer than a
// block (64 bytes for SHA-1/256, 128 for SHA-512), non-ASCII, and the digests of the MACs.
const liveCases = [
  { digest: 'sha1', password: 'secret', salt: '0102030405060708', purpose: 1, iterations: 2048, length: 24 },
  { digest: 'sha1', password: 'secret', salt: '0102030405060708', purpose: 3, iterations: 2048, length: 20 },
  { digest: 'sha1', password: 'a'.repeat(40), salt: 'ab'.repeat(70), purpose: 1, iterations: 3, length: 61 },
  { digest: 'sha256', password: 'pässwörd€', salt: 'ff'.repeat(20), purpose: 3, iterations: 10_000, length: 32 },
  { digest: 'sha512', password: 'x', salt: '00'.repeat(130), purpose: 2, iterations: 5, length: 100 },
] as const;

derivePkcs12KeySuite('agrees with openssl kdf PKCS12KDF on digests, long inputs and several rounds', () => {
  if (!hasTool('openssl')) return;
  for (const c of liveCases) {
    const ours = derivePkcs12Key({ password: c.password, salt: Buffer.from(c.salt, 'hex'), purpose: c.purpose, iterations: c.iterations, length: c.length, digest: c.digest });
    const hexpass = encodeBmpPassword(c.password).toString('hex');
    const args = ['kdf', '-keylen', String(c.length), '-kdfopt', `digest:${c.digest.toUpperCase()}`, '-kdfopt', `hexpass:${hexpass}`];
    args.push('-kdfopt', `hexsalt:${c.salt}`, '-kdfopt', `iter:${c.iterations}`, '-kdfopt', `id:${c.purpose}`, 'PKCS12KDF');
    const openssl = run('openssl', args);
    assert.is(openssl.status, 0, openssl.stderr);
    assert.is(ours.toString('hex'), openssl.stdout.trim().replaceAll(':', '').toLowerCase(), JSON.stringify(c));
  }
});

derivePkcs12KeySuite.run();
