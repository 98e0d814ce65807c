/**
 * The JWT exchange: `POST <ims>/ims/exchange/jwt` with `client_id`, `client_secret`, `jwt_token`
 * as `application/x-www-form-urlencoded` (AdobeDocs/adobeio-auth `JWT/JWT.md`). Its `expires_in`
 * is in milliseconds (adobe/ims-go `ims/exchange_jwt.go`).
 */
import { parseImsAnswer, type ImsAnswer } from './ims-answer.ts';
import { normalizeCallOptions, postImsForm, requireStrings, withImsFetch, type ImsCallOptions } from './ims-request.ts';

/** The documented exchange path (AdobeDocs/adobeio-auth `JWT/JWT.md`). */
export const JWT_EXCHANGE_PATH = '/ims/exchange/jwt';

/** Input of {@link exchangeJwt}. */
export interface ExchangeJwtOptions extends ImsCallOptions {
  readonly clientId: string;
  /** The client secret; never printed. */
  readonly clientSecret: string;
  /** The signed JWT (see `signJwt`); never printed. */
  readonly jwt: string;
}

/**
 * Exchanges a signed JWT for an access token. Resolves with IMS's answer, a token or a refusal;
 * rejects with `RemoteError` when IMS cannot be reached or does not answer within `timeoutMs`.
 */
export async function exchangeJwt(options: ExchangeJwtOptions): Promise<ImsAnswer> {
  const { clientId, clientSecret, jwt } = options;
  requireStrings({ clientId, clientSecret, jwt });
  const { imsUrl, timeoutMs, now } = normalizeCallOptions(options);
  return withImsFetch(options, async (fetch, proxy) => {
    const raw = await postImsForm({
      url: `${imsUrl}${JWT_EXCHANGE_PATH}`,
      fields: { client_id: clientId, client_secret: clientSecret, jwt_token: jwt },
      fetch,
      timeoutMs,
      now,
      proxy,
    });
    return parseImsAnswer(raw, 'milliseconds', [clientSecret, jwt]);
  });
}
