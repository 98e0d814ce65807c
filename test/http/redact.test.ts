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
