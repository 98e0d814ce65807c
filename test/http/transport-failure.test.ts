import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeTransportFailure } from '../../src/http/transport-failure.ts';
import { closedPort } from '../ims/loopback-proxy.ts';

function systemError(code: string, message: string): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
}

const describeSuite = suite('describeTransportFailure');

const cases: ReadonlyArray<readonly [string, unknown, string, string]> = [
  ['a refused connection', systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'), 'refused', 'connect ECONNREFUSED 127.0.0.1:9'],
  ['an unknown host', systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND aem.invalid'), 'dns', 'getaddrinfo ENOTFOUND aem.invalid'],
  ['a reset connection', systemError('ECONNRESET', 'read ECONNRESET'), 'lost', 'read ECONNRESET'],
  ['undici closing the socket', systemError('UND_ERR_SOCKET', 'other side closed'), 'lost', 'other side closed'],
  ['a certificate error', systemError('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'), 'tls', 'DEPTH_ZERO_SELF_SIGNED_CERT (self-signed certificate)'],
  ['a proxy asking for credentials', new TypeError('fetch failed', { cause: new Error('Proxy response (407) !== 200 when HTTP Tunneling') }), 'proxy-auth', 'Proxy response (407) !== 200 when HTTP Tunneling'],
  ['a body cut short', new TypeError('terminated'), 'lost', 'terminated'],
  ['anything else', new Error('boom'), 'other', 'boom'],
];
for (const [title, error, kind, text] of cases) {
  describeSuite(`${title} is '${kind}'`, () => {
    const failure = describeTransportFailure(error);
    assert.is(failure.kind, kind);
    assert.is(failure.text, text);
  });
}

describeSuite('secrets are blanked out of the text', () => {
  const failure = describeTransportFailure(systemError('ECONNRESET', 'reset while talking to http://u:s3cret@proxy'), ['s3cret']);
  assert.is(failure.text, 'ECONNRESET (reset while talking to http://u:***@proxy)');
});

describeSuite("fetch's own errors: a closed port is 'refused', a dropped socket 'lost'", async () => {
  const port = await closedPort();
  const refused = await fetch(`http://127.0.0.1:${port}/`).catch((error: unknown) => error);
  assert.is(describeTransportFailure(refused).kind, 'refused');
  const server = createServer((request) => request.socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const lost = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`).catch((error: unknown) => error);
    assert.is(describeTransportFailure(lost).kind, 'lost');
  } finally {
    server.close();
  }
});

describeSuite.run();
