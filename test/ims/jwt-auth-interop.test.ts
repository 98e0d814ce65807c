// Interoperability with Adobe's own client @adobe/jwt-auth 2.0.0 (ims-jwt.md §2.4, §6.1): it gets a
// token from the stand-in (so the stand-in is faithful to what real clients send), and it builds
// the same claims as createJwtClaims for the same input, but exp/iat.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import authorize from '@adobe/jwt-auth';
import { createJwtClaims } from '../../src/ims/jwt-claims.ts';
import { signJwt } from '../../src/ims/sign-jwt.ts';
import { exchangeJwt } from '../../src/ims/exchange-jwt.ts';
import { startImsStandIn, type ImsStandIn } from './ims-stand-in.ts';
import { boundKey, CLIENT_ID, CLIENT_SECRET, makeBinding, ORG_ID, strangerKey, TECHNICAL_ACCOUNT_ID } from './credentials.ts';

const context: { standIn?: ImsStandIn } = {};
const interop = suite('@adobe/jwt-auth', context);

interop.before(async (ctx) => {
  ctx.standIn = await startImsStandIn({ bindings: [makeBinding({ metascopes: ['event_receiver_api', 'ent_adobeio_sdk', 'ent_user_sdk'] })] });
});
interop.after(async (ctx) => {
  await ctx.standIn?.close();
});

function standIn(ctx: typeof context): ImsStandIn {
  if (ctx.standIn === undefined) throw new Error('stand-in not started');
  return ctx.standIn;
}

async function jwtAuth(ims: string, metaScopes: string[], privateKey = boundKey().privateKeyPem) {
  return authorize({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, orgId: ORG_ID, technicalAccountId: TECHNICAL_ACCOUNT_ID, privateKey, metaScopes, ims });
}

function withoutTimes(claims: Record<string, unknown> | undefined): Record<string, unknown> {
  const { exp: _exp, iat: _iat, ...rest } = claims ?? {};
  return rest;
}

interop('gets a token from the stand-in: multipart POST to /ims/exchange/jwt/, expires_in in milliseconds', async (ctx) => {
  const ims = standIn(ctx);
  const answer = await jwtAuth(ims.url, ['event_receiver_api', 'ent_adobeio_sdk']);
  assert.is(answer.token_type, 'bearer');
  assert.is(answer.expires_in, 86_399_999);
  assert.is(answer.access_token.split('.').length, 3);
  const request = ims.requests.at(-1);
  assert.is(request?.path, '/ims/exchange/jwt/');
  assert.match(String(request?.headers['content-type']), /^multipart\/form-data; boundary=/);
  assert.equal(Object.keys(request?.fields ?? {}), ['client_id', 'client_secret', 'jwt_token']);
  assert.equal(request?.jwt?.header, { alg: 'RS256', typ: 'JWT' });
});

interop('our claims equal the claims jwt-auth sends for the same input, but exp and iat', async (ctx) => {
  const ims = standIn(ctx);
  const metascopes = ['event_receiver_api', 'ent_adobeio_sdk', 'ent_user_sdk'];
  await jwtAuth(ims.url, metascopes);
  const sent = ims.requests.at(-1)?.jwt?.payload;
  const ours = createJwtClaims({ orgId: ORG_ID, technicalAccountId: TECHNICAL_ACCOUNT_ID, clientId: CLIENT_ID, metascopes, imsUrl: ims.url, now: new Date() });
  assert.equal(withoutTimes({ ...ours }), withoutTimes(sent));
  assert.equal(Object.keys(withoutTimes({ ...ours })), Object.keys(withoutTimes(sent)));
  // Both put exp 300 s ahead (jwt-auth rounds, we floor): they differ by a second at most.
  assert.ok(Math.abs(ours.exp - Number(sent?.exp)) <= 1);
  // jwt-auth: exp = round(now + 300), iat = floor(now) (added by jsonwebtoken).
  assert.ok([300, 301].includes(Number(sent?.exp) - Number(sent?.iat)));
});

interop('with a full-URL metascope both keep it as is; the stand-in refuses its foreign host as IMS would', async (ctx) => {
  const ims = standIn(ctx);
  const metascopes = ['ent_adobeio_sdk', 'https://ims-na1.adobelogin.com/s/event_receiver_api'];
  try {
    await jwtAuth(ims.url, metascopes);
    assert.unreachable('jwt-auth should have been refused');
  } catch (error) {
    assert.is((error as { code?: string }).code, 'invalid_scope');
    assert.is((error as Error).message, 'The metascopes in the JWT are not a subset of the metascopes in the binding.');
  }
  const sent = ims.requests.at(-1)?.jwt?.payload;
  const ours = createJwtClaims({ orgId: ORG_ID, technicalAccountId: TECHNICAL_ACCOUNT_ID, clientId: CLIENT_ID, metascopes, imsUrl: ims.url, now: new Date() });
  assert.equal(withoutTimes({ ...ours }), withoutTimes(sent));
});

interop('jwt-auth meets the stand-in refusals with the codes real IMS gives it', async (ctx) => {
  const ims = standIn(ctx);
  try {
    await jwtAuth(ims.url, ['event_receiver_api'], strangerKey().privateKeyPem);
    assert.unreachable('jwt-auth should have been refused');
  } catch (error) {
    assert.is((error as { code?: string }).code, 'invalid_token');
    assert.is((error as Error).message, 'Could not match JWT signature to any of the bindings');
  }
});

interop('the stand-in accepts our urlencoded exchange of a token we signed, as it accepts jwt-auth', async (ctx) => {
  const ims = standIn(ctx);
  const claims = createJwtClaims({ orgId: ORG_ID, technicalAccountId: TECHNICAL_ACCOUNT_ID, clientId: CLIENT_ID, metascopes: ['event_receiver_api'], imsUrl: ims.url, now: new Date() });
  const jwt = await signJwt(claims, { privateKeyPem: boundKey().privateKeyPem });
  const answer = await exchangeJwt({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, jwt, imsUrl: ims.url, env: {} });
  assert.is(answer.accepted, true);
  const request = ims.requests.at(-1);
  assert.is(request?.path, '/ims/exchange/jwt');
  assert.is(request?.headers['content-type'], 'application/x-www-form-urlencoded;charset=UTF-8');
});

interop.run();
