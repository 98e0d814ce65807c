import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError, RemoteError } from '../../src/errors.ts';
import { exchangeJwt } from '../../src/ims/exchange-jwt.ts';
import type { FetchLike } from '../../src/ims/ims-fetch.ts';
import { createJwtClaims } from '../../src/ims/jwt-claims.ts';
import { signJwt } from '../../src/ims/sign-jwt.ts';
import { startImsStandIn, type ImsStandIn } from './ims-stand-in.ts';
import { boundKey, CLIENT_ID, CLIENT_SECRET, makeBinding, ORG_ID, TECHNICAL_ACCOUNT_ID } from './credentials.ts';
import { closedPort } from './loopback-proxy.ts';

const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);

async function signedFor(imsUrl: string): Promise<string> {
  const claims = createJwtClaims({ orgId: ORG_ID, technicalAccountId: TECHNICAL_ACCOUNT_ID, clientId: CLIENT_ID, metascopes: ['event_receiver_api'], imsUrl, now: NOW });
  return signJwt(claims, { privateKeyPem: boundKey().privateKeyPem });
}

const context: { standIn?: ImsStandIn } = {};
const exchangeJwtSuite = suite('exchangeJwt', context);

exchangeJwtSuite.before(async (ctx) => {
  ctx.standIn = await startImsStandIn({ bindings: [makeBinding()], now: () => NOW });
});
exchangeJwtSuite.after(async (ctx) => {
  await ctx.standIn?.close();
});

function url(ctx: typeof context): string {
  return ctx.standIn?.url ?? '';
}

exchangeJwtSuite('posts exactly client_id, client_secret, jwt_token urlencoded to <ims>/ims/exchange/jwt', async (ctx) => {
  const jwt = await signedFor(url(ctx));
  await exchangeJwt({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, jwt, imsUrl: `${url(ctx)}/`, env: {} });
  const request = ctx.standIn?.requests.at(-1);
  assert.is(request?.method, 'POST');
  assert.is(request?.path, '/ims/exchange/jwt');
  assert.is(request?.headers['content-type'], 'application/x-www-form-urlencoded;charset=UTF-8');
  assert.equal(request?.fields, { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, jwt_token: jwt });
  assert.equal(request?.query, {});
});

exchangeJwtSuite('a token answer: expires_in is milliseconds, so 86399999 ms is 86399 s and expiresAt is exact', async (ctx) => {
  const answer = await exchangeJwt({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, jwt: await signedFor(url(ctx)), imsUrl: url(ctx), env: {}, now: () => NOW });
  if (!answer.accepted) throw new Error(`refused: ${answer.error}`);
  assert.is(answer.tokenType, 'bearer');
  assert.is(answer.expiresInSeconds, 86_399);
  assert.is(answer.expiresAt.toISOString(), new Date(NOW.getTime() + 86_399_999).toISOString());
  assert.is(answer.status, 200);
  assert.is(answer.debugId, ctx.standIn?.requests.at(-1)?.debugId);
  assert.is(answer.serverDate?.toISOString(), NOW.toISOString());
  assert.is(answer.accessToken, JSON.parse(ctx.standIn?.requests.at(-1)?.responseBody ?? '{}').access_token);
});

exchangeJwtSuite('a refusal is an answer, not an error: status, error, error_description, debug id', async (ctx) => {
  const answer = await exchangeJwt({ clientId: CLIENT_ID, clientSecret: 'wrong-secret', jwt: await signedFor(url(ctx)), imsUrl: url(ctx), env: {} });
  assert.is(answer.accepted, false);
  if (answer.accepted) return;
  assert.equal([answer.status, answer.error, answer.errorDescription], [401, 'invalid_client', 'invalid client_secret parameter']);
  assert.is(answer.unexpectedBody, undefined);
  assert.is(answer.debugId, ctx.standIn?.requests.at(-1)?.debugId);
});

exchangeJwtSuite('a body that is not IMS JSON is kept, shortened, with the secret and the JWT blanked out', async (ctx) => {
  const jwt = await signedFor(url(ctx));
  ctx.standIn?.injectFault({ kind: 'raw', status: 502, contentType: 'text/html', body: `<html>proxy echo ${CLIENT_SECRET} ${jwt} ${'x'.repeat(400)}</html>` });
  const answer = await exchangeJwt({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, jwt, imsUrl: url(ctx), env: {} });
  if (answer.accepted) throw new Error('accepted');
  assert.is(answer.error, undefined);
  assert.is(answer.unexpectedBody?.startsWith('<html>proxy echo *** '), true);
  assert.not.ok(answer.unexpectedBody?.includes(CLIENT_SECRET));
  assert.not.ok(JSON.stringify(answer).includes(jwt.slice(0, 40)));
});

exchangeJwtSuite('200 without an access token is not a token', async (ctx) => {
  ctx.standIn?.injectFault({ kind: 'raw', status: 200, contentType: 'application/json', body: '{"token_type":"bearer"}' });
  const answer = await exchangeJwt({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, jwt: 'a.b.c', imsUrl: url(ctx), env: {} });
  assert.is(answer.accepted, false);
});

exchangeJwtSuite('redirects are not followed (they would carry the secret elsewhere)', async () => {
  let calls = 0;
  const fetch: FetchLike = async (_url, init) => {
    calls++;
    assert.is(init.redirect, 'manual');
    return new Response('', { status: 308, headers: { location: 'https://elsewhere.example/ims/exchange/jwt' } });
  };
  const answer = await exchangeJwt({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, jwt: 'a.b.c', fetch });
  if (answer.accepted) throw new Error('accepted');
  assert.equal([calls, answer.status, answer.location], [1, 308, 'https://elsewhere.example/ims/exchange/jwt']);
  assert.is(answer.endpoint, 'https://ims-na1.adobelogin.com/ims/exchange/jwt');
});

exchangeJwtSuite('no answer within timeoutMs is a RemoteError (exit 3) naming IMS and the time', async (ctx) => {
  ctx.standIn?.injectFault({ kind: 'hang' });
  const started = Date.now();
  try {
    await exchangeJwt({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, jwt: 'a.b.c', imsUrl: url(ctx), env: {}, timeoutMs: 300 });
    assert.unreachable('should have timed out');
  } catch (error) {
    assert.instance(error, RemoteError);
    assert.is((error as RemoteError).exitCode, 3);
    assert.is((error as RemoteError).code, 'E_IMS_TIMEOUT');
    assert.is((error as Error).message, `IMS at ${url(ctx)}/ims/exchange/jwt did not answer within 0.3 s. Check the network (behind a proxy, set HTTPS_PROXY), or try again later.`);
  }
  assert.ok(Date.now() - started < 5_000, 'the timeout did not bound the call');
});

exchangeJwtSuite('a refused connection is a RemoteError naming the code', async () => {
  const port = await closedPort();
  try {
    await exchangeJwt({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, jwt: 'a.b.c', imsUrl: `http://127.0.0.1:${port}`, env: {} });
    assert.unreachable('should have failed');
  } catch (error) {
    assert.instance(error, RemoteError);
    assert.is((error as RemoteError).code, 'E_IMS_UNREACHABLE');
    assert.match((error as Error).message, new RegExp(`^Could not reach IMS at http://127\\.0\\.0\\.1:${port}/ims/exchange/jwt: connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\. Check the IMS URL`));
    assert.not.ok((error as Error).message.includes(CLIENT_SECRET));
  }
});

const invalid: ReadonlyArray<readonly [string, Record<string, unknown>, RegExp]> = [
  ['an empty client secret', { clientSecret: '' }, /`clientSecret` to be a non-empty string, got an empty string/],
  ['a missing JWT', { jwt: undefined }, /`jwt` to be a non-empty string, got undefined/],
  ['an IMS URL with a query', { imsUrl: 'https://ims-na1.adobelogin.com/?x=1' }, /bare base URL/],
  ['an ftp IMS URL', { imsUrl: 'ftp://ims-na1.adobelogin.com' }, /http:\/\/ or https:\/\/ URL, got 'ftp:/],
  ['a negative timeout', { timeoutMs: -1 }, /`timeoutMs` to be a positive number of milliseconds, got -1 \(number\)/],
];
for (const [what, change, message] of invalid) {
  exchangeJwtSuite(`${what} is bad input`, async () => {
    try {
      await exchangeJwt({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, jwt: 'a.b.c', env: {}, fetch: () => Promise.reject(new Error('no call')), ...change } as never);
      assert.unreachable('should have thrown');
    } catch (error) {
      assert.instance(error, InputError);
      assert.match((error as Error).message, message);
    }
  });
}

exchangeJwtSuite.run();
