import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { runBin, runInProcess } from './helpers/cli.ts';
import { makeTempDir, removeTempDir } from './helpers/temp.ts';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const usage = suite('command-line manners (issue 12, point 9)', { dir: '' });

usage.before.each((context) => {
  context.dir = makeTempDir();
});

usage.after.each((context) => removeTempDir(context.dir));

// [command line, the one error line]: every refusal is exit 2 with nothing on standard output.
const refusals: readonly [string[], string][] = [
  [['deploy', 'x.zip', '--targt', 'http://localhost:4502'], 'unknown option --targt (did you mean --target?); see aem-ioevents deploy --help'],
  [['keygen', '--my-opt'], 'unknown option --my-opt; see aem-ioevents keygen --help'],
  [['keygen', '--my-opt=3'], 'unknown option --my-opt; see aem-ioevents keygen --help'],
  [['keygen', '--Out', 'x', '--Foo'], 'unknown options --Out (did you mean --out?), --Foo; see aem-ioevents keygen --help'],
  [['keygen', '-q'], 'unknown option -q; see aem-ioevents keygen --help'],
  [['keygen', 'extra'], "unknown argument 'extra'; see aem-ioevents keygen --help"],
  [['deploy', 'x.zip', '\u2013target', 'http://localhost:4502'], "unknown arguments '\u2013target' (a typographic dash: did you mean --target?), 'http://localhost:4502'; see aem-ioevents deploy --help"],
  [['deploy', 'x.zip', '-t', 'http://localhost:4502', '-t'], '--target needs a value (an empty or unset variable?); see aem-ioevents deploy --help'],
  [['deploy', 'x.zip', '--target=', '-t', 'http://localhost:4502'], '--target needs a value (an empty or unset variable?); see aem-ioevents deploy --help'],
  [['templates', './my'], "unknown argument './my': templates lists the built-in templates only; a template folder of your own is used with build --template ./my-template"],
  [['build', '--templat', 'x'], 'unknown option --templat (did you mean --template?); see aem-ioevents build --help'],
  [['deploy'], 'give the package zip to deploy, e.g. aem-ioevents deploy dist/eventproxy-config-1.0.0.zip --target http://localhost:4502'],
  [['deploy', '--targt', 'http://localhost:4502'], 'unknown option --targt (did you mean --target?); see aem-ioevents deploy --help'],
  [['deploy', '--target', 'http://localhost:4502', '--no-quiet'], 'give the package zip to deploy, e.g. aem-ioevents deploy dist/eventproxy-config-1.0.0.zip --target http://localhost:4502'],
  [['inspect', '--strct'], 'unknown option --strct (did you mean --strict?); see aem-ioevents inspect --help'],
  [['inspect'], 'give the package zip to inspect, e.g. aem-ioevents inspect dist/eventproxy-config-1.0.0.zip'],
  [['keygen', '--days'], '--days needs a value; see aem-ioevents keygen --help'],
  [['keygen', '--days', 'soon'], "--days must be a whole number of days from 1 to 3650, got 'soon'"],
  [['keygen', '--bits=big'], "--bits must be 2048, 3072 or 4096, got 'big'"],
  [['verify', '--timeout', 'abc'], "--timeout must be a positive number of seconds, got 'abc'"],
  [['biuld'], "unknown command 'biuld'; did you mean build? see aem-ioevents --help"],
  [['frobnicate'], "unknown command 'frobnicate'; see aem-ioevents --help"],
];

for (const [args, message] of refusals) {
  usage(`${args.join(' ')}: exit 2, "${message}"`, async ({ dir }) => {
    const run = await runInProcess(args, { cwd: dir, env: { IOEVENTS_KEYSTORE_PASSWORD: 'throwaway-Keystore-1' } });
    assert.is(run.stderr, `error: ${message}\n`);
    assert.is(run.code, 2);
    assert.is(run.stdout, '');
  });
}

usage('-v prints the version, as --version does', async () => {
  const run = await runInProcess(['-v']);
  assert.is(run.code, 0);
  assert.is(run.stdout, `${version}\n`);
  assert.is(run.stderr, '');
});

usage("the bin's --help breaks lines between words, never inside one", () => {
  // The bundle's help layout (cliui's ES module build cut every 80-odd characters: "refuses co" / "nnections").
  const cases: readonly (readonly [string, string])[] = [
    ['deploy', 'Retries with back-off while Package Manager is not ready or refuses connections'],
    ['build', 'Built-in template name (aem-ioevents templates lists them), or a folder with template.yaml'],
  ];
  for (const [command, description] of cases) {
    const run = runBin([command, '--help']);
    assert.is(run.code, 0);
    const lines = run.stdout.split('\n');
    const at = lines.findIndex((line) => line.includes(description.split(' ').slice(0, 3).join(' ')));
    const words = lines.slice(at, at + 2).join(' ').replace(/\[[^\]]*\]/g, ' ').replace(/--\S+/g, ' ').split(/\s+/).filter(Boolean);
    assert.equal(words.slice(0, description.split(' ').length), description.split(' '), command);
  }
});

usage('keygen --help types --days and --bits as numbers', async () => {
  const run = await runInProcess(['keygen', '--help']);
  assert.is(run.code, 0);
  assert.match(run.stdout, /--days +Days of validity, 1 to 3650 +\[number\] \[default: 365\]/);
  assert.match(run.stdout, /--bits +RSA key size: 2048, 3072 or 4096 +\[number\] \[default: 2048\]/);
});

usage('templates --json has ok: true, as every other command', async () => {
  const run = await runInProcess(['templates', '--json']);
  assert.is(run.code, 0);
  const json = JSON.parse(run.stdout) as { ok: unknown; templates: unknown[] };
  assert.is(json.ok, true);
  assert.ok(json.templates.length > 0);
});

usage.run();
