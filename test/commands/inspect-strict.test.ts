// Issue 12, point 7: inspect --strict gates CI on the packages build writes.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { EXAMPLE_ENV, writeExampleProject } from '../build/example-project.ts';
import { runInProcess } from '../helpers/cli.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { filterXml, packageZip, propertiesXml } from '../inspect/zip-bytes.ts';

const EXAMPLE_ZIP = 'dist/eventproxy-config-1.0.0.zip';
const ACCEPTANCE = ['--strict', '--valid-root', '/etc/cloudservices/eventproxy', '--valid-root', '/home/users/system/eventproxy/eventproxy-service'];

const test = suite('inspect --strict with validator settings');
let dir = '';

test.before(async () => {
  dir = makeTempDir();
  await writeExampleProject(dir);
  const run = await runInProcess(['build'], { cwd: dir, env: EXAMPLE_ENV });
  assert.is(run.code, 0, run.stderr);
});

test.after(() => removeTempDir(dir));

const inspect = (args: readonly string[], env: Record<string, string> = {}) => runInProcess(['inspect', ...args], { cwd: dir, env });

test('the example package: --strict alone fails on the warnings (exit 1)', async () => {
  const run = await inspect([EXAMPLE_ZIP, '--strict', '--json']);
  assert.is(run.code, 1);
  const json = JSON.parse(run.stdout) as { findings: { validator: string; message: string }[] };
  // The shipped CNDs know cq:Page, cq:PageContent and sling:Folder: only the roots' parents remain.
  assert.equal(json.findings.map((f) => `${f.validator}: ${f.message}`), [
    "jackrabbit-filter: Filter root's ancestor '/etc/cloudservices/eventproxy' is not covered by any of the specified dependencies nor a valid root.",
    "jackrabbit-filter: Filter root's ancestor '/home/users/system/eventproxy/eventproxy-service' is not covered by any of the specified dependencies nor a valid root.",
  ]);
});

test('the acceptance command: --strict with the two --valid-root passes (exit 0)', async () => {
  const run = await inspect([EXAMPLE_ZIP, ...ACCEPTANCE]);
  assert.is(run.code, 0, run.stdout);
  assert.is(run.stderr, '');
  assert.ok(run.stdout.endsWith('Findings    0 errors, 0 warnings, 0 infos\n'), run.stdout);
});

test('--severity jackrabbit-filter=off passes too; a misspelled id is exit 2 with a suggestion', async () => {
  assert.is((await inspect([EXAMPLE_ZIP, '--strict', '--severity', 'jackrabbit-filter=off'])).code, 0);
  const run = await inspect([EXAMPLE_ZIP, '--strict', '--severity', 'jackrabbit-filtr=off']);
  assert.is(run.code, 2);
  assert.is(run.stdout, '');
  assert.is(run.stderr, "error: --severity jackrabbit-filtr=off: unknown validator id 'jackrabbit-filtr'; did you mean jackrabbit-filter?\n");
});

test('--valid-root that is not absolute is exit 2', async () => {
  const run = await inspect([EXAMPLE_ZIP, '--valid-root', 'etc/cloudservices']);
  assert.is(run.code, 2);
  assert.is(run.stderr, "error: --valid-root: 'etc/cloudservices' is not an absolute repository path; write it like /etc/cloudservices/eventproxy\n");
});

const TEMPLATES: readonly (readonly string[])[] = [
  [], ['--env', 'oauth'], ['--template', 'ims-6.4'], ['--template', 'ims-6.4', '--env', 'oauth'], ['--template', 'aio-aem-events'], ['--template', 'aio-aem-events', '--env', 'oauth'],
];

test("every built-in template: --strict --config with the example's validation: section passes (exit 0)", async () => {
  for (const args of TEMPLATES) {
    const out = `out-${args.join('-') || 'default'}`;
    const built = await runInProcess(['build', ...args, '--out', out], { cwd: dir, env: EXAMPLE_ENV });
    assert.is(built.code, 0, built.stderr);
    assert.ok(built.stdout.includes("  checked  0 errors, 0 warnings by FileVault's validator rules"), built.stdout);
    const [zip] = readdirSync(join(dir, out));
    const envArgs = args.includes('--env') ? ['--env', 'oauth'] : [];
    const run = await inspect([join(out, zip!), '--strict', '--config', 'aem-ioevents.yaml', ...envArgs], EXAMPLE_ENV);
    assert.is(run.code, 0, `${args.join(' ')}: ${run.stdout}`);
    // Without --config the section is not read: the OSGi templates' /apps/<app>/config parent is a warning.
    if (args.includes('--template')) assert.is((await inspect([join(out, zip!), '--strict'])).code, 1, args.join(' '));
  }
});

test('a misspelled validator id in the validation: section is exit 2 for inspect --config and for build, naming it', async () => {
  const config = readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8').replace('validation:', 'validation:\n  severity: { jackrabbit-nodetype: off }');
  writeFileSync(join(dir, 'typo.yaml'), config);
  // Line 40 is the inserted severity line; column 15 its key (issue 12, point 9).
  const expected = "  - validation.severity.jackrabbit-nodetype at line 40, column 15: unknown validator id 'jackrabbit-nodetype'; did you mean jackrabbit-nodetypes?";
  const inspected = await inspect([EXAMPLE_ZIP, '--config', 'typo.yaml'], EXAMPLE_ENV);
  assert.is(inspected.code, 2);
  assert.ok(inspected.stderr.includes(expected), inspected.stderr);
  const built = await runInProcess(['build', '--config', 'typo.yaml', '--out', 'typo'], { cwd: dir, env: EXAMPLE_ENV });
  assert.is(built.code, 2);
  assert.ok(built.stderr.includes(expected), built.stderr);
});

test("build uses the validation: section: a CND file that is not there is exit 2 and nothing is written", async () => {
  const config = readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8').replace('validation:', 'validation:\n  cnd: [nodetypes/missing.cnd]');
  writeFileSync(join(dir, 'missing.yaml'), config);
  const built = await runInProcess(['build', '--config', 'missing.yaml', '--out', 'missing'], { cwd: dir, env: EXAMPLE_ENV });
  assert.is(built.code, 2);
  assert.ok(built.stderr.endsWith(`error: validation.cnd ${join(dir, 'nodetypes/missing.cnd')}: no such file; name a CND file (node type definitions, like [my:Type] > nt:unstructured)\n`), built.stderr);
  assert.not.ok(readdirSync(dir).includes('missing'));
});

test('--cnd: a package with its own node type passes --strict only with the CND that declares it', async () => {
  const JCR = 'xmlns:jcr="http://www.jcp.org/jcr/1.0"';
  writeFileSync(join(dir, 'own.zip'), await packageZip({
    'META-INF/vault/properties.xml': propertiesXml({ group: 'g', name: 'own', version: '1', packageType: 'content' }),
    'META-INF/vault/filter.xml': filterXml('/content/own'),
    'jcr_root/content/own/.content.xml': `<jcr:root ${JCR} xmlns:my="http://example.com/my/1.0" jcr:primaryType="my:Thing"/>`,
  }));
  writeFileSync(join(dir, 'my.cnd'), "<'my'='http://example.com/my/1.0'>\n[my:Thing] > nt:unstructured\n");
  writeFileSync(join(dir, 'notes.txt'), 'not a CND\n');
  const without = await inspect(['own.zip', '--strict', '--json']);
  assert.is(without.code, 1);
  assert.equal((JSON.parse(without.stdout) as { findings: { message: string }[] }).findings.map((f) => f.message), [
    "Invalid primary type 'my:Thing': my: is not a registered namespace prefix. Skip validation of nodes with that type/name",
  ]);
  assert.is((await inspect(['own.zip', '--strict', '--cnd', 'my.cnd'])).code, 0);
  const wrong = await inspect(['own.zip', '--cnd', 'notes.txt']);
  assert.is(wrong.code, 2);
  assert.is(wrong.stderr, "error: --cnd notes.txt declares no namespace and no node type; name a CND file, with lines like <'my'='http://example.com/my/1.0'> and [my:Thing] > nt:unstructured\n".replace('[my:Thing]', '[my:Type]'));
});

test.run();
