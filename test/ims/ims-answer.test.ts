import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseImsAnswer, redact, type ImsRefusal } from '../../src/ims/ims-answer.ts';
import type { RawImsAnswer } from '../../src/ims/ims-request.ts';

const RECEIVED = new Date('2026-11-23T12:00:00Z');

function raw(status: number, text: string, extra: Partial<RawImsAnswer> = {}): RawImsAnswer {
  return { endpoint: 'https://ims-na1.adobelogin.com/ims/exchange/jwt', status, debugId: 'dbg-1', serverDate: undefined, receivedAt: RECEIVED, retryAfter: undefined, location: undefined, text, ...extra };
}

const parseImsAnswerSuite = suite('parseImsAnswer');

parseImsAnswerSuite('the JWT exchange: expires_in 86399999 ms → 86399 s, expiresAt to the millisecond', () => {
  const answer = parseImsAnswer(raw(200, '{"token_type":"bearer","access_token":"a.b.c","expires_in":86399999}'), 'milliseconds', []);
  assert.equal(answer, {
    endpoint: 'https://ims-na1.adobelogin.com/ims/exchange/jwt',
    status: 200,
    debugId: 'dbg-1',
    serverDate: undefined,
    receivedAt: RECEIVED,
    accepted: true,
    tokenType: 'bearer',
    accessToken: 'a.b.c',
    expiresInSeconds: 86_399,
    expiresAt: new Date('2026-11-24T11:59:59.999Z'),
  });
});

parseImsAnswerSuite('/ims/token/v3: expires_in 86399 s', () => {
  const answer = parseImsAnswer(raw(200, '{"access_token":"a.b.c","token_type":"bearer","expires_in":86399}'), 'seconds', []);
  assert.is(answer.accepted && answer.expiresInSeconds, 86_399);
  assert.is(answer.accepted && answer.expiresAt.toISOString(), '2026-11-24T11:59:59.000Z');
});

parseImsAnswerSuite('expires_in as a string of digits is read (aio-lib-ims parseInt); a missing token_type is bearer', () => {
  const answer = parseImsAnswer(raw(200, '{"access_token":"a.b.c","expires_in":"3600000"}'), 'milliseconds', []);
  assert.is(answer.accepted && answer.expiresInSeconds, 3600);
  assert.is(answer.accepted && answer.tokenType, 'bearer');
});

const notTokens: ReadonlyArray<readonly [string, number, string]> = [
  ['an IMS error', 400, '{"error_description":"Could not match JWT signature to any of the bindings","error":"invalid_token"}'],
  ['200 without access_token', 200, '{"token_type":"bearer","expires_in":1}'],
  ['200 without expires_in', 200, '{"token_type":"bearer","access_token":"a.b.c"}'],
  ['a token with a 4xx status', 400, '{"token_type":"bearer","access_token":"a.b.c","expires_in":1}'],
  ['HTML', 502, '<html>Bad Gateway</html>'],
  ['a JSON array', 200, '[]'],
];
for (const [what, status, text] of notTokens) {
  parseImsAnswerSuite(`${what} is a refusal`, () => {
    assert.is(parseImsAnswer(raw(status, text), 'milliseconds', []).accepted, false);
  });
}

parseImsAnswerSuite('a refusal keeps error and error_description; no body excerpt then', () => {
  const answer = parseImsAnswer(raw(400, '{"error_description":"Could not match JWT signature to any of the bindings","error":"invalid_token"}'), 'milliseconds', []);
  assert.equal(answer.accepted ? undefined : [answer.error, answer.errorDescription, answer.unexpectedBody], ['invalid_token', 'Could not match JWT signature to any of the bindings', undefined]);
});

parseImsAnswerSuite('an access token in a non-token answer is blanked out of the excerpt', () => {
  const answer = parseImsAnswer(raw(400, '{"token_type":"bearer","access_token":"secret.token.value","expires_in":1}'), 'milliseconds', []);
  assert.is(answer.accepted ? '' : answer.unexpectedBody, '{"token_type":"bearer","access_token":"***","expires_in":1}');
});

// A gateway or a hostile IMS URL writes what it likes into these fields; the report prints them.
parseImsAnswerSuite('remote text is one line without control characters, cut to 500 characters after its secrets are blanked', () => {
  const description = `Could not match JWT\r\n\u001b[2Jsignature ${'x'.repeat(2000)}`;
  const text = JSON.stringify({ error_description: description, error: 'invalid_token\n\u001b]0;title\u0007' });
  const answer = parseImsAnswer(raw(400, text, { debugId: 'dbg\u001b[31m-1', retryAfter: '7\r\n', location: `https://x.example/\u0000${'y'.repeat(600)}` }), 'milliseconds', []);
  if (answer.accepted) throw new Error('accepted');
  assert.is(answer.errorDescription, `${`Could not match JWT [2Jsignature ${'x'.repeat(2000)}`.slice(0, 500)}…`);
  assert.is(answer.error, 'invalid_token ]0;title');
  assert.is(answer.debugId, 'dbg[31m-1');
  assert.is(answer.retryAfter, '7');
  assert.is(answer.location, `${`https://x.example/${'y'.repeat(600)}`.slice(0, 500)}…`);
});

parseImsAnswerSuite('a secret across the 500th character is blanked whole before the cut; the body excerpt is one line', () => {
  const secret = 'p8e-s3cret-value-0123';
  const answer = parseImsAnswer(raw(400, JSON.stringify({ error_description: `${'a'.repeat(490)}${secret}${'b'.repeat(100)}`, error: 'invalid_client' })), 'milliseconds', [secret]);
  assert.is(answer.accepted ? '' : answer.errorDescription, `${`${'a'.repeat(490)}***${'b'.repeat(100)}`.slice(0, 500)}…`);
  const page = parseImsAnswer(raw(502, '<html>\n  <h1>Bad\tGateway</h1>\n</html>'), 'milliseconds', []);
  assert.is(page.accepted ? '' : page.unexpectedBody, '<html> <h1>Bad Gateway</h1> </html>');
});
// A remote in front of IMS (a proxy, a login page, a test IMS) that repeats the request's form body
// back: every text of the refusal reaches VerifyResult.summary, which library callers log as is.
const FORM = 'grant_type=client_credentials&client_id=abc&client_secret=p8e-S3cret%2Bvalue';
const SECRET = 'p8e-S3cret+value';
const echoes: readonly [string, RawImsAnswer, (answer: ImsRefusal) => unknown, string][] = [
  ['the Location of a redirect', raw(302, '', { location: `https://login.example.com/?${FORM}` }), (a) => a.location, 'https://login.example.com/?grant_type=client_credentials&client_id=abc&client_secret=***'],
  ['Retry-After', raw(429, '', { retryAfter: `120 ${SECRET}` }), (a) => a.retryAfter, '120 ***'],
  ['the error field', raw(400, JSON.stringify({ error: `bad ${FORM}` })), (a) => a.error, 'bad grant_type=client_credentials&client_id=abc&client_secret=***'],
  ['error_description', raw(400, JSON.stringify({ error: 'invalid_client', error_description: SECRET })), (a) => a.errorDescription, '***'],
];
for (const [what, answer, read, expected] of echoes) {
  parseImsAnswerSuite(`a secret that the remote repeats in ${what} is blanked out`, () => {
    const parsed = parseImsAnswer(answer, 'seconds', [SECRET]);
    assert.is(parsed.accepted ? undefined : read(parsed), expected);
  });
}

parseImsAnswerSuite.run();

// ---

const redactSuite = suite('redact');

redactSuite('blanks out every occurrence of every secret; empty secrets are ignored', () => {
  assert.is(redact('a s3cret b s3cret c tok', ['s3cret', '', 'tok']), 'a *** b *** c ***');
});

redactSuite.run();
