import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { getCertificateIdentity, holdsCertificate, parseKeystoreState } from '../../src/deploy/keystore-state.ts';
import { certificateFor, FIXTURE_KEY } from '../crypto/fixtures.ts';

// swagger-aem's KeystoreInfo example, the serial beyond 2^53 as a bare integer.
const SWAGGER_EXAMPLE = '{"exists":true,"aliases":[{"alias":"eventproxy","entryType":"privateKey","algorithm":"RSA","format":"PKCS#8","chain":[{"subject":"CN=localhost","issuer":"CN=Admin","notBefore":"Sun Jul 01 12:00:00 AEST 2018","notAfter":"Sun Jun 30 23:59:50 AEST 2019","serialNumber":18165099476682912368}]}]}';

const parseSuite = suite('parseKeystoreState');

parseSuite('the aliases and chains, the serial digits exactly as written (no float rounding)', () => {
  assert.equal(parseKeystoreState(SWAGGER_EXAMPLE), {
    exists: true,
    aliases: [{ alias: 'eventproxy', entryType: 'privateKey', chain: [{ subject: 'CN=localhost', issuer: 'CN=Admin', notAfter: 'Sun Jun 30 23:59:50 AEST 2019', serialNumber: '18165099476682912368' }] }],
  });
  assert.is.not(String(JSON.parse(SWAGGER_EXAMPLE).aliases[0].chain[0].serialNumber), '18165099476682912368');
});

parseSuite('{"exists":false} is an absent store', () => {
  assert.equal(parseKeystoreState('{"exists":false}'), { exists: false, aliases: [] });
});

parseSuite('an existing store may leave "exists" out (aemc keystore_status.go); a serial given as a string is read too', () => {
  assert.equal(parseKeystoreState('{"aliases":[{"alias":"a","chain":[{"serialNumber":"0042"}]}]}'), {
    exists: true,
    aliases: [{ alias: 'a', entryType: undefined, chain: [{ subject: undefined, issuer: undefined, notAfter: undefined, serialNumber: '42' }] }],
  });
});

const bad: ReadonlyArray<readonly [string, string]> = [
  ['HTML', '<html></html>'],
  ['an array', '[]'],
  ['exists of the wrong type', '{"exists":"yes"}'],
  ['JSON with a comment', '{"exists":false /* x */}'],
];
for (const [title, text] of bad) parseSuite(`${title}: undefined`, () => assert.is(parseKeystoreState(text), undefined));

parseSuite.run();

// ---

const holdsSuite = suite('holdsCertificate');

const certificate = certificateFor(FIXTURE_KEY, { subject: 'CN=eventproxy, O=Acme, C=US' }).x509;
const ours = getCertificateIdentity(certificate);

holdsSuite('our identity: the serial in decimal, subject and issuer as Java prints them, the SHA-256 fingerprint', () => {
  assert.is(ours.serialNumber, BigInt('0x4142434445464748').toString(10));
  assert.is(ours.subject, 'CN=eventproxy, O=Acme, C=US');
  assert.is(ours.fingerprint256, certificate.fingerprint256);
});

const chains: ReadonlyArray<readonly [string, { serialNumber?: string; subject?: string }, boolean]> = [
  ['the same serial and subject', { serialNumber: ours.serialNumber, subject: 'CN=eventproxy, O=Acme, C=US' }, true],
  ['the same subject in RFC 2253 spacing and attribute case', { serialNumber: ours.serialNumber, subject: 'cn=eventproxy,o=Acme,c=US' }, true],
  ['the same serial, no subject given', { serialNumber: ours.serialNumber }, true],
  ['another serial', { serialNumber: '1', subject: ours.subject }, false],
  ['the same serial, another subject', { serialNumber: ours.serialNumber, subject: 'CN=other' }, false],
  ['no serial', { subject: ours.subject }, false],
];
for (const [title, item, expected] of chains) {
  holdsSuite(`${title}: ${expected}`, () => {
    const alias = { alias: 'eventproxy', entryType: 'privateKey', chain: [{ subject: item.subject, issuer: undefined, notAfter: undefined, serialNumber: item.serialNumber }] };
    assert.is(holdsCertificate(alias, ours), expected);
  });
}

holdsSuite('an alias without a chain holds nothing', () => {
  assert.is(holdsCertificate({ alias: 'eventproxy', entryType: undefined, chain: [] }, ours), false);
});

holdsSuite.run();
