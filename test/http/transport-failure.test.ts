import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createHttpsServer } from 'node:https';
import { createNodeHttpClient } from '../../src/http/node-transport.ts';
import { describeTransportFailure } from '../../src/http/transport-failure.ts';
import { makeKeyMaterial } from '../ims/key-material.ts';
import { closedPort, startLoopbackProxy } from '../ims/loopback-proxy.ts';
import { createStreamingFetch } from '../../src/http/streaming-fetch.ts';
import { describeAemFailure } from '../../src/deploy/aem-request.ts';

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

const UNTRUSTED = "the certificate is signed by no authority Node trusts (a self-signed certificate, or a TLS-intercepting proxy): set NODE_EXTRA_CA_CERTS to a PEM file with the authority's certificate";
const EXPIRED = "the server's certificate has expired: renew it on the server (NODE_EXTRA_CA_CERTS cannot help), or check this machine's clock";
const OTHER_HOST = 'the certificate is for another host name: use a URL with a host name the certificate names (NODE_EXTRA_CA_CERTS cannot help)';

// NODE_EXTRA_CA_CERTS cures only an unknown authority: an expired certificate or another host's must not be sent there.
const adviceCases: ReadonlyArray<readonly [string, string | undefined]> = [
  ['DEPTH_ZERO_SELF_SIGNED_CERT', UNTRUSTED],
  ['SELF_SIGNED_CERT_IN_CHAIN', UNTRUSTED],
  ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', UNTRUSTED],
  ['CERT_HAS_EXPIRED', EXPIRED],
  ['CERT_NOT_YET_VALID', "the server's certificate is not valid yet: check this machine's clock, or the certificate's start date"],
  ['ERR_TLS_CERT_ALTNAME_INVALID', OTHER_HOST],
  ['ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', "TLS could not be set up: check the URL's port and the server's certificate; a TLS-intercepting proxy needs its authority's certificate in NODE_EXTRA_CA_CERTS"],
  ['ECONNREFUSED', undefined],
];
for (const [code, advice] of adviceCases) {
  describeSuite(`${code} advises: ${advice ?? 'nothing'}`, () => {
    assert.is(describeTransportFailure(systemError(code, 'what Node said')).advice, advice);
  });
}

describeSuite('real certificates: self-signed, expired, another host; each with its own advice', async () => {
  const day = 86_400_000;
  const valid = makeKeyMaterial({ commonName: 'aem.example' });
  const expired = makeKeyMaterial({ commonName: 'aem.example', notBefore: new Date(Date.now() - 30 * day), notAfter: new Date(Date.now() - day) });
  // [server's key material, client trusts it, expected code, expected advice]; the URL's host 127.0.0.1 is never the certificate's.
  const servers = [
    [valid, false, 'DEPTH_ZERO_SELF_SIGNED_CERT', UNTRUSTED],
    [expired, true, 'CERT_HAS_EXPIRED', EXPIRED],
    [valid, true, 'ERR_TLS_CERT_ALTNAME_INVALID', OTHER_HOST],
  ] as const;
  for (const [material, trusted, code, advice] of servers) {
    const server = createHttpsServer({ key: material.privateKeyPem, cert: material.certificatePem }, (_request, response) => response.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = createNodeHttpClient(trusted ? { ca: [material.certificatePem] } : {});
    try {
      const error = await client.fetch(`https://127.0.0.1:${(server.address() as AddressInfo).port}/`, {}).catch((caught: unknown) => caught);
      const failure = describeTransportFailure(error);
      assert.equal([failure.kind, failure.code, failure.advice], ['tls', code, advice]);
    } finally {
      await client.close();
      server.close();
    }
  }
});

describeSuite('a self-signed AEM behind HTTPS_PROXY: the same advice, and the message deploy prints says it', async () => {
  const material = makeKeyMaterial({ commonName: '127.0.0.1' });
  const server = createHttpsServer({ key: material.privateKeyPem, cert: material.certificatePem }, (_request, response) => response.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy = await startLoopbackProxy();
  const client = await createStreamingFetch({ HTTPS_PROXY: proxy.url });
  try {
    const port = (server.address() as AddressInfo).port;
    const failure = describeTransportFailure(await client.fetch(`https://127.0.0.1:${port}/`, {}).catch((caught: unknown) => caught));
    assert.equal(proxy.connects, [`127.0.0.1:${port}`]);
    assert.is(describeAemFailure(failure), `${failure.text}; ${UNTRUSTED}`);
    assert.is(failure.code, 'DEPTH_ZERO_SELF_SIGNED_CERT');
  } finally {
    await client.close();
    await proxy.close();
    server.close();
  }
});

describeSuite.run();
