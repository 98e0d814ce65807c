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
  // https:// to a port that speaks plain HTTP (AEM's 4502): undici's code, then node:https's; OpenSSL's text is not shown.
  ['https to a plain-HTTP port (undici)', systemError('ERR_SSL_WRONG_VERSION_NUMBER', '80DCC1E2D77F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n'), 'plain-http', 'the server answered without TLS (OpenSSL: wrong version number)'],
  ['https to a plain-HTTP port (node:https)', systemError('EPROTO', 'write EPROTO 80DCC1E2D77F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n'), 'plain-http', 'the server answered without TLS (OpenSSL: wrong version number)'],
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

describeSuite("https:// to a real plain-HTTP server is 'plain-http' (fetch and node:https)", async () => {
  const server = createServer((_request, response) => response.end('plain'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const viaFetch = await fetch(url).catch((error: unknown) => error);
    const viaNode = await new Promise<unknown>((resolve) => void import('node:https').then((https) => https.get(url, () => resolve('answered')).on('error', resolve)));
    for (const error of [viaFetch, viaNode]) assert.equal(describeTransportFailure(error), { kind: 'plain-http', code: (error as { code?: string }).code ?? 'ERR_SSL_WRONG_VERSION_NUMBER', text: 'the server answered without TLS (OpenSSL: wrong version number)' });
  } finally {
    server.close();
  }
});

describeSuite.run();
