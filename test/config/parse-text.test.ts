import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError } from '../../src/config/config-error.ts';
import type { ConfigIssue } from '../../src/config/config-error.ts';
import { lineAndColumn } from '../../src/config/parse-json.ts';
import { parseConfigText } from '../../src/config/parse-text.ts';
import type { ConfigFormat } from '../../src/config/types.ts';

function syntaxIssues(text: string, format: ConfigFormat): { code: string; issues: readonly ConfigIssue[]; message: string } {
  try {
    parseConfigText(text, format, '/cfg/aem-ioevents.yaml');
  } catch (error) {
    assert.instance(error, ConfigError);
    const { code, issues, message } = error as ConfigError;
    return { code, issues, message };
  }
  return assert.unreachable('expected a ConfigError') as never;
}

const yamlSuite = suite('parseConfigText (YAML)');

yamlSuite('a mapping parses to plain values, numbers and booleans typed, anchors resolved', () => {
  const text = 'package: &p\n  name: x\n  version: "1.0"\nkeystore:\n  include: true\n  n: 1.0\ncopy: *p\n';
  assert.equal(parseConfigText(text, 'yaml', 'f'), {
    package: { name: 'x', version: '1.0' },
    keystore: { include: true, n: 1 },
    copy: { name: 'x', version: '1.0' },
  });
});

yamlSuite('YAML 1.2: yes, no, on and off stay strings', () => {
  assert.equal(parseConfigText('a: yes\nb: off\n', 'yaml', 'f'), { a: 'yes', b: 'off' });
});

yamlSuite('a duplicate key is refused with its path and both lines', () => {
  const { code, issues, message } = syntaxIssues('cloudService:\n  name: a\n  title: t\n  name: b\n', 'yaml');
  assert.is(code, 'E_CONFIG_SYNTAX');
  assert.equal(issues, [{ path: 'cloudService.name', line: 4, column: 3, message: 'duplicate key (first at line 2); keep one of them' }]);
  assert.is(message, 'Invalid configuration file /cfg/aem-ioevents.yaml (1 problem):\n  - cloudService.name at line 4, column 3: duplicate key (first at line 2); keep one of them');
});

yamlSuite('a duplicate top-level section is refused', () => {
  const { issues } = syntaxIssues('ims: {}\npackage: {}\nims: {}\n', 'yaml');
  assert.equal(issues, [{ path: 'ims', line: 3, column: 1, message: 'duplicate key (first at line 1); keep one of them' }]);
});

yamlSuite('duplicate keys inside lists of mappings are found too', () => {
  const { issues } = syntaxIssues('a:\n  - {x: 1, x: 2}\n', 'yaml');
  assert.equal(issues, [{ path: 'a[0].x', line: 2, column: 12, message: 'duplicate key (first at line 2); keep one of them' }]);
});

const yamlErrors: ReadonlyArray<readonly [string, string, readonly ConfigIssue[]]> = [
  ['a tab used as indentation', 'a:\n\tb: 1\n', [{ path: '', line: 2, column: 1, message: 'YAML: tabs are not allowed as indentation' }]],
  ['an unclosed quote (reported where the input ends)', 'a: "abc\n', [{ path: '', line: 2, column: 1, message: 'YAML: missing closing "quote' }]],
  ['a bad escape, without quoting it', 'a: "x\\qy"\n', [{ path: '', line: 1, column: 6, message: 'YAML: invalid escape sequence in a double-quoted string' }]],
  ['two documents', 'a: 1\n---\nb: 2\n', [{ path: '', line: 2, column: 1, message: 'YAML: source contains multiple documents; please use YAML.parseAllDocuments()' }]],
  ['an unknown tag', 'a: !secret x\n', [{ path: '', line: 1, column: 4, message: 'YAML: unknown tag; remove the ! tag' }]],
  ['an alias to a missing anchor', 'a: 1\nb: *nowhere\n', [{ path: 'b', line: 2, column: 4, message: 'YAML: an alias (*name) with no anchor (&name) before it; put a value that starts with * in quotes' }]],
  ['an anchor ending in a colon', 'a: &x: 1\n', [{ path: '', line: 1, column: 6, message: 'YAML: malformed anchor (&name) or alias (*name); put a value that starts with & or * in quotes' }]],
];
for (const [what, text, issues] of yamlErrors) {
  yamlSuite(`${what} is a syntax error with line and column`, () => {
    assert.equal(syntaxIssues(text, 'yaml').issues, issues);
  });
}

yamlSuite('an alias bomb is stopped', () => {
  const text = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', ''].join('\n');
  assert.equal(syntaxIssues(text, 'yaml').issues, [{ path: '', message: 'YAML: aliases (*name) expand too often; write the values out' }]);
});

yamlSuite('a value that a syntax error could quote is never in the message', () => {
  const texts = [
    'cloudService:\n  clientSecret: "p8e-Sup3r\\qSecret"\n',
    'cloudService:\n  clientSecret: *Sup3rSecret\n',
    'cloudService:\n  clientSecret: Sup3r: Secret\n',
    'cloudService:\n  clientSecret: !Sup3r Secret\n',
    'cloudService:\n  clientSecret: "Sup3r" Secret\n',
    'cloudService: {clientSecret: Sup3r]Secret}\n',
  ];
  for (const text of texts) {
    const { message } = syntaxIssues(text, 'yaml');
    assert.not.match(message, /Sup3r/, message);
  }
});

yamlSuite('an empty file and a file of comments say the file is empty', () => {
  for (const text of ['', '# only a comment\n']) {
    const { code, issues } = syntaxIssues(text, 'yaml');
    assert.is(code, 'E_CONFIG_FIELD');
    assert.equal(issues, [{ path: '', line: 1, column: 1, message: 'the file is empty; it needs at least a cloudService section' }]);
  }
});

yamlSuite('a top level that is a list or a scalar is refused', () => {
  assert.equal(syntaxIssues('- a\n- b\n', 'yaml').issues[0]?.message, 'the top level must be a mapping of sections (package, cloudService, keystore, serviceUser, ims, osgi, workspace, validation, environments), got a list');
  assert.equal(syntaxIssues('just text\n', 'yaml').issues[0]?.message, 'the top level must be a mapping of sections (package, cloudService, keystore, serviceUser, ims, osgi, workspace, validation, environments), got a string');
});

yamlSuite('a UTF-8 byte order mark is skipped', () => {
  assert.equal(parseConfigText('\uFEFFa: 1\n', 'yaml', 'f'), { a: 1 });
});

yamlSuite.run();

// ---

const jsonSuite = suite('parseConfigText (JSON)');

jsonSuite('strict JSON parses', () => {
  assert.equal(parseConfigText('{"a": {"b": [1, "x", true, null]}}', 'json', 'f'), { a: { b: [1, 'x', true, null] } });
});

jsonSuite('a UTF-8 byte order mark is skipped', () => {
  assert.equal(parseConfigText('\uFEFF{"a": 1}', 'json', 'f'), { a: 1 });
});

const jsonErrors: ReadonlyArray<readonly [string, string, number, number, string]> = [
  ['a trailing comma', '{\n  "a": 1,\n}', 3, 1, 'expected a key in double quotes (no trailing comma)'],
  ['a missing colon', '{"a" 1}', 1, 6, "expected ':'"],
  ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ','"],
  ['an unquoted value', '{"a": secret}', 1, 7, 'unexpected character; strings need double quotes'],
  ['single quotes', "{'a': 1}", 1, 2, 'unexpected character; strings need double quotes'],
  ['a comment', '// settings\n{"a": 1}', 1, 1, 'comments are not allowed in JSON; write the configuration in YAML to keep comments'],
  ['a block comment at the end', '{"a": 1}\n/* x */', 2, 1, 'comments are not allowed in JSON; write the configuration in YAML to keep comments'],
  ['content after the value', '{"a": 1}}', 1, 9, 'unexpected content after the end of the JSON value'],
  ['an unclosed list', '{"a": [1, 2}', 1, 12, "expected ','"],
  ['an unterminated string', '{"a": "b', 1, 7, 'unterminated string'],
  ['a raw tab in a string', '{"a": "x\ty"}', 1, 7, 'control character inside a string; escape it'],
  ['a bad escape', '{"a": "\\q"}', 1, 7, 'invalid escape sequence'],
  ['an empty file', '', 1, 1, 'expected a value'],
];
for (const [what, text, line, column, words] of jsonErrors) {
  jsonSuite(`${what} is a syntax error at line ${line}, column ${column}`, () => {
    const { code, issues } = syntaxIssues(text, 'json');
    assert.is(code, 'E_CONFIG_SYNTAX');
    assert.equal(issues, [{ path: '', line, column, message: `JSON: ${words}` }]);
  });
}

jsonSuite('a number with a leading zero, which only JSON.parse refuses, is refused', () => {
  assert.equal(syntaxIssues('{"a": 01}', 'json').issues, [{ path: '', line: 1, column: 8, message: "JSON: expected ','" }]);
});

jsonSuite('a duplicate key is refused with its path and both lines', () => {
  const { code, issues } = syntaxIssues('{\n  "ims": {\n    "url": "a",\n    "url": "b"\n  }\n}', 'json');
  assert.is(code, 'E_CONFIG_SYNTAX');
  assert.equal(issues, [{ path: 'ims.url', line: 4, column: 5, message: 'duplicate key (first at line 3); keep one of them' }]);
});

jsonSuite('a syntax error inside a secret does not quote it', () => {
  const { message } = syntaxIssues('{"cloudService": {"clientSecret": "p8e-Sup3r\u0001Secret"}}', 'json');
  assert.not.match(message, /Sup3r/);
});

jsonSuite('a top level that is not an object is refused', () => {
  assert.equal(syntaxIssues('[1]', 'json').issues[0]?.message, 'the top level must be a mapping of sections (package, cloudService, keystore, serviceUser, ims, osgi, workspace, validation, environments), got a list');
  assert.equal(syntaxIssues('null', 'json').issues[0]?.message, 'the file is empty; it needs at least a cloudService section');
});

jsonSuite.run();

// ---

const lineAndColumnSuite = suite('lineAndColumn');

lineAndColumnSuite('offsets map to 1-based lines and columns, CRLF counted as one line break', () => {
  const text = 'ab\ncd\r\nef';
  assert.equal(lineAndColumn(text, 0), { line: 1, column: 1 });
  assert.equal(lineAndColumn(text, 2), { line: 1, column: 3 });
  assert.equal(lineAndColumn(text, 3), { line: 2, column: 1 });
  assert.equal(lineAndColumn(text, 7), { line: 3, column: 1 });
});

lineAndColumnSuite.run();
