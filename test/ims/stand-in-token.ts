/**
 * The stand-in's client-credentials endpoints `/ims/token/v2|v3|v4` (OAuth Server-to-Server,
 * ims-jwt.md §4.3): fields from the body or the query, scopes a subset of the credential's,
 * `{"access_token","token_type","expires_in"}` with `expires_in` in seconds.
 */
import { mintAccessToken } from './stand-in-jwt.ts';
import { refuse, TEXT, type ImsReply, type StandInBinding } from './stand-in-replies.ts';

/** What the token endpoint needs besides the request. */
export interface TokenContext {
  readonly bindings: readonly StandInBinding[];
  readonly now: Date;
  readonly tokenLifetimeSeconds: number;
}

/** Answers one client-credentials request. */
export function answerClientCredentials(fields: Readonly<Record<string, string>>, context: TokenContext): ImsReply {
  const { grant_type: grantType, client_id: clientId, client_secret: clientSecret, scope = '' } = fields;
  if (grantType !== 'client_credentials') return refuse(400, 'unsupported_grant_type', TEXT.grantType);
  const binding = context.bindings.find((candidate) => candidate.clientId === clientId);
  if (binding === undefined) return refuse(400, 'invalid_client', TEXT.clientId);
  if (clientSecret === undefined || !binding.clientSecrets.includes(clientSecret)) return refuse(400, 'invalid_client', TEXT.clientSecret);
  const scopes = scope.split(',').map((item) => item.trim()).filter((item) => item !== '');
  const granted = binding.scopes ?? [];
  if (scopes.length === 0 || !scopes.every((item) => granted.includes(item))) return refuse(400, 'invalid_scope', TEXT.scope);
  const accessToken = mintAccessToken({
    clientId: binding.clientId,
    userId: binding.technicalAccountId,
    scope: scopes.join(','),
    createdAt: context.now,
    expiresInMs: (context.tokenLifetimeSeconds + 1) * 1000,
  });
  return { status: 200, body: { access_token: accessToken, token_type: 'bearer', expires_in: context.tokenLifetimeSeconds } };
}
