// What a cancelled deploy says about each target (interrupted-deploy.ts), at each stage of its
// install: the notes `interrupt()` returns while deployPackage runs against the stand-in.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { deployPackage } from '../../src/deploy/deploy-package.ts';
import type { PackmgrApi } from '../../src/deploy/install-package.ts';
import type { OpenFile } from '../../src/deploy/multipart.ts';
import { interrupt } from '../../src/interruption.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { PASSWORD, USER } from './connection.ts';
import { startPackmgrStandIn, type PackmgrStandIn } from './packmgr-stand-in.ts';
import { writeExamplePackage } from './packages.ts';

const ENV = { AEM_USER: USER, AEM_PASSWORD: PASSWORD };

interface Context {
  dir: string;
  standIn?: PackmgrStandIn;
}

const stageSuite = suite<Context>('a deploy interrupted: the note of its target', { dir: '' });

stageSuite.before.each(async (ctx) => {
  ctx.dir = makeTempDir();
  await writeExamplePackage(ctx.dir, 'p.zip');
  ctx.standIn = await startPackmgrStandIn({ user: USER, password: PASSWORD });
});
stageSuite.after.each(async (ctx) => {
  await ctx.standIn?.close();
  removeTempDir(ctx.dir);
});

/** A reader that hands over the first `bytes` of the file, then waits until `go` is called. */
function stallingFile(bytes: number): { openFile: OpenFile; stalled: Promise<void>; go: () => void } {
  let go = () => {};
  let stalled = () => {};
  const gate = new Promise<void>((resolve) => (go = resolve));
  const reached = new Promise<void>((resolve) => (stalled = resolve));
  const openFile: OpenFile = async function* (path) {
    const data = readFileSync(path);
    yield data.subarray(0, bytes);
    stalled();
    await gate;
    yield data.subarray(bytes);
  };
  return { openFile, stalled: reached, go };
}

function deploy(ctx: Context, api: PackmgrApi, openFile?: OpenFile) {
  return deployPackage({ package: 'p.zip', targets: [ctx.standIn!.url], cwd: ctx.dir, env: ENV, api, ...(openFile && { openFile }) });
}

for (const api of ['jsp', 'json'] as const) {
  stageSuite(`--api ${api}, during the upload: the upload did not end; nothing was installed`, async (ctx) => {
    const file = stallingFile(100);
    const running = deploy(ctx, api, file.openFile);
    await file.stalled;
    assert.equal(interrupt(), [`${ctx.standIn!.url}: the upload did not end; nothing was installed`]);
    file.go();
    await running;
  });

  stageSuite(`--api ${api}, while AEM installs: the install may still be running`, async (ctx) => {
    const release = ctx.standIn!.hold();
    const running = deploy(ctx, api);
    await ctx.standIn!.installArrived();
    assert.equal(interrupt(), [
      `${ctx.standIn!.url}: the install was sent and AEM had not answered: it may still be running on AEM; look at Package Manager before you deploy again, do not send it again blindly`,
    ]);
    release();
    await running;
  });
}

stageSuite('after the deploy: nothing is left to say', async (ctx) => {
  await deploy(ctx, 'jsp');
  assert.equal(interrupt(), []);
});

stageSuite.run();

