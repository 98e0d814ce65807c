import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runInProcess } from './helpers/cli.ts';
import { makeTempDir, removeTempDir } from './helpers/temp.ts';

// A value with a line break, as `echo` or a CI secret store leaves it: refused in one place
// (src/environment-variable.ts), exit 2, naming the variable, never a secret's value, before
// anything is sent (port 9 on loopback: a request would end in exit 3, "unreachable"; no waits).
const variables = suite('environment variables with a line break or control character', { dir: '' });

variables.before.each((context) => {
  context.dir = makeTempDir();
});

variables.after.each((context) => removeTempDir(context.dir));

const TARGET = 'http://127.0.0.1:9';
const PASSWORD = 'throwaway-Password-1';
const ENV = { AEM_USER: 'admin', AEM_PASSWORD: PASSWORD };
const LINE_BREAK = "ends with a line break, as echo or a secret pasted with its newline leaves it; remove it (printf '%s' writes none)";
const HIDDEN = '(the value is not shown: it is a secret)';

const refusals: readonly [string, string[], Record<string, string>, string][] = [
  ['AEM_URL with echo\'s newline', ['check', '--wait', '0'], { ...ENV, AEM_URL: `${TARGET}\n` }, `AEM_URL ${LINE_BREAK}: got "http://127.0.0.1:9\\n"`],
  ['AEM_URL with a CRLF', ['deploy', 'x.zip'], { ...ENV, AEM_URL: `${TARGET}\r\n` }, `AEM_URL ${LINE_BREAK}: got "http://127.0.0.1:9\\r\\n"`],
  ['AEM_PASSWORD with a newline', ['check', '-t', TARGET, '--wait', '0'], { ...ENV, AEM_PASSWORD: `${PASSWORD}\n` }, `AEM_PASSWORD ${LINE_BREAK} ${HIDDEN}`],
  ['AEM_PASSWORD with a carriage return', ['up', '-t', TARGET, '--wait', '0', '--retries', '0'], { ...ENV, AEM_PASSWORD: `${PASSWORD}\r` }, `AEM_PASSWORD ${LINE_BREAK} ${HIDDEN}`],
  ['AEM_PASSWORD with a tab inside', ['check', '-t', TARGET, '--wait', '0'], { ...ENV, AEM_PASSWORD: `throwaway\tPassword-1` }, `AEM_PASSWORD contains a control character (a tab); remove it ${HIDDEN}`],
  ['AEM_USER with a newline', ['check', '-t', TARGET, '--wait', '0'], { ...ENV, AEM_USER: 'admin\n' }, `AEM_USER ${LINE_BREAK}: got "admin\\n"`],
  ['--user with a newline', ['check', '-t', TARGET, '--wait', '0', '--user', 'admin\n'], ENV, `--user ${LINE_BREAK}: got "admin\\n"`],
  ['IOEVENTS_KEYSTORE_PASSWORD with a newline', ['keygen'], { IOEVENTS_KEYSTORE_PASSWORD: 'throwaway-Keystore-1\n' }, `IOEVENTS_KEYSTORE_PASSWORD ${LINE_BREAK} ${HIDDEN}`],
  ['AEM_PASSWORD set but empty', ['check', '-t', TARGET, '--wait', '0'], { ...ENV, AEM_PASSWORD: '' }, 'AEM_PASSWORD is set but empty: set it to the AEM password (there is no flag, so it never shows in process lists)'],
];

for (const [name, args, env, message] of refusals) {
  variables(`${name}: ${args.join(' ')}, exit 2, "${message}"`, async ({ dir }) => {
    const run = await runInProcess(args, { cwd: dir, env });
    assert.is(run.stderr, `error: ${message}\n`);
    assert.is(run.code, 2);
    assert.is(run.stdout, '');
    assert.not.ok(existsSync(join(dir, 'keys')), 'nothing written');
  });
}

variables('spaces around AEM_URL are still ignored, as the URL standard does', async ({ dir }) => {
  const run = await runInProcess(['deploy', 'x.zip'], { cwd: dir, env: { ...ENV, AEM_URL: ` ${TARGET} ` } });
  assert.is(run.stderr, 'error: cannot read package x.zip: no such file; build it first (aem-ioevents build)\n');
  assert.is(run.code, 2);
});

variables.run();
