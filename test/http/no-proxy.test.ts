import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getProxyFor, getProxySettings, getProxyVariableFor } from '../../src/http/http-fetch.ts';
import { isExcludedFromProxy } from '../../src/http/no-proxy.ts';
import { createStreamingFetch } from '../../src/http/streaming-fetch.ts';
import { createHttpFetch } from '../../src/http/http-fetch.ts';
import { startLoopbackProxy } from '../ims/loopback-proxy.ts';

const noProxySuite = suite('isExcludedFromProxy');

// [URL, NO_PROXY, reached directly]: curl's rules (CURLOPT_NOPROXY), ports as undici reads them.
const cases: ReadonlyArray<readonly [string, string, boolean]> = [
  ['https://aem.example.com', '', false],
  ['https://aem.example.com', '*', true],
  ['https://aem.example.com', 'aem.example.com', true],
  ['https://AEM.Example.com', 'aem.example.COM', true],
  ['https://aem.example.com', 'example.com', true],
  ['https://aem.example.com', '.example.com', true],
  ['https://aem.example.com', '*.example.com', true],
  ['https://example.com', '.example.com', true],
  ['https://badexample.com', 'example.com', false],
  ['https://aem.example.com', 'localhost, 127.0.0.1 .corp', false],
  ['http://aem.corp:4502', 'localhost, 127.0.0.1 .corp', true],
  ['http://aem.corp:4502', 'aem.corp:4502', true],
  ['http://aem.corp:4503', 'aem.corp:4502', false],
  ['https://aem.corp', 'aem.corp:443', true],
  ['http://10.1.2.3:4502', '10.0.0.0/8', true],
  ['http://11.1.2.3:4502', '10.0.0.0/8', false],
  ['http://192.168.1.20:4502', 'localhost,192.168.0.0/16', true],
  ['http://10.1.2.3:4502', '10.1.2.3', true],
  ['http://10.1.2.30:4502', '10.1.2.3', false],
  ['http://[::1]:4502', '::1', true],
  ['http://[::1]:4502', '[::1]:4502', true],
  ['http://[fd00::5]:4502', 'fd00::/8', true],
  ['http://[fe80::5]:4502', 'fd00::/8', false],
  ['http://aem.example:4502', '10.0.0.0/8', false],
];
for (const [url, noProxy, direct] of cases) {
  noProxySuite(`${url} with NO_PROXY='${noProxy}': ${direct ? 'direct' : 'proxy'}`, () => {
    assert.is(isExcludedFromProxy(url, noProxy), direct);
  });
}

noProxySuite('getProxyFor and getProxyVariableFor: the proxy and the variable a request takes, none where NO_PROXY says', () => {
  const env = { HTTP_PROXY: 'http://u:pw@proxy:3128', no_proxy: '10.0.0.0/8,.corp' };
  const settings = getProxySettings(env);
  // Without HTTPS_PROXY, https goes through HTTP_PROXY too (undici); curl would not: its commands name the variable.
  assert.equal(['https://aem.example', 'http://aem.example:4502', 'http://10.1.2.3:4502', 'https://aem.corp'].map((url) => [getProxyFor(url, settings), getProxyVariableFor(url, settings)]), [
    ['http://u:pw@proxy:3128', 'HTTP_PROXY'],
    ['http://u:pw@proxy:3128', 'HTTP_PROXY'],
    [undefined, undefined],
    [undefined, undefined],
  ]);
  assert.equal(getProxyVariableFor('https://aem.example', getProxySettings({ https_proxy: 'http://p:1', HTTP_PROXY: 'http://p:2' })), 'https_proxy');
  assert.is(getProxyVariableFor('http://aem.example', getProxySettings({ https_proxy: 'http://p:1' })), undefined);
});

noProxySuite('an AEM inside a NO_PROXY range is reached directly by both clients; the proxy sees no CONNECT', async () => {
  const server = createServer((_request, response) => response.end('direct'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy = await startLoopbackProxy();
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    for (const create of [createStreamingFetch, createHttpFetch]) {
      const http = await create({ HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.0/8' });
      try {
        assert.is(await (await http.fetch(url, {})).text(), 'direct');
      } finally {
        await http.close();
      }
    }
    assert.equal(proxy.connects, []);
  } finally {
    await proxy.close();
    server.closeAllConnections();
    server.close();
  }
});

noProxySuite.run();
