import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/errors.ts';
import { renderPropertiesXml } from '../../src/packaging/package-properties.ts';
import { parsePropertiesXml, PropertiesXmlError } from '../../src/packaging/parse-properties-xml.ts';
import { readPackagesWithJava } from '../helpers/package-check.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { hasTool } from '../helpers/tools.ts';
import { packageZip } from '../inspect/zip-bytes.ts';

const D = '<!DOCTYPE properties SYSTEM "http://java.sun.com/dtd/properties.dtd">';
const H = '<?xml version="1.0" encoding="UTF-8"?>\n';
const MISSING_DOCTYPE = 'An XML properties document must contain the DOCTYPE declaration as defined by java.util.Properties.';

// Each input with what JDK 17's Properties.loadFromXML does (checked below against the JDK itself):
// the entries it reads, or the message it refuses with ('' where the JDK gives none).
const CASES: [string, Record<string, string> | { refused: string }][] = [
  [`${H}<properties><entry key="a">b</entry></properties>`, { refused: MISSING_DOCTYPE }],
  [`${H}${D}<properties><foo/></properties>`, { refused: 'Element type "foo" must be declared.' }],
  [`${H}${D}<properties><entry key="a">b</entry><comment>c</comment></properties>`, { a: 'b' }],
  [`${H}${D}<properties><comment>c</comment><comment>d</comment></properties>`, { refused: 'Only one comment element may be allowed. The content of element type "properties" must match "(comment?,entry*)"' }],
  [`${H}${D}<properties><entry>b</entry></properties>`, { refused: 'Attribute "key" is required and must be specified for element type "entry"' }],
  [`${H}${D}<props><entry key="a">b</entry></props>`, { refused: 'Document root element "props", must match DOCTYPE root "properties"' }],
  [`${H}${D}<properties><entry key="a">b<x/></entry></properties>`, { refused: 'Element type "x" must be declared.' }],
  [`${H}${D}<properties><entry key="a">b</entry>`, { refused: '' }],
  [`${H}${D}<properties><entry key="a">&#x1f600;</entry></properties>`, { refused: '' }],
  [`${H}${D}<properties><entry key="a">\ud83d\ude00</entry></properties>`, { refused: 'UTF-32 (or UCS-4) encoding not supported.' }],
  [`${H}${D}<properties><entry key="a">&#xd83d;&#xde00;</entry></properties>`, { a: '\ud83d\ude00' }],
  [`${H}${D}<properties><entry key="a">&#xd83d;</entry></properties>`, { a: '\ud83d' }],
  [`${H}${D}<properties><entry key="a" other="x">b</entry></properties>`, { a: 'b' }],
  [`${H}${D}<properties>text<entry key="a">b</entry></properties>`, { a: 'b' }],
  [`${H}${D}<properties><entry key="a">b</entry><entry key="a">c</entry></properties>`, { a: 'c' }],
  [`<!-- c -->${D}<properties><entry key="a">b &amp; &lt; &gt; &quot; &apos; &#65;</entry></properties>`, { a: 'b & < > " \' A' }],
  [`${H}<!DOCTYPE properties SYSTEM "other.dtd"><properties/>`, { refused: MISSING_DOCTYPE }],
  [`${H}<!DOCTYPE properties><properties/>`, { refused: MISSING_DOCTYPE }],
  [`${H}<!DOCTYPE foo SYSTEM "http://java.sun.com/dtd/properties.dtd"><properties/>`, { refused: MISSING_DOCTYPE }],
  [`${H}<!DOCTYPE properties SYSTEM 'http://java.sun.com/dtd/properties.dtd'><properties><entry key="a">b</entry></properties>`, { a: 'b' }],
  [`${H}<!DOCTYPE properties PUBLIC "x" "http://java.sun.com/dtd/properties.dtd"><properties><entry key="a">b</entry></properties>`, { a: 'b' }],
  [`${H}${D.slice(0, -1)} [ <!ENTITY x "y"> ]><properties/>`, { refused: `Internal DTD subset is not allowed. The Properties XML document must have the following DOCTYPE declaration: \n${D}` }],
  [`${H}${D}<properties><entry key="a">\u0001</entry></properties>`, { a: '\u0001' }],
  [`${H}${D}<properties><entry key="a">&unknown;</entry></properties>`, { a: '' }],
  // Object.prototype's members are no entities either (issue 11, point 5).
  [`${H}${D}<properties><entry key="a">&constructor;&toString;&__proto__;</entry></properties>`, { a: '' }],
  [`${H}${D}<properties><entry key="a"><![CDATA[x<y]]></entry></properties>`, { a: 'x<y' }],
  [`${H}${D}<properties><entry key="a">a\r\nb\rc</entry></properties>`, { a: 'a\nb\nc' }],
  [`${H}${D}<properties><entry key="a\nb\tc">x</entry></properties>`, { 'a b c': 'x' }],
  [`${H}${D}<properties><comment/><entry key="x"/></properties>`, { x: '' }],
  [`${H}${D}<properties><entry key="a"><entry key="b">c</entry></entry></properties>`, { b: 'c' }],
  [`${H}${D}<properties><properties/></properties>`, { refused: 'Element type "properties" must be declared.' }],
  [`${H}${D}<properties><entr key="a">b</entr></properties>`, {}],
  [`${H}${D}<properties><entry key="a">x < y</entry></properties>`, { refused: '' }],
  [`\ufeff${H}${D}<properties><entry key="a">b</entry></properties>`, { a: 'b' }],
  // The XML declaration: only first (after a BOM), version 1.0 first, then encoding, then standalone yes|no;
  // no other processing instruction may be named xml in any case, or have no name (the JDK parser).
  [`\n${H}${D}<properties><entry key="a">b</entry></properties>`, { refused: '' }],
  [` ${H}${D}<properties><entry key="a">b</entry></properties>`, { refused: '' }],
  [`\ufeff ${H}${D}<properties><entry key="a">b</entry></properties>`, { refused: '' }],
  [`<!-- licence -->\n${H}${D}<properties><entry key="a">b</entry></properties>`, { refused: '' }],
  [`${H}${D}<properties><?xml version="1.0"?><entry key="a">b</entry></properties>`, { refused: '' }],
  [`${H}${D}<properties><entry key="a">b</entry></properties><?XmL x?>`, { refused: '' }],
  [`${H}${D}<? x?><properties><entry key="a">b</entry></properties>`, { refused: '' }],
  [`<?XML version="1.0"?>${D}<properties><entry key="a">b</entry></properties>`, { refused: '' }],
  [`<?xml?>${D}<properties><entry key="a">b</entry></properties>`, { refused: '' }],
  [`<?xml version="1.1"?>${D}<properties><entry key="a">b</entry></properties>`, { refused: '' }],
  [`<?xml version="1.00"?>${D}<properties><entry key="a">b</entry></properties>`, { refused: '' }],
  [`<?xml encoding="UTF-8"?>${D}<properties><entry key="a">b</entry></properties>`, { refused: '' }],
  [`<?xml encoding="UTF-8" version="1.0"?>${D}<properties><entry key="a">b</entry></properties>`, { refused: '' }],
  [`<?xml version="1.0" standalone="no" encoding="UTF-8"?>${D}<properties><entry key="a">b</entry></properties>`, { refused: '' }],
  [`<?xml version="1.0" standalone="maybe"?>${D}<properties><entry key="a">b</entry></properties>`, { refused: '' }],
  [`<?xml version="1.0" foo="bar"?>${D}<properties><entry key="a">b</entry></properties>`, { refused: '' }],
  [`<?xml version="1.0" encoding="UTF-8" encoding="UTF-8"?>${D}<properties><entry key="a">b</entry></properties>`, { refused: '' }],
  [`<?xml\tversion = '1.0' encoding='UTF-8' standalone="yes" ?>${D}<properties><entry key="a">b</entry></properties>`, { a: 'b' }],
  [`<?xml version="1.0"encoding="UTF-8"?>${D}<properties><entry key="a">b</entry></properties>`, { a: 'b' }],
  [`\n\n${D}<properties><entry key="a">b</entry></properties>`, { a: 'b' }],
  [`${H}<?xml-stylesheet href="a"?><?xmlfoo?>${D}<properties><entry key="a">b</entry></properties>\n<?pi?>`, { a: 'b' }],
];

const parseSuite = suite('parsePropertiesXml');

parseSuite('reads and refuses what Properties.loadFromXML does, with the JDK\'s messages', () => {
  for (const [xml, expected] of CASES) {
    if ('refused' in expected) {
      assert.throws(() => parsePropertiesXml(xml), (e: unknown) => e instanceof PropertiesXmlError && e instanceof InputError && (expected.refused === '' || e.reason === expected.refused), xml);
    } else assert.equal(Object.fromEntries(parsePropertiesXml(xml).entries), expected, xml);
  }
});

parseSuite('gives the line and column of the problem', () => {
  const error = (() => {
    try {
      parsePropertiesXml(`${H}${D}\n<properties>\n  <foo/>\n</properties>`);
    } catch (e) {
      return e as PropertiesXmlError;
    }
    return undefined;
  })();
  assert.equal([error?.line, error?.column, error?.message], [4, 3, 'Element type "foo" must be declared. (line 4, column 3)']);
});

parseSuite('reads back every value renderPropertiesXml writes, emoji and CR included', () => {
  const properties = { group: 'g', name: 'n', version: '1.0', description: 'a & b < c > "q" ü 😀 line\r\nbreak' };
  assert.equal(Object.fromEntries(parsePropertiesXml(renderPropertiesXml(properties)).entries), properties);
});

parseSuite.run();

// ---

const javaSuite = suite('parsePropertiesXml against the JDK');

javaSuite('every case is what JDK 17 Properties.loadFromXML reads or refuses', async () => {
  if (!hasTool('java')) return;
  const dir = makeTempDir();
  try {
    const zips: string[] = [];
    for (const [i, [xml]] of CASES.entries()) {
      const zip = join(dir, `case-${i}.zip`);
      writeFileSync(zip, await packageZip({ 'META-INF/vault/properties.xml': xml }));
      zips.push(zip);
    }
    const views = readPackagesWithJava(zips);
    CASES.forEach(([xml, expected], i) => {
      const view = views[i]!;
      if ('refused' in expected) {
        assert.is(view.errors.length, 1, xml);
        const javaReason = view.errors[0]!.replace(/^properties\.xml: java\.util\.InvalidPropertiesFormatException: jdk\.internal\.org\.xml\.sax\.SAXParseException; ?|^properties\.xml: java\.io\.UnsupportedEncodingException: /, '');
        assert.is(javaReason, expected.refused, xml);
      } else {
        assert.equal(view.errors, [], xml);
        assert.equal(view.properties, expected, xml);
      }
    });
  } finally {
    removeTempDir(dir);
  }
});

javaSuite.run();
