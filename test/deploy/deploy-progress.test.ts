import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { deployPackage } from '../../src/deploy/deploy-package.ts';
import type { DeployResult } from '../../src/deploy/deploy-result.ts';
import type { PackmgrApi } from '../../src/deploy/install-package.ts';
import type { OpenFile } from '../../src/deploy/multipart.ts';

// The slow disk's chunk (the default reader's is 1 MiB): what counts here is the clock, not the chunk size.
const UPLOAD_CHUNK_BYTES = 64 * 1024;
import { createProgressReporter } from '../../src/deploy/progress-reporter.ts';
import { fakeClock, type FakeClock } from '../helpers/fake-clock.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { PASSWORD, USER } from './connection.ts';
import { startPackmgrStandIn, type PackmgrStandIn } from './packmgr-stand-in.ts';
import { writeExamplePackage, writeLargePackage } from './packages.ts';

const ENV = { AEM_USER: USER, AEM_PASSWORD: PASSWORD };

interface Context {
  dir: string;
  standIn?: PackmgrStandIn;
}

const progressSuite = suite<Context>('deployPackage progress, as a CI log shows it', { dir: '' });

progressSuite.before.each(async (ctx) => {
  ctx.dir = makeTempDir();
  await writeExamplePackage(ctx.dir, 'p.zip');
  ctx.standIn = await startPackmgrStandIn({ user: USER, password: PASSWORD });
});
progressSuite.after.each(async (ctx) => {
  await ctx.standIn?.close();
  removeTempDir(ctx.dir);
});

// Deploys `file` with the fake clock's time and timers, the progress rendered as off a terminal.
async function deployWithLog(ctx: Context, clock: FakeClock, file = 'p.zip', openFile?: OpenFile, api: PackmgrApi = 'jsp'): Promise<{ result: DeployResult; log: string }> {
  let log = '';
  const reporter = createProgressReporter({ write: (chunk: string) => (log += chunk), isTTY: false }, clock.now);
  const result = (await deployPackage({ package: file, targets: [ctx.standIn!.url], cwd: ctx.dir, env: ENV, now: clock.now, sleep: clock.sleep, every: clock.every, onProgress: reporter.onProgress, api, ...(openFile && { openFile }) })) as DeployResult;
  reporter.finish();
  return { result, log };
}

progressSuite('Package Manager answers 404 twice, then 405: one line per retry with the answer and the next try', async (ctx) => {
  ctx.standIn?.startingFor(2);
  const { result, log } = await deployWithLog(ctx, fakeClock());
  assert.is(result.exitCode, 0);
  const url = ctx.standIn!.url;
  assert.is(log, [`${url}: waiting for Package Manager: AEM answered HTTP 404; next try in 1 s (retry 1 of 10)`, `${url}: waiting for Package Manager: AEM answered HTTP 404; next try in 2 s (retry 2 of 10)`, ''].join('\n'));
  assert.equal(
    ctx.standIn?.requests.map((r) => [r.kind, r.status]),
    [
      ['probe', 404],
      ['probe', 404],
      ['probe', 405],
      ['service.jsp', 200],
    ],
  );
});

progressSuite('a 2 MiB upload that takes 1 s a 64 KiB chunk: a line at 10 s, 20 s and 30 s', async (ctx) => {
  const file = await writeLargePackage(ctx.dir, 2 * 1024 * 1024);
  const size = statSync(file).size;
  const clock = fakeClock();
  const slowDisk: OpenFile = async function* (path) {
    for await (const chunk of createReadStream(path, { highWaterMark: UPLOAD_CHUNK_BYTES })) {
      clock.advance(1000);
      yield chunk as Buffer;
    }
  };
  const { result, log } = await deployWithLog(ctx, clock, join(ctx.dir, 'large-1.0.0.zip'), slowDisk);
  assert.is(result.exitCode, 0);
  // The first chunk is out at 1 s: it starts the count; lines at 11, 21 and 31 chunks.
  const line = (chunks: number) => `${ctx.standIn!.url}: uploading ${Math.floor((chunks * UPLOAD_CHUNK_BYTES * 100) / size)}% (${((chunks * UPLOAD_CHUNK_BYTES) / 1e6).toFixed(1)} of ${(size / 1e6).toFixed(1)} MB)`;
  assert.ok(size > 31 * UPLOAD_CHUNK_BYTES && size < 33 * UPLOAD_CHUNK_BYTES, String(size));
  assert.is(log, [line(11), line(21), line(31), ''].join('\n'));
  assert.is(line(11), `${ctx.standIn!.url}: uploading 34% (0.7 of 2.1 MB)`);
});

for (const api of ['jsp', 'json'] as const) {
  progressSuite(`--api ${api}: Package Manager takes 31 s to answer the install: "installing…" at 15 s and 30 s, then the verdict`, async (ctx) => {
    const release = ctx.standIn!.hold();
    const clock = fakeClock();
    const deployed = deployWithLog(ctx, clock, 'p.zip', undefined, api);
    await ctx.standIn!.installArrived();
    await clock.ticking();
    clock.advance(31_000);
    release();
    const { result, log } = await deployed;
    assert.is(result.exitCode, 0);
    assert.is(log, `${ctx.standIn!.url}: installing… 15 s\n${ctx.standIn!.url}: installing… 30 s\n`);
  });
}

progressSuite('the ticks stop when Package Manager answers', async (ctx) => {
  const clock = fakeClock();
  const events: string[] = [];
  await deployPackage({ package: 'p.zip', targets: [ctx.standIn!.url], cwd: ctx.dir, env: ENV, now: clock.now, sleep: clock.sleep, every: clock.every, onProgress: (event) => events.push(event.kind) });
  clock.advance(60_000);
  assert.equal(events, ['uploading']);
});

progressSuite.run();
