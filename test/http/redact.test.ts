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

const short: ReadonlyArray<readonly [string, string, string]> = [
  ['alone in a message', 'cannot read keystore.file p: no such file', 'cannot read keystore.file ***: no such file'],
  ['inside words: kept', 'the password of pp is set', 'the password of pp is set'],
  ['between punctuation', 'user:p@host', 'user:***@host'],
  ['next to a non-ASCII letter: kept', 'pé', 'pé'],
];
for (const [title, text, expected] of short) shortSuite(`a 1-character secret ${title}`, () => assert.is(redact(text, ['p']), expected));

shortSuite('a secret of 3 characters with regular-expression syntax in it', () => {
  assert.is(redact('x (a. y (a.b', ['(a.']), 'x *** y (a.b');
});

shortSuite('4 characters and more: everywhere, also inside words', () => {
  assert.is(redact('abcd xabcdx', ['abcd']), '*** x***x');
});

shortSuite.run();
