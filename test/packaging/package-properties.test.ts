import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createZipArchive } from '../../src/packaging/archive.ts';
import { getPropertyEntries, renderPropertiesXml, type PackageProperties } from '../../src/packaging/package-properties.ts';
import { InputError } from '../../src/errors.ts';
import { hasTool } from '../helpers/tools.ts';
import { readPackagesWithJava } from '../helpers/package-check.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';

const properties: PackageProperties = {
  group: 'aem-ioevents',
  name: 'eventproxy-config',
  version: '1.0.0',
  description: 'Adobe I/O Events configuration',
  created: '2026-11-23T12:00:00.000Z',
  createdBy: 'aem-ioevents',
  packageType: 'content',
  dependencies: ['eventproxy:aem-event-proxy', 'a:b:[1.0,2.0)'],
};

const renderSuite = suite('renderPropertiesXml');

renderSuite('writes JDK storeToXML layout with the DOCTYPE, entries in a fixed order', () => {
  assert.fixture(
    renderPropertiesXml(properties),
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!DOCTYPE properties SYSTEM "http://java.sun.com/dtd/properties.dtd">',
      '<properties>',
      '<comment>FileVault Package Properties</comment>',
      '<entry key="group">aem-ioevents</entry>',
      '<entry key="name">eventproxy-config</entry>',
      '<entry key="version">1.0.0</entry>',
      '<entry key="description">Adobe I/O Events configuration</entry>',
      '<entry key="created">2026-11-23T12:00:00.000Z</entry>',
      '<entry key="createdBy">aem-ioevents</entry>',
      '<entry key="packageType">content</entry>',
      '<entry key="dependencies">eventproxy:aem-event-proxy,a:b:[1.0,2.0)</entry>',
      '</properties>',
      '',
    ].join('\n'),
  );
});

renderSuite('escapes & < >, writes CR as a reference and emoji as surrogate references, as the JDK reads them', () => {
  const xml = renderPropertiesXml({ ...properties, description: 'a & b < c > "d" \'e\'\r\n\tf 😀 ü' });
  assert.ok(xml.includes('<entry key="description">a &amp; b &lt; c &gt; "d" \'e\'&#xd;\n\tf &#xd83d;&#xde00; ü</entry>'));
});

renderSuite('unset and empty values are left out', () => {
  assert.equal(getPropertyEntries({ group: 'g', name: 'n', version: '', description: '', dependencies: [] }), [
    ['group', 'g'],
    ['name', 'n'],
    ['version', ''],
  ]);
});

renderSuite('a control character XML cannot carry is bad input naming the property', () => {
  try {
    renderPropertiesXml({ ...properties, description: 'bell\u0007' });
    assert.unreachable('should throw');
  } catch (error) {
    assert.instance(error, InputError);
    assert.is((error as InputError).message, 'package description contains the character U+0007, which XML 1.0 (and so properties.xml) cannot carry; remove it');
  }
});

renderSuite.run();

// ---

const javaSuite = suite('renderPropertiesXml read by Properties.loadFromXML', { dir: '' });

javaSuite.before((context) => {
  context.dir = makeTempDir();
});

javaSuite.after((context) => removeTempDir(context.dir));

javaSuite('every value comes back exactly, emoji, CR, tabs and markup included', async (context) => {
  if (!hasTool('java')) return;
  const description = 'Ünïcödé & <tags> "quotes" \'apos\' {brace} [bracket] back\\slash, comma\ttab\r\nCRLF\nLF 😀 東京';
  const file = join(context.dir, 'p.zip');
  const xml = renderPropertiesXml({ ...properties, description });
  writeFileSync(file, await createZipArchive([{ path: 'META-INF/vault/properties.xml', content: new TextEncoder().encode(xml) }], { mtime: new Date() }));
  const [view] = readPackagesWithJava([file]);
  assert.equal(view!.errors, []);
  assert.equal(view!.properties, {
    created: '2026-11-23T12:00:00.000Z',
    createdBy: 'aem-ioevents',
    dependencies: 'eventproxy:aem-event-proxy,a:b:[1.0,2.0)',
    description,
    group: 'aem-ioevents',
    name: 'eventproxy-config',
    packageType: 'content',
    version: '1.0.0',
  });
});

javaSuite.run();
