import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_CONFIG_VALUE_LENGTH } from '../../src/config/field-reader.ts';
import { ENV, parse, problemOf, withChanges } from './valid-config.ts';
import type { Tree } from './valid-config.ts';

const valueLimits = suite('configuration values: size limit and characters names cannot hold');

const LIMIT = 'a configuration value may have at most 2048';

// one change → the one problem line it causes (exact, with its line in the file parse() writes); issue 11, point 9
const cases: ReadonlyArray<readonly [string, Tree, string, Record<string, string>?]> = [
  ['a title of 2049 characters', { cloudService: { title: 't'.repeat(2049) } }, `cloudService.title at line 4, column 5: is 2049 characters long; ${LIMIT}`],
  ['a 10 MB title from a variable', { cloudService: { title: '${TITLE}' } }, `cloudService.title at line 4, column 5: (from \${TITLE}) is 10485760 characters long; ${LIMIT}`, { TITLE: 't'.repeat(10 * 1024 * 1024) }],
  ['a description of 2049 characters', { package: { description: 'd'.repeat(2049) } }, `package.description at line 11, column 5: is 2049 characters long; ${LIMIT}`],
  ['a list item of 2049 characters', { ims: { scopes: ['openid', 's'.repeat(2049)] } }, `ims.scopes[1] at line 13, column 7: is 2049 characters long; ${LIMIT}`],
  ['a secret of 2049 characters, never shown', { cloudService: { clientSecret: '${IOEVENTS_CLIENT_SECRET}' } }, `cloudService.clientSecret at line 8, column 5: (from \${IOEVENTS_CLIENT_SECRET}) is 2049 characters long; ${LIMIT}`, { IOEVENTS_CLIENT_SECRET: 'x'.repeat(2049) }],
  ['a page name with U+0000', { cloudService: { name: 'io\u0000events' } }, "cloudService.name at line 3, column 5: expected a valid JCR name (the character U+0000 is not allowed: XML 1.0 and JCR names cannot hold it), got 'io\u0000events'; use letters, digits, '-' and '_', like ioevents"],
  ['a package name with U+FFFE', { package: { name: 'config\uFFFE' } }, "package.name at line 11, column 5: expected a valid JCR name (the character U+FFFE is not allowed: XML 1.0 and JCR names cannot hold it), got 'config\uFFFE'; use letters, digits, '.', '-' and '_'"],
];
for (const [what, changes, line, env] of cases) {
  valueLimits(`${what} is one problem with an exact message`, () => {
    assert.is(problemOf(changes, { env: { ...ENV, ...env } }), line);
  });
}

valueLimits('the limit itself is accepted', () => {
  assert.is(MAX_CONFIG_VALUE_LENGTH, 2048);
  const parsed = parse(withChanges({ cloudService: { title: 't'.repeat(2048) }, ims: { scopes: ['s'.repeat(2048)] } }));
  assert.is(parsed.config.cloudService.title.length, 2048);
  assert.equal(parsed.config.ims.scopes?.map((scope) => scope.length), [2048]);
});

valueLimits.run();
