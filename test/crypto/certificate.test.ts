import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasTool } from '../helpers/tools.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { createSelfSignedCertificate, createSerialNumber, toPem } from '../../src/crypto/certificate.ts';
import { parseDistinguishedName } from '../../src/crypto/distinguished-name.ts';
import { FIXTURE_KEY, fixedRandom, run } from './fixtures.ts';

const serialSuite = suite('createSerialNumber');

serialSuite('makes 16 bytes whose top bits are 01: positive, no leading zero, never shortened', () => {
  for (const first of [0x00, 0x3f, 0x80, 0xff]) {
    const serial = createSerialNumber((size) => Buffer.alloc(size, first));
    assert.is(serial.length, 16);
    assert.is((serial[0] as number) >> 6, 0b01, `first byte ${first}`);
    assert.is(serial.subarray(1).every((byte) => byte === first), true);
  }
});

serialSuite('takes the bytes from the random source it is given', () => {
  const random = fixedRandom('serial');
  const expected = Buffer.from(fixedRandom('serial')(16));
  expected[0] = ((expected[0] as number) & 0x3f) | 0x40;
  assert.equal(createSerialNumber(random), expected);
});

serialSuite.run();

// ---

const createSuite = suite('createSelfSignedCertificate');

const options = {
  privateKey: FIXTURE_KEY,
  subject: parseDistinguishedName('CN=eventproxy, O=Acme\\, Inc., C=DE'),
  notBefore: new Date('2026-11-23T12:00:00.750Z'),
  days: 365,
  serialNumber: Buffer.from('4a0102030405060708090a0b0c0d0e0f', 'hex'),
};

createSuite('writes subject, issuer, serial and whole-second dates that X509Certificate reads back', () => {
  const x509 = new X509Certificate(createSelfSignedCertificate(options).der);
  assert.is(x509.subject, 'C=DE\nO=Acme\\, Inc.\nCN=eventproxy');
  assert.is(x509.issuer, x509.subject);
  assert.is(x509.serialNumber, '4A0102030405060708090A0B0C0D0E0F');
  assert.is(x509.validFrom, 'Nov 23 12:00:00 2026 GMT');
  assert.is(x509.validTo, 'Nov 23 12:00:00 2027 GMT');
  assert.is(x509.checkPrivateKey(FIXTURE_KEY), true);
  assert.is(x509.verify(x509.publicKey), true);
  assert.is(x509.ca, false);
  assert.is(x509.keyUsage, undefined); // node reports extended key usage only; keyUsage is checked with openssl below
});

createSuite('is deterministic: the same key, subject, time and serial give the same bytes', () => {
  const first = createSelfSignedCertificate(options);
  const second = createSelfSignedCertificate(options);
  assert.equal(first.der, second.der);
  // Pins the layout (RSASSA-PKCS1-v1_5 signatures are deterministic); openssl checks it below.
  assert.is(createHash('sha256').update(first.der).digest('hex'), 'f1ec47e3d7d2c693cd2af15143ec6af64b10d02545082a294f9e93474d1d885a');
});

createSuite('uses GeneralizedTime from 2050 on (RFC 5280 §4.1.2.5)', () => {
  const x509 = new X509Certificate(createSelfSignedCertificate({ ...options, notBefore: new Date('2049-12-31T00:00:00Z'), days: 2 }).der);
  assert.is(x509.validFrom, 'Dec 31 00:00:00 2049 GMT');
  assert.is(x509.validTo, 'Jan  2 00:00:00 2050 GMT');
});

createSuite('openssl x509 shows the subject, the dates, sha256WithRSAEncryption and the extensions', () => {
  if (!hasTool('openssl')) return;
  const dir = makeTempDir();
  try {
    const file = join(dir, 'certificate_pub.crt');
    writeFileSync(file, createSelfSignedCertificate(options).pem);
    const text = run('openssl', ['x509', '-in', file, '-noout', '-text', '-nameopt', 'RFC2253']);
    assert.is(text.status, 0, text.stderr);
    assert.match(text.stdout, '        Version: 3 (0x2)\n');
    assert.match(text.stdout, '            4a:01:02:03:04:05:06:07:08:09:0a:0b:0c:0d:0e:0f\n');
    assert.match(text.stdout, '        Signature Algorithm: sha256WithRSAEncryption\n');
    assert.match(text.stdout, '        Issuer: CN=eventproxy,O=Acme\\, Inc.,C=DE\n');
    assert.match(text.stdout, '            Not Before: Nov 23 12:00:00 2026 GMT\n            Not After : Nov 23 12:00:00 2027 GMT\n');
    assert.match(text.stdout, '        Subject: CN=eventproxy,O=Acme\\, Inc.,C=DE\n');
    assert.match(text.stdout, '                Public-Key: (2048 bit)\n');
    assert.match(text.stdout, '            X509v3 Basic Constraints: critical\n                CA:FALSE\n');
    assert.match(text.stdout, '            X509v3 Key Usage: critical\n                Digital Signature\n');
    // The key identifier is the SHA-1 of the RSAPublicKey (RFC 5280 §4.2.1.2, method 1).
    const rsaPublicKey = createPublicKey(FIXTURE_KEY).export({ type: 'pkcs1', format: 'der' });
    const keyId = createHash('sha1').update(rsaPublicKey).digest('hex').toUpperCase().match(/../gu)?.join(':');
    assert.match(text.stdout, `            X509v3 Subject Key Identifier: \n                ${keyId}\n`);
    const verify = run('openssl', ['verify', '-CAfile', file, '-check_ss_sig', '-attime', '1800000000', file]);
    assert.is(verify.stdout, `${file}: OK\n`, verify.stderr);
  } finally {
    removeTempDir(dir);
  }
});

createSuite.run();

// ---

const toPemSuite = suite('toPem');

toPemSuite('wraps base64 at 64 characters between BEGIN and END lines, ending with a line break', () => {
  const pem = toPem(Buffer.alloc(100, 0xff), 'TEST');
  assert.is(pem, `-----BEGIN TEST-----\n${'/'.repeat(64)}\n${'/'.repeat(64)}\n/////w==\n-----END TEST-----\n`);
});

toPemSuite.run();
