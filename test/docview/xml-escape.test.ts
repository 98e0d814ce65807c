import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/errors.ts';
import { escapeXmlAttribute, escapeXmlText } from '../../src/docview/xml-escape.ts';

const isInputError = (error: unknown): boolean => error instanceof InputError;

const escapeXmlAttributeSuite = suite('escapeXmlAttribute');

escapeXmlAttributeSuite('escapes & < " LF TAB CR and leaves > and \' raw, as Woodstox does', () => {
  assert.is(escapeXmlAttribute('a&b<c>d"e\'f\ng\th\ri'), 'a&amp;b&lt;c>d&quot;e\'f&#xa;g&#x9;h&#xd;i');
});

escapeXmlAttributeSuite('matches a real AEM export of rich text', () => {
  // filevault-format.md §3.5 [O]: text="&lt;p>…&lt;/p>&#xa;"
  assert.is(escapeXmlAttribute('<p>Hello</p>\n'), '&lt;p>Hello&lt;/p>&#xa;');
});

escapeXmlAttributeSuite('writes C1 controls, non-ASCII and surrogate pairs as they are', () => {
  assert.is(escapeXmlAttribute('\u0085\u009f é 東京 😀'), '\u0085\u009f é 東京 😀');
});

escapeXmlAttributeSuite('refuses characters XML 1.0 cannot carry', () => {
  for (const bad of ['\u0000', 'a\u0001', '\u001f', '\ufffe', '\uffff', 'x\ud800', '\udc00y', '\ud83d']) {
    assert.throws(() => escapeXmlAttribute(bad), isInputError, JSON.stringify(bad));
  }
  assert.throws(() => escapeXmlAttribute('ab\u0001'), /^Expected XML 1\.0 characters only, got U\+0001 at index 2 of "ab\\u0001"$/);
});

escapeXmlAttributeSuite.run();

// ---

const escapeXmlTextSuite = suite('escapeXmlText');

escapeXmlTextSuite('escapes & and <, keeps LF, TAB, quotes and a > in the middle', () => {
  assert.is(escapeXmlText('a & b < c > d "e" \'f\'\n\tg'), 'a &amp; b &lt; c > d "e" \'f\'\n\tg');
});

escapeXmlTextSuite('escapes > when it comes first or after "]", so "]]>" can never appear', () => {
  assert.is(escapeXmlText('>a'), '&gt;a');
  assert.is(escapeXmlText('a]]>b'), 'a]]&gt;b');
  assert.is(escapeXmlText('a]>'), 'a]&gt;');
});

escapeXmlTextSuite('writes CR and C1 controls as character references', () => {
  assert.is(escapeXmlText('a\r\nb\u007f\u0085\u009f\u00a0'), 'a&#xd;\nb&#x7f;&#x85;&#x9f;\u00a0');
});

escapeXmlTextSuite('refuses characters XML 1.0 cannot carry', () => {
  assert.throws(() => escapeXmlText('\u0002'), isInputError);
  assert.is(escapeXmlText('😀'), '😀');
});

escapeXmlTextSuite.run();
