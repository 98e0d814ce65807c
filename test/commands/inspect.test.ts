import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runBin, runInProcess } from '../helpers/cli.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { filterXml, packageZip, propertiesXml, rawZip } from '../inspect/zip-bytes.ts';

const JCR = 'xmlns:jcr="http://www.jcp.org/jcr/1.0"';
let packages = '';
let empty = '';

const cliSuite = suite('aem-ioevents inspect');

cliSuite.before(async () => {
  packages = makeTempDir();
  empty = makeTempDir();
  const base = { 'META-INF/vault/properties.xml': propertiesXml({ group: 'g', name: 'clean', version: '1.0', packageType: 'application' }), 'META-INF/vault/filter.xml': filterXml('/apps/x') };
  writeFileSync(join(packages, 'clean.zip'), await packageZip({ ...base, 'jcr_root/apps/x/.content.xml': `<jcr:root ${JCR} jcr:primaryType="nt:unstructured"/>` }));
  writeFileSync(join(packages, 'warned.zip'), await packageZip({ ...base, 'jcr_root/apps/x/.content.xml': `<jcr:root ${JCR} jcr:primaryType="nt:unstructured"><y jcr:primaryType="nt:foo"/></jcr:root>` }));
  writeFileSync(join(packages, 'broken.zip'), await packageZip({ ...base, 'jcr_root/apps/x/.content.xml': `<jcr:root ${JCR} jcr:primaryType="nt:unstructured" n="{Long}1.5"/>` }));
  writeFileSync(join(packages, 'text.zip'), 'not a zip');
  writeFileSync(join(packages, 'hostile.zip'), rawZip([{ name: 'jcr_root/apps/x.txt', data: 'hello', local: { name: '../../etc/cron.d/x' } }]));
});

cliSuite.after(() => {
  removeTempDir(packages);
  removeTempDir(empty);
});

cliSuite('a clean package: exit 0 and the report', async () => {
  const run = await runInProcess(['inspect', 'clean.zip'], { cwd: packages });
  assert.is(run.code, 0);
  assert.is(run.stderr, '');
  assert.is(run.stdout, [
    'Package     g:clean:1.0 (clean.zip)',
    'Properties  group=g name=clean version=1.0 packageType=application',
    'Filter      /apps/x (replace)',
    'Nodes       3',
    '  apps',
    '    x [nt:unstructured]',
    'Findings    0 errors, 0 warnings, 0 infos',
    '',
  ].join('\n'));
});

cliSuite('an error exits 1; --json prints one object with the findings', async () => {
  const run = await runInProcess(['inspect', 'broken.zip', '--json'], { cwd: packages });
  assert.is(run.code, 1);
  const json = JSON.parse(run.stdout) as Record<string, unknown>;
  assert.equal(Object.keys(json), ['ok', 'package', 'id', 'properties', 'filter', 'entryCount', 'nodeCount', 'tree', 'counts', 'findings']);
  assert.is(json.ok, false);
  assert.is(json.id, 'g:clean:1.0');
  assert.equal(json.filter, { filterSets: [{ root: '/apps/x', mode: 'replace', rules: [] }] });
  assert.equal(json.counts, { errors: 1, warnings: 0, infos: 0 });
  assert.equal(json.findings, [{
    validator: 'jackrabbit-docviewparser', severity: 'error', path: 'jcr_root/apps/x/.content.xml', nodePath: '/apps/x', line: 1, column: 99,
    message: "Invalid string serialization for type 'Long' given in property 'n' : '1.5'. This string cannot be converted to the specified type!",
  }]);
});

cliSuite('warnings exit 0, and 1 with --strict', async () => {
  const plain = await runInProcess(['inspect', 'warned.zip', '--json'], { cwd: packages });
  assert.is(plain.code, 0);
  assert.is((JSON.parse(plain.stdout) as { ok: boolean }).ok, true);
  const strict = await runInProcess(['inspect', 'warned.zip', '--json', '--strict'], { cwd: packages });
  assert.is(strict.code, 1);
  assert.equal((JSON.parse(strict.stdout) as { ok: boolean; counts: unknown }).counts, { errors: 0, warnings: 1, infos: 0 });
});

cliSuite('a file that is not a readable zip exits 2 with the reason; with --json one error object', async () => {
  const run = await runInProcess(['inspect', 'text.zip'], { cwd: packages });
  assert.is(run.code, 2);
  assert.is(run.stdout, '');
  assert.match(run.stderr, /^error: text\.zip is not a readable zip: End of central directory record signature not found/);
  const json = await runInProcess(['inspect', 'missing.zip', '--json'], { cwd: packages });
  assert.is(json.code, 2);
  assert.equal(JSON.parse(json.stdout), { ok: false, error: { code: 'E_ZIP_UNREADABLE', message: `cannot read missing.zip: ENOENT: no such file or directory, open '${join(packages, 'missing.zip')}'` } });
});

cliSuite('a zip whose local header names another file than its central directory exits 2 with both names', async () => {
  const message = 'hostile.zip: entry "jcr_root/apps/x.txt" has name "../../etc/cron.d/x" in its local header but "jcr_root/apps/x.txt" in the central directory; Java\'s ZipInputStream (AEM\'s upload) reads the local headers and would see another package: refusing to read the package';
  const run = await runInProcess(['inspect', 'hostile.zip'], { cwd: packages });
  assert.equal([run.code, run.stdout, run.stderr], [2, '', `error: ${message}\n`]);
  const json = await runInProcess(['inspect', 'hostile.zip', '--json'], { cwd: packages });
  assert.is(json.code, 2);
  assert.equal(JSON.parse(json.stdout), { ok: false, error: { code: 'E_ZIP_MISMATCH', message } });
});

cliSuite('the bundled bin inspects with the working folder untouched: nothing is written', () => {
  for (const [zip, code] of [['clean.zip', 0], ['broken.zip', 1], ['text.zip', 2]] as const) {
    const run = runBin(['inspect', join(packages, zip)], { cwd: empty });
    assert.is(run.code, code, `${zip}: ${run.stderr}`);
  }
  assert.equal(readdirSync(empty), []);
  assert.equal(readdirSync(packages).sort(), ['broken.zip', 'clean.zip', 'hostile.zip', 'text.zip', 'warned.zip']);
});

cliSuite.run();
