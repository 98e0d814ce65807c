import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { getHtmlException, getHtmlTitle, isHtmlPage } from '../../src/deploy/html-page.ts';

const isHtmlPageSuite = suite('isHtmlPage');

const pages: ReadonlyArray<readonly [string, string, string | null, boolean]> = [
  ['declared text/html', '<crx/>', 'text/html;charset=utf-8', true],
  ['a doctype', '  <!DOCTYPE html><html></html>', 'text/plain', true],
  ['an html element', '<html lang="en">', null, true],
  ['the crx envelope', '<crx version="1.4.1"/>', 'text/xml', false],
  ['JSON', '{"success":true}', 'application/json', false],
];
for (const [title, text, type, expected] of pages) isHtmlPageSuite(`${title}: ${expected}`, () => assert.is(isHtmlPage(text, type), expected));

isHtmlPageSuite.run();

// ---

const getHtmlTitleSuite = suite('getHtmlTitle');

getHtmlTitleSuite('the title, entities decoded and whitespace collapsed; else the first h1; else empty', () => {
  assert.is(getHtmlTitle('<html><head><title>\n Content modified &amp; more </title></head></html>'), 'Content modified & more');
  assert.is(getHtmlTitle('<html><body><h1>Error <b>500</b></h1></body></html>'), 'Error 500');
  assert.is(getHtmlTitle('<html><body>nothing</body></html>'), '');
  assert.is(getHtmlTitle(`<title>${'x'.repeat(200)}</title>`).length, 120);
});

getHtmlTitleSuite("an unknown entity stays as written, also one named like Object.prototype's members", () => {
  assert.is(getHtmlTitle('<title>a &nosuch; &constructor; &toString; b</title>'), 'a &nosuch; &constructor; &toString; b');
});

getHtmlTitleSuite.run();

// ---

const titleSecretsSuite = suite('getHtmlTitle: secrets');

// A page that quotes the request's Authorization header where the 120 characters end: cut first and
// blanked out then, the cut header no longer matches and its start (the user and the password's
// first characters) would be shown.
const AUTH = Buffer.from('admin:Sup3r-Secret-Pw').toString('base64');

titleSecretsSuite('secrets are blanked out before the title is cut to 120 characters', () => {
  const title = getHtmlTitle(`<title>${'x'.repeat(100)} Basic ${AUTH}</title>`, [AUTH]);
  assert.is(title, `${'x'.repeat(100)} Basic ***`);
});

titleSecretsSuite('a secret that the tag stripping would cut in two is blanked out as the page carries it', () => {
  assert.is(getHtmlTitle('<title>Error pw=a<b>cd&e</title>', ['a<b>cd&e']), 'Error pw=***');
});

titleSecretsSuite.run();

const exceptionSuite = suite('getHtmlException');

const errorPages: ReadonlyArray<readonly [string, string, string]> = [
  ["Sling's error page: the exception's first line", '<html><body><h1>Internal Server Error (500)</h1><pre>java.security.UnrecoverableKeyException: Get Key failed\n\tat x.y(Z.java:1)\n</pre></body></html>', 'java.security.UnrecoverableKeyException: Get Key failed'],
  ['entities decoded, a secret blanked out', '<pre>com.adobe.X$InnerException: bad &lt;Sup3r-Secret&gt;\n</pre>', 'com.adobe.X$InnerException: bad <***>'],
  ['a <pre> without an exception, then one with it', '<pre>log line</pre><pre>javax.jcr.RepositoryException: nope</pre>', 'javax.jcr.RepositoryException: nope'],
  ['no <pre>', '<html><title>500</title></html>', ''],
];
for (const [title, page, expected] of errorPages) {
  exceptionSuite(title, () => assert.is(getHtmlException(page, ['Sup3r-Secret']), expected));
}

exceptionSuite.run();
