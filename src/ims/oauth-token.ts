/**
 * OAuth Server-to-Server, the successor of the JWT credential: `POST <ims>/ims/token/v3` with
 * `grant_type=client_credentials`, `client_id`, `client_secret` and `scope` (comma-separated),
 * urlencoded (https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/ims/).
 * Its `expires_in` is in seconds.
 */
import { describeValue, InputError } from '../errors.ts';
import { parseImsAnswer, type ImsAnswer } from './ims-answer.ts';
import { normalizeCallOptions, postImsForm, requireStrings, withImsFetch, type ImsCallOptions } from './ims-request.ts';

/** The client-credentials token path (AdobeDocs/adobe-dev-console `ServerToServerAuthentication/ims.md`). */
export const OAUTH_TOKEN_PATH = '/ims/token/v3';

/** Input of {@link requestOAuthToken}. */
export interface OAuthTokenOptions extends ImsCallOptions {
  readonly clientId: string;
  /** The client secret; never printed. */
  readonly clientSecret: string;
  /** Scopes of the credential, e.g. `openid`, `AdobeID`, `read_organizations`; at least one. */
  readonly scopes: readonly string[];
}

/**
 * Asks IMS for a client-credentials token. Resolves with IMS's answer, a token or a refusal;
 * rejects with `RemoteError` when IMS cannot be reached or does not answer within `timeoutMs`.
 */
export async function requestOAuthToken(options: OAuthTokenOptions): Promise<ImsAnswer> {
  const { clientId, clientSecret, scopes } = options;
  requireStrings({ clientId, clientSecret });
  validateScopes(scopes);
  const { imsUrl, timeoutMs, now } = normalizeCallOptions(options);
  return withImsFetch(options, async (fetch, proxy) => {
    const raw = await postImsForm({
      url: `${imsUrl}${OAUTH_TOKEN_PATH}`,
      fields: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: scopes.join(',') },
      fetch,
      timeoutMs,
      now,
      proxy,
    });
    return parseImsAnswer(raw, 'seconds', [clientSecret]);
  });
}

function validateScopes(scopes: unknown): void {
  // A string would be joined character by character (aio-cli#696: `scopes.join is not a function`)
  const valid = Array.isArray(scopes) && scopes.length > 0 && scopes.every((scope) => typeof scope === 'string' && /^[^\s,]+$/.test(scope));
  if (!valid) {
    throw new InputError(`Expected \`scopes\` to be a non-empty list of scope names without spaces or commas, got ${describeValue(scopes)}`, { code: 'E_IMS_SCOPES' });
  }
}
