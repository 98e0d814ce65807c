import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compileJavaPattern, JavaRegexBudgetError, JavaRegexSyntaxError, UnsupportedJavaRegexError } from '../../src/packaging/java-pattern.ts';
import { runJava } from '../helpers/java.ts';
import { hasTool } from '../helpers/tools.ts';

const hex = (text: string): string => Buffer.from(text, 'utf8').toString('hex');

/** Asks java.util.regex (test/java/RegexCheck.java) in one JVM run. */
function askJava(requests: readonly string[]): string[] {
  const result = runJava('RegexCheck', [], requests.join('\n') + '\n');
  if (result.status !== 0) throw new Error(`RegexCheck failed: ${result.stderr}`);
  return result.stdout.trimEnd().split('\n');
}

/** What we say, in RegexCheck's words. */
function compileAnswer(pattern: string): string {
  try {
    compileJavaPattern(pattern);
    return 'ok';
  } catch (error) {
    if (error instanceof JavaRegexSyntaxError) return `error ${error.description}`;
    if (error instanceof UnsupportedJavaRegexError) return 'unsupported';
    throw error;
  }
}

// Java accepts these; they cannot be evaluated here and must say so, never pass as something else.
const UNSUPPORTED = new Set(['\\p{InGreek}', '\\X', '\\N{LATIN SMALL LETTER A}', '(?c)a', '\\p{IsWhite_Space}x{']);

const SYNTAX = [
  '[', ']', '[]', '[]a]', '[^]a]', 'a{', '{', 'a{,3}', 'a{3,1}', 'a{1', '*', 'a**', 'a*?+', '(', ')', 'a)', '(?<n>a)\\k<n>',
  '(?<1a>a)', '\\', '\\0', '\\08', '\\x4', '\\u12', '\\c', '\\y', '\\q', '\\_', '[a-\\d]', '[z-a]', '[a-]', '[-a]', '[a&&b]',
  '[a&&]', '[&&a]', '(?z)', '(?<=a*)b', '(?<=a{1,3})b', '(?i)A', '\\p{InGreek}', '\\p{Foo}', '\\p{L}', '\\pL', '\\X', '\\R',
  '\\N{LATIN SMALL LETTER A}', '\\Qa.b', '\\Qa.b\\E*', 'a{2}{3}', '^*', '$?', '(?x) a b # c', 'a{1,2}+', '\\1', '(a)\\2',
  '(a)\\12', '[\\Q]\\E]', '[a[b]]', '[^a[b]]', '\\b*', 'x{2147483648}', 'a{99999}', '(?<!a|bc)d', '(?i:a)', '(?-i)a',
  '(?idmsuxU)a', '(?c)a', '[[:alpha:]]', 'a|*', '|', '()', '(?:)', '\\Z\\z\\A\\G', '[\\w-]', '[\\w-a]', '[a-\\x{41}]',
  '\\x{110000}', '\\v', '\\h', '[\\p{L}&&[^a]]', '(?<=\\d{1,})a', '\\k<x>', '\\e\\a\\f', '\\cA', '\\0777', '(?<a>x)(?<a>y)',
  '{1}', 'a*{2}', 'a{2}*', 'a{2}?', 'a??', 'a?+', 'a{2}+', 'a{2}++', 'x{1,}', 'x{ 1}', 'x{1 }', '^{2}', '({2})', '|{2}',
  '(?<name>x)\\k<nam>', '(?<na_me>x)', '\\k<1>', '(?i', '(?i)(', '(?', '(?<', '(?<=', '(?<n', '(?#c)', '[\\]', '[a', '[a-',
  '[^', 'a{1,2', '\\p{', '\\p{L', '\\pX', '\\Pl', '\\p{IsLatin}', '\\p{IsAlphabetic}', '\\p{Isalphabetic}', '\\p{IsWhiteSpace}',
  '\\p{javaLowerCase}', '\\p{Lu}', '\\p{IsLu}', '\\p{gc=Lu}', '\\p{sc=Latin}', '\\p{L1}', '\\p{LC}', '\\p{L&}', '\\x{}',
  '\\x{41', '\\u00', '\\Q', '[\\Q]', '/apps/(foo|bar)(/.*)?', '.*\\.gif', '/var/acs-commons/mcp/rep:policy(/.*)?',
];

const PATTERNS = [
  '/apps/test', '.*/somepath', '^.*/somepath$', '/[aps]{4}', '/apps', '/[aps]{3}/somepath', '/apps/(foo|bar)(/.*)?',
  '/etc/acs-commons/lists/font-awesome-icons/jcr:content/list/item_\\d+', '(?i)/APPS/.*', '/content/[a-z]{2,3}/.*', '/a/b.*',
  '^.*/node1', '.*\\.gif', '.*/special\\.gif', '/var/acs-commons/mcp/rep:policy(/.*)?', '\\Q/a.b\\E/.*', '[^/]+', '/x/(?!y).*',
  '/x/(?=y).*', '.*(?<=/a)/b', '/a/[\\w-]+', '/a(/.*)?+', '/a(/.*)*+', '/a/.*?b', '(a|ab)(c|bcd)(d*)', '\\p{Lower}+',
  '[a-z&&[^aeiou]]+', 'x$', 'x\\z', 'x\\Z', '\\bfoo\\b', '(?m)^a$', '/a/b\\d{1,3}', '(\\w)\\1', '(?<n>x)\\k<n>', 'a{2}{3}',
  '\\p{L}+', '(?s).*', '.*', '', '(?x) / a   # comment\n / b', '[\\p{L}&&[^a]]+', '(?>a|ab)c', 'a++a', '(?i)é', '(?iu)É',
  '.', '\\R', 'a\\Rb', '(?:a|b)*?c', '/apps(/.*)?', '/[^/]*/x', '\\w+\\s\\w+', '\\d*', '^/a/b$',
];

const INPUTS = [
  '', '/', '/apps', '/apps/test', '/apps2/test', '/apps/test/x', '/etc/acs-commons/lists/font-awesome-icons/jcr:content/list/item_12',
  '/a/b', '/a/bb', '/a.b/c', '/x/y', '/x/z', '/content/en/x', 'foo bar', 'aa', 'abcd', 'abc', 'x\n', 'x', 'AbC', '/a/b123',
  '/a/b1234', 'é', 'É', '\ud83d\ude00', '/APPS/foo', 'a\r\nb', 'a\nb', 'foo', 'xxxxxx', 'ac', 'abc', 'aaa', '/apps/foo/bar',
];

const compileSuite = suite('compileJavaPattern');

compileSuite('accepts and refuses exactly what Pattern.compile does, with the same description', () => {
  if (!hasTool('java')) return;
  const java = askJava(SYNTAX.map((p) => `compile ${hex(p)}`));
  SYNTAX.forEach((pattern, i) => {
    const ours = compileAnswer(pattern);
    if (ours === 'unsupported') assert.ok(UNSUPPORTED.has(pattern) && java[i] === 'ok', `${pattern}: unsupported, Java says ${java[i]}`);
    else assert.is(ours, java[i], pattern);
  });
});

compileSuite('says which construct it cannot evaluate rather than guessing', () => {
  for (const pattern of ['\\p{InGreek}', '\\X', '\\N{LATIN SMALL LETTER A}', '(?c)a']) {
    assert.throws(() => compileJavaPattern(pattern), (e: unknown) => e instanceof UnsupportedJavaRegexError && e.message.startsWith('the Java regular expression construct '), pattern);
  }
});

compileSuite.run();

// ---

const matchSuite = suite('JavaPattern.match');

matchSuite('gives the matches() and hitEnd() of java.util.regex for every pattern and path of the table', () => {
  if (!hasTool('java')) return;
  const pairs = PATTERNS.flatMap((p) => INPUTS.map((input) => [p, input] as const));
  const java = askJava(pairs.map(([p, input]) => `match ${hex(p)} ${hex(input)}`));
  pairs.forEach(([pattern, input], i) => {
    const { matched, hitEnd } = compileJavaPattern(pattern).match(input);
    assert.is(`match ${matched} ${hitEnd}`, java[i], `${JSON.stringify(pattern)} on ${JSON.stringify(input)}`);
  });
});

matchSuite('FileVault isRegexValidForRootPath vectors: matches or hits the end of the root', () => {
  // AdvancedFilterValidatorTest.testIsRegexValidForRootPath
  const cases: [string, string, boolean][] = [
    ['/apps/test', '/apps', true], ['.*/somepath', '/apps', true], ['^.*/somepath$', '/apps', true], ['/[aps]{4}', '/apps/test', false],
    ['/apps', '/apps/test', false], ['/apps/test', '/apps2/test', false], ['/[aps]{3}/somepath', '/apps', false], ['/apps/test', '/apps/test', true],
  ];
  for (const [pattern, root, expected] of cases) {
    const { matched, hitEnd } = compileJavaPattern(pattern).match(root);
    assert.is(matched || hitEnd, expected, `${pattern} on ${root}`);
  }
});

matchSuite('gives up on catastrophic backtracking after its step budget instead of hanging', () => {
  const pattern = compileJavaPattern('(a+)+b', { budget: 100_000 });
  assert.throws(() => pattern.matches('a'.repeat(40) + 'c'), (e: unknown) => e instanceof JavaRegexBudgetError && /more than 100000 steps/.test((e as Error).message));
  assert.is(pattern.matches('aaab'), true);
});

matchSuite.run();
