import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/errors.ts';
import { createJwtClaims, type JwtClaimsOptions } from '../../src/ims/jwt-claims.ts';
import { getMetascopeClaimKey } from '../../src/ims/metascopes.ts';

const PROD = 'https://ims-na1.adobelogin.com';
const STAGE = 'https://ims-na1-stg1.adobelogin.com';
const NOW = new Date('2026-11-23T12:00:00.750Z'); // 1795435200.75 s
const INPUT: JwtClaimsOptions = {
  orgId: 'C74F69D7594880280A495D09@AdobeOrg',
  technicalAccountId: '6657A0A1583EC1930A495C7E@techacct.adobe.com',
  clientId: '0123456789abcdef0123456789abcdef',
  metascopes: ['event_receiver_api', 'ent_adobeio_sdk'],
  imsUrl: PROD,
  now: NOW,
};

const createJwtClaimsSuite = suite('createJwtClaims');

createJwtClaimsSuite('builds exactly the SPEC claims, in order, exp 300 s ahead in whole seconds', () => {
  const claims = createJwtClaims(INPUT);
  assert.is(
    JSON.stringify(claims),
    JSON.stringify({
      exp: 1795435500,
      iss: 'C74F69D7594880280A495D09@AdobeOrg',
      sub: '6657A0A1583EC1930A495C7E@techacct.adobe.com',
      aud: 'https://ims-na1.adobelogin.com/c/0123456789abcdef0123456789abcdef',
      'https://ims-na1.adobelogin.com/s/event_receiver_api': true,
      'https://ims-na1.adobelogin.com/s/ent_adobeio_sdk': true,
    }),
  );
  assert.ok(Number.isInteger(claims.exp));
});

createJwtClaimsSuite('the lifetime is configurable', () => {
  assert.is(createJwtClaims({ ...INPUT, lifetimeSeconds: 180 }).exp, 1795435380);
});

createJwtClaimsSuite('the IMS host of aud and metascopes follows imsUrl (stage)', () => {
  const claims = createJwtClaims({ ...INPUT, imsUrl: STAGE, metascopes: ['ent_adobeio_sdk'] });
  assert.is(claims.aud, `${STAGE}/c/0123456789abcdef0123456789abcdef`);
  assert.equal(Object.keys(claims), ['exp', 'iss', 'sub', 'aud', `${STAGE}/s/ent_adobeio_sdk`]);
});

createJwtClaimsSuite('a full-URL metascope is used as is, per element, next to short names', () => {
  const claims = createJwtClaims({ ...INPUT, metascopes: ['ent_adobeio_sdk', `${PROD}/s/event_receiver_api`] });
  assert.equal(Object.keys(claims).slice(4), [`${PROD}/s/ent_adobeio_sdk`, `${PROD}/s/event_receiver_api`]);
  const first = createJwtClaims({ ...INPUT, metascopes: [`${PROD}/s/event_receiver_api`, 'ent_adobeio_sdk'] });
  assert.equal(Object.keys(first).slice(4), [`${PROD}/s/event_receiver_api`, `${PROD}/s/ent_adobeio_sdk`]);
});

createJwtClaimsSuite('every metascope claim has the value true', () => {
  const claims = createJwtClaims(INPUT);
  assert.is(claims[`${PROD}/s/event_receiver_api`], true);
  assert.is(claims[`${PROD}/s/ent_adobeio_sdk`], true);
});

const invalid: ReadonlyArray<readonly [string, Partial<Record<keyof JwtClaimsOptions, unknown>>, RegExp]> = [
  ['a metascope string instead of a list', { metascopes: 'ent_adobeio_sdk' }, /`metascopes` to be a non-empty list .*got 'ent_adobeio_sdk'/],
  ['no metascopes', { metascopes: [] }, /`metascopes` to be a non-empty list/],
  ['a metascope with a space', { metascopes: ['ent_adobeio_sdk '] }, /`metascopes` to be names or URLs without spaces/],
  ['an empty org', { orgId: '' }, /`orgId` to be a non-empty string, got ''/],
  ['a missing technical account', { technicalAccountId: undefined }, /`technicalAccountId` to be a non-empty string, got undefined/],
  ['an invalid date', { now: new Date('x') }, /`now` to be a valid Date/],
  ['a fractional lifetime', { lifetimeSeconds: 1.5 }, /`lifetimeSeconds` to be a positive whole number of seconds, got 1.5 \(number\)/],
  ['a zero lifetime', { lifetimeSeconds: 0 }, /`lifetimeSeconds`/],
];
for (const [what, change, message] of invalid) {
  createJwtClaimsSuite(`${what} is bad input (InputError naming it)`, () => {
    try {
      createJwtClaims({ ...INPUT, ...change } as JwtClaimsOptions);
      assert.unreachable('should have thrown');
    } catch (error) {
      assert.instance(error, InputError);
      assert.match((error as Error).message, message);
    }
  });
}

createJwtClaimsSuite.run();

// ---

const getMetascopeClaimKeySuite = suite('getMetascopeClaimKey');

const keys: ReadonlyArray<readonly [string, string, string]> = [
  ['event_receiver_api', PROD, `${PROD}/s/event_receiver_api`],
  ['ent_adobeio_sdk', STAGE, `${STAGE}/s/ent_adobeio_sdk`],
  [`${PROD}/s/event_receiver_api`, STAGE, `${PROD}/s/event_receiver_api`],
  ['http://127.0.0.1:8080/s/ent_adobeio_sdk', PROD, 'http://127.0.0.1:8080/s/ent_adobeio_sdk'],
  ['HTTPS://ims-na1.adobelogin.com/s/x', PROD, 'HTTPS://ims-na1.adobelogin.com/s/x'],
];
for (const [metascope, imsUrl, key] of keys) {
  getMetascopeClaimKeySuite(`${metascope} at ${imsUrl} → ${key}`, () => {
    assert.is(getMetascopeClaimKey(metascope, imsUrl), key);
  });
}

getMetascopeClaimKeySuite.run();
