import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPackage } from '../../src/build/build-package.ts';
import { parseDocView } from '../../src/docview/docview-parse.ts';
import { hasTool } from '../helpers/tools.ts';
import { readPackagesWithJava } from '../helpers/package-check.ts';
import { runBin } from '../helpers/cli.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { EXAMPLE_ENV, exampleKeystore, writeExampleProject } from './example-project.ts';
import { goldenDir, goldenFiles, zipFiles } from './golden.ts';

const GOLDEN = goldenDir('example');
const now = () => new Date('2026-11-23T12:00:00Z');

const buildPackageSuite = suite('buildPackage', { dir: '' });

buildPackageSuite.before.each(async (context) => {
  context.dir = makeTempDir();
  await writeExampleProject(context.dir);
});

buildPackageSuite.after.each((context) => removeTempDir(context.dir));

buildPackageSuite('the example builds to the golden exploded package, entry by entry', async ({ dir }) => {
  const result = await buildPackage({ cwd: dir, env: EXAMPLE_ENV, now });
  assert.is(result.displayPath, 'dist/eventproxy-config-1.0.0.zip');
  assert.is(result.packageId, 'aem-ioevents:eventproxy-config:1.0.0');
  assert.is(result.created, '2026-11-23T12:00:00.000Z');
  const files = await zipFiles(result.file);
  const fileEntries = [...files.keys()].filter((name) => !name.endsWith('/'));
  assert.equal(fileEntries.sort(), goldenFiles(GOLDEN).sort());
  for (const name of fileEntries) assert.ok(files.get(name)!.equals(readFileSync(join(GOLDEN, name))), name);
  assert.ok(files.get('jcr_root/home/users/system/eventproxy/eventproxy-service/keystore/store.p12')!.equals(await exampleKeystore()));
  assert.equal(result.entries, [...files.keys()]);
});

buildPackageSuite('with SOURCE_DATE_EPOCH, two builds are byte-identical', async ({ dir }) => {
  const a = await buildPackage({ cwd: dir, env: EXAMPLE_ENV, now, out: 'a' });
  const b = await buildPackage({ cwd: dir, env: EXAMPLE_ENV, now: () => new Date(), out: 'b' });
  assert.ok(readFileSync(a.file).equals(readFileSync(b.file)));
  assert.is(a.sha256, b.sha256);
});

buildPackageSuite('without SOURCE_DATE_EPOCH the clock dates the package', async ({ dir }) => {
  const { SOURCE_DATE_EPOCH: _, ...env } = EXAMPLE_ENV;
  const result = await buildPackage({ cwd: dir, env, now: () => new Date('2027-02-03T04:05:06.789Z') });
  assert.is(result.created, '2027-02-03T04:05:06.789Z');
  const properties = (await zipFiles(result.file)).get('META-INF/vault/properties.xml')!.toString('utf8');
  assert.ok(properties.includes('<entry key="created">2027-02-03T04:05:06.789Z</entry>'));
});

buildPackageSuite('the bundled bin gives the same bytes in two time zones', async ({ dir }) => {
  const utc = runBin(['build', '--out', 'utc'], { cwd: dir, env: { ...EXAMPLE_ENV, TZ: 'UTC' } });
  const kolkata = runBin(['build', '--out', 'kolkata'], { cwd: dir, env: { ...EXAMPLE_ENV, TZ: 'Asia/Kolkata' } });
  assert.is(utc.code, 0, utc.stderr);
  assert.is(kolkata.code, 0, kolkata.stderr);
  const name = 'eventproxy-config-1.0.0.zip';
  assert.ok(readFileSync(join(dir, 'utc', name)).equals(readFileSync(join(dir, 'kolkata', name))));
});

buildPackageSuite.run();

// ---

const consumersSuite = suite('buildPackage read by real consumers', { dir: '' });

consumersSuite.before(async (context) => {
  context.dir = makeTempDir();
  await writeExampleProject(context.dir);
});

consumersSuite.after((context) => removeTempDir(context.dir));

consumersSuite('ZipInputStream, Properties.loadFromXML and a namespace-aware SAX parser read the package', async ({ dir }) => {
  if (!hasTool('java')) return;
  const result = await buildPackage({ cwd: dir, env: EXAMPLE_ENV, now });
  const [view] = readPackagesWithJava([result.file]);
  assert.equal(view!.errors, []);
  assert.equal(view!.entries.map((e) => e.name), result.entries);
  for (const entry of view!.entries) assert.is(entry.method, entry.name.endsWith('/') ? 'STORED' : 'DEFLATED', entry.name);
  assert.ok(view!.entries.every((e) => e.time === '2026-11-23T12:00'), 'every entry dated SOURCE_DATE_EPOCH');
  assert.equal(view!.properties, {
    created: '2026-11-23T12:00:00.000Z',
    createdBy: 'aem-ioevents',
    dependencies: 'eventproxy:aem-event-proxy',
    description: 'Adobe I/O Events configuration',
    group: 'aem-ioevents',
    name: 'eventproxy-config',
    packageType: 'content',
    version: '1.0.0',
  });
  assert.equal(view!.xml, {
    'META-INF/vault/filter.xml': 'ok',
    'jcr_root/etc/cloudservices/eventproxy/ioevents/.content.xml': 'ok',
    'jcr_root/home/users/system/eventproxy/eventproxy-service/keystore/.content.xml': 'ok',
  });
});

consumersSuite('values with markup, escapes, line breaks, tabs and emoji come back exactly', async ({ dir }) => {
  const title = 'A {b} [c] d,e \\f & <g> "h" \'i\'\nj\tk\r\nl 😀 東京';
  const config = readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8').replace('title: Adobe I/O Events\n', `title: ${JSON.stringify(title)}\n`);
  writeFileSync(join(dir, 'aem-ioevents.yaml'), config);
  const result = await buildPackage({ cwd: dir, env: EXAMPLE_ENV, now, out: 'hard' });
  const xml = (await zipFiles(result.file)).get('jcr_root/etc/cloudservices/eventproxy/ioevents/.content.xml')!.toString('utf8');
  const parsed = parseDocView(xml, { rootName: 'ioevents' });
  const content = parsed.root.children[0]!;
  assert.equal(content.properties.find((p) => p.name === 'jcr:title')?.values, [title]);
  if (!hasTool('java')) return;
  const [view] = readPackagesWithJava([result.file]);
  assert.is(view!.xml['jcr_root/etc/cloudservices/eventproxy/ioevents/.content.xml'], 'ok');
});

consumersSuite.run();
