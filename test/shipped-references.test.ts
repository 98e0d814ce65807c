// The check of shipped-references.ts finds what it looks for (npm-pack.test.ts runs it on the tarball).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir, removeTempDir } from './helpers/temp.ts';
import { FORBIDDEN, findReferences } from './package/shipped-references.ts';

const shipped = suite('shipped files');

shipped('the check finds every reference to our notes', () => {
  const file = fileURLToPath(new URL('./package/shipped-references.ts', import.meta.url));
  const found = findReferences([file], fileURLToPath(new URL('../', import.meta.url)));
  assert.equal(found.slice(0, FORBIDDEN.length), FORBIDDEN.map((name) => `test/package/shipped-references.ts: ${name}`));
});

shipped('the check finds our issue numbers, in any case, each time they appear', () => {
  const dir = makeTempDir();
  try {
    writeFileSync(join(dir, 'a.d.ts'), '/** Keeps the contract (issue 12, point 6); see Issue 3 and issue 12 again, not tissue 4 nor issues. */\n');
    assert.equal(findReferences([join(dir, 'a.d.ts')], dir), ['a.d.ts: issue 12', 'a.d.ts: Issue 3', 'a.d.ts: issue 12']);
  } finally {
    removeTempDir(dir);
  }
});

shipped.run();
