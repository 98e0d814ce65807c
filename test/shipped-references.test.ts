// Nothing the package ships points to our research notes (issue 12, points 1 and 8): users have
// neither `../shared` nor the reference files, so templates and dist cite public sources instead.
// Runs on the built dist/ (`npm test` builds first). README.md is the lead's to write: not checked.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('../', import.meta.url).pathname;
const FORBIDDEN = ['../shared', 'shared/reference', 'aem-io-events.md', 'filevault-format.md', 'ims-jwt.md', 'peers.md', 'code-style.md', 'performance.md', 'SPEC.md'];

function filesBelow(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesBelow(join(path, name)));
}

// The text of a shipped file that users can read. A source map's sourcesContent is our src/ with
// its comments, which cite the notes; whether maps ship with it is the packaging's decision, so
// the map is checked without it (its names, mappings and source paths).
function shippedText(file: string): string {
  const text = readFileSync(file, 'latin1');
  if (!file.endsWith('.map')) return text;
  const { sourcesContent: _, ...rest } = JSON.parse(text) as Record<string, unknown>;
  return JSON.stringify(rest);
}

/** Every `forbidden` string in the shipped files, as `file: string`. */
function findReferences(files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const text = shippedText(file);
    return FORBIDDEN.filter((name) => text.includes(name)).map((name) => `${relative(ROOT, file)}: ${name}`);
  });
}

const shipped = suite('shipped files');

shipped('package.json ships dist and templates, and neither names ../shared or a reference file', () => {
  const { files } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
  assert.ok(files.includes('dist') && files.includes('templates'), files.join(', '));
  const paths = files.flatMap((entry) => filesBelow(join(ROOT, entry))).filter((file) => !file.endsWith('README.md'));
  assert.ok(paths.some((file) => file.endsWith('templates.json')), 'dist is built');
  assert.ok(paths.some((file) => file.endsWith('template.yaml')));
  assert.equal(findReferences(paths), []);
});

shipped('the check finds such a reference', () => {
  const file = join(ROOT, 'test', 'shipped-references.test.ts');
  assert.equal(findReferences([file]).length, FORBIDDEN.length);
});

shipped.run();
