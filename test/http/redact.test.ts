import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { getUrlSecrets, redact } from '../../src/http/redact.ts';

const redactSuite = suite('redact');

redactSuite('blanks out every occurrence of every secret; empty secrets are ignored', () => {
  assert.is(redact('a s3cret b s3cret c tok', ['s3cret', '', 'tok']), 'a *** b *** c ***');
});

redactSuite('a secret that contains another is blanked out whole', () => {
  assert.is(redact('admin:pw and pw', ['pw', 'admin:pw']), '*** and ***');
});

redactSuite.run();

// ---

const getUrlSecretsSuite = suite('getUrlSecrets');

getUrlSecretsSuite('the password as written and decoded; none without one or for text that is no URL', () => {
  assert.equal(getUrlSecrets('http://u:p%40ss@proxy:3128'), ['p%40ss', 'p@ss']);
  assert.equal(getUrlSecrets('http://proxy:3128'), []);
  assert.equal(getUrlSecrets('not a url'), []);
});

getUrlSecretsSuite.run();

// ---

const shortSuite = suite('redact: short secrets');

shortSuite('a 1-character secret is blanked out only where no letter or digit touches it', () => {
  const text = 'cannot read keystore.file p: the password of pp is user:p@host, pé';
  assert.is(redact(text, ['p']), 'cannot read keystore.file ***: the password of pp is user:***@host, pé');
});

shortSuite('a 3-character secret with regular-expression syntax only where it stands alone; from 4 characters everywhere', () => {
  assert.is(redact('x (a. y (a.b', ['(a.']), 'x *** y (a.b');
  assert.is(redact('abcd xabcdx', ['abcd']), '*** x***x');
});

shortSuite.run();

// ---

const formsSuite = suite('redact: the forms in which a remote echoes a secret');

// What a remote sends back when it quotes a request: IMS quoting the form body it got
// (client_secret=…, URLSearchParams encodes ! ' ( ) ~ and a space as +), an HTML error page
// quoting it escaped, a JSON answer quoting it.
const SECRET = `Pw!(x)~ 'a'<b>&"c"\\`;
const FORMS: readonly (readonly [string, string])[] = [
  ['as written', SECRET],
  ['URL-encoded (component)', encodeURIComponent(SECRET)],
  ['form-encoded (URLSearchParams)', new URLSearchParams({ s: SECRET }).toString().slice(2)],
  ['JSON-escaped', JSON.stringify(SECRET).slice(1, -1)],
  ['XML text: & < only (XML 1.0 §2.4)', SECRET.replace(/&/g, '&amp;').replace(/</g, '&lt;')],
  ['HTML-escaped: & < > only', SECRET.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')],
  ['HTML-escaped: & < > " \' (&#39;)', SECRET.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')],
  ['HTML-escaped: & < > " \' (&#x27;)', SECRET.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;')],
];

for (const [name, form] of FORMS) {
  formsSuite(`${name}: blanked out`, () => {
    assert.is(redact(`client_secret=${form}&next=1`, [SECRET]), 'client_secret=***&next=1');
  });
}

formsSuite('a short secret keeps its rule in every form: blanked out only where it stands alone', () => {
  assert.is(redact('a+b x a%2Bb', ['a+b']), '*** x ***');
  assert.is(redact('xa%2Bbx', ['a+b']), 'xa%2Bbx');
});

formsSuite.run();
