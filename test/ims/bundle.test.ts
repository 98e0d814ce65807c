// The bundled library (dist/index.js, built by `npm test` first) runs the whole verify path:
// jsonwebtoken and undici load from their lazy chunks, through a loopback proxy to the stand-in.
import { execFile } from 'node:child_process';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EXAMPLE_ENV, exampleImsBinding, writeExampleProject } from '../build/example-project.ts';
import { BIN } from '../helpers/cli.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { startImsStandIn } from './ims-stand-in.ts';
import { startLoopbackProxy } from './loopback-proxy.ts';
import { boundKey, CLIENT_ID, CLIENT_SECRET, makeBinding, ORG_ID, TECHNICAL_ACCOUNT_ID } from './credentials.ts';

type Library = typeof import('../../src/index.ts');
const DIST = pathToFileURL(fileURLToPath(new URL('../../dist/index.js', import.meta.url))).href;

const bundleSuite = suite('dist/index.js verifyCredentials');

bundleSuite('the bundle signs with jsonwebtoken and tunnels with undici from their lazy chunks', async () => {
  const library = (await import(DIST)) as Library;
  const standIn = await startImsStandIn({ bindings: [makeBinding()] });
  const proxy = await startLoopbackProxy();
  try {
    const result = await library.verifyCredentials({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      orgId: ORG_ID,
      technicalAccountId: TECHNICAL_ACCOUNT_ID,
      privateKeyPem: boundKey().privateKeyPem,
      imsUrl: standIn.url,
      env: { HTTP_PROXY: proxy.url },
    });
    assert.is(result.ok, true);
    assert.is(result.steps[0]?.token?.expiresInSeconds, 86_399);
    assert.equal(proxy.connects, [new URL(standIn.url).host]);
  } finally {
    await proxy.close();
    await standIn.close();
  }
});

bundleSuite.run();

// ---

// The bin loads the CLI bundle through vm.Script (src/startup/code-cache.ts), where jsonwebtoken
// and undici come from node_modules by require(): the whole verify path, as a CI step runs it.
const binSuite = suite('dist/cli.cjs verify');

/** Runs the bin without blocking this process, which serves the stand-in and the proxy. */
function runBinAsync(args: readonly string[], cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

binSuite('the bin signs the JWT with jsonwebtoken and reaches IMS through HTTP_PROXY with undici', async () => {
  const dir = makeTempDir();
  const standIn = await startImsStandIn({ bindings: [await exampleImsBinding()] });
  const proxy = await startLoopbackProxy();
  try {
    await writeExampleProject(dir);
    const run = await runBinAsync(['verify', '--ims-url', standIn.url, '--json'], dir, { ...EXAMPLE_ENV, HTTP_PROXY: proxy.url });
    assert.is(run.code, 0, run.stdout + run.stderr);
    const json = JSON.parse(run.stdout) as { ok: boolean; steps: { token?: { expiresInSeconds: number } }[] };
    assert.is(json.ok, true);
    assert.is(json.steps[0]?.token?.expiresInSeconds, 86_399);
    assert.equal(proxy.connects, [new URL(standIn.url).host]);
    assert.is(standIn.requests.length, 1);
  } finally {
    await proxy.close();
    await standIn.close();
    removeTempDir(dir);
  }
});

binSuite.run();
