// inspectPackage with FileVault's validator settings, on the package build writes from the
// example configuration (cloudservice-6.3: cq:Page, cq:PageContent, sling:Folder).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildPackage } from '../../src/build/build-package.ts';
import { inspectPackage } from '../../src/inspect/inspect-package.ts';
import { readShippedCnds } from '../../src/inspect/validation-files.ts';
import type { ValidationSettings } from '../../src/inspect/validation-settings.ts';
import { EXAMPLE_ENV, writeExampleProject } from '../build/example-project.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { filterXml, packageZip, propertiesXml } from './zip-bytes.ts';

const test = suite('inspectPackage: validator settings');
let dir = '';
let file = '';

test.before(async () => {
  dir = makeTempDir();
  await writeExampleProject(dir);
  file = (await buildPackage({ cwd: dir, env: EXAMPLE_ENV, out: 'dist' })).file;
});

test.after(() => removeTempDir(dir));

const findings = async (validation?: ValidationSettings): Promise<string[]> => {
  const result = await inspectPackage({ file }, { name: 'x.zip', ...(validation && { validation }) });
  return result.findings.map((f) => `${f.severity} ${f.validator} ${f.nodePath ?? f.path}: ${f.message}`);
};

const ROOTS = [
  "warning jackrabbit-filter META-INF/vault/filter.xml: Filter root's ancestor '/etc/cloudservices/eventproxy' is not covered by any of the specified dependencies nor a valid root.",
  "warning jackrabbit-filter META-INF/vault/filter.xml: Filter root's ancestor '/home/users/system/eventproxy/eventproxy-service' is not covered by any of the specified dependencies nor a valid root.",
];
const TYPES = [
  "warning jackrabbit-nodetypes /etc/cloudservices/eventproxy/ioevents: Invalid primary type 'cq:Page': cq: is not a registered namespace prefix. Skip validation of nodes with that type/name",
  "warning jackrabbit-nodetypes /etc/cloudservices/eventproxy/ioevents/jcr:content: Invalid primary type 'cq:PageContent': cq: is not a registered namespace prefix. Skip validation of nodes with that type/name",
  "warning jackrabbit-nodetypes /home/users/system/eventproxy/eventproxy-service/keystore: Invalid primary type 'sling:Folder': sling: is not a registered namespace prefix. Skip validation of nodes with that type/name",
];
const EXAMPLE_ROOTS = ['/etc/cloudservices/eventproxy', '/home/users/system/eventproxy/eventproxy-service'];

test("without settings: FileVault's defaults, no sling: or cq: type known", async () => {
  assert.equal(await findings(), [...ROOTS, ...TYPES]);
});

test('the shipped CNDs make cq:Page, cq:PageContent and sling:Folder known', async () => {
  assert.equal(await findings({ cnds: await readShippedCnds() }), ROOTS);
});

test('a CND with only the Sling types leaves the cq: ones unknown', async () => {
  const sling = (await readShippedCnds()).filter((cnd) => cnd.name.endsWith('/sling.cnd'));
  assert.equal(sling.map((cnd) => cnd.name), ['aem-ioevents/cnd/sling.cnd']);
  assert.equal(await findings({ cnds: sling }), [...ROOTS, ...TYPES.slice(0, 2)]);
});

test('validRoots removes the ancestor findings of those roots only', async () => {
  assert.equal(await findings({ validRoots: EXAMPLE_ROOTS }), TYPES);
  assert.equal(await findings({ validRoots: [EXAMPLE_ROOTS[0]!] }), [ROOTS[1]!, ...TYPES]);
});

test("validRoots replaces FileVault's default roots, as its option does", async () => {
  const JCR = 'xmlns:jcr="http://www.jcp.org/jcr/1.0"';
  const bytes = await packageZip({
    'META-INF/vault/properties.xml': propertiesXml({ group: 'g', name: 'site', version: '1', packageType: 'content' }),
    'META-INF/vault/filter.xml': filterXml('/content/site'),
    'jcr_root/content/site/.content.xml': `<jcr:root ${JCR} jcr:primaryType="nt:unstructured"/>`,
  });
  const messages = async (validation?: ValidationSettings) => (await inspectPackage({ bytes }, { ...(validation && { validation }) })).findings.map((f) => f.message);
  // /content is one of the defaults; a list without it makes its parent an undefined ancestor.
  assert.equal(await messages(), []);
  assert.equal(await messages({ validRoots: ['/etc/cloudservices/eventproxy'] }), ["Filter root's ancestor '/content' is not covered by any of the specified dependencies nor a valid root."]);
  assert.equal(await messages({ validRoots: ['/content'] }), []);
});

test('jackrabbit-nodetypes=off drops its findings; the others stay', async () => {
  assert.equal(await findings({ severity: { 'jackrabbit-nodetypes': 'off' } }), ROOTS);
  assert.equal(await findings({ severity: { 'jackrabbit-filter': 'off', 'jackrabbit-nodetypes': 'off' } }), []);
});

test('the CNDs and the valid roots of the example together: no finding at all', async () => {
  const result = await inspectPackage({ file }, { validation: { cnds: await readShippedCnds(), validRoots: EXAMPLE_ROOTS } });
  assert.equal(result.findings, []);
  assert.equal(result.counts, { errors: 0, warnings: 0, infos: 0 });
});

test.run();
