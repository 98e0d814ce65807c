import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/errors.ts';
import { deployPackage } from '../../src/deploy/deploy-package.ts';
import type { DeployResult } from '../../src/deploy/deploy-result.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { PASSWORD, recordingSleep, USER } from './connection.ts';
import { startPackmgrStandIn, type PackmgrStandIn } from './packmgr-stand-in.ts';
import { writeExamplePackage } from './packages.ts';
import { startLoopbackProxy } from '../ims/loopback-proxy.ts';

const ENV = { AEM_USER: USER, AEM_PASSWORD: PASSWORD };
const NOW = () => new Date('2026-11-23T12:00:00Z');

interface Context {
  dir: string;
  standIn?: PackmgrStandIn;
}

const deploySuite = suite<Context>('deployPackage', { dir: '' });

deploySuite.before.each(async (ctx) => {
  ctx.dir = makeTempDir();
  await writeExamplePackage(ctx.dir, 'p.zip');
  ctx.standIn = await startPackmgrStandIn({ user: USER, password: PASSWORD });
});
deploySuite.after.each(async (ctx) => {
  await ctx.standIn?.close();
  removeTempDir(ctx.dir);
});

deploySuite('waits for a starting AEM with the injected sleep, then installs; progress reaches the whole file', async (ctx) => {
  ctx.standIn?.startingFor(2);
  const { sleep, waits } = recordingSleep();
  const progress: number[] = [];
  const result = (await deployPackage({ package: 'p.zip', targets: [ctx.standIn!.url], cwd: ctx.dir, env: ENV, now: NOW, sleep, onProgress: (p) => p.kind === 'uploading' && progress.push(p.sentBytes) })) as DeployResult;
  assert.is(result.exitCode, 0);
  assert.equal(waits, [1000, 2000]);
  assert.is(result.targets[0]?.probes, 3);
  assert.is(progress.at(-1), result.package.size);
});

deploySuite('fetch is injectable: every call goes through it', async (ctx) => {
  const urls: string[] = [];
  const counting: typeof fetch = (url, init) => {
    urls.push(String(url));
    return fetch(url, init);
  };
  await deployPackage({ package: 'p.zip', targets: [ctx.standIn!.url], cwd: ctx.dir, env: ENV, now: NOW, fetch: counting });
  assert.equal(urls, [`${ctx.standIn!.url}/crx/packmgr/service/script.html`, `${ctx.standIn!.url}/crx/packmgr/service.jsp`]);
});

const invalid: ReadonlyArray<readonly [string, Record<string, unknown>, string]> = [
  ['--retries -1', { retries: -1 }, 'Expected --retries to be a whole number from 0 to 100, got -1 (number)'],
  ['--retries 1.5', { retries: 1.5 }, 'Expected --retries to be a whole number from 0 to 100, got 1.5 (number)'],
  ['--timeout NaN', { timeoutSeconds: Number.NaN }, 'Expected --timeout to be a positive number of seconds, got NaN (number)'],
  ['--api soap', { api: 'soap' }, "Expected --api to be jsp or json, got 'soap'"],
  ['--replace-key alone', { replaceKey: true }, '--replace-key only makes sense with --keystore'],
];
for (const [title, options, message] of invalid) {
  deploySuite(`${title}: InputError before anything is sent`, async (ctx) => {
    try {
      await deployPackage({ package: 'p.zip', targets: [ctx.standIn!.url], cwd: ctx.dir, env: ENV, ...options });
      assert.unreachable('should throw');
    } catch (error) {
      assert.instance(error, InputError);
      assert.is((error as InputError).message, message);
    }
    assert.is(ctx.standIn?.requests.length, 0);
  });
}

deploySuite('an AEM_KEYSTORE_PASSWORD Java cannot use is refused up front', async (ctx) => {
  try {
    await deployPackage({ package: 'p.zip', targets: [ctx.standIn!.url], cwd: ctx.dir, env: { ...ENV, AEM_KEYSTORE_PASSWORD: 'ü' }, keystore: true, dryRun: true, config: 'missing.yaml' });
    assert.unreachable('should throw');
  } catch (error) {
    assert.instance(error, InputError);
    assert.match((error as InputError).message, /^AEM_KEYSTORE_PASSWORD contains a character outside printable ASCII/);
  }
});

deploySuite.run();

// ---

const proxySuite = suite<Context>('deployPackage through a proxy', { dir: '' });

proxySuite.before.each(async (ctx) => {
  ctx.dir = makeTempDir();
  await writeExamplePackage(ctx.dir, 'p.zip');
  ctx.standIn = await startPackmgrStandIn({ user: USER, password: PASSWORD });
});
proxySuite.after.each(async (ctx) => {
  await ctx.standIn?.close();
  removeTempDir(ctx.dir);
});

proxySuite('HTTP_PROXY: the probe and the streamed upload tunnel through it; its password never shows', async (ctx) => {
  const proxy = await startLoopbackProxy({ credentials: 'ci:proxy-s3cret' });
  try {
    const env = { ...ENV, HTTP_PROXY: proxy.url.replace('http://', 'http://ci:proxy-s3cret@') };
    const result = (await deployPackage({ package: 'p.zip', targets: [ctx.standIn!.url], cwd: ctx.dir, env, now: NOW })) as DeployResult;
    assert.is(result.exitCode, 0);
    assert.ok(proxy.connects.length >= 1);
    assert.ok(proxy.connects.every((host) => host === new URL(ctx.standIn!.url).host));
    assert.is(ctx.standIn?.installs(), 1);
    assert.not.ok(JSON.stringify(result).includes('proxy-s3cret'));
  } finally {
    await proxy.close();
  }
});

proxySuite('a proxy that wants other credentials: unreachable, exit 3, its password blanked out', async (ctx) => {
  const proxy = await startLoopbackProxy({ credentials: 'ci:right' });
  try {
    const env = { ...ENV, HTTP_PROXY: proxy.url.replace('http://', 'http://ci:wrong-s3cret@') };
    const result = (await deployPackage({ package: 'p.zip', targets: [ctx.standIn!.url], cwd: ctx.dir, env, now: NOW, retries: 0 })) as DeployResult;
    assert.is(result.exitCode, 3);
    assert.is(result.targets[0]?.outcome, 'unreachable');
    assert.match(result.targets[0]?.message ?? '', `Proxy response (407) !== 200 when HTTP Tunneling; the proxy ${proxy.url} refused the user and password of its URL: check them (in the URL, @ : / % in the password are written %40 %3A %2F %25)); nothing was sent`);
    assert.not.ok(JSON.stringify(result).includes('wrong-s3cret'));
    assert.is(ctx.standIn?.requests.length, 0);
  } finally {
    await proxy.close();
  }
});

proxySuite('a proxy that wants credentials the URL does not give: named, and told where they go', async (ctx) => {
  const proxy = await startLoopbackProxy({ credentials: 'ci:right' });
  try {
    const result = (await deployPackage({ package: 'p.zip', targets: [ctx.standIn!.url], cwd: ctx.dir, env: { ...ENV, HTTP_PROXY: proxy.url }, now: NOW, retries: 0 })) as DeployResult;
    assert.is(result.exitCode, 3);
    assert.match(result.targets[0]?.message ?? '', `Proxy response (407) !== 200 when HTTP Tunneling; the proxy ${proxy.url} wants credentials: give them in the proxy URL (http://user:password@host:port)); nothing was sent`);
  } finally {
    await proxy.close();
  }
});

proxySuite.run();
