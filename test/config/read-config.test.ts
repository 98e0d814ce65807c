import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../../src/config/config-error.ts';
import { decodeConfigBytes, describeReadError, formatOf, readConfig } from '../../src/config/read-config.ts';
import { InputError } from '../../src/errors.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { ENV, CLOUD_SERVICE_YAML } from './valid-config.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MINIMAL_YAML = [
  ...CLOUD_SERVICE_YAML,
  'keystore:',
  '  file: keys/keystore.p12',
  '',
].join('\n');
const MINIMAL_JSON = JSON.stringify({
  cloudService: {
    name: 'from-json',
    title: 'Adobe I/O Events',
    apiKey: '0123456789abcdef0123456789abcdef',
    technicalAccountId: '0123456789ABCDEF01234567@techacct.adobe.com',
    organizationId: '0123456789ABCDEF01234567@AdobeOrg',
    clientSecret: '${IOEVENTS_CLIENT_SECRET}',
  },
});

async function readError(options: Parameters<typeof readConfig>[0]): Promise<InputError> {
  try {
    await readConfig(options);
  } catch (error) {
    assert.instance(error, InputError);
    return error as InputError;
  }
  return assert.unreachable('expected an InputError') as never;
}

const readConfigSuite = suite('readConfig', { dir: '' });

readConfigSuite.before.each((context) => {
  context.dir = makeTempDir();
});

readConfigSuite.after.each((context) => {
  removeTempDir(context.dir);
});

readConfigSuite('reads the YAML fixture relative to cwd; keystore.file resolves against the file folder, not cwd', async () => {
  const loaded = await readConfig({ file: 'fixtures/config/example.yaml', cwd: ROOT, env: ENV, envName: 'stage' });
  assert.is(loaded.file, join(ROOT, 'fixtures/config/example.yaml'));
  assert.is(loaded.format, 'yaml');
  assert.is(loaded.environment, 'stage');
  assert.is(loaded.config.cloudService.name, 'ioevents-stage');
  assert.is(loaded.config.keystore?.file, join(ROOT, 'fixtures/config/keys/keystore.p12'));
  assert.equal(loaded.warnings, []);
  assert.ok(Object.isFrozen(loaded) && Object.isFrozen(loaded.warnings));
});

readConfigSuite('reads the JSON twin, with an absolute --config path', async () => {
  const loaded = await readConfig({ file: join(ROOT, 'fixtures/config/example.json'), cwd: '/', env: ENV });
  assert.is(loaded.format, 'json');
  assert.equal(loaded.config, (await readConfig({ file: 'fixtures/config/example.yaml', cwd: ROOT, env: ENV })).config);
});

readConfigSuite('without --config, aem-ioevents.yaml in cwd is read', async ({ dir }) => {
  writeFileSync(join(dir, 'aem-ioevents.yaml'), MINIMAL_YAML);
  const loaded = await readConfig({ cwd: dir, env: ENV });
  assert.is(loaded.file, join(dir, 'aem-ioevents.yaml'));
  assert.is(loaded.config.keystore?.file, join(dir, 'keys/keystore.p12'));
});

readConfigSuite('without --config and without aem-ioevents.yaml, .yml and then .json are tried', async ({ dir }) => {
  writeFileSync(join(dir, 'aem-ioevents.json'), MINIMAL_JSON);
  assert.is((await readConfig({ cwd: dir, env: ENV })).config.cloudService.name, 'from-json');
  writeFileSync(join(dir, 'aem-ioevents.yml'), MINIMAL_YAML);
  const loaded = await readConfig({ cwd: dir, env: ENV });
  assert.is(loaded.file, join(dir, 'aem-ioevents.yml'));
  assert.equal(loaded.warnings, ['aem-ioevents.yml is used; aem-ioevents.json in the same folder is ignored']);
});

readConfigSuite('no configuration file at all is an InputError naming the default file', async ({ dir }) => {
  const error = await readError({ cwd: dir, env: ENV });
  assert.is(error.code, 'E_CONFIG_READ');
  assert.is(error.exitCode, 2);
  assert.is(error.message, `Configuration file not found: ${join(dir, 'aem-ioevents.yaml')} (nor aem-ioevents.yml or aem-ioevents.json); create it or pass --config FILE`);
});

readConfigSuite('a missing --config file is an InputError naming it', async ({ dir }) => {
  const error = await readError({ file: 'nope.yaml', cwd: dir, env: ENV });
  assert.is(error.code, 'E_CONFIG_READ');
  assert.is(error.message, `Configuration file not found: ${join(dir, 'nope.yaml')}; check the --config path`);
});

readConfigSuite('a path through a file is not found', async ({ dir }) => {
  writeFileSync(join(dir, 'file.yaml'), MINIMAL_YAML);
  const error = await readError({ file: 'file.yaml/aem-ioevents.yaml', cwd: dir, env: ENV });
  assert.is(error.message, `Configuration file not found: ${join(dir, 'file.yaml/aem-ioevents.yaml')} (a part of the path is a file, not a folder); check the --config path`);
});

readConfigSuite('a folder is not a configuration file, given or found by default', async ({ dir }) => {
  mkdirSync(join(dir, 'aem-ioevents.yaml'));
  const expected = `Configuration file ${join(dir, 'aem-ioevents.yaml')} is a folder; pass the path of a .yaml or .json file`;
  assert.is((await readError({ file: 'aem-ioevents.yaml', cwd: dir, env: ENV })).message, expected);
  assert.is((await readError({ cwd: dir, env: ENV })).message, expected);
});

readConfigSuite('a file without read permission is an InputError (as root: checked as user nobody)', async ({ dir }) => {
  const file = join(dir, 'aem-ioevents.yaml');
  writeFileSync(file, MINIMAL_YAML);
  chmodSync(file, 0o000);
  const expected = `Configuration file ${file} cannot be read: permission denied; let the user running aem-ioevents read it`;
  if (process.getuid?.() !== 0) {
    const error = await readError({ cwd: dir, env: ENV });
    assert.is(error.code, 'E_CONFIG_READ');
    assert.is(error.message, expected);
    return;
  }
  // Root reads a mode-000 file anyway, so the bundled library (npm test builds dist/ first; it is self-contained)
  // runs as "nobody" from a copy in the temporary folder, which nobody can reach wherever the clone lives.
  chmodSync(dir, 0o755);
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  const script = `import('${join(dir, 'dist/index.js')}').then((m) => m.readConfig({ cwd: ${JSON.stringify(dir)}, env: {} })).then(() => console.log('read'), (e) => console.log(JSON.stringify([e.code, e.exitCode, e.message])));`;
  const child = spawnSync(process.execPath, ['-e', script], { uid: 65534, gid: 65534, encoding: 'utf8', timeout: 30_000, cwd: '/' });
  assert.is(child.stderr, '');
  assert.equal(JSON.parse(child.stdout), ['E_CONFIG_READ', 2, expected]);
});

readConfigSuite('the bundled dist/index.js reads both fixtures the same way (npm test builds it first)', () => {
  const script = `const m = await import(${JSON.stringify(join(ROOT, 'dist/index.js'))});
const env = ${JSON.stringify(ENV)};
const read = (file) => m.readConfig({ file, cwd: ${JSON.stringify(join(ROOT, 'fixtures/config'))}, env });
const [yaml, json] = await Promise.all([read('example.yaml'), read('example.json')]);
console.log(JSON.stringify([yaml.format, json.format, JSON.stringify(yaml.config) === JSON.stringify(json.config), yaml.config.cloudService.name]));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
  assert.is(child.stderr, '');
  assert.equal(JSON.parse(child.stdout), ['yaml', 'json', true, 'ioevents']);
});

readConfigSuite('a file with an unknown extension is read as YAML, which reads JSON too', async ({ dir }) => {
  writeFileSync(join(dir, 'ioevents.conf'), MINIMAL_JSON);
  const loaded = await readConfig({ file: 'ioevents.conf', cwd: dir, env: ENV });
  assert.is(loaded.format, 'yaml');
  assert.is(loaded.config.cloudService.name, 'from-json');
});

readConfigSuite('syntax and field problems name the absolute file', async ({ dir }) => {
  writeFileSync(join(dir, 'c.json'), '{"cloudService": {},}');
  const error = await readError({ file: 'c.json', cwd: dir, env: ENV });
  assert.instance(error, ConfigError);
  assert.is(error.message, `Invalid configuration file ${join(dir, 'c.json')} (1 problem):\n  - line 1, column 21: JSON: expected a key in double quotes (no trailing comma)`);
});

readConfigSuite('a UTF-8 byte order mark is accepted in JSON and YAML', async ({ dir }) => {
  writeFileSync(join(dir, 'c.json'), `\uFEFF${MINIMAL_JSON}`);
  writeFileSync(join(dir, 'c.yaml'), `\uFEFF${MINIMAL_YAML}`);
  assert.is((await readConfig({ file: 'c.json', cwd: dir, env: ENV })).config.cloudService.name, 'from-json');
  assert.is((await readConfig({ file: 'c.yaml', cwd: dir, env: ENV })).config.cloudService.name, 'ioevents');
});

readConfigSuite('UTF-16 and other non-UTF-8 files are refused by name', async ({ dir }) => {
  writeFileSync(join(dir, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MINIMAL_YAML, 'utf16le')]));
  writeFileSync(join(dir, 'latin1.yaml'), Buffer.from('cloudService:\n  title: caf\xe9\n', 'latin1'));
  assert.is((await readError({ file: 'utf16.yaml', cwd: dir, env: ENV })).message, `Configuration file ${join(dir, 'utf16.yaml')} is UTF-16 text; save it as UTF-8`);
  assert.is((await readError({ file: 'latin1.yaml', cwd: dir, env: ENV })).message, `Configuration file ${join(dir, 'latin1.yaml')} is not valid UTF-8 text; save it as UTF-8`);
});

readConfigSuite.run();

// ---

const describeReadErrorSuite = suite('describeReadError');

const codes: ReadonlyArray<readonly [string | undefined, string]> = [
  ['EACCES', 'Configuration file /c.yaml cannot be read: permission denied; let the user running aem-ioevents read it'],
  ['EPERM', 'Configuration file /c.yaml cannot be read: permission denied; let the user running aem-ioevents read it'],
  ['EIO', 'Configuration file /c.yaml cannot be read (EIO); check that it is a readable file'],
  [undefined, 'Configuration file /c.yaml cannot be read (unknown error); check that it is a readable file'],
];
for (const [code, message] of codes) {
  describeReadErrorSuite(`${code ?? 'no code'} → ${message}`, () => {
    const cause = Object.assign(new Error('x'), { code });
    const error = describeReadError(cause, '/c.yaml');
    assert.is(error.message, message);
    assert.is(error.code, 'E_CONFIG_READ');
    assert.is(error.cause, cause);
  });
}

describeReadErrorSuite.run();

// ---

const formatOfSuite = suite('formatOf');

formatOfSuite('.json and .jsonc in any case are JSON; everything else is YAML', () => {
  assert.equal(['a.json', 'a.JSON', 'a.jsonc', 'a.yaml', 'a.yml', 'a', 'a.conf', 'a.json.bak'].map(formatOf), ['json', 'json', 'json', 'yaml', 'yaml', 'yaml', 'yaml', 'yaml']);
});

formatOfSuite.run();

// ---

const decodeConfigBytesSuite = suite('decodeConfigBytes');

decodeConfigBytesSuite('UTF-8 decodes, its byte order mark dropped', () => {
  assert.is(decodeConfigBytes(Buffer.from('\uFEFFtitle: café', 'utf8'), 'f'), 'title: café');
});

decodeConfigBytesSuite('big-endian UTF-16 is refused too', () => {
  assert.throws(() => decodeConfigBytes(Buffer.from([0xfe, 0xff, 0, 0x61]), 'f'), /f is UTF-16 text; save it as UTF-8/);
});

decodeConfigBytesSuite.run();
