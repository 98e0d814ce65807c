import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError, RemoteError } from '../../src/errors.ts';
import { diagnoseImsError, type ImsRefusalReason } from '../../src/ims/diagnose.ts';
import { exchangeJwt } from '../../src/ims/exchange-jwt.ts';
import { verifyCredentials } from '../../src/ims/verify-credentials.ts';
import type { VerifyCredentialsOptions } from '../../src/ims/verify-options.ts';
import type { VerifyResult } from '../../src/ims/verify-result.ts';
import { formatVerifyReport } from '../../src/ims/verify-summary.ts';
import { startImsStandIn, type ImsStandIn, type ImsStandInOptions, type StandInFault } from './ims-stand-in.ts';
import { boundKey, CLIENT_ID, CLIENT_SECRET, makeBinding, ORG_ID, SCOPES, strangerKey, TECHNICAL_ACCOUNT_ID } from './credentials.ts';
import { getKeyMaterial } from './key-material.ts';
import { closedPort } from './loopback-proxy.ts';
import { MAX_SENT_BYTES } from '../helpers/oversized-answer.ts';

const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const expiredKey = () => getKeyMaterial('expired-verify', { notBefore: new Date(NOW.getTime() - 400 * 86_400_000), notAfter: new Date(NOW.getTime() - 86_400_000) });

function options(imsUrl: string, overrides: Partial<VerifyCredentialsOptions> = {}): VerifyCredentialsOptions {
  return { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, orgId: ORG_ID, technicalAccountId: TECHNICAL_ACCOUNT_ID, privateKeyPem: boundKey().privateKeyPem, imsUrl, env: {}, now: () => NOW, ...overrides };
}

interface Scenario {
  readonly standIn?: Partial<ImsStandInOptions>;
  readonly fault?: StandInFault;
  readonly verify?: Partial<VerifyCredentialsOptions>;
}

/** Runs verifyCredentials against a fresh stand-in; returns the result and what the stand-in saw. */
async function verifyAgainst(scenario: Scenario): Promise<{ result: VerifyResult; standIn: ImsStandIn }> {
  const standIn = await startImsStandIn({ bindings: [makeBinding()], now: () => NOW, ...scenario.standIn });
  try {
    if (scenario.fault) standIn.injectFault(scenario.fault);
    return { result: await verifyCredentials(options(standIn.url, scenario.verify)), standIn };
  } finally {
    await standIn.close();
  }
}

/** Everything secret the run involved: the client secret, the key, every JWT sent and every token issued. */
function secretsOf(standIn: ImsStandIn, privateKeyPem = boundKey().privateKeyPem): string[] {
  const sent = standIn.requests.map((request) => request.fields.jwt_token ?? '').filter((jwt) => jwt !== '');
  const issued = standIn.requests.map((request) => /"access_token":"([^"]+)"/.exec(request.responseBody ?? '')?.[1] ?? '').filter((token) => token !== '');
  const keyLines = privateKeyPem.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));
  return [CLIENT_SECRET, ...sent, ...issued, ...keyLines];
}

function assertNoSecret(result: VerifyResult, standIn: ImsStandIn, privateKeyPem?: string): void {
  const texts = [JSON.stringify(result), formatVerifyReport(result)];
  for (const secret of secretsOf(standIn, privateKeyPem)) {
    for (const text of texts) assert.not.ok(text.includes(secret), `a secret (${secret.slice(0, 12)}…) is in the result`);
  }
}

const verifyCredentialsSuite = suite('verifyCredentials');

verifyCredentialsSuite('IMS accepts the JWT: one exchange, the token type and expiry (ms → s), x-debug-id, the end-of-life notice', async () => {
  const { result, standIn } = await verifyAgainst({});
  assert.is(result.ok, true);
  assert.is(standIn.requests.length, 1);
  assert.equal(result.steps, [
    {
      flow: 'jwt',
      endpoint: `${standIn.url}/ims/exchange/jwt`,
      status: 200,
      debugId: standIn.requests[0]?.debugId,
      clockOffsetSeconds: 0,
      outcome: 'accepted',
      token: { type: 'bearer', expiresInSeconds: 86_399, expiresAt: new Date(NOW.getTime() + 86_399_999) },
    },
  ]);
  assert.equal(result.checks.map((check) => [check.id, check.outcome]), [
    ['ims-url', 'pass'], ['client-id', 'pass'], ['client-secret', 'pass'], ['organization-id', 'pass'], ['technical-account-id', 'pass'], ['metascopes', 'pass'], ['jwt-signature', 'pass'],
  ]);
  assert.is(result.jwtEndOfLife?.endOfLife, '2025-06-30');
  assert.is(result.summary, `IMS accepted the JWT credential: bearer token for 86399 s, until ${new Date(NOW.getTime() + 86_399_999).toISOString()}.`);
  assertNoSecret(result, standIn);
});

verifyCredentialsSuite('the JWT sent carries exactly the SPEC claims for this IMS', async () => {
  const { standIn } = await verifyAgainst({});
  assert.equal(standIn.requests[0]?.jwt?.payload, {
    exp: NOW.getTime() / 1000 + 300,
    iss: ORG_ID,
    sub: TECHNICAL_ACCOUNT_ID,
    aud: `${standIn.url}/c/${CLIENT_ID}`,
    [`${standIn.url}/s/event_receiver_api`]: true,
    [`${standIn.url}/s/ent_adobeio_sdk`]: true,
  });
});

verifyCredentialsSuite('OAuth Server-to-Server: expires_in is seconds; no end-of-life notice', async () => {
  const { result, standIn } = await verifyAgainst({ verify: { flow: 'oauth', scopes: [...SCOPES] } });
  assert.is(result.ok, true);
  assert.is(standIn.requests[0]?.path, '/ims/token/v3');
  assert.equal(result.steps[0]?.token, { type: 'bearer', expiresInSeconds: 86_399, expiresAt: new Date(NOW.getTime() + 86_399_000) });
  assert.is(result.jwtEndOfLife, undefined);
  assert.is(result.summary, `IMS accepted the OAuth Server-to-Server credential: bearer token for 86399 s, until ${new Date(NOW.getTime() + 86_399_000).toISOString()}.`);
  assertNoSecret(result, standIn);
});

// Every failure cause of issue 5 point 4, reached through the stand-in.
type Cause = readonly [title: string, scenario: () => Scenario, reason: ImsRefusalReason, cause: RegExp];
const causes: readonly Cause[] = [
  ['certificate not uploaded (a key IMS has no certificate for)', () => ({ verify: { privateKeyPem: strangerKey().privateKeyPem } }), 'certificate_not_bound', /the certificate of this private key was not uploaded, was replaced by another or has expired/],
  ['certificate replaced (the credential holds only the new certificate)', () => ({ standIn: { bindings: [makeBinding({ certificates: [strangerKey().certificatePem] })] } }), 'certificate_not_bound', /was replaced by another/],
  ['certificate expired', () => ({ standIn: { bindings: [makeBinding({ certificates: [expiredKey().certificatePem] })] }, verify: { privateKeyPem: expiredKey().privateKeyPem, certificateNotAfter: expiredKey().notAfter } }), 'certificate_not_bound', /^The certificate of this key expired on /],
  ['wrong client secret (JWT: 401)', () => ({ verify: { clientSecret: 'p8e-wrong-secret-0000', flow: 'jwt' } }), 'client_secret_wrong', /does not accept the client secret for client ID '0123456789abcdef0123456789abcdef'/],
  ['wrong client secret (OAuth: 400 invalid client_secret parameter)', () => ({ verify: { clientSecret: 'p8e-wrong-secret-0000', flow: 'oauth', scopes: ['openid'] } }), 'client_secret_wrong', /does not accept the client secret/],
  ['unknown client ID', () => ({ verify: { clientId: 'ffffffffffffffffffffffffffffffff' } }), 'client_unknown', /does not know client ID 'ffffffffffffffffffffffffffffffff'/],
  ['wrong organization', () => ({ verify: { orgId: 'AAAAAAAAAAAAAAAAAAAAAAAA@AdobeOrg' } }), 'certificate_not_bound', /for organization 'AAAAAAAAAAAAAAAAAAAAAAAA@AdobeOrg'.*or the organization or technical account ID belongs to another credential/],
  ['wrong technical account', () => ({ verify: { technicalAccountId: 'BBBBBBBBBBBBBBBBBBBBBBBB@techacct.adobe.com' } }), 'certificate_not_bound', /technical account 'BBBBBBBBBBBBBBBBBBBBBBBB@techacct\.adobe\.com'/],
  ['metascope not on the credential', () => ({ standIn: { bindings: [makeBinding({ metascopes: ['ent_adobeio_sdk'] })] } }), 'metascope_not_on_credential', /^The metascopes of the JWT \[event_receiver_api, ent_adobeio_sdk\] are not all on the credential/],
  ['scope not on the credential (OAuth)', () => ({ verify: { flow: 'oauth', scopes: ['openid', 'read_pc'] } }), 'scope_not_on_credential', /^IMS refused the scopes \[openid, read_pc\]/],
  ['clock skew (this machine 10 minutes behind)', () => ({ verify: { now: () => new Date(NOW.getTime() - 600_000) } }), 'clock_skew', /^IMS found the JWT expired: this machine's clock is 600 s behind IMS's clock/],
  ['IMS trouble (500 internal_error)', () => ({ fault: { kind: 'internal_error' } }), 'ims_trouble', /^IMS failed with HTTP 500 internal_error \("Please try again later"\)/],
  ['IMS throttling (429)', () => ({ fault: { kind: 'throttle', retryAfterSeconds: 30 } }), 'ims_trouble', /throttling this client \(429\)/],
  ['a JWT credential converted to OAuth (500 on the exchange)', () => ({ standIn: { bindings: [makeBinding({ migratedToOAuth: true })] } }), 'ims_trouble', /converted to OAuth Server-to-Server/],
  ['a replayed or missing jti', () => ({ standIn: { bindings: [makeBinding({ requireJti: true })] } }), 'jwt_replayed', /unique jti/],
  ['anything unexpected (a proxy error page)', () => ({ fault: { kind: 'raw', status: 502, contentType: 'text/html', body: '<html><h1>502 Bad Gateway</h1></html>' } }), 'unexpected_answer', /^IMS answered HTTP 502, which is not a token, nor an IMS error: a gateway or proxy on the way may have answered\.$/],
  ['wrong IMS path (404)', () => ({ verify: { imsUrl: '' } }), 'unexpected_answer', /there is no IMS token endpoint at/],
];
for (const [title, scenario, reason, cause] of causes) {
  verifyCredentialsSuite(`${title} → ${reason}`, async () => {
    const given = scenario();
    const standIn = await startImsStandIn({ bindings: [makeBinding()], now: () => NOW, ...given.standIn });
    try {
      if (given.fault) standIn.injectFault(given.fault);
      const imsUrl = given.verify?.imsUrl === '' ? `${standIn.url}/wrong` : standIn.url;
      const result = await verifyCredentials(options(imsUrl, { ...given.verify, imsUrl }));
      const step = result.steps[0];
      assert.is(result.ok, false);
      assert.is(step?.outcome, 'refused');
      assert.is(step?.diagnosis?.reason, reason);
      assert.match(step?.diagnosis?.cause ?? '', cause);
      assert.is(step?.debugId, standIn.requests[0]?.debugId);
      assert.ok((step?.diagnosis?.nextStep.length ?? 0) > 20);
      assertNoSecret(result, standIn, given.verify?.privateKeyPem);
    } finally {
      await standIn.close();
    }
  });
}

verifyCredentialsSuite('an undecodable JWT (exp as a date string) is diagnosed as malformed, through the stand-in', async () => {
  const standIn = await startImsStandIn({ bindings: [makeBinding()], now: () => NOW });
  try {
    const header = Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url');
    const payload = Buffer.from(JSON.stringify({ exp: '2026-11-23T12:05:00Z', iss: ORG_ID })).toString('base64url');
    const answer = await exchangeJwt({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, jwt: `${header}.${payload}.c2ln`, imsUrl: standIn.url, env: {} });
    if (answer.accepted) throw new Error('accepted');
    assert.is(diagnoseImsError({ flow: 'jwt', refusal: answer }).reason, 'jwt_malformed');
  } finally {
    await standIn.close();
  }
});

verifyCredentialsSuite('auto: a refused JWT is followed by OAuth Server-to-Server when scopes are configured; the verdict stays no', async () => {
  const { result, standIn } = await verifyAgainst({ standIn: { bindings: [makeBinding({ migratedToOAuth: true })] }, verify: { scopes: [...SCOPES] } });
  assert.equal(standIn.requests.map((request) => request.path), ['/ims/exchange/jwt', '/ims/token/v3']);
  assert.equal(result.steps.map((step) => [step.flow, step.outcome]), [['jwt', 'refused'], ['oauth', 'accepted']]);
  assert.is(result.ok, false);
  assert.match(result.summary, /It accepted the same client with OAuth Server-to-Server: migrate the AEM configuration to it\.$/);
  assert.match(result.jwtEndOfLife?.migration ?? '', /^Migrate to OAuth Server-to-Server/);
  assertNoSecret(result, standIn);
});

// exitCode: 3 only when IMS failed at every call; a refusal by either flow is a verdict (1).
const exitCodes: ReadonlyArray<readonly [string, readonly StandInFault[], Partial<ImsStandInOptions>, 1 | 3, string]> = [
  ['JWT 500, OAuth 500', [{ kind: 'internal_error' }, { kind: 'internal_error' }], {}, 3, 'IMS could not answer for the JWT credential: IMS failed with HTTP 500 internal_error ("Please try again later").'],
  ['JWT 500, OAuth 429', [{ kind: 'internal_error' }, { kind: 'throttle', retryAfterSeconds: 5 }], {}, 3, 'OAuth Server-to-Server failed too: IMS is throttling this client (429): it asks too often for new tokens.'],
  ['JWT 500, OAuth refuses the scopes', [{ kind: 'internal_error' }], { bindings: [makeBinding({ scopes: ['openid'] })] }, 1, 'OAuth Server-to-Server was refused too: IMS refused the scopes'],
  ['JWT 500, OAuth accepts', [{ kind: 'internal_error' }], {}, 1, 'It accepted the same client with OAuth Server-to-Server: migrate the AEM configuration to it.'],
  ['JWT refused, OAuth 503 page', [{ kind: 'raw', status: 400, contentType: 'application/json', body: '{"error":"invalid_scope"}' }, { kind: 'raw', status: 503, contentType: 'text/html', body: '<h1>503</h1>' }], {}, 1, 'OAuth Server-to-Server failed too: IMS answered HTTP 503'],
];
for (const [what, faults, standInOptions, exitCode, summary] of exitCodes) {
  verifyCredentialsSuite(`exitCode ${exitCode}: ${what}`, async () => {
    const standIn = await startImsStandIn({ bindings: [makeBinding()], now: () => NOW, ...standInOptions });
    try {
      for (const fault of faults) standIn.injectFault(fault);
      const result = await verifyCredentials(options(standIn.url, { scopes: [...SCOPES] }));
      assert.is(standIn.requests.length, 2);
      assert.equal([result.ok, result.exitCode], [false, exitCode]);
      assert.ok(result.summary.includes(summary), result.summary);
    } finally {
      await standIn.close();
    }
  });
}

verifyCredentialsSuite('exitCode 0 when accepted or offline, 1 when an offline check fails', async () => {
  assert.is((await verifyAgainst({})).result.exitCode, 0);
  assert.is((await verifyAgainst({ verify: { offline: true } })).result.exitCode, 0);
  assert.is((await verifyAgainst({ verify: { orgId: TECHNICAL_ACCOUNT_ID } })).result.exitCode, 1);
});

verifyCredentialsSuite('auto: JWT accepted → OAuth is not asked; no key → OAuth only, without the JWT notice', async () => {
  const both = await verifyAgainst({ verify: { scopes: [...SCOPES] } });
  assert.equal(both.standIn.requests.map((request) => request.path), ['/ims/exchange/jwt']);
  const oauthOnly = await verifyAgainst({ verify: { scopes: [...SCOPES], privateKeyPem: undefined } });
  assert.equal(oauthOnly.standIn.requests.map((request) => request.path), ['/ims/token/v3']);
  assert.is(oauthOnly.result.ok, true);
  assert.is(oauthOnly.result.jwtEndOfLife, undefined);
  assert.not.ok(oauthOnly.result.checks.some((check) => check.id === 'jwt-signature' || check.id === 'metascopes'));
});

verifyCredentialsSuite('--offline: the checks only, no request, ok when none fails', async () => {
  const { result, standIn } = await verifyAgainst({ verify: { offline: true } });
  assert.is(standIn.requests.length, 0);
  assert.is(result.ok, true);
  assert.is(result.offline, true);
  assert.equal(result.steps, []);
  assert.is(result.summary, 'The offline checks passed (7); IMS was not asked (--offline).');
});

verifyCredentialsSuite('a failed offline check stops before IMS; warnings do not', async () => {
  const failed = await verifyAgainst({ verify: { orgId: TECHNICAL_ACCOUNT_ID } });
  assert.is(failed.standIn.requests.length, 0);
  assert.is(failed.result.ok, false);
  assert.match(failed.result.summary, /^1 offline check failed, so IMS was not asked: The organization ID .* are swapped\.$/);
  const warned = await verifyAgainst({ verify: { metascopes: ['event_receiver_api', 'ent_adobeio_sdk', 'ent_custom_sdk'] }, standIn: { bindings: [makeBinding({ metascopes: ['event_receiver_api', 'ent_adobeio_sdk', 'ent_custom_sdk'] })] } });
  assert.is(warned.result.ok, true);
  assert.is(warned.result.checks.find((check) => check.id === 'metascopes')?.outcome, 'warn');
});

verifyCredentialsSuite("the caller's key checks come first, and a failed one stops before IMS", async () => {
  const keyChecks = [
    { id: 'keystore', outcome: 'pass' as const, message: 'keys/keystore.p12 opens; alias eventproxy holds a key and a certificate.' },
    { id: 'certificate-dates', outcome: 'fail' as const, message: 'The certificate expired on 2026-01-31.' },
  ];
  const { result, standIn } = await verifyAgainst({ verify: { keyChecks } });
  assert.equal(result.checks.slice(0, 2), keyChecks);
  assert.is(standIn.requests.length, 0);
  assert.is(result.ok, false);
});

verifyCredentialsSuite('a key that cannot sign fails the jwt-signature check offline', async () => {
  const escaped = boundKey().privateKeyPem.replace(/\n/g, '\\n');
  const { result, standIn } = await verifyAgainst({ verify: { privateKeyPem: escaped } });
  const check = result.checks.find((item) => item.id === 'jwt-signature');
  assert.is(check?.outcome, 'fail');
  assert.match(check?.message ?? '', /^The private key cannot sign the JWT: it is not a PEM private key/);
  assert.is(standIn.requests.length, 0);
  assertNoSecret(result, standIn);
});

const badOptions: ReadonlyArray<readonly [string, Partial<VerifyCredentialsOptions>, RegExp]> = [
  ['--flow jwt without a key', { flow: 'jwt', privateKeyPem: undefined }, /^--flow jwt needs the private key/],
  ['--flow oauth without scopes', { flow: 'oauth' }, /^--flow oauth needs the credential's scopes in ims\.scopes/],
  ['auto with neither key nor scopes', { privateKeyPem: undefined }, /^Nothing to verify with IMS/],
  ['the JWT flow without an organization', { orgId: undefined }, /^The JWT flow needs cloudService\.organizationId; it is missing\.$/],
  ['an unknown flow', { flow: 'saml' as never }, /`flow` to be one of auto, jwt, oauth, got 'saml'/],
  ['metascopes as a string', { metascopes: 'event_receiver_api' as never }, /`metascopes` to be a list of strings/],
  ['a relative IMS URL', { imsUrl: 'ims-na1.adobelogin.com' }, /`imsUrl` to be a URL/],
];
for (const [what, change, message] of badOptions) {
  verifyCredentialsSuite(`${what} is bad input (exit 2)`, async () => {
    try {
      await verifyCredentials(options('https://ims-na1.adobelogin.com', { fetch: () => Promise.reject(new Error('no network')), ...change }));
      assert.unreachable('should have thrown');
    } catch (error) {
      assert.instance(error, InputError);
      assert.match((error as Error).message, message);
    }
  });
}

verifyCredentialsSuite('IMS silent past the timeout → RemoteError (exit 3), bounded, without a secret', async () => {
  const standIn = await startImsStandIn({ bindings: [makeBinding()] });
  standIn.injectFault({ kind: 'hang' });
  const started = Date.now();
  try {
    await verifyCredentials(options(standIn.url, { timeoutMs: 250 }));
    assert.unreachable('should have timed out');
  } catch (error) {
    assert.instance(error, RemoteError);
    assert.is((error as RemoteError).exitCode, 3);
    assert.match((error as Error).message, /did not answer within 0\.25 s/);
    for (const text of [(error as Error).message, JSON.stringify(error), String((error as Error).stack)]) {
      assert.not.ok(text.includes(CLIENT_SECRET));
    }
  } finally {
    await standIn.close();
  }
  assert.ok(Date.now() - started < 5_000);
});

const oversized: ReadonlyArray<readonly [string, 'endless' | 'declared', string]> = [
  ['an endless chunked answer', 'endless', 'went past 4 MiB; aem-ioevents stopped reading it there'],
  ['a declared content-length of 2 GB', 'declared', 'declared 2147483648 bytes (content-length), more than 4 MiB; aem-ioevents did not read it'],
];
for (const [what, size, reason] of oversized) {
  verifyCredentialsSuite(`IMS sending ${what} → RemoteError (exit 3) at the 4 MiB cap, not at the deadline`, async () => {
    const standIn = await startImsStandIn({ bindings: [makeBinding()] });
    standIn.injectFault({ kind: 'oversized', size });
    try {
      await verifyCredentials(options(standIn.url, { timeoutMs: 60_000 }));
      assert.unreachable('should have failed');
    } catch (error) {
      assert.instance(error, RemoteError);
      assert.equal([(error as RemoteError).exitCode, (error as RemoteError).code], [3, 'E_IMS_ANSWER_TOO_LARGE']);
      assert.is(
        (error as Error).message,
        `IMS's answer was too large: the answer from ${standIn.url}/ims/exchange/jwt (HTTP 200) ${reason}. IMS answers with a few hundred bytes of JSON; check the IMS URL (--ims-url, IOEVENTS_IMS_URL), or whether a proxy answers in its place.`,
      );
      const sent = await standIn.oversized[0];
      assert.ok(sent?.dropped, 'the client dropped the connection');
      assert.ok((sent?.bytes ?? MAX_SENT_BYTES) < MAX_SENT_BYTES, `the stand-in gave up after ${sent?.bytes} bytes`);
    } finally {
      await standIn.close();
    }
  });
}

verifyCredentialsSuite('IMS unreachable → RemoteError (exit 3)', async () => {
  const port = await closedPort();
  try {
    await verifyCredentials(options(`http://127.0.0.1:${port}`));
    assert.unreachable('should have failed');
  } catch (error) {
    assert.instance(error, RemoteError);
    assert.match((error as Error).message, /ECONNREFUSED/);
  }
});

verifyCredentialsSuite.run();
