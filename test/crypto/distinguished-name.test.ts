import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/errors.ts';
import { formatDistinguishedName, parseDistinguishedName } from '../../src/crypto/distinguished-name.ts';

const parseSuite = suite('parseDistinguishedName');

// [input, attributes in certificate (ASN.1) order]
const parsed: readonly [string, readonly [string, string][]][] = [
  ['CN=eventproxy', [['CN', 'eventproxy']]],
  ['CN=eventproxy, O=Acme, C=DE', [['C', 'DE'], ['O', 'Acme'], ['CN', 'eventproxy']]],
  ['/C=DE/O=Acme/CN=eventproxy', [['C', 'DE'], ['O', 'Acme'], ['CN', 'eventproxy']]],
  ['cn=a,ou=b,l=c,st=d,c=us,emailAddress=x@y.z', [['emailAddress', 'x@y.z'], ['C', 'US'], ['ST', 'd'], ['L', 'c'], ['OU', 'b'], ['CN', 'a']]],
  ['commonName=a, organizationName=b, E=e@f.g', [['emailAddress', 'e@f.g'], ['O', 'b'], ['CN', 'a']]],
  ['O=Acme\\, Inc., CN=x', [['CN', 'x'], ['O', 'Acme, Inc.']]],
  ['CN=a\\+b', [['CN', 'a+b']]],
  ['/O=a\\/b/CN=c', [['O', 'a/b'], ['CN', 'c']]],
  ['CN=  spaced out  ', [['CN', 'spaced out']]],
  ['CN=trailing\\ ', [['CN', 'trailing ']]],
  ['CN=Müller Straße', [['CN', 'Müller Straße']]],
  ['CN=a=b', [['CN', 'a=b']]],
  // What keytool -dname takes and keytool -list prints (RFC 2253 §4): quoted values, ';' between RDNs.
  ['CN="Acme, Inc.", O=x', [['O', 'x'], ['CN', 'Acme, Inc.']]],
  ['CN = "a;b+c\\"d" ,O=x', [['O', 'x'], ['CN', 'a;b+c"d']]],
  ['CN=x;O=y', [['O', 'y'], ['CN', 'x']]],
  ['CN=x; O=y', [['O', 'y'], ['CN', 'x']]],
  ['CN=\\#1', [['CN', '#1']]],
  ['/CN=x;O="y"', [['CN', 'x;O="y"']]],
];

for (const [input, expected] of parsed) {
  parseSuite(`reads ${JSON.stringify(input)}`, () => {
    assert.equal(
      parseDistinguishedName(input).map(({ type, value }) => [type, value]),
      expected,
    );
  });
}

// [input, message]
const refused: readonly [string, string][] = [
  ['', "subject is empty; give one like CN=eventproxy"],
  ['/', "subject is empty; give one like CN=eventproxy"],
  ['eventproxy', "subject 'eventproxy': 'eventproxy' is not TYPE=value (e.g. CN=eventproxy)"],
  ['CN=a,,O=b', "subject 'CN=a,,O=b': '' is not TYPE=value (e.g. CN=eventproxy)"],
  ['DC=com', "subject: the attribute 'DC' is not supported; use CN, O, OU, L, ST, C, emailAddress"],
  ['CN=', "subject: CN='' is empty"],
  ['C=Germany', "subject: C='Germany' is longer than 2 characters (RFC 5280)"],
  ['C=1A', "subject: C='1A' is not a two-letter country code (ISO 3166, e.g. DE)"],
  [`CN=${'x'.repeat(65)}`, `subject: CN='${'x'.repeat(65)}' is longer than 64 characters (RFC 5280)`],
  ['emailAddress=ä@b.c', "subject: emailAddress='ä@b.c' must be ASCII"],
  ['CN=a\tb', "subject: CN='a\tb' contains a control character"],
  ['CN=a+O=b', "subject: CN='a+O=b' has an unescaped +; multi-valued names are not supported (write \\+ for a plus sign)"],
  ['CN=a\\', "subject ends with a lone backslash: 'CN=a\\'"],
  ['CN="open, O=x', "subject 'CN=\"open, O=x': a quoted value has no closing \""],
  ['CN="a"b', "subject 'CN=\"a\"b': after the quoted value of CN comes 'b'; put a , or ; between attributes"],
  ['CN=#0c03616263', "subject: CN='#0c03616263' is a hex-encoded value, which is not supported; write the value as text (\\# for a leading #)"],
];

for (const [input, message] of refused) {
  parseSuite(`refuses ${JSON.stringify(input)} with a message naming the part`, () => {
    try {
      parseDistinguishedName(input);
      assert.unreachable('should have thrown');
    } catch (error) {
      assert.instance(error, InputError);
      assert.is((error as InputError).message, message);
      assert.is((error as InputError).code, 'E_SUBJECT');
      assert.is((error as InputError).exitCode, 2);
    }
  });
}

parseSuite('names the flag it was given', () => {
  assert.throws(() => parseDistinguishedName('DC=x', '--subject'), (error: Error) => error.message.startsWith("--subject: the attribute 'DC'"));
});

parseSuite.run();

// ---

const formatSuite = suite('formatDistinguishedName');

formatSuite('prints RFC 4514 order with ", " as keytool does, and escapes specials', () => {
  assert.is(formatDistinguishedName(parseDistinguishedName('/C=DE/O=Acme\\, Inc./CN=#1 event\\+proxy\\ ')), 'CN=\\#1 event\\+proxy\\ , O=Acme\\, Inc., C=DE');
});

formatSuite('round-trips through parseDistinguishedName', () => {
  for (const text of ['CN=a, O=b\\, c, C=DE', 'CN=x\\;y\\<z\\>, OU=q\\"r\\"', 'CN=\\ lead']) {
    const attributes = parseDistinguishedName(text);
    assert.equal(parseDistinguishedName(formatDistinguishedName(attributes)), attributes, text);
  }
});

formatSuite.run();
