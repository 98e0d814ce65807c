// Issue 11, point 4: every file a user names goes through one opener (src/fs/read-user-file.ts),
// which refuses what is not a regular file before reading it, and every output folder through
// one maker (src/fs/make-output-folder.ts). These are the commands the configuration tests do not
// cover: the package inspect and deploy read, the zip build may replace, the folder keygen makes.
// Each runs the bundled bin in a child (60 s timeout): on the old code they hung.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runBin } from '../helpers/cli.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { EXAMPLE_ENV, writeExampleProject } from '../build/example-project.ts';

const hostileFiles = suite('inspect, deploy, build output and keygen: files that are not files', { dir: '' });

hostileFiles.before.each((context) => {
  context.dir = makeTempDir();
});

hostileFiles.after.each((context) => removeTempDir(context.dir));

const mkfifo = (path: string): void => void execFileSync('mkfifo', [path]);

hostileFiles('inspect of a FIFO, /dev/zero or /dev/urandom is exit 2 at once, naming the file', ({ dir }) => {
  mkfifo(join(dir, 'package.zip'));
  for (const [file, kind] of [['package.zip', 'a named pipe (FIFO)'], ['/dev/zero', 'a character device'], ['/dev/urandom', 'a character device']] as const) {
    const run = runBin(['inspect', file], { cwd: dir });
    assert.is(run.code, 2, file);
    assert.is(run.stderr, `error: ${file} is ${kind}, not a regular file; name a file\n`);
    assert.is(run.stdout, '');
  }
});

hostileFiles('deploy of a FIFO is exit 2 before anything is sent', ({ dir }) => {
  mkfifo(join(dir, 'package.zip'));
  // Port 9 (discard) on loopback: nothing may be sent anyway; the refusal comes first.
  const run = runBin(['deploy', 'package.zip', '--target', 'http://127.0.0.1:9', '--retries', '0'], { cwd: dir, env: { AEM_USER: 'admin', AEM_PASSWORD: 'not-the-password' } });
  assert.is(run.code, 2);
  assert.is(run.stderr, 'error: package.zip is not a file; name the package zip\n');
});

hostileFiles('build whose zip name is a FIFO is exit 2 at once, and the FIFO stays', async ({ dir }) => {
  await writeExampleProject(dir);
  mkdirSync(join(dir, 'dist'));
  mkfifo(join(dir, 'dist', 'eventproxy-config-1.0.0.zip'));
  const run = runBin(['build'], { cwd: dir, env: EXAMPLE_ENV });
  assert.is(run.code, 2);
  assert.is(run.stderr, 'error: dist/eventproxy-config-1.0.0.zip is a named pipe (FIFO), not a regular file; choose another --out\n');
  assert.equal(readdirSync(join(dir, 'dist')), ['eventproxy-config-1.0.0.zip']);
});

hostileFiles('keygen --out under /proc (where mkdir -p answers ENOENT) is exit 2, not an endless loop', ({ dir }) => {
  if (!existsSync('/proc/self')) return; // Linux only
  const run = runBin(['keygen', '--out', '/proc/aem-ioevents-keys'], { cwd: dir, env: { IOEVENTS_KEYSTORE_PASSWORD: 'a-throwaway-password' } });
  assert.is(run.code, 2);
  assert.is(run.stderr, "error: the output folder '/proc/aem-ioevents-keys' cannot be created (ENOENT)\n");
});

hostileFiles.run();
