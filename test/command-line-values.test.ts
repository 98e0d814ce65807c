import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runInProcess } from './helpers/cli.ts';
import { makeTempDir, removeTempDir } from './helpers/temp.ts';

// What a broken CI script feeds the CLI: a flag twice, `--flag=` with nothing after it (an unset
// variable), numbers in notations nobody means for days or seconds. Each is refused with one line
// naming the flag and the value as typed, exit 2, nothing written or sent.
const values = suite('hostile command-line values', { dir: '' });

values.before.each((context) => {
  context.dir = makeTempDir();
});

values.after.each((context) => removeTempDir(context.dir));

const TARGET = ['-t', 'http://127.0.0.1:9'];

const refusals: readonly [string[], string][] = [
  // Given twice: yargs hands the command an array where it expects one value.
  [['keygen', '--out', 'a', '--out', 'b'], "--out is given more than once ('a', 'b'); give it once"],
  [['keygen', '--bits', '2048', '--bits=4096'], "--bits is given more than once ('2048', '4096'); give it once"],
  [['verify', '--config', 'a.yaml', '--config', 'b.yaml'], "--config is given more than once ('a.yaml', 'b.yaml'); give it once"],
  [['deploy', 'x.zip', ...TARGET, '--timeout', '5', '--timeout', '6'], "--timeout is given more than once ('5', '6'); give it once"],
  [['deploy', 'x.zip', ...TARGET, '--user', 'admin', '--user', 'deployer'], "--user is given more than once ('admin', 'deployer'); give it once"],
  [['build', '--env', 'dev', '--env', 'prod'], "--env is given more than once ('dev', 'prod'); give it once"],
  // An empty value (`--retries=$RETRIES` with the variable unset) is not 0.
  [['deploy', 'x.zip', ...TARGET, '--retries='], '--retries needs a value; see aem-ioevents deploy --help'],
  [['deploy', 'x.zip', ...TARGET, '--timeout='], '--timeout needs a value; see aem-ioevents deploy --help'],
  [['keygen', '--days='], '--days needs a value; see aem-ioevents keygen --help'],
  [['check', ...TARGET, '--wait='], '--wait needs a value; see aem-ioevents check --help'],
  // The configuration flags, empty: not the default file, not "no environment" (`--env=$ENV` unset).
  [['build', '--env='], '--env needs the name of an entry of environments, e.g. --env prod'],
  [['verify', '--env', ''], '--env needs the name of an entry of environments, e.g. --env prod'],
  [['verify', '--config', ''], '--config needs a file, e.g. --config aem-ioevents.yaml'],
  [['build', '--config=', '--env', 'prod'], '--config needs a file, e.g. --config aem-ioevents.yaml'],
  [['deploy', 'x.zip', ...TARGET, '--keystore', '--env='], '--env needs the name of an entry of environments, e.g. --env prod'],
  [['up', ...TARGET, '--config', '  '], '--config needs a file, e.g. --config aem-ioevents.yaml'],
  [['check', ...TARGET, '--wait', '0', '--env='], '--env needs the name of an entry of environments, e.g. --env prod'],
  // Decimal notation only: JavaScript's hex, binary, octal and exponent forms reach the checks as typed.
  [['keygen', '--days', '0x10'], "--days must be a whole number of days from 1 to 3650, got '0x10'"],
  [['keygen', '--days', '1e3'], "--days must be a whole number of days from 1 to 3650, got '1e3'"],
  [['keygen', '--bits', '0b100000000000'], "--bits must be 2048, 3072 or 4096, got '0b100000000000'"],
  [['deploy', 'x.zip', ...TARGET, '--timeout', '0x10'], "Expected --timeout to be a positive number of seconds, got '0x10'"],
  [['deploy', 'x.zip', ...TARGET, '--retries', '1e1'], "Expected --retries to be a whole number from 0 to 100, got '1e1'"],
  [['verify', '--timeout', '0o17'], "--timeout must be a positive number of seconds, got '0o17'"],
];

for (const [args, message] of refusals) {
  values(`${args.join(' ')}: exit 2, "${message}"`, async ({ dir }) => {
    const run = await runInProcess(args, { cwd: dir, env: { IOEVENTS_KEYSTORE_PASSWORD: 'throwaway-Keystore-1', AEM_USER: 'admin', AEM_PASSWORD: 'throwaway-Password-1' } });
    assert.is(run.stderr, `error: ${message}\n`);
    assert.is(run.code, 2);
    assert.is(run.stdout, '');
    assert.not.ok(existsSync(join(dir, 'keys')), 'nothing written');
  });
}

values('a repeatable flag given twice is still two values: deploy -t A -t B', async ({ dir }) => {
  const run = await runInProcess(['deploy', 'x.zip', '-t', 'http://127.0.0.1:9', '--target', 'http://127.0.0.1:9'], { cwd: dir, env: { AEM_USER: 'admin', AEM_PASSWORD: 'throwaway-Password-1' } });
  assert.is(run.stderr, 'error: --target http://127.0.0.1:9 is given twice; each instance gets the package once\n');
  assert.is(run.code, 2);
});

values('decimal numbers keep their meaning: deploy --timeout 1.5 --retries 0 reaches the package check', async ({ dir }) => {
  const run = await runInProcess(['deploy', 'x.zip', ...TARGET, '--timeout', '1.5', '--retries', '0', '--dry-run'], { cwd: dir, env: { AEM_USER: 'admin', AEM_PASSWORD: 'throwaway-Password-1' } });
  assert.is(run.stderr, 'error: cannot read package x.zip: no such file; build it first (aem-ioevents build)\n');
  assert.is(run.code, 2);
});

values.run();
