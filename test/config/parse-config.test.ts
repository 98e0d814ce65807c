import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../../src/config/config-error.ts';
import { parseConfig } from '../../src/config/parse-config.ts';
import type { ParsedConfig } from '../../src/config/types.ts';
import { InputError } from '../../src/errors.ts';
import { ENV, failure, FILE, parse, PASSPHRASE, PROTECTED, SECRET, validTree, withChanges, CLOUD_SERVICE_YAML } from './valid-config.ts';

const parseConfigSuite = suite('parseConfig');

parseConfigSuite('a minimal file gets every default', () => {
  const parsed = parse(validTree());
  assert.equal(parsed.config, {
    package: { group: 'aem-ioevents', name: 'eventproxy-config', version: '1.0.0', description: 'Adobe I/O Events configuration', dependencies: ['eventproxy:aem-event-proxy'] },
    cloudService: {
      name: 'ioevents',
      title: 'Adobe I/O Events',
      externalizer: 'author',
      apiKey: '0123456789abcdef0123456789abcdef',
      technicalAccountId: '0123456789ABCDEF01234567@techacct.adobe.com',
      organizationId: '0123456789ABCDEF01234567@AdobeOrg',
      clientSecret: SECRET,
    },
    serviceUser: { home: '/home/users/system/eventproxy/eventproxy-service' },
    ims: { url: 'https://ims-na1.adobelogin.com', metascopes: ['event_receiver_api', 'ent_adobeio_sdk'] },
    osgi: { app: 'aem-ioevents', flow: 'jwt' },
  });
  assert.ok(parsed.defaulted.includes('package.dependencies'));
  assert.equal(parsed.warnings, []);
  assert.equal(parsed.literalSecrets, []);
  assert.equal(parsed.fromVariables, ['cloudService.clientSecret']);
  assert.is(parsed.format, 'json');
  assert.is(parsed.environment, undefined);
  assert.is(parsed.imsUrlSource, 'default');
});

parseConfigSuite('the result is frozen all the way down', () => {
  const parsed = parse(withChanges({ keystore: { file: 'k.p12' } }));
  for (const value of [parsed, parsed.config, parsed.config.package, parsed.config.package.dependencies, parsed.config.cloudService, parsed.config.keystore, parsed.config.ims.metascopes, parsed.warnings]) {
    assert.ok(Object.isFrozen(value));
  }
  assert.throws(() => (parsed.config.package.dependencies as string[]).push('x:y'), TypeError);
});

parseConfigSuite('relative keystore.file and ims.privateKey resolve against the file folder; absolute ones stay', () => {
  const relative = parse(withChanges({ keystore: { file: 'keys/keystore.p12' }, ims: { privateKey: '../secrets/private.key' } })).config;
  assert.is(relative.keystore?.file, '/cfg/keys/keystore.p12');
  assert.is(relative.ims.privateKey, '/secrets/private.key');
  const absolute = parse(withChanges({ keystore: { file: '/opt/keys/keystore.p12' }, ims: { privateKey: '/opt/keys/private.key' } })).config;
  assert.is(absolute.keystore?.file, '/opt/keys/keystore.p12');
  assert.is(absolute.ims.privateKey, '/opt/keys/private.key');
});

parseConfigSuite('the keystore section gets its defaults', () => {
  assert.equal(parse(withChanges({ keystore: { file: 'k.p12' } })).config.keystore, { file: '/cfg/k.p12', alias: 'eventproxy', include: false });
});

parseConfigSuite('protected values are kept verbatim, braces and case included', () => {
  const upper = PROTECTED.toUpperCase();
  const { config } = parse(withChanges({ cloudService: { clientSecret: undefined, clientSecretProtected: upper }, keystore: { file: 'k.p12', include: true, protectedPassword: PROTECTED } }));
  assert.is(config.cloudService.clientSecretProtected, upper);
  assert.is(config.cloudService.clientSecret, undefined);
  assert.ok(!('clientSecret' in config.cloudService));
  assert.is(config.keystore?.protectedPassword, PROTECTED);
});

parseConfigSuite('ims.url loses its trailing slash; IOEVENTS_IMS_URL overrides it and is validated', () => {
  assert.is(parse(withChanges({ ims: { url: 'https://ims-na1.adobelogin.com/' } })).config.ims.url, 'https://ims-na1.adobelogin.com');
  const local = parse(validTree(), { env: { ...ENV, IOEVENTS_IMS_URL: 'http://127.0.0.1:4010/' } });
  assert.is(local.config.ims.url, 'http://127.0.0.1:4010');
  assert.is(local.imsUrlSource, 'IOEVENTS_IMS_URL');
  const error = failure(validTree(), { env: { ...ENV, IOEVENTS_IMS_URL: 'http://ims.example.test' } });
  assert.is(
    error.issues[0]?.message,
    "(from IOEVENTS_IMS_URL) expected an https URL (http only for 127.0.0.1 or localhost), got 'http://ims.example.test'; give the IMS base URL only, like https://ims-na1.adobelogin.com",
  );
});

parseConfigSuite('ims lists and the key file are read', () => {
  const { ims } = parse(
    withChanges({ ims: { metascopes: ['https://ims-na1.adobelogin.com/s/event_receiver_api'], scopes: ['openid', 'AdobeID'], privateKey: 'private.key', passphrase: '${PASS}' } }),
    { env: { ...ENV, PASS: PASSPHRASE } },
  ).config;
  assert.equal(ims, {
    url: 'https://ims-na1.adobelogin.com',
    metascopes: ['https://ims-na1.adobelogin.com/s/event_receiver_api'],
    scopes: ['openid', 'AdobeID'],
    privateKey: '/cfg/private.key',
    passphrase: PASSPHRASE,
  });
});

parseConfigSuite('YAML and JSON give the same result', () => {
  const yaml = [
    ...CLOUD_SERVICE_YAML,
    '',
  ].join('\n');
  const fromYaml = parseConfig(yaml, { format: 'yaml', fileLabel: 'f.yaml', env: ENV, baseDir: '/cfg' });
  assert.equal(fromYaml.config, parse(validTree()).config);
  assert.is(fromYaml.format, 'yaml');
});

parseConfigSuite('YAML reads version: 1.0 as the number 1, so the message asks for quotes', () => {
  const yaml = 'package:\n  version: 1.0\ncloudService: {}\n';
  try {
    parseConfig(yaml, { format: 'yaml', fileLabel: 'f.yaml', env: ENV, baseDir: '/cfg' });
    assert.unreachable();
  } catch (error) {
    assert.instance(error, ConfigError);
    assert.is((error as ConfigError).issues[0]?.message, 'expected a string, got 1 (number); put the value in quotes');
  }
});

parseConfigSuite('the fixtures: example.yaml and example.json are valid twins, with no warning', () => {
  const read = (name: string, format: 'yaml' | 'json', envName?: string): ParsedConfig =>
    parseConfig(readFileSync(new URL(`../../fixtures/config/${name}`, import.meta.url), 'utf8'), { format, fileLabel: name, env: ENV, envName, baseDir: '/fixtures/config' });
  const yaml = read('example.yaml', 'yaml');
  assert.equal(read('example.json', 'json').config, yaml.config);
  assert.equal(yaml.warnings, []);
  assert.equal(yaml.fromVariables, ['cloudService.clientSecret', 'keystore.password']);
  assert.is(yaml.config.keystore?.file, '/fixtures/config/keys/keystore.p12');
  assert.is(yaml.config.cloudService.name, 'ioevents');
  const stage = read('example.yaml', 'yaml', 'stage');
  assert.equal(read('example.json', 'json', 'stage').config, stage.config);
  assert.is(stage.environment, 'stage');
  assert.equal([stage.config.cloudService.name, stage.config.cloudService.title, stage.config.cloudService.apiKey], ['ioevents-stage', 'Adobe I/O Events (stage)', '0123456789abcdef0123456789abcdef']);
});

parseConfigSuite.run();

// ---

const environmentsSuite = suite('parseConfig: environments');

environmentsSuite('--env merges the entry before interpolation, so only the chosen entry needs its variables', () => {
  const tree = withChanges({
    environments: { stage: { cloudService: { name: 'ioevents-${STAGE}' } }, prod: { cloudService: { clientSecret: '${PROD_SECRET}' } } },
  });
  const parsed = parse(tree, { env: { ...ENV, STAGE: 'stage' }, envName: 'stage' });
  assert.is(parsed.config.cloudService.name, 'ioevents-stage');
  assert.is(parsed.environment, 'stage');
  assert.is(failure(tree, { envName: 'prod' }).code, 'E_CONFIG_VARIABLE');
});

environmentsSuite('a problem in a value set by the environment says so', () => {
  const tree = withChanges({ environments: { stage: { cloudService: { name: 'a/b' } } } });
  const error = failure(tree, { envName: 'stage' });
  assert.is(
    error.message.split('\n')[1],
    // The line of environments.stage.cloudService.name, where the value came from (issue 12, point 9).
    "  - cloudService.name at line 13, column 9: (from environments.stage) expected a single node name below /etc/cloudservices/eventproxy, without '/' and not '.' or '..', got 'a/b'; use letters, digits, '-' and '_', like ioevents",
  );
});

environmentsSuite('an unknown key in an environment is reported once, under environments', () => {
  const error = failure(withChanges({ environments: { stage: { cloudService: { nmae: 'x' } } } }), { envName: 'stage' });
  assert.equal(error.issues, [{ path: 'environments.stage.cloudService.nmae', line: 13, column: 9, message: 'unknown key; did you mean name?' }]);
});

environmentsSuite('an unknown --env name is an InputError with exit code 2', () => {
  try {
    parse(withChanges({ environments: { stage: {}, prod: {} } }), { envName: 'qa' });
    assert.unreachable();
  } catch (error) {
    assert.instance(error, InputError);
    assert.not.instance(error, ConfigError);
    assert.is((error as InputError).exitCode, 2);
    assert.is((error as Error).message, `--env qa: no such environment in ${FILE}; it defines stage, prod`);
  }
});

environmentsSuite('an environment can drop the keystore with null', () => {
  const tree = withChanges({ keystore: { file: 'k.p12' }, environments: { ci: { keystore: null } } });
  assert.ok(parse(tree).config.keystore !== undefined);
  assert.is(parse(tree, { envName: 'ci' }).config.keystore, undefined);
});

environmentsSuite.run();
