/**
 * The stand-in's JWT exchange (`/ims/exchange/jwt`, `…/jwt/`, `/ims/exchange/v1/jwt`), checked in
 * the order of ims-jwt.md §3.5: fields → client → secret → conversion → format → aud → exp →
 * alg → binding and signature → jti → metascopes; then the token of §1.4 (`expires_in` in ms).
 */
import { decodeJwt, mintAccessToken, verifyWithCertificates, type DecodedJwt } from './stand-in-jwt.ts';
import { refuse, TEXT, type ImsReply, type StandInBinding } from './stand-in-replies.ts';

/** What the exchange needs besides the request. */
export interface ExchangeContext {
  readonly bindings: readonly StandInBinding[];
  /** The base URL the claims must name (`aud`, metascope keys). */
  readonly issuerUrl: string;
  readonly now: Date;
  readonly skewSeconds: number;
  /** 401 as documented, or 400 as the token endpoints answer (ims-jwt.md §3.5 #4). */
  readonly secretErrorStatus: 400 | 401;
  /** `invalid_token` as IMS really answers, or the documented `invalid_signature`. */
  readonly signatureError: 'invalid_token' | 'invalid_signature';
  readonly usedJtis: Set<string>;
  readonly tokenLifetimeMs: number;
}

/** Answers one exchange request from its form fields. */
export function answerJwtExchange(fields: Readonly<Record<string, string>>, context: ExchangeContext): ImsReply {
  const { client_id: clientId, client_secret: clientSecret, jwt_token: token } = fields;
  if (!clientId || !clientSecret || !token) return refuse(400, 'invalid_request', TEXT.missing);
  const binding = context.bindings.find((candidate) => candidate.clientId === clientId);
  if (binding === undefined) return refuse(400, 'invalid_client', TEXT.clientId);
  if (!binding.clientSecrets.includes(clientSecret)) return refuse(context.secretErrorStatus, 'invalid_client', TEXT.clientSecret);
  if (binding.migratedToOAuth) return refuse(500, 'internal_error', TEXT.tryLater);
  const jwt = decodeJwt(token);
  if (jwt === undefined || !Number.isSafeInteger(jwt.payload.exp)) return refuse(400, 'invalid_token', TEXT.formatted);
  return checkClaims(jwt, binding, context) ?? issueToken(jwt, binding, context);
}

function checkClaims(jwt: DecodedJwt, binding: StandInBinding, context: ExchangeContext): ImsReply | undefined {
  const { payload } = jwt;
  if (payload.aud !== `${context.issuerUrl}/c/${binding.clientId}`) return refuse(400, 'invalid_client', TEXT.audience);
  if ((payload.exp as number) + context.skewSeconds < context.now.getTime() / 1000) return refuse(400, 'invalid_token', TEXT.expired);
  if (typeof payload.iss !== 'string' || typeof payload.sub !== 'string') return refuse(400, 'bad_request', TEXT.badRequest);
  const signatureRefusal = refuse(400, context.signatureError, TEXT.signature);
  if (jwt.header.alg !== 'RS256') return signatureRefusal;
  // No binding for this (iss, sub, client) is the same answer as a signature no certificate verifies.
  if (payload.iss !== binding.orgId || payload.sub !== binding.technicalAccountId) return signatureRefusal;
  if (!verifyWithCertificates(jwt, binding.certificates, context.now)) return signatureRefusal;
  if (binding.requireJti) {
    if (typeof payload.jti !== 'string' || context.usedJtis.has(payload.jti)) return refuse(400, 'invalid_jti', TEXT.jti);
    context.usedJtis.add(payload.jti);
  }
  const metascopes = readMetascopes(payload, context.issuerUrl);
  if (metascopes === undefined || metascopes.length === 0 || !metascopes.every((name) => binding.metascopes.includes(name))) {
    return refuse(400, 'invalid_scope', TEXT.metascopes);
  }
  return undefined;
}

/** Metascope names from claims `"<url>/s/<name>": true`; undefined when one names another host. */
function readMetascopes(payload: Record<string, unknown>, issuerUrl: string): string[] | undefined {
  const names: string[] = [];
  for (const [key, value] of Object.entries(payload)) {
    if (value !== true || !/^https?:\/\/[^/]+.*\/s\/[^/]+$/.test(key)) continue;
    if (!key.startsWith(`${issuerUrl}/s/`)) return undefined;
    names.push(key.slice(issuerUrl.length + 3));
  }
  return names;
}

function issueToken(jwt: DecodedJwt, binding: StandInBinding, context: ExchangeContext): ImsReply {
  const scope = readMetascopes(jwt.payload, context.issuerUrl)?.join(',') ?? '';
  const accessToken = mintAccessToken({ clientId: binding.clientId, userId: binding.technicalAccountId, scope, createdAt: context.now, expiresInMs: context.tokenLifetimeMs + 1 });
  // §1.4: {"token_type":"bearer","access_token":"…","expires_in":86399999}, milliseconds
  return { status: 200, body: { token_type: 'bearer', access_token: accessToken, expires_in: context.tokenLifetimeMs } };
}
