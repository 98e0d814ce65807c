import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/errors.ts';
import { inspectPackage, type InspectResult } from '../../src/inspect/inspect-package.ts';
import type { Finding } from '../../src/inspect/finding.ts';
import { createContentPackage } from '../../src/packaging/content-package.ts';
import { createZipArchive } from '../../src/packaging/archive.ts';
import { createDocViewProperty as property } from '../../src/docview/docview-property.ts';
import { readPackagesWithJava } from '../helpers/package-check.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { hasTool } from '../helpers/tools.ts';
import { SIMPLE_PACKAGE } from './simple-package.ts';
import { filterXml, packageZip, propertiesXml, rawZip } from './zip-bytes.ts';

const PROPERTIES = propertiesXml({ group: 'my_packages', name: 'test', version: '1.0', packageType: 'application' });
const JCR = 'xmlns:jcr="http://www.jcp.org/jcr/1.0"';

async function inspectFiles(files: Record<string, string>, filter = filterXml('/apps')): Promise<InspectResult> {
  const bytes = await packageZip({ 'META-INF/vault/properties.xml': PROPERTIES, 'META-INF/vault/filter.xml': filter, ...files });
  return inspectPackage({ bytes }, { name: 'test.zip' });
}

const line = (f: Finding): string => `${f.severity} ${f.validator} ${f.path}${f.line === undefined ? '' : `:${f.line}:${f.column}`}${f.nodePath === undefined ? '' : ` ${f.nodePath}`} ${f.message}`;
const of = (result: InspectResult, validator: Finding['validator']): string[] => result.findings.filter((f) => f.validator === validator).map(line);

/** Every file and folder below `dir`. */
function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: false }).map(String).sort();
}

const parserSuite = suite('inspectPackage: jackrabbit-docviewparser');

parserSuite('FileVault DocumentViewParserValidatorTest: unknown type, inconvertible values, unused character data, non-DocView xml', async () => {
  const result = await inspectFiles({
    'jcr_root/apps/invalid/wrongtype.xml': SIMPLE_PACKAGE.wrongType,
    'jcr_root/apps/invalid/inconvertibletypes.xml': SIMPLE_PACKAGE.inconvertibleTypes,
    'jcr_root/apps/invalid/unusedcharacterdata.xml': SIMPLE_PACKAGE.unusedCharacterData,
    'jcr_root/apps/child2/child1.xml': SIMPLE_PACKAGE.child2Child1,
    'jcr_root/apps/_cq_content.xml': SIMPLE_PACKAGE.cqContent,
  });
  assert.equal(of(result, 'jackrabbit-docviewparser'), [
    'info jackrabbit-docviewparser jcr_root/apps/child2/child1.xml /apps/child2/child1.xml This file is not detected as docview xml file and therefore treated as binary',
    "error jackrabbit-docviewparser jcr_root/apps/invalid/inconvertibletypes.xml:28:6 /apps/invalid/inconvertibletypes/somepath Invalid string serialization for type 'Long' given in property 'attribute2' : '1.0'. This string cannot be converted to the specified type!",
    "error jackrabbit-docviewparser jcr_root/apps/invalid/inconvertibletypes.xml:28:6 /apps/invalid/inconvertibletypes/somepath Invalid string serialization for type 'Date' given in property 'attribute1' : 'somedate'. This string cannot be converted to the specified type!",
    'error jackrabbit-docviewparser jcr_root/apps/invalid/unusedcharacterdata.xml:21:78 /apps/invalid/unusedcharacterdata/somepath Encountered character data inside DocView XML which is never used: This is some character data',
    'error jackrabbit-docviewparser jcr_root/apps/invalid/wrongtype.xml:24:6 /apps/invalid/wrongtype Could not parse FileVault Document View XML: unknown type: Invalid',
  ]);
});

parserSuite('ill-formed XML and an undeclared namespace prefix are parse errors at their position', async () => {
  const result = await inspectFiles({
    'jcr_root/apps/a/.content.xml': `<jcr:root ${JCR} jcr:primaryType="nt:unstructured">\n  <b>\n</jcr:root>`,
    'jcr_root/apps/c/.content.xml': `<jcr:root ${JCR}\n    jcr:primaryType="nt:unstructured"\n    cq:lastModified="x"/>`,
  });
  assert.equal(of(result, 'jackrabbit-docviewparser'), [
    'error jackrabbit-docviewparser jcr_root/apps/a/.content.xml:3:12 /apps/a Could not parse FileVault Document View XML: unexpected close tag.',
    'error jackrabbit-docviewparser jcr_root/apps/c/.content.xml:3:26 /apps/c Could not parse FileVault Document View XML: unbound namespace prefix: "cq".',
  ]);
});

parserSuite('a DocView file is refused as not well-formed exactly when the JDK\'s namespace-aware SAX parser refuses it', async () => {
  if (!hasTool('java')) return;
  const files: Record<string, string> = {
    'jcr_root/apps/ok/.content.xml': `<jcr:root ${JCR} jcr:primaryType="nt:unstructured"><a jcr:primaryType="nt:unstructured"/></jcr:root>`,
    'jcr_root/apps/unclosed/.content.xml': `<jcr:root ${JCR} jcr:primaryType="nt:unstructured"><a></jcr:root>`,
    'jcr_root/apps/prefix/.content.xml': `<jcr:root ${JCR} cq:x="1"/>`,
    'jcr_root/apps/element/.content.xml': `<jcr:root ${JCR}><cq:a/></jcr:root>`,
    'jcr_root/apps/amp/.content.xml': `<jcr:root ${JCR} t="a & b"/>`,
    'jcr_root/apps/control/.content.xml': `<jcr:root ${JCR} t="\u0001"/>`,
    'jcr_root/apps/twice/.content.xml': `<jcr:root ${JCR} t="1" t="2"/>`,
    'jcr_root/apps/entity/.content.xml': `<jcr:root ${JCR} t="&nbsp;"/>`,
    'jcr_root/apps/comment.xml': `<!-- x --><jcr:root ${JCR} jcr:primaryType="nt:unstructured"><b t="&#x1F600;"/></jcr:root>`,
  };
  const dir = makeTempDir();
  try {
    const zip = join(dir, 'p.zip');
    const bytes = await packageZip({ 'META-INF/vault/properties.xml': PROPERTIES, 'META-INF/vault/filter.xml': filterXml('/apps'), ...files });
    writeFileSync(zip, bytes);
    const [java] = readPackagesWithJava([zip]);
    const refusedByJava = Object.keys(files).filter((name) => java!.xml[name] !== 'ok').sort();
    const result = await inspectPackage({ bytes });
    const refusedByUs = result.findings.filter((f) => f.message.startsWith('Could not parse FileVault Document View XML')).map((f) => f.path).sort();
    assert.equal(refusedByUs, refusedByJava);
    assert.equal(refusedByJava.length, 7);
  } finally {
    removeTempDir(dir);
  }
});

parserSuite.run();

// ---

const hostileSuite = suite('inspectPackage: hostile packages');

/** Asserts that `promise` rejects with an InputError of `code` whose message matches `pattern`. */
async function rejects(promise: Promise<unknown>, code: string, pattern: RegExp, name = ''): Promise<void> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  assert.instance(error, InputError, `${name}: expected an InputError`);
  assert.is((error as InputError).code, code, name);
  assert.match((error as InputError).message, pattern, name);
}

hostileSuite('a DocView file of more than 1 MiB compressed, DEFLATED or STORED, is read in blocks, kept whole and parsed', async () => {
  // 3 MiB of hex: about 1.5 MiB deflated, above the size inflated in one call.
  const title = randomBytes(1536 * 1024).toString('hex');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<jcr:root ${JCR} jcr:primaryType="nt:folder"><big jcr:primaryType="nt:unstructured" title="${title}" count="{Long}x"/></jcr:root>`;
  const entries = (method: 0 | 8) => [
    { name: 'META-INF/vault/properties.xml', data: PROPERTIES }, { name: 'META-INF/vault/filter.xml', data: filterXml('/apps') },
    { name: 'jcr_root/apps/x/.content.xml', data: xml, method },
  ];
  for (const method of [8, 0] as const) {
    const result = await inspectPackage({ bytes: rawZip(entries(method)) }, { name: 'big.zip' });
    assert.equal(of(result, 'jackrabbit-docviewparser'), [
      `error jackrabbit-docviewparser jcr_root/apps/x/.content.xml:2:3145871 /apps/x/big Invalid string serialization for type 'Long' given in property 'count' : 'x'. This string cannot be converted to the specified type!`,
    ], `method ${method}`);
    assert.is(result.nodeCount, 4, `method ${method}`);
  }
});

hostileSuite('zip-slip names, links and bombs are refused as a whole (exit 2) and nothing is written anywhere', async () => {
  const dir = makeTempDir();
  try {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const cases: [string, Buffer, string, RegExp][] = [
      ['absolute', rawZip([{ name: '/tmp/evil.txt', data: 'x' }]), 'E_ZIP_UNSAFE', /^absolute\.zip has an unsafe entry name "\/tmp\/evil\.txt": it is absolute \(zip slip\); refusing to read the package$/],
      ['dotdot', rawZip([{ name: 'jcr_root/../../evil.txt', data: 'x' }]), 'E_ZIP_UNSAFE', /"jcr_root\/\.\.\/\.\.\/evil\.txt": it contains a '\.\.' segment/],
      ['backslash', rawZip([{ name: 'jcr_root\\..\\evil.txt', data: 'x' }]), 'E_ZIP_UNSAFE', /it contains a backslash/],
      ['drive', rawZip([{ name: 'C:/evil.txt', data: 'x' }]), 'E_ZIP_UNSAFE', /it starts with a drive letter/],
      ['link', rawZip([{ name: 'jcr_root/apps/link', data: '/etc/passwd', externalAttributes: (0o120777 << 16) >>> 0 }]), 'E_ZIP_UNSAFE', /"jcr_root\/apps\/link" that is a symbolic link/],
      ['bomb', rawZip([{ name: 'jcr_root/apps/bomb.bin', data: zeros }]), 'E_ZIP_BOMB', /"jcr_root\/apps\/bomb\.bin" that expands \d+ times \(\d+ to 20971520 bytes\), more than the limit of 200 \(zip bomb\)/],
      ['lying', rawZip([{ name: 'jcr_root/apps/lie.bin', data: zeros, declaredSize: 100 }]), 'E_ZIP_CORRUPT', /entry "jcr_root\/apps\/lie\.bin" is corrupt \(it inflates to more than the 100 bytes it declares\)$/],
      ['lying-streamed', rawZip([{ name: 'jcr_root/apps/lie.bin', data: randomBytes(2 * 1024 * 1024), declaredSize: 100 }]), 'E_ZIP_CORRUPT', /entry "jcr_root\/apps\/lie\.bin" is corrupt \(it inflates to more than the 100 bytes it declares\)$/],
      ['crc', rawZip([{ name: 'jcr_root/apps/x.txt', data: 'hello', declaredCrc: 1 }]), 'E_ZIP_CORRUPT', /entry "jcr_root\/apps\/x\.txt" is corrupt \(CRC [0-9a-f]{8} where the zip says 00000001\)/],
      ['text', Buffer.from('not a zip at all'), 'E_ZIP_UNREADABLE', /^text\.zip is not a readable zip: End of central directory record signature not found/],
    ];
    for (const [name, bytes] of cases) writeFileSync(join(dir, `${name}.zip`), bytes);
    const before = listTree(dir);
    for (const [name, , code, pattern] of cases) {
      await rejects(inspectPackage({ file: join(dir, `${name}.zip`) }, { name: `${name}.zip` }), code, pattern, name);
    }
    const truncated = (await packageZip({ 'jcr_root/a.txt': 'a' })).subarray(0, 40);
    await rejects(inspectPackage({ bytes: truncated }), 'E_ZIP_UNREADABLE', /^package\.zip is not a readable zip: /);
    await rejects(inspectPackage({ file: join(dir, 'missing.zip') }, { name: 'missing.zip' }), 'E_ZIP_UNREADABLE', /^cannot read missing\.zip: ENOENT/);
    assert.equal(listTree(dir), before);
    assert.is(existsSync(join(dir, '..', 'evil.txt')), false);
    assert.is(existsSync('/tmp/evil.txt'), false);
  } finally {
    removeTempDir(dir);
  }
});

hostileSuite('a node deeper than 1000 levels, by folders or by DocView nesting, is refused without a crash', async () => {
  const deepFolders = await packageZip({ [`jcr_root/${'a/'.repeat(1001)}x.txt`]: 'x' });
  await rejects(inspectPackage({ bytes: deepFolders }), 'E_PACKAGE_DEPTH', /^package\.zip has a node deeper than 1000 levels \(\/a\/a\/a/);
  const nested = `<jcr:root ${JCR} jcr:primaryType="nt:unstructured">${'<a p="x">'.repeat(1100)}${'</a>'.repeat(1100)}</jcr:root>`;
  await rejects(inspectFiles({ 'jcr_root/apps/deep/.content.xml': nested }), 'E_PACKAGE_DEPTH', /^test\.zip has a node deeper than 1000 levels \(\/apps\/deep\/a\/a/);
});

hostileSuite('the total size limit refuses a package whose entries add up to too much', async () => {
  const bytes = await packageZip({ 'jcr_root/a.txt': 'a'.repeat(600), 'jcr_root/b.txt': 'b'.repeat(600) });
  await rejects(inspectPackage({ bytes }, { limits: { maxTotalSize: 1000 } }), 'E_ZIP_BOMB', /^package\.zip would expand to 1200 bytes, more than the limit of 1000 \(zip bomb\)/);
});

hostileSuite('a node outside every filter, an invalid filter regex and a properties.xml without DOCTYPE are findings', async () => {
  const outside = await inspectFiles({ 'jcr_root/content/y/.content.xml': `<jcr:root ${JCR} jcr:primaryType="nt:unstructured"/>` }, filterXml('/apps/x'));
  assert.equal(of(outside, 'jackrabbit-filter'), [
    "error jackrabbit-filter jcr_root/content/y/.content.xml:1:85 /content/y Node '/content/y' is not contained in any of the filter rules",
    "warning jackrabbit-filter META-INF/vault/filter.xml Found orphaned filter entries: entry with root '/apps/x'",
  ]);
  const regex = await inspectFiles({}, '<workspaceFilter version="1.0">\n  <filter root="/apps">\n    <include pattern="/apps/[a-"/>\n  </filter>\n</workspaceFilter>');
  assert.equal(of(regex, 'jackrabbit-filter'), ["error jackrabbit-filter META-INF/vault/filter.xml:3:35 Invalid filter.xml: Invalid pattern given: '/apps/[a-'"]);
  assert.is(regex.filter, undefined);
  const bytes = await packageZip({
    'META-INF/vault/properties.xml': '<?xml version="1.0"?>\n<properties>\n<entry key="name">x</entry>\n</properties>',
    'META-INF/vault/filter.xml': filterXml('/apps'),
    'jcr_root/apps/': '',
  });
  const properties = await inspectPackage({ bytes });
  assert.equal(of(properties, 'jackrabbit-properties'), [
    'error jackrabbit-properties META-INF/vault/properties.xml:2:1 Invalid properties.xml: An XML properties document must contain the DOCTYPE declaration as defined by java.util.Properties.',
  ]);
  assert.is(properties.properties, undefined);
  // A line break before the XML declaration (a templated file): the JDK parser refuses the file.
  const leading = await inspectPackage({ bytes: await packageZip({
    'META-INF/vault/properties.xml': `\n${PROPERTIES}`,
    'META-INF/vault/filter.xml': filterXml('/apps'),
    'jcr_root/apps/': '',
  }) });
  assert.equal(of(leading, 'jackrabbit-properties'), [
    "error jackrabbit-properties META-INF/vault/properties.xml:2:1 Invalid properties.xml: '<?xml' is allowed only as the XML declaration at the very start of the file (nothing before it, not even a space or a comment)",
  ]);
  assert.is(leading.properties, undefined);
});

hostileSuite('a STORED entry with a data descriptor, which AEM\'s ZipInputStream refuses, is an error', async () => {
  const bytes = rawZip([
    { name: 'META-INF/vault/properties.xml', data: PROPERTIES },
    { name: 'META-INF/vault/filter.xml', data: filterXml('/apps') },
    { name: 'jcr_root/apps/a.txt', data: 'a', method: 0, flags: 0x808 },
  ]);
  const result = await inspectPackage({ bytes });
  assert.equal(of(result, 'package-manager'), [
    `error package-manager jcr_root/apps/a.txt entry 'jcr_root/apps/a.txt' is STORED with a data descriptor: java.util.zip.ZipInputStream (AEM's upload) fails with "only DEFLATED entries can have EXT descriptor"`,
  ]);
});

hostileSuite.run();

const metaInfSuite = suite('inspectPackage: filter.xml and properties.xml at any depth below META-INF/vault/ (DefaultMetaInf.load)');

const CONTENT_Y = { 'jcr_root/content/y/.content.xml': `<jcr:root ${JCR} jcr:primaryType="nt:unstructured"/>` };
const CONTENT_PROPERTIES = propertiesXml({ group: 'my_packages', name: 'test', version: '1.0', packageType: 'content' });

metaInfSuite('a second filter.xml later in the zip is the filter AEM installs with: it is the one validated, and the replaced one is an error', async () => {
  const result = await inspectPackage({ bytes: await packageZip({
    'META-INF/vault/properties.xml': CONTENT_PROPERTIES,
    'META-INF/vault/filter.xml': filterXml('/content/other'),
    'META-INF/vault/backup/filter.xml': filterXml('/content'),
    ...CONTENT_Y,
  }) }, { name: 'test.zip' });
  assert.equal(result.filter?.filterSets.map((set) => set.root), ['/content']);
  assert.equal(of(result, 'package-manager'), [
    "error package-manager META-INF/vault/filter.xml META-INF/vault/filter.xml is replaced by META-INF/vault/backup/filter.xml: FileVault reads every file named filter.xml below META-INF/vault/ as the package's filter.xml, in zip order, and the last one counts; AEM installs with META-INF/vault/backup/filter.xml",
  ]);
  assert.equal(result.findings.filter((f) => f.severity === 'error' && f.validator !== 'package-manager'), []);
});

metaInfSuite('a filter.xml only in a subfolder still makes the package installable (warning), and a broken properties.xml anywhere is an error', async () => {
  const result = await inspectPackage({ bytes: await packageZip({
    'META-INF/vault/old/properties.xml': '<?xml version="1.0"?>\n<properties>\n<entry key="name">x</entry>\n</properties>',
    'META-INF/vault/properties.xml': CONTENT_PROPERTIES,
    'META-INF/vault/x/filter.xml': filterXml('/content'),
    ...CONTENT_Y,
  }) }, { name: 'test.zip' });
  assert.equal(result.filter?.filterSets.map((set) => set.root), ['/content']);
  assert.equal(result.id, { group: 'my_packages', name: 'test', version: '1.0' });
  assert.equal(of(result, 'jackrabbit-properties'), [
    'error jackrabbit-properties META-INF/vault/old/properties.xml:2:1 Invalid properties.xml: An XML properties document must contain the DOCTYPE declaration as defined by java.util.Properties.',
  ]);
  assert.equal(of(result, 'package-manager'), [
    "error package-manager META-INF/vault/old/properties.xml META-INF/vault/old/properties.xml is replaced by META-INF/vault/properties.xml: FileVault reads every file named properties.xml below META-INF/vault/ as the package's properties.xml, in zip order, and the last one counts; AEM installs with META-INF/vault/properties.xml",
    "warning package-manager META-INF/vault/x/filter.xml META-INF/vault/x/filter.xml is the package's filter.xml: FileVault reads every file named filter.xml below META-INF/vault/ as the package's filter.xml, in zip order, and the last one counts",
  ]);
});

metaInfSuite.run();

// ---

const modelSuite = suite('inspectPackage: the model');

modelSuite('what build writes (createContentPackage) inspects without an error, and the model says what it holds', async () => {
  const entries = createContentPackage({
    properties: { group: 'aem-ioevents', name: 'eventproxy-config', version: '1.0', packageType: 'application' },
    filter: { filterSets: [{ root: '/apps/eventproxy', rules: [] }] },
    nodes: [
      { path: '/apps/eventproxy', node: { name: 'eventproxy', properties: [property('jcr:primaryType', 'nt:folder')], children: [] } },
      { path: '/apps/eventproxy/config', node: { name: 'config', properties: [property('jcr:primaryType', 'nt:unstructured'), property('count', '2', 'Long')], children: [
        { name: 'child', properties: [property('jcr:primaryType', 'nt:unstructured')], children: [] },
      ] } },
    ],
    files: [{ path: '/apps/eventproxy/readme.txt', content: new TextEncoder().encode('hello') }],
  });
  const result = await inspectPackage({ bytes: await createZipArchive(entries, { mtime: new Date('2026-11-23T12:00:00Z') }) }, { name: 'eventproxy-config-1.0.zip' });
  assert.equal(result.findings, []);
  assert.equal(result.counts, { errors: 0, warnings: 0, infos: 0 });
  assert.equal(result.id, { group: 'aem-ioevents', name: 'eventproxy-config', version: '1.0' });
  assert.equal(result.properties, { group: 'aem-ioevents', name: 'eventproxy-config', version: '1.0', packageType: 'application' });
  assert.is(result.nodeCount, 6);
  const apps = result.tree.children[0]!;
  const eventproxy = apps.children[0]!;
  assert.equal([apps.name, apps.source, apps.primaryType], ['apps', 'folder', undefined]);
  assert.equal([eventproxy.path, eventproxy.source, eventproxy.primaryType, eventproxy.file], ['/apps/eventproxy', 'docview', 'nt:folder', 'jcr_root/apps/eventproxy/.content.xml']);
  assert.equal(eventproxy.children.map((c) => `${c.path} ${c.source} ${c.primaryType}`), [
    '/apps/eventproxy/readme.txt file nt:file', '/apps/eventproxy/config docview nt:unstructured',
  ]);
  assert.equal(eventproxy.children[1]!.children.map((c) => c.path), ['/apps/eventproxy/config/child']);
});

modelSuite('a template mistake in what build writes is an error: a node without jcr:primaryType, an ordering-only element', async () => {
  const entries = createContentPackage({
    properties: { group: 'aem-ioevents', name: 'eventproxy-config', version: '1.0', packageType: 'application' },
    filter: { filterSets: [{ root: '/apps/eventproxy', rules: [] }] },
    nodes: [{ path: '/apps/eventproxy', node: { name: 'eventproxy', properties: [property('title', 'x')], children: [{ name: 'order', properties: [], children: [] }] } }],
    files: [],
  });
  const result = await inspectPackage({ bytes: await createZipArchive(entries, { mtime: new Date('2026-11-23T12:00:00Z') }) });
  assert.equal(result.findings.filter((f) => f.severity === 'error').map((f) => `${f.validator} ${f.nodePath}`), [
    'jackrabbit-nodetypes /apps/eventproxy', 'jackrabbit-emptyelements /apps/eventproxy/order',
  ]);
});

modelSuite('bytes are read from memory and the name given labels the package', async () => {
  const result = await inspectFiles({ 'jcr_root/apps/x.txt': 'x' });
  assert.is(result.package, 'test.zip');
  assert.is(result.entryCount, 3);
});

modelSuite.run();
