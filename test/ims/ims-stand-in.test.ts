import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createSign } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { startImsStandIn, type ImsStandIn, type ImsStandInOptions } from './ims-stand-in.ts';
import { boundKey, CLIENT_ID, CLIENT_SECRET, makeBinding, ORG_ID, strangerKey, TECHNICAL_ACCOUNT_ID } from './credentials.ts';
import { getKeyMaterial } from './key-material.ts';

// The stand-in's clock, pinned to a whole second so exp boundaries are exact.
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const NOW_S = NOW.getTime() / 1000;

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: Record<string, unknown>;
}

async function post(url: string, fields: Record<string, string>, encoding: 'urlencoded' | 'multipart' = 'urlencoded'): Promise<Answer> {
  let body: URLSearchParams | FormData = new URLSearchParams(fields);
  if (encoding === 'multipart') {
    body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
  }
  const response = await fetch(url, { method: 'POST', body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text) as Record<string, unknown> };
}

function claimsFor(url: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    exp: NOW_S + 300,
    iss: ORG_ID,
    sub: TECHNICAL_ACCOUNT_ID,
    aud: `${url}/c/${CLIENT_ID}`,
    [`${url}/s/event_receiver_api`]: true,
    [`${url}/s/ent_adobeio_sdk`]: true,
    ...overrides,
  };
}

function sign(claims: Record<string, unknown>, key = boundKey().privateKeyPem): string {
  return jwt.sign(claims, key, { algorithm: 'RS256', noTimestamp: true });
}

// jsonwebtoken refuses to sign a malformed exp; IMS still meets such tokens (acs-aem-commons#2860).
function signRaw(claims: Record<string, unknown>, key = boundKey().privateKeyPem): string {
  const input = `${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key).toString('base64url')}`;
}

function exchangeFields(token: string, secret = CLIENT_SECRET, clientId = CLIENT_ID): Record<string, string> {
  return { client_id: clientId, client_secret: secret, jwt_token: token };
}

async function withStandIn(options: Partial<ImsStandInOptions>, run: (standIn: ImsStandIn) => Promise<void>): Promise<void> {
  const standIn = await startImsStandIn({ bindings: [makeBinding()], now: () => NOW, ...options });
  try {
    await run(standIn);
  } finally {
    await standIn.close();
  }
}

function decodePayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

const startImsStandInSuite = suite('startImsStandIn');

startImsStandInSuite('listens on 127.0.0.1 with an ephemeral port', async () => {
  await withStandIn({}, async (standIn) => {
    assert.match(standIn.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.not.match(standIn.url, /:0$/);
  });
});

startImsStandInSuite('the exchange answers 200 with exactly token_type, access_token, expires_in (ms), JSON content type, x-debug-id and Date', async () => {
  await withStandIn({}, async (standIn) => {
    const answer = await post(`${standIn.url}/ims/exchange/jwt`, exchangeFields(sign(claimsFor(standIn.url))));
    assert.is(answer.status, 200);
    assert.equal(Object.keys(answer.json), ['token_type', 'access_token', 'expires_in']);
    assert.is(answer.json.token_type, 'bearer');
    assert.is(answer.json.expires_in, 86_399_999);
    assert.is(answer.headers.get('content-type'), 'application/json;charset=UTF-8');
    assert.is(answer.headers.get('x-debug-id'), standIn.requests[0]?.debugId);
    assert.match(answer.headers.get('x-debug-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.is(answer.headers.get('date'), NOW.toUTCString());
  });
});

startImsStandInSuite('the access token is JWT-shaped with created_at and expires_in as strings of milliseconds (ims-jwt.md §4.1)', async () => {
  await withStandIn({}, async (standIn) => {
    const answer = await post(`${standIn.url}/ims/exchange/jwt`, exchangeFields(sign(claimsFor(standIn.url))));
    const token = String(answer.json.access_token);
    assert.is(token.split('.').length, 3);
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as Record<string, unknown>;
    assert.equal(header, { alg: 'RS256', x5u: 'ims_na1-key-at-1.cer', kid: 'ims_na1-key-at-1', itt: 'at' });
    const payload = decodePayload(token);
    assert.is(payload.type, 'access_token');
    assert.is(payload.client_id, CLIENT_ID);
    assert.is(payload.user_id, TECHNICAL_ACCOUNT_ID);
    assert.is(payload.as, 'ims-na1');
    assert.is(payload.created_at, String(NOW.getTime()));
    assert.is(payload.expires_in, '86400000');
    assert.is(payload.scope, 'event_receiver_api,ent_adobeio_sdk');
  });
});

startImsStandInSuite('all three exchange paths and both body encodings are accepted; query parameters are not', async () => {
  await withStandIn({}, async (standIn) => {
    for (const path of ['/ims/exchange/jwt', '/ims/exchange/jwt/', '/ims/exchange/v1/jwt']) {
      for (const encoding of ['urlencoded', 'multipart'] as const) {
        const answer = await post(`${standIn.url}${path}`, exchangeFields(sign(claimsFor(standIn.url))), encoding);
        assert.is(answer.status, 200, `${path} ${encoding}`);
      }
    }
    const query = new URLSearchParams(exchangeFields(sign(claimsFor(standIn.url))));
    const answer = await post(`${standIn.url}/ims/exchange/jwt?${query}`, {});
    assert.is(answer.status, 400);
    assert.equal(answer.json, { error_description: 'Missing required parameter', error: 'invalid_request' });
  });
});

startImsStandInSuite('unknown paths are 404 and other methods 405, still JSON with x-debug-id', async () => {
  await withStandIn({}, async (standIn) => {
    const notFound = await post(`${standIn.url}/ims/token/v9`, {});
    assert.is(notFound.status, 404);
    assert.is(notFound.headers.get('content-type'), 'application/json;charset=UTF-8');
    const get = await fetch(`${standIn.url}/ims/exchange/jwt`);
    assert.is(get.status, 405);
    assert.ok(get.headers.get('x-debug-id'));
  });
});

startImsStandInSuite('records each request: method, path, headers, fields and the decoded JWT', async () => {
  await withStandIn({}, async (standIn) => {
    const token = sign(claimsFor(standIn.url));
    await post(`${standIn.url}/ims/exchange/jwt`, exchangeFields(token));
    const [request] = standIn.requests;
    assert.is(request?.method, 'POST');
    assert.is(request?.path, '/ims/exchange/jwt');
    assert.match(String(request?.headers['content-type']), /^application\/x-www-form-urlencoded/);
    assert.equal(request?.fields, exchangeFields(token));
    assert.equal(request?.jwt?.payload, claimsFor(standIn.url));
    assert.equal(request?.jwt?.header, { alg: 'RS256', typ: 'JWT' });
    assert.is(request?.status, 200);
  });
});

// The refusal table of ims-jwt.md §3.5, one row per check, in its order.
type Row = readonly [title: string, fields: (url: string) => Record<string, string>, status: number, error: string, description: string];
const refusals: readonly Row[] = [
  ['a missing jwt_token', () => ({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET }), 400, 'invalid_request', 'Missing required parameter'],
  ['an unknown client_id', (url) => exchangeFields(sign(claimsFor(url)), CLIENT_SECRET, 'ffffffffffffffffffffffffffffffff'), 400, 'invalid_client', 'invalid client_id parameter'],
  ['a wrong client_secret (401, as documented)', (url) => exchangeFields(sign(claimsFor(url)), 'wrong-secret'), 401, 'invalid_client', 'invalid client_secret parameter'],
  ['a token that is not three segments', () => exchangeFields('not-a-jwt'), 400, 'invalid_token', 'JWT token is incorrectly formatted, and can not be decoded.'],
  ['an unsigned token', (url) => exchangeFields(`${sign(claimsFor(url)).split('.').slice(0, 2).join('.')}.`), 400, 'invalid_token', 'JWT token is incorrectly formatted, and can not be decoded.'],
  ['exp as a date string (acs-aem-commons#2860)', (url) => exchangeFields(signRaw(claimsFor(url, { exp: '2026-11-23T12:05:00Z' }))), 400, 'invalid_token', 'JWT token is incorrectly formatted, and can not be decoded.'],
  ['a fractional exp', (url) => exchangeFields(signRaw(claimsFor(url, { exp: NOW_S + 300.5 }))), 400, 'invalid_token', 'JWT token is incorrectly formatted, and can not be decoded.'],
  ['an aud for another IMS host', (url) => exchangeFields(sign(claimsFor(url, { aud: `https://ims-na1-stg1.adobelogin.com/c/${CLIENT_ID}` }))), 400, 'invalid_client', 'The audience of the JWT does not match the client_id'],
  ['an aud for another client', (url) => exchangeFields(sign(claimsFor(url, { aud: `${url}/c/ffffffffffffffffffffffffffffffff` }))), 400, 'invalid_client', 'The audience of the JWT does not match the client_id'],
  ['exp 31 s past (beyond the 30 s skew)', (url) => exchangeFields(sign(claimsFor(url, { exp: NOW_S - 31 }))), 400, 'invalid_token', 'JWT token has expired'],
  ['alg HS256', (url) => exchangeFields(jwt.sign(claimsFor(url), 'shared-secret', { algorithm: 'HS256', noTimestamp: true })), 400, 'invalid_token', 'Could not match JWT signature to any of the bindings'],
  ['a key whose certificate is not bound', (url) => exchangeFields(sign(claimsFor(url), strangerKey().privateKeyPem)), 400, 'invalid_token', 'Could not match JWT signature to any of the bindings'],
  ['another organization', (url) => exchangeFields(sign(claimsFor(url, { iss: 'AAAAAAAAAAAAAAAAAAAAAAAA@AdobeOrg' }))), 400, 'invalid_token', 'Could not match JWT signature to any of the bindings'],
  ['another technical account', (url) => exchangeFields(sign(claimsFor(url, { sub: 'BBBBBBBBBBBBBBBBBBBBBBBB@techacct.adobe.com' }))), 400, 'invalid_token', 'Could not match JWT signature to any of the bindings'],
  ['a metascope not on the credential', (url) => exchangeFields(sign(claimsFor(url, { [`${url}/s/ent_user_sdk`]: true }))), 400, 'invalid_scope', 'The metascopes in the JWT are not a subset of the metascopes in the binding.'],
  ['a metascope of another IMS host', (url) => exchangeFields(sign(claimsFor(url, { 'https://ims-na1.adobelogin.com/s/ent_adobeio_sdk': true }))), 400, 'invalid_scope', 'The metascopes in the JWT are not a subset of the metascopes in the binding.'],
  ['no metascope at all', (url) => exchangeFields(sign({ exp: NOW_S + 300, iss: ORG_ID, sub: TECHNICAL_ACCOUNT_ID, aud: `${url}/c/${CLIENT_ID}` })), 400, 'invalid_scope', 'The metascopes in the JWT are not a subset of the metascopes in the binding.'],
];
for (const [title, fields, status, error, description] of refusals) {
  startImsStandInSuite(`the exchange refuses ${title}: ${status} ${error}`, async () => {
    await withStandIn({}, async (standIn) => {
      const answer = await post(`${standIn.url}/ims/exchange/jwt`, fields(standIn.url));
      assert.is(answer.status, status);
      assert.is(answer.text, JSON.stringify({ error_description: description, error }));
      assert.is(answer.headers.get('content-type'), 'application/json;charset=UTF-8');
      assert.ok(answer.headers.get('x-debug-id'));
    });
  });
}

startImsStandInSuite('exp within the skew is accepted: 30 s past with the default, 0 with skewSeconds 0', async () => {
  await withStandIn({}, async (standIn) => {
    assert.is((await post(`${standIn.url}/ims/exchange/jwt`, exchangeFields(sign(claimsFor(standIn.url, { exp: NOW_S - 30 }))))).status, 200);
  });
  await withStandIn({ skewSeconds: 0 }, async (standIn) => {
    assert.is((await post(`${standIn.url}/ims/exchange/jwt`, exchangeFields(sign(claimsFor(standIn.url, { exp: NOW_S }))))).status, 200);
    assert.is((await post(`${standIn.url}/ims/exchange/jwt`, exchangeFields(sign(claimsFor(standIn.url, { exp: NOW_S - 1 }))))).status, 400);
  });
});

startImsStandInSuite('a far-future exp, iat and unknown header parameters are accepted (ims-jwt.md §2.1, §2.2)', async () => {
  await withStandIn({}, async (standIn) => {
    const token = jwt.sign(claimsFor(standIn.url, { exp: (NOW_S + 86_400) * 1000, iat: NOW_S }), boundKey().privateKeyPem, { algorithm: 'RS256', header: { alg: 'RS256', kid: 'x' } as jwt.JwtHeader });
    assert.is((await post(`${standIn.url}/ims/exchange/jwt`, exchangeFields(token))).status, 200);
  });
});

startImsStandInSuite('any bound certificate that is valid now verifies; an expired one does not', async () => {
  const old = getKeyMaterial('expired', { notBefore: new Date(NOW.getTime() - 400 * 86_400_000), notAfter: new Date(NOW.getTime() - 86_400_000) });
  const bindings = [makeBinding({ certificates: [old.certificatePem, strangerKey().certificatePem] })];
  await withStandIn({ bindings }, async (standIn) => {
    assert.is((await post(`${standIn.url}/ims/exchange/jwt`, exchangeFields(sign(claimsFor(standIn.url), strangerKey().privateKeyPem)))).status, 200);
    const expired = await post(`${standIn.url}/ims/exchange/jwt`, exchangeFields(sign(claimsFor(standIn.url), old.privateKeyPem)));
    assert.is(expired.json.error_description, 'Could not match JWT signature to any of the bindings');
  });
});

startImsStandInSuite('variants: invalid_signature instead of invalid_token, and 400 for a wrong secret', async () => {
  await withStandIn({ signatureError: 'invalid_signature', secretErrorStatus: 400 }, async (standIn) => {
    const signature = await post(`${standIn.url}/ims/exchange/jwt`, exchangeFields(sign(claimsFor(standIn.url), strangerKey().privateKeyPem)));
    assert.equal([signature.status, signature.json.error], [400, 'invalid_signature']);
    const secret = await post(`${standIn.url}/ims/exchange/jwt`, exchangeFields(sign(claimsFor(standIn.url)), 'wrong'));
    assert.equal([secret.status, secret.json.error], [400, 'invalid_client']);
  });
});

startImsStandInSuite('a binding that requires jti refuses a missing or replayed one with invalid_jti', async () => {
  await withStandIn({ bindings: [makeBinding({ requireJti: true })] }, async (standIn) => {
    const url = `${standIn.url}/ims/exchange/jwt`;
    assert.is((await post(url, exchangeFields(sign(claimsFor(standIn.url))))).json.error, 'invalid_jti');
    const once = sign(claimsFor(standIn.url, { jti: 'a1' }));
    assert.is((await post(url, exchangeFields(once))).status, 200);
    assert.is((await post(url, exchangeFields(once))).json.error, 'invalid_jti');
  });
});

startImsStandInSuite('a credential migrated to OAuth answers the exchange 500 internal_error, and still gives v3 tokens', async () => {
  await withStandIn({ bindings: [makeBinding({ migratedToOAuth: true })] }, async (standIn) => {
    const answer = await post(`${standIn.url}/ims/exchange/jwt`, exchangeFields(sign(claimsFor(standIn.url))));
    assert.is(answer.status, 500);
    assert.is(answer.text, '{"error_description":"Please try again later","error":"internal_error"}');
    const v3 = await post(`${standIn.url}/ims/token/v3`, { grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, scope: 'openid' });
    assert.is(v3.status, 200);
  });
});

startImsStandInSuite('an issuerUrl makes the stand-in expect claims for that host (a client signing for prod)', async () => {
  const prod = 'https://ims-na1.adobelogin.com';
  await withStandIn({ issuerUrl: prod }, async (standIn) => {
    assert.is((await post(`${standIn.url}/ims/exchange/jwt`, exchangeFields(sign(claimsFor(prod))))).status, 200);
    assert.is((await post(`${standIn.url}/ims/exchange/jwt`, exchangeFields(sign(claimsFor(standIn.url))))).json.error, 'invalid_client');
  });
});

startImsStandInSuite('v3 answers access_token, token_type, expires_in in seconds; v2 and v4 too; fields may be in the query', async () => {
  await withStandIn({}, async (standIn) => {
    const fields = { grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, scope: 'openid,AdobeID' };
    const v3 = await post(`${standIn.url}/ims/token/v3`, fields);
    assert.is(v3.status, 200);
    assert.equal(Object.keys(v3.json), ['access_token', 'token_type', 'expires_in']);
    assert.is(v3.json.expires_in, 86_399);
    assert.is(decodePayload(String(v3.json.access_token)).scope, 'openid,AdobeID');
    assert.is((await post(`${standIn.url}/ims/token/v2`, { ...fields, org_id: ORG_ID })).status, 200);
    const { client_id: _clientId, ...rest } = fields;
    assert.is((await post(`${standIn.url}/ims/token/v4?client_id=${CLIENT_ID}`, rest)).status, 200);
  });
});

const tokenRefusals: ReadonlyArray<readonly [string, Record<string, string>, string, string]> = [
  ['another grant type', { grant_type: 'password' }, 'unsupported_grant_type', 'Unsupported grant_type'],
  ['an unknown client', { client_id: 'ffffffffffffffffffffffffffffffff' }, 'invalid_client', 'invalid client_id parameter'],
  ['a wrong secret', { client_secret: 'wrong' }, 'invalid_client', 'invalid client_secret parameter'],
  ['a scope not on the credential', { scope: 'openid,read_pc' }, 'invalid_scope', 'Invalid scope'],
  ['no scope', { scope: '' }, 'invalid_scope', 'Invalid scope'],
];
for (const [title, change, error, description] of tokenRefusals) {
  startImsStandInSuite(`v3 refuses ${title}: 400 ${error}`, async () => {
    await withStandIn({}, async (standIn) => {
      const answer = await post(`${standIn.url}/ims/token/v3`, { grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, scope: 'openid', ...change });
      assert.is(answer.status, 400);
      assert.is(answer.text, JSON.stringify({ error_description: description, error }));
    });
  });
}

startImsStandInSuite('a credential without OAuth scopes refuses v3 with invalid_scope', async () => {
  await withStandIn({ bindings: [makeBinding({ scopes: undefined })] }, async (standIn) => {
    const answer = await post(`${standIn.url}/ims/token/v3`, { grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, scope: 'openid' });
    assert.is(answer.json.error, 'invalid_scope');
  });
});

startImsStandInSuite('faults: 500 internal_error, 429 with Retry-After, a raw body, each for the next request only', async () => {
  await withStandIn({}, async (standIn) => {
    const fields = exchangeFields(sign(claimsFor(standIn.url)));
    standIn.injectFault({ kind: 'internal_error' });
    standIn.injectFault({ kind: 'throttle', retryAfterSeconds: 7 });
    standIn.injectFault({ kind: 'raw', status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' });
    const failed = await post(`${standIn.url}/ims/exchange/jwt`, fields);
    assert.equal([failed.status, failed.json], [500, { error_description: 'Please try again later', error: 'internal_error' }]);
    const throttled = await post(`${standIn.url}/ims/exchange/jwt`, fields);
    assert.equal([throttled.status, throttled.headers.get('retry-after')], [429, '7']);
    const raw = await fetch(`${standIn.url}/ims/exchange/jwt`, { method: 'POST', body: new URLSearchParams(fields) });
    assert.equal([raw.status, raw.headers.get('content-type'), await raw.text()], [502, 'text/html', '<html>Bad Gateway</html>']);
    assert.is((await post(`${standIn.url}/ims/exchange/jwt`, fields)).status, 200);
  });
});

startImsStandInSuite('a hanging fault never answers, and close() ends it', async () => {
  const standIn = await startImsStandIn({ bindings: [makeBinding()] });
  standIn.injectFault({ kind: 'hang' });
  const pending = fetch(`${standIn.url}/ims/exchange/jwt`, { method: 'POST', body: new URLSearchParams({ a: 'b' }) }).then(
    () => 'answered',
    () => 'failed',
  );
  const early = await Promise.race([pending, new Promise((resolve) => setTimeout(() => resolve('waiting'), 200))]);
  assert.is(early, 'waiting');
  assert.is(standIn.requests[0]?.status, undefined);
  await standIn.close();
  assert.is(await pending, 'failed');
});

startImsStandInSuite.run();
