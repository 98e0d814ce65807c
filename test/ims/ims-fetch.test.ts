import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { RemoteError } from '../../src/errors.ts';
import { createImsFetch, getProxySettings } from '../../src/ims/ims-fetch.ts';
import { requestOAuthToken } from '../../src/ims/oauth-token.ts';
import { startImsStandIn, type ImsStandIn } from './ims-stand-in.ts';
import { CLIENT_ID, CLIENT_SECRET, makeBinding } from './credentials.ts';
import { closedPort, startLoopbackProxy } from './loopback-proxy.ts';

const getProxySettingsSuite = suite('getProxySettings');

const settings: ReadonlyArray<readonly [string, Record<string, string>, ReturnType<typeof getProxySettings>]> = [
  ['no proxy variable: undefined (the global fetch is used)', {}, undefined],
  ['only NO_PROXY: undefined', { NO_PROXY: 'localhost' }, undefined],
  ['empty variables: undefined', { HTTPS_PROXY: ' ', HTTP_PROXY: '' }, undefined],
  ['HTTPS_PROXY', { HTTPS_PROXY: 'http://proxy:3128' }, { httpProxy: '', httpsProxy: 'http://proxy:3128', noProxy: '', variables: { httpProxy: undefined, httpsProxy: 'HTTPS_PROXY' } }],
  ['HTTP_PROXY and NO_PROXY', { HTTP_PROXY: 'http://proxy:3128', NO_PROXY: '127.0.0.1,.corp' }, { httpProxy: 'http://proxy:3128', httpsProxy: '', noProxy: '127.0.0.1,.corp', variables: { httpProxy: 'HTTP_PROXY', httpsProxy: undefined } }],
  ['lower-case names win', { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2', no_proxy: 'a', NO_PROXY: 'b' }, { httpProxy: '', httpsProxy: 'http://lower:1', noProxy: 'a', variables: { httpProxy: undefined, httpsProxy: 'https_proxy' } }],
];
for (const [title, env, expected] of settings) {
  getProxySettingsSuite(title, () => {
    assert.equal(getProxySettings(env), expected);
  });
}

getProxySettingsSuite.run();

// ---

const context: { standIn?: ImsStandIn } = {};
const createImsFetchSuite = suite('createImsFetch', context);

createImsFetchSuite.before(async (ctx) => {
  ctx.standIn = await startImsStandIn({ bindings: [makeBinding()] });
});
createImsFetchSuite.after(async (ctx) => {
  await ctx.standIn?.close();
});

function standInUrl(ctx: typeof context): string {
  return ctx.standIn?.url ?? '';
}

createImsFetchSuite('without proxy variables it is the global fetch', async () => {
  const imsFetch = await createImsFetch({});
  assert.is(imsFetch.fetch, globalThis.fetch);
  assert.is(imsFetch.proxied, false);
});

createImsFetchSuite('HTTP_PROXY: the call tunnels through the proxy (CONNECT) and gets its token', async (ctx) => {
  const proxy = await startLoopbackProxy();
  try {
    const answer = await requestOAuthToken({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: ['openid'], imsUrl: standInUrl(ctx), env: { HTTP_PROXY: proxy.url } });
    assert.is(answer.accepted, true);
    assert.equal(proxy.connects, [new URL(standInUrl(ctx)).host]);
  } finally {
    await proxy.close();
  }
});

createImsFetchSuite('proxy credentials from the proxy URL are sent as Basic proxy-authorization', async (ctx) => {
  const proxy = await startLoopbackProxy({ credentials: 'ci:s3cret' });
  try {
    const env = { HTTP_PROXY: proxy.url.replace('http://', 'http://ci:s3cret@') };
    const answer = await requestOAuthToken({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: ['openid'], imsUrl: standInUrl(ctx), env });
    assert.is(answer.accepted, true);
    assert.equal(proxy.authorizations, [`Basic ${Buffer.from('ci:s3cret').toString('base64')}`]);
  } finally {
    await proxy.close();
  }
});

createImsFetchSuite('NO_PROXY: a listed host goes direct, the proxy sees nothing', async (ctx) => {
  const proxy = await startLoopbackProxy();
  try {
    const answer = await requestOAuthToken({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: ['openid'], imsUrl: standInUrl(ctx), env: { HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' } });
    assert.is(answer.accepted, true);
    assert.equal(proxy.connects, []);
  } finally {
    await proxy.close();
  }
});

createImsFetchSuite('HTTPS_PROXY carries https URLs: CONNECT ims-na1.adobelogin.com:443 (refused by the loopback-only proxy)', async () => {
  const proxy = await startLoopbackProxy();
  try {
    await requestOAuthToken({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: ['openid'], env: { HTTPS_PROXY: proxy.url }, timeoutMs: 5_000 });
    assert.unreachable('the proxy refuses non-loopback targets');
  } catch (error) {
    assert.instance(error, RemoteError);
    assert.is((error as Error).message, `Could not reach IMS at https://ims-na1.adobelogin.com/ims/token/v3 through the proxy ${proxy.url}: Proxy response (403) !== 200 when HTTP Tunneling. The proxy refused the connection to IMS; check HTTPS_PROXY and NO_PROXY.`);
    assert.equal(proxy.connects, ['ims-na1.adobelogin.com:443']);
  } finally {
    await proxy.close();
  }
});

createImsFetchSuite('a proxy that wants credentials (407) is explained, and the proxy password never shows', async (ctx) => {
  const proxy = await startLoopbackProxy({ credentials: 'ci:right' });
  try {
    const env = { HTTP_PROXY: proxy.url.replace('http://', 'http://ci:wrong-pw@') };
    await requestOAuthToken({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: ['openid'], imsUrl: standInUrl(ctx), env, timeoutMs: 5_000 });
    assert.unreachable('the proxy wants other credentials');
  } catch (error) {
    assert.instance(error, RemoteError);
    assert.is((error as Error).message, `Could not reach IMS at ${standInUrl(ctx)}/ims/token/v3 through the proxy ${proxy.url}: Proxy response (407) !== 200 when HTTP Tunneling. The proxy ${proxy.url} refused the user and password of its URL: check them (in the URL, @ : / % in the password are written %40 %3A %2F %25).`);
    assert.not.ok((error as Error).message.includes('wrong-pw'));
  } finally {
    await proxy.close();
  }
});

createImsFetchSuite('a proxy that is down is a RemoteError naming the proxy', async (ctx) => {
  const port = await closedPort();
  try {
    await requestOAuthToken({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: ['openid'], imsUrl: standInUrl(ctx), env: { HTTP_PROXY: `http://127.0.0.1:${port}` }, timeoutMs: 5_000 });
    assert.unreachable('nothing listens there');
  } catch (error) {
    assert.instance(error, RemoteError);
    assert.match((error as Error).message, new RegExp(`through the proxy http://127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
  }
});

createImsFetchSuite.run();
