import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { createKeyMaterial, type KeyMaterialOptions } from '../../src/crypto/key-material.ts';
import { readPkcs12Keystore } from '../../src/crypto/keystore.ts';
import { FIXTURE_KEY, fixedRandom, inputFailureAsync, pkcs8Pem, runtimeKey } from './fixtures.ts';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const pinned = (overrides: Partial<KeyMaterialOptions> = {}): KeyMaterialOptions => ({
  password: 'changeit',
  privateKey: FIXTURE_KEY,
  now: NOW,
  randomBytes: fixedRandom('material'),
  ...overrides,
});

const createSuite = suite('createKeyMaterial');

createSuite('with a pinned key, clock and random source it makes the same bytes every time', async () => {
  const first = await createKeyMaterial(pinned());
  const second = await createKeyMaterial(pinned({ randomBytes: fixedRandom('material') }));
  assert.is(first.certificatePem, second.certificatePem);
  assert.equal(first.pkcs12, second.pkcs12);
  assert.is(createHash('sha256').update(first.pkcs12).digest('hex'), '8a419a3bd8f43d63c3cd1e466b6d03d2cf6a2d87daf981805220de5f5ceb4095');
});

createSuite('the defaults: alias eventproxy, CN=eventproxy, 365 days, legacy, the key in both encodings', async () => {
  const material = await createKeyMaterial(pinned());
  assert.is(material.alias, 'eventproxy');
  assert.is(material.p12Encryption, 'legacy');
  assert.is(material.privateKeyPem, pkcs8Pem(FIXTURE_KEY));
  assert.is(material.pkcs8Base64, FIXTURE_KEY.export({ type: 'pkcs8', format: 'der' }).toString('base64'));
  assert.not.match(material.pkcs8Base64, /\s/u);
  const x509 = new X509Certificate(material.certificatePem);
  assert.equal(material.certificate, {
    subject: 'CN=eventproxy',
    issuer: 'CN=eventproxy',
    serialNumber: x509.serialNumber,
    notBefore: new Date('2026-11-23T12:00:00Z'),
    notAfter: new Date('2027-11-23T12:00:00Z'),
    fingerprint256: x509.fingerprint256,
    keyType: 'rsa',
    keyBits: 2048,
  });
  assert.equal(material.warnings, []);
  const entry = readPkcs12Keystore({ bytes: material.pkcs12, password: 'changeit', alias: 'eventproxy' });
  assert.is(entry.privateKeyPem, material.privateKeyPem);
  assert.is(entry.certificatePem, material.certificatePem);
});

createSuite('takes the alias, subject, days and encryption it is given', async () => {
  const material = await createKeyMaterial(pinned({ alias: 'author', subject: '/C=DE/O=Acme/CN=events', days: 30, p12Encryption: 'aes256' }));
  assert.is(material.certificate.subject, 'CN=events, O=Acme, C=DE');
  assert.equal(material.certificate.notAfter, new Date('2026-12-23T12:00:00Z'));
  const entry = readPkcs12Keystore({ bytes: material.pkcs12, password: 'changeit', alias: 'author' });
  assert.is(entry.protection.key, 'PBES2 (PBKDF2 hmacWithSHA256, aes-256-cbc)');
  // 30 days: inside the warning window from the first day on.
  assert.equal(material.warnings, [
    'certificate_pub.crt: the certificate expires on 2026-12-23T12:00:00Z, in 30 days. Adobe cannot renew an expired certificate: make a new key and certificate (aem-ioevents keygen), upload certificate_pub.crt to the Adobe Developer Console and replace the key in AEM before then',
  ]);
});

createSuite('generates an RSA key natively when none is given, of the size asked', async () => {
  const material = await createKeyMaterial({ password: 'changeit', bits: 3072, now: NOW });
  const key = createPrivateKey(material.privateKeyPem);
  assert.is(key.asymmetricKeyDetails?.modulusLength, 3072);
  assert.is(key.asymmetricKeyDetails?.publicExponent, 65537n);
  assert.is(material.certificate.keyBits, 3072);
});

createSuite('accepts a key that is still being generated', async () => {
  const material = await createKeyMaterial(pinned({ privateKey: Promise.resolve(FIXTURE_KEY) }));
  assert.is(material.privateKeyPem, pkcs8Pem(FIXTURE_KEY));
});

// [options, code, message]
const refused: readonly [Partial<KeyMaterialOptions>, string, string][] = [
  [{ bits: 1024 as never }, 'E_BITS', 'bits must be 2048, 3072 or 4096, got 1024 (number)'],
  [{ days: 0 }, 'E_DAYS', 'days must be a whole number of days from 1 to 3650, got 0 (number)'],
  [{ days: 3651 }, 'E_DAYS', 'days must be a whole number of days from 1 to 3650, got 3651 (number)'],
  [{ days: 1.5 }, 'E_DAYS', 'days must be a whole number of days from 1 to 3650, got 1.5 (number)'],
  [{ alias: 'EventProxy' }, 'E_ALIAS', "alias 'EventProxy' has upper-case letters; Java lower-cases keystore aliases, so use 'eventproxy'"],
  [{ alias: 'event proxy' }, 'E_ALIAS', "alias must be 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit; got 'event proxy'"],
  [{ p12Encryption: 'des' as never }, 'E_P12_ENCRYPTION', "p12Encryption must be legacy or aes256, got 'des'"],
  [{ subject: 'XX=1' }, 'E_SUBJECT', "subject: the attribute 'XX' is not supported; use CN, O, OU, L, ST, C, emailAddress"],
  [{ password: '' }, 'E_KEYSTORE_PASSWORD', 'the keystore password is empty; AEM needs a non-empty keystore password'],
  [{ privateKey: runtimeKey('rsa1024', 'rsa', 1024) }, 'E_KEY_SIZE', 'the key: the RSA key has 1024 bits; 2048 or more are needed: make a new key with aem-ioevents keygen'],
];

for (const [overrides, code, message] of refused) {
  createSuite(`refuses ${JSON.stringify(overrides, (key, value) => (key === 'privateKey' ? 'a 1024-bit key' : value))}`, async () => {
    assert.equal(await inputFailureAsync(() => createKeyMaterial(pinned(overrides))), { code, message });
  });
}

createSuite.run();
