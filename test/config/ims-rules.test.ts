import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RuleFailure } from '../../src/config/field-reader.ts';
import { checkKeyPath, checkMetascope, checkScope, normalizeImsUrl } from '../../src/config/ims-rules.ts';

const normalizeImsUrlSuite = suite('normalizeImsUrl');

const URL_HINT = 'give the IMS base URL only, like https://ims-na1.adobelogin.com';
const PATH = { expected: 'a URL without path, query or fragment (the tool adds /ims/token/v3 and /ims/exchange/jwt)', hint: URL_HINT };
const HTTPS = { expected: 'an https URL (http only for 127.0.0.1 or localhost)', hint: URL_HINT };
const urlCases: ReadonlyArray<readonly [string, { url: string } | RuleFailure]> = [
  ['https://ims-na1.adobelogin.com', { url: 'https://ims-na1.adobelogin.com' }],
  ['https://ims-na1.adobelogin.com/', { url: 'https://ims-na1.adobelogin.com' }],
  ['https://IMS-NA1.AdobeLogin.com:443/', { url: 'https://ims-na1.adobelogin.com' }],
  ['https://ims.example.test:8443', { url: 'https://ims.example.test:8443' }],
  ['http://127.0.0.1:4010/', { url: 'http://127.0.0.1:4010' }],
  ['http://localhost:4010', { url: 'http://localhost:4010' }],
  ['http://[::1]:4010', { url: 'http://[::1]:4010' }],
  ['http://ims-na1.adobelogin.com', HTTPS],
  ['ftp://ims-na1.adobelogin.com', HTTPS],
  ['ims-na1.adobelogin.com', { expected: 'an absolute https URL', hint: URL_HINT }],
  ['', { expected: 'an absolute https URL', hint: URL_HINT }],
  ['https://ims-na1.adobelogin.com/ims/token/v3', PATH],
  ['https://ims-na1.adobelogin.com//', PATH],
  ['https://ims-na1.adobelogin.com/?a=b', PATH],
  ['https://ims-na1.adobelogin.com/?', PATH],
  ['https://ims-na1.adobelogin.com#x', PATH],
  ['https://user:pass@ims-na1.adobelogin.com', { expected: 'a URL without user name or password', hint: URL_HINT }],
];
for (const [value, result] of urlCases) {
  normalizeImsUrlSuite(`${JSON.stringify(value)} → ${'url' in result ? result.url : 'refused'}`, () => {
    assert.equal(normalizeImsUrl(value), result);
  });
}

normalizeImsUrlSuite.run();

// ---

const checkMetascopeSuite = suite('checkMetascope');

const META = 'a metascope name like event_receiver_api, or a full URL like https://ims-na1.adobelogin.com/s/event_receiver_api';
const metaCases: ReadonlyArray<readonly [string, RuleFailure | undefined]> = [
  ['event_receiver_api', undefined],
  ['ent_adobeio_sdk', undefined],
  ['https://ims-na1.adobelogin.com/s/event_receiver_api', undefined],
  ['https://ims-na1-stg1.adobelogin.com/s/ent_adobeio_sdk', undefined],
  ['/s/event_receiver_api', { expected: META, hint: 'write the name alone: event_receiver_api' }],
  ['s/ent_adobeio_sdk', { expected: META, hint: 'write the name alone: ent_adobeio_sdk' }],
  ['event receiver', { expected: META, hint: 'see the metascopes of your credential in the Adobe Developer Console' }],
  ['http://ims-na1.adobelogin.com/s/event_receiver_api', { expected: META, hint: 'a full URL is https://<ims host>/s/<name>' }],
  ['https://ims-na1.adobelogin.com/event_receiver_api', { expected: META, hint: 'a full URL is https://<ims host>/s/<name>' }],
  ['https://ims-na1.adobelogin.com/s/event_receiver_api?x', { expected: META, hint: 'a full URL is https://<ims host>/s/<name>' }],
  ['https://ims-na1.adobelogin.com/s/a/b', { expected: META, hint: 'a full URL is https://<ims host>/s/<name>' }],
];
for (const [value, failure] of metaCases) {
  checkMetascopeSuite(`${JSON.stringify(value)} is ${failure === undefined ? 'accepted' : 'refused'}`, () => {
    assert.equal(checkMetascope(value), failure);
  });
}

checkMetascopeSuite.run();

// ---

const checkScopeSuite = suite('checkScope');

const SCOPE = { expected: 'a scope without spaces or commas', hint: 'give one scope per list item, like [openid, AdobeID, read_organizations]' };
for (const [value, failure] of [
  ['openid', undefined],
  ['AdobeID', undefined],
  ['read_organizations', undefined],
  ['additional_info.projectedProductContext', undefined],
  ['openid,AdobeID', SCOPE],
  ['openid AdobeID', SCOPE],
] as const) {
  checkScopeSuite(`${JSON.stringify(value)} is ${failure === undefined ? 'accepted' : 'refused'}`, () => {
    assert.equal(checkScope(value), failure);
  });
}

checkScopeSuite.run();

// ---

const checkKeyPathSuite = suite('checkKeyPath');

checkKeyPathSuite('a path is accepted', () => {
  assert.is(checkKeyPath('keys/private.key'), undefined);
});

checkKeyPathSuite('a pasted PEM key is refused', () => {
  assert.equal(checkKeyPath('-----BEGIN PRIVATE KEY-----\nMIIE...'), {
    expected: 'the path of a PEM file, not the key itself',
    hint: 'save the key to a file readable only by you and give its path',
  });
});

checkKeyPathSuite.run();
