// The bundled library (dist/index.js, built by `npm test` first) runs the whole verify path:
// jsonwebtoken and undici load from their lazy chunks, through a loopback proxy to the stand-in.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
