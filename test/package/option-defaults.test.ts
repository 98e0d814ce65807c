// The library's `cwd` and `env` options fall back to process.cwd() and process.env: a CI script
// that leaves them out has its job's variables (AEM_PASSWORD, the proxies) read and its working
// folder used. The declarations are all a library user reads, so each such option must say so.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const src = fileURLToPath(new URL('../../src/', import.meta.url));
const DEFAULTS = { cwd: '@default process.cwd()', env: '@default process.env' } as const;

/** `file:line name` of every optional `cwd`/`env` of the library whose TSDoc does not give its default. */
function undocumented(): string[] {
  // src/commands holds the yargs arguments, where `env` is the `--env` flag.
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.startsWith('commands'));
  return files.flatMap((file) => {
    const lines = readFileSync(join(src, file), 'utf8').split('\n');
    return lines.flatMap((line, i) => {
      const name = /^\s*readonly (cwd|env)\?:/.exec(line)?.[1] as keyof typeof DEFAULTS | undefined;
      if (name === undefined || (lines[i - 1] ?? '').includes(DEFAULTS[name])) return [];
      return [`${relative(src, join(src, file))}:${i + 1} ${name}`];
    });
  });
}

test('every optional cwd and env of the library names its default (process.cwd(), process.env) in its TSDoc', () => {
  assert.equal(undocumented(), []);
});

test.run();
