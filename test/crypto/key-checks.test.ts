import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkCertificate, checkKeyAndCertificate, checkKeyPair, checkPrivateKey } from '../../src/crypto/key-checks.ts';
import { certificateFor, FIXTURE_KEY, inputFailure, runtimeKey } from './fixtures.ts';

const RENEW = 'Adobe cannot renew an expired certificate: make a new key and certificate (aem-ioevents keygen), upload certificate_pub.crt to the Adobe Developer Console and replace the key in AEM';

const checkPrivateKeySuite = suite('checkPrivateKey');

checkPrivateKeySuite('accepts RSA of 2048 bits', () => {
  checkPrivateKey(FIXTURE_KEY, { label: 'private.key' });
});

checkPrivateKeySuite('refuses RSA below 2048 bits', () => {
  assert.equal(inputFailure(() => checkPrivateKey(runtimeKey('rsa1024', 'rsa', 1024), { label: 'private.key' })), {
    code: 'E_KEY_SIZE',
    message: 'private.key: the RSA key has 1024 bits; 2048 or more are needed: make a new key with aem-ioevents keygen',
  });
});

checkPrivateKeySuite('refuses a key that is not RSA', () => {
  assert.equal(inputFailure(() => checkPrivateKey(runtimeKey('ec', 'ec'), { label: 'private.key' })), {
    code: 'E_KEY_TYPE',
    message: 'private.key: the key is ec, not RSA; the JWT that Adobe IMS exchanges is signed with RS256, which needs an RSA key of 2048 bits or more',
  });
});

checkPrivateKeySuite.run();

// ---

const checkKeyPairSuite = suite('checkKeyPair');

checkKeyPairSuite('accepts a key with its own certificate', () => {
  checkKeyPair({ privateKey: FIXTURE_KEY, certificate: certificateFor(FIXTURE_KEY).x509 }, { label: 'keys' });
});

checkKeyPairSuite('refuses a key with the certificate of another key', () => {
  assert.equal(inputFailure(() => checkKeyPair({ privateKey: FIXTURE_KEY, certificate: certificateFor(runtimeKey('other')).x509 }, { label: 'private.key and certificate_pub.crt' })), {
    code: 'E_KEY_MISMATCH',
    message: 'private.key and certificate_pub.crt: the private key does not belong to the certificate (their public keys differ); use the key and the certificate that were made together, or the keystore entry that holds both',
  });
});

checkKeyPairSuite.run();

// ---

const checkCertificateSuite = suite('checkCertificate');

// Valid from 2026-01-01T00:00:00Z for 365 days: until 2027-01-01T00:00:00Z.
const certificate = certificateFor(FIXTURE_KEY, { notBefore: new Date('2026-01-01T00:00:00Z'), days: 365 }).x509;
const at = (iso: string) => ({ label: 'certificate_pub.crt', now: new Date(iso) });

checkCertificateSuite('no warning while more than 30 days are left', () => {
  assert.equal(checkCertificate(certificate, at('2026-06-01T00:00:00Z')), []);
  assert.equal(checkCertificate(certificate, at('2026-12-01T23:59:59Z')), []);
});

// [now, days in the warning]
const warnings: readonly [string, string][] = [
  ['2026-12-02T00:00:00Z', 'in 30 days'],
  ['2026-12-31T00:00:00Z', 'in 1 day'],
  ['2026-12-31T12:00:00Z', 'in less than a day'],
  ['2026-12-31T23:59:59Z', 'in less than a day'],
];

for (const [now, when] of warnings) {
  checkCertificateSuite(`warns ${when} before expiry (${now})`, () => {
    assert.equal(checkCertificate(certificate, at(now)), [`certificate_pub.crt: the certificate expires on 2027-01-01T00:00:00Z, ${when}. ${RENEW} before then`]);
  });
}

checkCertificateSuite('refuses an expired certificate, saying Adobe cannot renew it', () => {
  for (const now of ['2027-01-01T00:00:00Z', '2030-01-01T00:00:00Z']) {
    assert.equal(inputFailure(() => checkCertificate(certificate, at(now))), {
      code: 'E_CERT_EXPIRED',
      message: `certificate_pub.crt: the certificate expired on 2027-01-01T00:00:00Z. ${RENEW}`,
    });
  }
});

checkCertificateSuite('refuses a certificate that is not valid yet', () => {
  assert.equal(inputFailure(() => checkCertificate(certificate, at('2025-12-31T23:59:59Z'))), {
    code: 'E_CERT_NOT_YET_VALID',
    message: "certificate_pub.crt: the certificate is not valid before 2026-01-01T00:00:00Z; check this machine's clock, or wait until then",
  });
});

checkCertificateSuite.run();

// ---

const checkBothSuite = suite('checkKeyAndCertificate');

checkBothSuite('runs the pair checks first, then returns the date warnings', () => {
  assert.is(inputFailure(() => checkKeyAndCertificate({ privateKey: runtimeKey('other'), certificate }, at('2026-06-01T00:00:00Z'))).code, 'E_KEY_MISMATCH');
  assert.equal(checkKeyAndCertificate({ privateKey: FIXTURE_KEY, certificate }, at('2026-12-25T00:00:00Z')).length, 1);
});

checkBothSuite.run();
