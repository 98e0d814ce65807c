import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { isConvertible, isIso8601 } from '../../src/inspect/value-conversion.ts';
import { runJava } from '../helpers/java.ts';
import { hasTool } from '../helpers/tools.ts';

const VALUES: Record<'Long' | 'Double' | 'Decimal' | 'URI' | 'Reference', string[]> = {
  Long: ['1234', '-12', '+3', '1.0', '', '-', '9223372036854775807', '9223372036854775808', '-9223372036854775808', ' 1', '1 ', '١٢', '0x10', '1e3'],
  Double: ['1.5', '1', '1e3', '.5', '5.', 'NaN', '-Infinity', ' 2 ', '2d', '2F', '0x1p4', '1,5', 'one', '', '1e', 'infinity', '+.5e-3', '\t3\n'],
  Decimal: ['1.50', '-1E+3', '1.', '.5', ' 1', '1e', '', '+', '١.٥', '1e2147483647', '1e2147483648', 'NaN', '1_0'],
  URI: ['http://a/b?c#d', 'x', '', 'a b', '%zz', '%41', ':x', 'mailto:a@b.c', 'urn:isbn:1', 'http://[::1]:80/x', 'a#b#c', '/path/ü', 'http://host/a|b', 'scheme:', '1a:b', 'a:b:c', '?q', '#f', 'http://user@host:8080/p'],
  Reference: ['123e4567-e89b-12d3-a456-426614174000', '1-2-3-4-5', '1-2-3-4', '1-2-3-4-5-6', 'x-2-3-4-5', '123e4567-e89b-12d3-a456-4266141740000', '-1-2-3-4', '+1-2-3-4-5', '00000000000000001-2-3-4-5', '123E4567-E89B-12D3-A456-426614174000'],
};

const conversionSuite = suite('isConvertible');

conversionSuite("FileVault DocumentViewParserValidatorTest vectors: {Long}1.0 and {Date}somedate fail; Boolean and String never do", () => {
  assert.is(isConvertible('1.0', 'Long'), false);
  assert.is(isConvertible('123', 'Long'), true);
  assert.is(isConvertible('somedate', 'Date'), false);
  assert.is(isConvertible('true', 'Boolean'), true);
  assert.is(isConvertible('TRUE', 'Boolean'), true);
  assert.is(isConvertible('value', 'String'), true);
  for (const type of ['Name', 'Path', 'Binary', 'BinaryRef', 'undefined'] as const) assert.is(isConvertible('a b { } [', type), true, type);
});

conversionSuite('Long, Double, Decimal, URI and Reference values convert exactly when the JDK converts them', () => {
  if (!hasTool('java')) return;
  const requests = (Object.entries(VALUES) as [keyof typeof VALUES, string[]][]).flatMap(([type, values]) => values.map((value) => [type, value] as const));
  const result = runJava('ValueCheck', [], requests.map(([type, value]) => `${type} ${Buffer.from(value, 'utf8').toString('hex')}`).join('\n') + '\n');
  assert.is(result.status, 0, result.stderr);
  const answers = result.stdout.trimEnd().split('\n');
  requests.forEach(([type, value], i) => assert.is(isConvertible(value, type) ? 'ok' : 'error', answers[i], `${type} ${JSON.stringify(value)}`));
});

conversionSuite.run();

// ---

const dateSuite = suite('isIso8601');

// Expectations checked with Jackrabbit's ISO8601.parse logic on JDK 17's non-lenient GregorianCalendar.
dateSuite("reads what Jackrabbit's ISO8601.parse reads: ±YYYY-MM-DDThh:mm:ss.SSSTZD on the calendar", () => {
  const cases: [string, boolean][] = [
    ['2011-06-07T14:31:49.179-07:00', true], ['2026-11-23T12:00:00.000Z', true], ['2026-11-23T12:00:00.000+05:30', true],
    ['-0044-03-15T12:00:00.000Z', true], ['+2026-01-01T00:00:00.000Z', true], ['0000-01-01T00:00:00.000Z', true],
    ['somedate', false], ['2026-11-23T12:00:00Z', false], ['2026-11-23', false], ['2026-11-23T12:00:00.000', false],
    ['2026-11-23T12:00:00.000+5:30', false], ['2026-11-23T12:00:00.000+24:00', false], ['2026-11-23T12:00:00.000+05:60', false],
    ['2026-02-29T00:00:00.000Z', false], ['2024-02-29T00:00:00.000Z', true], ['1900-02-29T00:00:00.000Z', false], ['1500-02-29T00:00:00.000Z', true],
    ['1582-10-10T00:00:00.000Z', false], ['-0001-02-29T00:00:00.000Z', false], ['-0004-02-29T00:00:00.000Z', true], ['1582-10-15T00:00:00.000Z', true], ['2026-13-01T00:00:00.000Z', false], ['2026-04-31T00:00:00.000Z', false],
    ['2026-11-23T24:00:00.000Z', false], ['2026-11-23T12:60:00.000Z', false], ['2026-11-23T12:00:60.000Z', false], ['2026-11-23 12:00:00.000Z', false],
  ];
  for (const [text, expected] of cases) assert.is(isIso8601(text), expected, text);
});

dateSuite.run();
