import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { TOP_LEVEL_KEYS } from '../../src/config/schema.ts';
import { findUnknownKeys, suggestKey } from '../../src/config/unknown-keys.ts';

const suggestKeySuite = suite('suggestKey');

const known = ['name', 'title', 'externalizer', 'apiKey', 'technicalAccountId', 'organizationId', 'clientSecret', 'clientSecretProtected'];
const cases: ReadonlyArray<readonly [string, string | undefined]> = [
  ['Name', 'name'],
  ['nmae', 'name'],
  ['titel', 'title'],
  ['apikey', 'apiKey'],
  ['api_key', 'apiKey'],
  ['clientSecert', 'clientSecret'],
  ['client_secret', 'clientSecret'],
  ['orgId', undefined],
  ['organisationId', 'organizationId'],
  ['technicalAccount', 'technicalAccountId'],
  ['clientSecretProtect', 'clientSecretProtected'],
  ['password', undefined],
  ['x', undefined],
];
for (const [key, suggestion] of cases) {
  suggestKeySuite(`${key} → ${suggestion ?? 'no suggestion'}`, () => {
    assert.is(suggestKey(key, known), suggestion);
  });
}

suggestKeySuite('top level: cloudservice → cloudService, environment → environments', () => {
  assert.is(suggestKey('cloudservice', TOP_LEVEL_KEYS), 'cloudService');
  assert.is(suggestKey('environment', TOP_LEVEL_KEYS), 'environments');
  assert.is(suggestKey('serviceuser', TOP_LEVEL_KEYS), 'serviceUser');
});

suggestKeySuite.run();

// ---

const findUnknownKeysSuite = suite('findUnknownKeys');

findUnknownKeysSuite('unknown keys at both levels, with a suggestion, the right section, or the list of keys', () => {
  const tree = {
    cloudservice: {},
    foo: 1,
    package: { nmae: 'x', name: 'y', clientSecret: 'hidden' },
    ims: { url: 'u', metascope: [] },
    serviceUser: { home: '/home/users/x', extra: true },
    keystore: 'not a mapping',
  };
  assert.equal(findUnknownKeys(tree, '', TOP_LEVEL_KEYS), [
    { path: 'cloudservice', message: 'unknown key; did you mean cloudService?' },
    { path: 'foo', message: 'unknown key; the keys here are package, cloudService, keystore, serviceUser, ims, osgi, workspace, validation, environments' },
    { path: 'package.nmae', message: 'unknown key; did you mean name?' },
    { path: 'package.clientSecret', message: 'unknown key here; clientSecret belongs in the cloudService section' },
    { path: 'ims.metascope', message: 'unknown key; did you mean metascopes?' },
    { path: 'serviceUser.extra', message: 'unknown key; the keys here are home' },
  ]);
});

findUnknownKeysSuite('a prefix is put before every path', () => {
  assert.equal(findUnknownKeys({ ims: { uri: 'x' } }, 'environments.stage', ['ims']), [
    { path: 'environments.stage.ims.uri', message: 'unknown key; did you mean url?' },
  ]);
});

findUnknownKeysSuite.run();
