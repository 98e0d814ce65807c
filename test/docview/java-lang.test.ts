import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { javaDigit, javaParseInt, javaStringHash, javaTrim } from '../../src/docview/java-lang.ts';

const javaStringHashSuite = suite('javaStringHash');

javaStringHashSuite('computes String.hashCode with 32-bit overflow', () => {
  // Values printed by JDK 17 ("x".hashCode()).
  assert.is(javaStringHash(''), 0);
  assert.is(javaStringHash('nt'), 3526);
  assert.is(javaStringHash('jcr'), 105049);
  assert.is(javaStringHash('foo1'), 3148843);
  assert.is(javaStringHash('http://www.jcp.org/jcr/1.0'), -1877477870);
  assert.is(javaStringHash('😀'), 1772899);
});

javaStringHashSuite.run();

// ---

const javaDigitSuite = suite('javaDigit');

javaDigitSuite('reads ASCII, fullwidth and other Unicode decimal digits as Character.digit does', () => {
  assert.is(javaDigit('7'.charCodeAt(0), 10), 7);
  assert.is(javaDigit('f'.charCodeAt(0), 16), 15);
  assert.is(javaDigit('F'.charCodeAt(0), 16), 15);
  assert.is(javaDigit('g'.charCodeAt(0), 16), -1);
  assert.is(javaDigit('a'.charCodeAt(0), 10), -1);
  assert.is(javaDigit(0xff10, 10), 0);
  assert.is(javaDigit(0xff26, 16), 15);
  assert.is(javaDigit(0xff46, 16), 15);
  assert.is(javaDigit(0x0669, 10), 9); // ARABIC-INDIC DIGIT NINE
  assert.is(javaDigit(0x0e53, 16), 3); // THAI DIGIT THREE
  assert.is(javaDigit(0xd83d, 16), -1);
});

javaDigitSuite.run();

// ---

const javaParseIntSuite = suite('javaParseInt');

javaParseIntSuite('reads what Integer.valueOf reads and nothing else', () => {
  assert.is(javaParseInt('2'), 2);
  assert.is(javaParseInt('+2'), 2);
  assert.is(javaParseInt('-3'), -3);
  assert.is(javaParseInt('007'), 7);
  assert.is(javaParseInt('\u0662'), 2);
  assert.is(javaParseInt('2147483647'), 2147483647);
  assert.is(javaParseInt('-2147483648'), -2147483648);
  for (const bad of ['', '+', '-', '2147483648', '1.0', ' 1', '1a', '0x1']) assert.is(javaParseInt(bad), undefined, bad);
});

javaParseIntSuite.run();

// ---

const javaTrimSuite = suite('javaTrim');

javaTrimSuite('strips units up to U+0020 and keeps other white space', () => {
  assert.is(javaTrim(' \t\r\n a b \n'), 'a b');
  assert.is(javaTrim('\u00a0a\u2028'), '\u00a0a\u2028');
  assert.is(javaTrim('   '), '');
});

javaTrimSuite.run();
