import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { applyDefaults } from '../../src/config/defaults.ts';
import { CONFIG_DEFAULTS } from '../../src/config/schema.ts';

const applyDefaultsSuite = suite('applyDefaults');

applyDefaultsSuite('absent sections and keys get the SPEC defaults; keystore stays absent', () => {
  const { tree, imsUrlSource, defaulted } = applyDefaults({ cloudService: { name: 'x' } }, {});
  assert.equal(tree, {
    cloudService: { externalizer: 'author', name: 'x' },
    package: { group: 'aem-ioevents', name: 'eventproxy-config', version: '1.0.0', description: 'Adobe I/O Events configuration', dependencies: ['eventproxy:aem-event-proxy'] },
    serviceUser: { home: '/home/users/system/eventproxy/eventproxy-service' },
    ims: { url: 'https://ims-na1.adobelogin.com', metascopes: ['event_receiver_api', 'ent_adobeio_sdk'] },
    osgi: { app: 'aem-ioevents', flow: 'jwt' },
  });
  assert.is(imsUrlSource, 'default');
  assert.equal(defaulted, [
    'package.group', 'package.name', 'package.version', 'package.description', 'package.dependencies',
    'cloudService.externalizer', 'serviceUser.home', 'ims.url', 'ims.metascopes', 'osgi.app', 'osgi.flow',
  ]);
});

applyDefaultsSuite('defaulted lists only the keys the file leaves out; IOEVENTS_IMS_URL is not a default', () => {
  const given = { cloudService: { name: 'x', externalizer: 'publish' }, package: { dependencies: ['a:b'] }, osgi: { flow: 'oauth' }, ims: {} };
  const { defaulted } = applyDefaults(given, { IOEVENTS_IMS_URL: 'http://127.0.0.1:4010' });
  for (const path of ['cloudService.externalizer', 'package.dependencies', 'osgi.flow', 'ims.url']) assert.not.ok(defaulted.includes(path), path);
  assert.ok(defaulted.includes('osgi.app'));
});

applyDefaultsSuite('given values win, including an empty list', () => {
  const { tree } = applyDefaults({ package: { dependencies: [], name: 'n' }, keystore: { file: 'k.p12' } }, {});
  assert.equal(tree['package'], { group: 'aem-ioevents', name: 'n', version: '1.0.0', description: 'Adobe I/O Events configuration', dependencies: [] });
  assert.equal(tree['keystore'], { alias: 'eventproxy', include: false, file: 'k.p12' });
});

applyDefaultsSuite('an empty section (YAML null) is filled like an absent one; an empty keystore is no keystore', () => {
  const { tree } = applyDefaults({ package: null, keystore: null, cloudService: null }, {});
  assert.is((tree['package'] as Record<string, unknown>)['name'], 'eventproxy-config');
  assert.ok(!('keystore' in tree));
  assert.ok(!('cloudService' in tree));
});

applyDefaultsSuite('a section that is not a mapping is left for validation to report', () => {
  assert.is(applyDefaults({ package: 'x', ims: [1] }, {}).tree['package'], 'x');
  assert.equal(applyDefaults({ package: 'x', ims: [1] }, {}).tree['ims'], [1]);
});

applyDefaultsSuite('IOEVENTS_IMS_URL overrides ims.url; an empty one is ignored', () => {
  const fromFile = { ims: { url: 'https://ims.example.test' } };
  assert.equal(applyDefaults(fromFile, { IOEVENTS_IMS_URL: 'http://127.0.0.1:4010' }).tree['ims'], { url: 'http://127.0.0.1:4010', metascopes: ['event_receiver_api', 'ent_adobeio_sdk'] });
  assert.is(applyDefaults(fromFile, { IOEVENTS_IMS_URL: 'http://127.0.0.1:4010' }).imsUrlSource, 'IOEVENTS_IMS_URL');
  assert.is(applyDefaults(fromFile, { IOEVENTS_IMS_URL: '' }).imsUrlSource, 'file');
  assert.is((applyDefaults(fromFile, { IOEVENTS_IMS_URL: '' }).tree['ims'] as Record<string, unknown>)['url'], 'https://ims.example.test');
});

applyDefaultsSuite('the shared defaults are never handed out, so nothing can change them', () => {
  const { tree } = applyDefaults({}, {});
  (tree['package'] as { dependencies: string[] }).dependencies.push('x:y');
  assert.equal(CONFIG_DEFAULTS.package.dependencies, ['eventproxy:aem-event-proxy']);
});

applyDefaultsSuite.run();
