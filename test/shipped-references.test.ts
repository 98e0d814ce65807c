// The check of shipped-references.ts finds what it looks for (npm-pack.test.ts runs it on the tarball).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath } from 'node:url';
import { FORBIDDEN, findReferences } from './package/shipped-references.ts';

const shipped = suite('shipped files');

shipped('the check finds every reference to our notes', () => {
  const file = fileURLToPath(new URL('./package/shipped-references.ts', import.meta.url));
  assert.equal(findReferences([file], fileURLToPath(new URL('../', import.meta.url))), FORBIDDEN.map((name) => `test/package/shipped-references.ts: ${name}`));
});

shipped.run();
