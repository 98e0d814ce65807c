import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/errors.ts';
import { requestOAuthToken } from '../../src/ims/oauth-token.ts';
import { startImsStandIn, type ImsStandIn } from './ims-stand-in.ts';
import { CLIENT_ID, CLIENT_SECRET, makeBinding } from './credentials.ts';

const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const context: { standIn?: ImsStandIn } = {};
const requestOAuthTokenSuite = suite('requestOAuthToken', context);

requestOAuthTokenSuite.before(async (ctx) => {
  ctx.standIn = await startImsStandIn({ bindings: [makeBinding()], now: () => NOW });
});
requestOAuthTokenSuite.after(async (ctx) => {
  await ctx.standIn?.close();
});

requestOAuthTokenSuite('posts grant_type, client_id, client_secret and comma-joined scope urlencoded to <ims>/ims/token/v3', async (ctx) => {
  await requestOAuthToken({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: ['openid', 'AdobeID'], imsUrl: ctx.standIn?.url, env: {} });
  const request = ctx.standIn?.requests.at(-1);
  assert.is(request?.path, '/ims/token/v3');
  assert.is(request?.headers['content-type'], 'application/x-www-form-urlencoded;charset=UTF-8');
  assert.equal(request?.fields, { grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, scope: 'openid,AdobeID' });
});

requestOAuthTokenSuite('expires_in is seconds: 86399 s, expiresAt 86399000 ms ahead', async (ctx) => {
  const answer = await requestOAuthToken({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: ['openid'], imsUrl: ctx.standIn?.url, env: {}, now: () => NOW });
  if (!answer.accepted) throw new Error(`refused: ${answer.error}`);
  assert.is(answer.expiresInSeconds, 86_399);
  assert.is(answer.expiresAt.getTime() - NOW.getTime(), 86_399_000);
  assert.is(answer.tokenType, 'bearer');
});

requestOAuthTokenSuite('a scope the credential lacks is refused with invalid_scope', async (ctx) => {
  const answer = await requestOAuthToken({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: ['openid', 'read_pc'], imsUrl: ctx.standIn?.url, env: {} });
  if (answer.accepted) throw new Error('accepted');
  assert.equal([answer.status, answer.error], [400, 'invalid_scope']);
});

const invalid: ReadonlyArray<readonly [string, unknown, RegExp]> = [
  ['a comma string (aio-cli#696)', 'openid,AdobeID', /`scopes` to be a non-empty list of scope names without spaces or commas, got 'openid,AdobeID'/],
  ['an empty list', [], /`scopes` to be a non-empty list/],
  ['a scope holding a comma', ['openid,AdobeID'], /without spaces or commas/],
];
for (const [what, scopes, message] of invalid) {
  requestOAuthTokenSuite(`${what} is bad input`, async () => {
    try {
      await requestOAuthToken({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: scopes as string[], env: {}, fetch: () => Promise.reject(new Error('no call')) });
      assert.unreachable('should have thrown');
    } catch (error) {
      assert.instance(error, InputError);
      assert.match((error as Error).message, message);
    }
  });
}

requestOAuthTokenSuite.run();
