import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { diagnoseImsError, getClockOffsetSeconds, type DiagnoseImsErrorOptions, type ImsFlow, type ImsRefusalReason } from '../../src/ims/diagnose.ts';

const RECEIVED = new Date('2026-11-23T12:00:00Z');

function refusal(status: number, error?: string, errorDescription?: string, extra: Partial<DiagnoseImsErrorOptions['refusal']> = {}): DiagnoseImsErrorOptions['refusal'] {
  return { endpoint: 'https://ims-na1.adobelogin.com/ims/exchange/jwt', status, error, errorDescription, serverDate: undefined, receivedAt: RECEIVED, retryAfter: undefined, location: undefined, ...extra };
}

const diagnoseImsErrorSuite = suite('diagnoseImsError');

// ims-jwt.md §3.2, §3.3: (flow, answer) → reason
const table: ReadonlyArray<readonly [ImsFlow, DiagnoseImsErrorOptions['refusal'], ImsRefusalReason]> = [
  ['jwt', refusal(401, 'invalid_client', 'invalid client_secret parameter'), 'client_secret_wrong'],
  ['jwt', refusal(401, 'invalid_client'), 'client_secret_wrong'],
  ['oauth', refusal(400, 'invalid_client', 'invalid client_secret parameter'), 'client_secret_wrong'],
  ['oauth', refusal(400, 'invalid_client', 'invalid client_id parameter'), 'client_unknown'],
  ['jwt', refusal(400, 'invalid_client'), 'client_unknown'],
  ['jwt', refusal(400, 'invalid_token', 'Could not match JWT signature to any of the bindings'), 'certificate_not_bound'],
  ['jwt', refusal(400, 'invalid_signature', 'Signature does not match'), 'certificate_not_bound'],
  ['jwt', refusal(400, 'invalid_signature'), 'certificate_not_bound'],
  ['jwt', refusal(400, 'invalid_token', 'JWT token is incorrectly formatted, and can not be decoded.'), 'jwt_malformed'],
  ['jwt', refusal(400, 'invalid_token', 'JWT token has expired'), 'clock_skew'],
  ['jwt', refusal(400, 'invalid_token', 'whatever', { serverDate: new Date(RECEIVED.getTime() + 301_000) }), 'clock_skew'],
  ['jwt', refusal(400, 'invalid_token', 'whatever', { serverDate: new Date(RECEIVED.getTime() + 20_000) }), 'jwt_rejected'],
  ['jwt', refusal(400, 'invalid_token'), 'jwt_rejected'],
  ['jwt', refusal(400, 'invalid_jti', 'jti reused'), 'jwt_replayed'],
  ['jwt', refusal(400, 'invalid_scope', 'The metascopes in the JWT are not a subset of the metascopes in the binding.'), 'metascope_not_on_credential'],
  ['oauth', refusal(400, 'invalid_scope', 'Invalid scope'), 'scope_not_on_credential'],
  ['jwt', refusal(400, 'bad_request'), 'claims_rejected'],
  ['jwt', refusal(500, 'internal_error', 'Please try again later'), 'ims_trouble'],
  ['oauth', refusal(503, 'server_error'), 'ims_trouble'],
  ['oauth', refusal(503), 'unexpected_answer'],
  ['jwt', refusal(429, 'too_many_requests', undefined, { retryAfter: '7' }), 'ims_trouble'],
  ['jwt', refusal(404), 'unexpected_answer'],
  ['jwt', refusal(302, undefined, undefined, { location: 'https://elsewhere.example/' }), 'unexpected_answer'],
  ['jwt', refusal(400, 'unsupported_grant_type'), 'unexpected_answer'],
  ['jwt', refusal(200), 'unexpected_answer'],
];
for (const [flow, answer, reason] of table) {
  diagnoseImsErrorSuite(`${flow}: ${answer.status} ${answer.error ?? '(no error)'} ${answer.errorDescription ?? ''} → ${reason}`, () => {
    const diagnosis = diagnoseImsError({ flow, refusal: answer, clientId: '0123456789abcdef0123456789abcdef' });
    assert.is(diagnosis.reason, reason);
    assert.ok(diagnosis.cause.length > 20 && diagnosis.nextStep.length > 20);
  });
}

diagnoseImsErrorSuite('a wrong secret names the client ID and where the secret goes', () => {
  const diagnosis = diagnoseImsError({ flow: 'jwt', refusal: refusal(401, 'invalid_client'), clientId: 'abc' });
  assert.is(diagnosis.cause, "IMS does not accept the client secret for client ID 'abc': it is wrong, or it was rotated in the Adobe Developer Console.");
  assert.match(diagnosis.nextStep, /IOEVENTS_CLIENT_SECRET/);
});

diagnoseImsErrorSuite('the signature class names certificate, organization and technical account', () => {
  const diagnosis = diagnoseImsError({ flow: 'jwt', refusal: refusal(400, 'invalid_token', 'Could not match JWT signature to any of the bindings'), orgId: 'O@AdobeOrg', technicalAccountId: 'T@techacct.adobe.com' });
  assert.is(
    diagnosis.cause,
    "IMS found no certificate on the credential that verifies this JWT for organization 'O@AdobeOrg' and technical account 'T@techacct.adobe.com': the certificate of this private key was not uploaded, was replaced by another or has expired, or the organization or technical account ID belongs to another credential.",
  );
  assert.match(diagnosis.nextStep, /^Upload the certificate of this key/);
});

diagnoseImsErrorSuite('an expired certificate is named first when the caller gives its notAfter', () => {
  const diagnosis = diagnoseImsError({ flow: 'jwt', refusal: refusal(400, 'invalid_token', 'Could not match JWT signature to any of the bindings'), certificateNotAfter: new Date('2026-01-31T00:00:00Z') });
  assert.match(diagnosis.cause, /^The certificate of this key expired on 2026-01-31T00:00:00\.000Z, and IMS does not match expired certificates\. /);
  const valid = diagnoseImsError({ flow: 'jwt', refusal: refusal(400, 'invalid_token', 'Could not match JWT signature to any of the bindings'), certificateNotAfter: new Date('2027-01-31T00:00:00Z') });
  assert.match(valid.cause, /^IMS found no certificate/);
});

diagnoseImsErrorSuite('clock skew gives the measured offset from the Date header', () => {
  const behind = diagnoseImsError({ flow: 'jwt', refusal: refusal(400, 'invalid_token', 'x', { serverDate: new Date(RECEIVED.getTime() + 600_000) }) });
  assert.is(behind.cause, "IMS found the JWT expired: this machine's clock is 600 s behind IMS's clock, and the JWT is valid for 300 s from this machine's time.");
  const unknown = diagnoseImsError({ flow: 'jwt', refusal: refusal(400, 'invalid_token', 'JWT token has expired'), jwtLifetimeSeconds: 180 });
  assert.is(unknown.cause, "IMS found the JWT expired: this machine's clock is probably behind IMS's clock, and the JWT is valid for 180 s from this machine's time.");
  // Clocks that agree cannot have expired the JWT: not "0 s behind".
  const agreeing = diagnoseImsError({ flow: 'jwt', refusal: refusal(400, 'invalid_token', 'JWT token has expired', { serverDate: RECEIVED }) });
  assert.is(agreeing.reason, 'clock_skew');
  assert.is(agreeing.cause, "IMS found the JWT expired, although this machine's clock is within 0 s of IMS's and the JWT is valid for 300 s: it was signed with an earlier time than now, or took longer than that to reach IMS.");
});

diagnoseImsErrorSuite('internal_error on the JWT exchange mentions the conversion to OAuth; on OAuth it does not', () => {
  const jwt = diagnoseImsError({ flow: 'jwt', refusal: refusal(500, 'internal_error', 'Please try again later') });
  assert.is(jwt.cause, 'IMS failed with HTTP 500 internal_error ("Please try again later"). IMS also answers a JWT exchange this way when the JWT credential was converted to OAuth Server-to-Server.');
  assert.match(jwt.nextStep, /--flow oauth/);
  const oauth = diagnoseImsError({ flow: 'oauth', refusal: refusal(500, 'internal_error', 'Please try again later') });
  assert.not.match(oauth.cause, /converted/);
});

// Retry-After is delta-seconds or an HTTP-date (RFC 9110 §10.2.3); anything else says nothing.
const retryAfters: ReadonlyArray<readonly [string, string]> = [
  ['7', 'Wait 7 s (Retry-After) before the next try'],
  [new Date(RECEIVED.getTime() + 120_000).toUTCString(), 'Wait 120 s (Retry-After) before the next try'],
  [new Date(RECEIVED.getTime() - 60_000).toUTCString(), 'Wait a few minutes before the next try'],
  ['soon', 'Wait a few minutes before the next try'],
  ['-5', 'Wait a few minutes before the next try'],
];
for (const [retryAfter, wait] of retryAfters) {
  diagnoseImsErrorSuite(`Retry-After ${JSON.stringify(retryAfter)} → "${wait}"`, () => {
    assert.ok(diagnoseImsError({ flow: 'oauth', refusal: refusal(429, undefined, undefined, { retryAfter }) }).nextStep.startsWith(`${wait};`));
  });
}

diagnoseImsErrorSuite('throttling quotes Retry-After; a redirect names its target', () => {
  assert.match(diagnoseImsError({ flow: 'oauth', refusal: refusal(429, undefined, undefined, { retryAfter: '7' }) }).nextStep, /^Wait 7 s \(Retry-After\)/);
  assert.match(diagnoseImsError({ flow: 'jwt', refusal: refusal(301, undefined, undefined, { location: 'https://x.example/' }) }).cause, /redirected \(301\) to https:\/\/x\.example\//);
});

diagnoseImsErrorSuite('invalid_scope lists what was asked for', () => {
  assert.match(diagnoseImsError({ flow: 'jwt', refusal: refusal(400, 'invalid_scope'), metascopes: ['event_receiver_api', 'ent_user_sdk'] }).cause, /\[event_receiver_api, ent_user_sdk\]/);
  assert.match(diagnoseImsError({ flow: 'oauth', refusal: refusal(400, 'invalid_scope'), scopes: ['openid', 'read_pc'] }).cause, /\[openid, read_pc\]/);
});

diagnoseImsErrorSuite.run();

// ---

const getClockOffsetSecondsSuite = suite('getClockOffsetSeconds');

getClockOffsetSecondsSuite('IMS clock minus ours, rounded; undefined without a Date header', () => {
  assert.is(getClockOffsetSeconds({ serverDate: new Date(RECEIVED.getTime() + 600_400), receivedAt: RECEIVED }), 600);
  assert.is(getClockOffsetSeconds({ serverDate: new Date(RECEIVED.getTime() - 90_000), receivedAt: RECEIVED }), -90);
  assert.is(getClockOffsetSeconds({ serverDate: undefined, receivedAt: RECEIVED }), undefined);
});

getClockOffsetSecondsSuite.run();
