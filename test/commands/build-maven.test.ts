import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runInProcess } from '../helpers/cli.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { EXAMPLE_ENV, writeExampleProject } from '../build/example-project.ts';

const buildMaven = suite('aem-ioevents build --maven', { dir: '' });

buildMaven.before.each(async (context) => {
  context.dir = makeTempDir();
  await writeExampleProject(context.dir);
});
buildMaven.after.each((context) => removeTempDir(context.dir));

buildMaven('the report names the coordinates and lists the Maven entries', async ({ dir }) => {
  const run = await runInProcess(['build', '--maven', 'com.acme:eventproxy-config'], { cwd: dir, env: EXAMPLE_ENV });
  assert.is(run.code, 0, run.stderr);
  const lines = run.stdout.split('\n');
  assert.is(lines[2], "  checked  0 errors, 0 warnings by FileVault's validator rules (aem-ioevents inspect lists them)");
  assert.is(lines[3], '  maven    com.acme:eventproxy-config:1.0.0');
  assert.ok(lines.includes('           META-INF/maven/com.acme/eventproxy-config/pom.properties'));
  assert.ok(lines.includes('           META-INF/maven/com.acme/eventproxy-config/pom.xml'));
});

buildMaven('--json carries the coordinates', async ({ dir }) => {
  const run = await runInProcess(['build', '--maven', 'com.acme:eventproxy-config', '--json'], { cwd: dir, env: EXAMPLE_ENV });
  assert.equal((JSON.parse(run.stdout) as { maven: unknown }).maven, { groupId: 'com.acme', artifactId: 'eventproxy-config', version: '1.0.0' });
});

buildMaven('coordinates that are not GROUP:ARTIFACT: exit 2, no zip written', async ({ dir }) => {
  const run = await runInProcess(['build', '--maven', 'com.acme:a:1.0'], { cwd: dir, env: EXAMPLE_ENV });
  assert.is(run.code, 2);
  assert.is(run.stderr, "error: Expected --maven to be GROUP:ARTIFACT such as com.acme:eventproxy-config, got 'com.acme:a:1.0'; the version comes from package.version\n");
  assert.not.ok(existsSync(join(dir, 'dist')));
});

buildMaven.run();
