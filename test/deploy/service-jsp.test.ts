import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseCrxEnvelope } from '../../src/deploy/service-jsp.ts';

const parseCrxEnvelopeSuite = suite('parseCrxEnvelope');

parseCrxEnvelopeSuite('status code, text and a CDATA log', () => {
  const xml = '<crx version="1.4.1" user="admin" workspace="crx.default"><request><param name="file" value="p.zip"/></request><response><data><package><name>p</name></package><log><![CDATA[A /a\nPackage imported.\n]]></log></data><status code="200">ok</status></response></crx>';
  assert.equal(parseCrxEnvelope(xml), { statusCode: '200', statusText: 'ok', log: 'A /a\nPackage imported.\n' });
});

parseCrxEnvelopeSuite('an escaped log, and a failure status whose text is the exception', () => {
  const xml = `<?xml version="1.0"?>\n<crx><response><data><log>E /a (x &lt;y&gt;)\n</log></data><status code="500">java.io.IOException: Zip File is not a content package. Missing 'jcr_root'.</status></response></crx>`;
  assert.equal(parseCrxEnvelope(xml), { statusCode: '500', statusText: "java.io.IOException: Zip File is not a content package. Missing 'jcr_root'.", log: 'E /a (x <y>)\n' });
});

parseCrxEnvelopeSuite('no log and no status: both undefined', () => {
  assert.equal(parseCrxEnvelope('<crx><response/></crx>'), { statusCode: undefined, statusText: '', log: undefined });
});

parseCrxEnvelopeSuite('a status or log elsewhere than /crx/response does not count', () => {
  assert.equal(parseCrxEnvelope('<crx><request><status code="200">ok</status></request><response><log>x</log></response></crx>'), { statusCode: undefined, statusText: '', log: undefined });
});

const unreadable: ReadonlyArray<readonly [string, string]> = [
  ['an HTML page', '<!DOCTYPE html><html><body>Content modified</body></html>'],
  ['a truncated answer', '<crx><response><data><log><![CDATA[A /a\n'],
  ['another root element', '<html><status code="200">ok</status></html>'],
  ['JSON', '{"success":true}'],
  ['nothing', ''],
];
for (const [title, text] of unreadable) {
  parseCrxEnvelopeSuite(`${title}: undefined`, () => {
    assert.is(parseCrxEnvelope(text), undefined);
  });
}

parseCrxEnvelopeSuite.run();
