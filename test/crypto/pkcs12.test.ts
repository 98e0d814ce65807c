import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash, createPrivateKey } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { hasTool } from '../helpers/tools.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { createPkcs12Keystore, preparePkcs12Protection } from '../../src/crypto/pkcs12.ts';
import { parsePkcs12 } from '../../src/crypto/pkcs12-parse.ts';
import type { Pkcs12Encryption } from '../../src/crypto/pkcs12-encryption.ts';
import { certificateFor, FIXTURE_KEY, fixedRandom, run } from './fixtures.ts';

const certificate = certificateFor(FIXTURE_KEY, { subject: 'CN=eventproxy' });
const privateKeyDer = FIXTURE_KEY.export({ type: 'pkcs8', format: 'der' });

function keystore(encryption: Pkcs12Encryption, password = 'changeit', seed = 'p12'): Buffer {
  const protection = preparePkcs12Protection({ password, encryption, randomBytes: fixedRandom(seed) });
  return createPkcs12Keystore({ privateKeyDer, certificateDers: [certificate.der], alias: 'eventproxy', protection });
}

const createSuite = suite('createPkcs12Keystore');

createSuite('is deterministic for a pinned random source, and differs for another', () => {
  assert.equal(keystore('legacy'), keystore('legacy'));
  assert.not.equal(keystore('legacy'), keystore('legacy', 'changeit', 'other seed'));
  // Pins the exact layout; the suites below show openssl, node-forge and Java read it.
  assert.is(createHash('sha256').update(keystore('legacy')).digest('hex'), '8018eeb7331c482bd8f182de42ac91879b7f048629d4099c435d31f65f0b19be');
  assert.is(createHash('sha256').update(keystore('aes256')).digest('hex'), '88139342764cdacb5765652bec158946ec9f7af6de36f800518e91950f9e42e0');
});

for (const encryption of ['legacy', 'aes256'] as const) {
  createSuite(`${encryption}: our reader gets back the key, the certificate, the alias and the localKeyId`, () => {
    const contents = parsePkcs12(keystore(encryption), 'changeit');
    assert.is(contents.keys.length, 1);
    assert.is(contents.certificates.length, 1);
    const [key] = contents.keys;
    const [cert] = contents.certificates;
    assert.equal(key?.decrypt(), privateKeyDer);
    assert.equal(cert?.der, certificate.der);
    assert.is(key?.friendlyName, 'eventproxy');
    assert.is(cert?.friendlyName, 'eventproxy');
    assert.equal(key?.localKeyId, createHash('sha1').update(certificate.der).digest());
    assert.equal(cert?.localKeyId, key?.localKeyId);
  });
}

createSuite('legacy: 3DES key bag and certificate container, SHA-1 MAC, 2048 iterations', () => {
  const contents = parsePkcs12(keystore('legacy'), 'changeit');
  assert.is(contents.keys[0]?.encryption, 'pbeWithSHA1And3-KeyTripleDES-CBC');
  assert.equal(contents.certificateEncryptions, ['pbeWithSHA1And3-KeyTripleDES-CBC']);
  assert.equal(contents.mac, { digest: 'sha1', iterations: 2048 });
});

createSuite('aes256: PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC, SHA-256 MAC, 10000 iterations', () => {
  const contents = parsePkcs12(keystore('aes256'), 'changeit');
  assert.is(contents.keys[0]?.encryption, 'PBES2 (PBKDF2 hmacWithSHA256, aes-256-cbc)');
  assert.equal(contents.certificateEncryptions, ['PBES2 (PBKDF2 hmacWithSHA256, aes-256-cbc)']);
  assert.equal(contents.mac, { digest: 'sha256', iterations: 10_000 });
});

for (const encryption of ['legacy', 'aes256'] as const) {
  createSuite(`${encryption}: node-forge's own PKCS#12 decoder verifies the MAC and decrypts both bags`, () => {
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(keystore(encryption).toString('latin1')), 'changeit');
    const keyBags = p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag as string })[forge.pki.oids.pkcs8ShroudedKeyBag as string] ?? [];
    const certBags = p12.getBags({ bagType: forge.pki.oids.certBag as string })[forge.pki.oids.certBag as string] ?? [];
    assert.is(keyBags.length, 1);
    assert.is(certBags.length, 1);
    assert.equal(keyBags[0]?.attributes.friendlyName, ['eventproxy']);
    const forgeKey = createPrivateKey(forge.pki.privateKeyToPem(keyBags[0]?.key as forge.pki.rsa.PrivateKey));
    assert.equal(forgeKey.export({ type: 'pkcs8', format: 'der' }), privateKeyDer);
    assert.is(forge.pki.certificateToPem(certBags[0]?.cert as forge.pki.Certificate).replace(/\r/gu, ''), certificate.pem);
  });
}

createSuite.run();

// ---

const opensslSuite = suite('createPkcs12Keystore read by openssl pkcs12');

const infoLines = (text: string): string[] => text.split('\n').filter((line) => /^(MAC|MAC length|PKCS7|Shrouded|Certificate bag|    friendlyName)/u.test(line));

opensslSuite('legacy: shows the 3DES algorithm and the SHA-1 MAC, without -legacy', () => {
  if (!hasTool('openssl')) return;
  const dir = makeTempDir();
  try {
    writeFileSync(join(dir, 'keystore.p12'), keystore('legacy'));
    const info = run('openssl', ['pkcs12', '-in', 'keystore.p12', '-info', '-noout', '-passin', 'pass:changeit'], { cwd: dir });
    assert.is(info.status, 0, info.stderr);
    assert.equal(infoLines(info.stderr + info.stdout), [
      'MAC: sha1, Iteration 2048',
      'MAC length: 20, salt length: 20',
      'PKCS7 Encrypted data: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048',
      'Certificate bag',
      'PKCS7 Data',
      'Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048',
    ]);
  } finally {
    removeTempDir(dir);
  }
});

opensslSuite('aes256: shows PBES2/AES-256-CBC with hmacWithSHA256 and the SHA-256 MAC', () => {
  if (!hasTool('openssl')) return;
  const dir = makeTempDir();
  try {
    writeFileSync(join(dir, 'keystore.p12'), keystore('aes256'));
    const info = run('openssl', ['pkcs12', '-in', 'keystore.p12', '-info', '-noout', '-passin', 'pass:changeit'], { cwd: dir });
    assert.is(info.status, 0, info.stderr);
    assert.equal(infoLines(info.stderr + info.stdout), [
      'MAC: sha256, Iteration 10000',
      'MAC length: 32, salt length: 20',
      'PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 10000, PRF hmacWithSHA256',
      'Certificate bag',
      'PKCS7 Data',
      'Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 10000, PRF hmacWithSHA256',
    ]);
  } finally {
    removeTempDir(dir);
  }
});

opensslSuite('both: openssl extracts the same key and certificate, and refuses a wrong password', () => {
  if (!hasTool('openssl')) return;
  const dir = makeTempDir();
  try {
    for (const encryption of ['legacy', 'aes256'] as const) {
      writeFileSync(join(dir, 'keystore.p12'), keystore(encryption));
      const key = run('openssl', ['pkcs12', '-in', 'keystore.p12', '-nocerts', '-nodes', '-passin', 'pass:changeit'], { cwd: dir });
      assert.is(key.status, 0, key.stderr);
      assert.equal(createPrivateKey(key.stdout).export({ type: 'pkcs8', format: 'der' }), privateKeyDer, encryption);
      const cert = run('openssl', ['pkcs12', '-in', 'keystore.p12', '-nokeys', '-clcerts', '-passin', 'pass:changeit'], { cwd: dir });
      assert.match(cert.stdout, certificate.pem, encryption);
      const wrong = run('openssl', ['pkcs12', '-in', 'keystore.p12', '-noout', '-passin', 'pass:wrong'], { cwd: dir });
      assert.is(wrong.status, 1);
      assert.match(wrong.stderr, 'Mac verify error: invalid password?');
    }
  } finally {
    removeTempDir(dir);
  }
});

opensslSuite.run();
