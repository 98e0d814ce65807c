/**
 * What IMS answered to a token request, interpreted: a token (`{token_type, access_token,
 * expires_in}`: adobe/jwt-auth `README.md`, and for OAuth Server-to-Server
 * https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/ims/)
 * or a refusal (`{error_description, error}`, as adobe/jwt-auth `index.js` reads it).
 */
import { createRemoteTextCleaner } from '../http/remote-text.ts';
import type { RawImsAnswer } from './ims-request.ts';

export { redact } from '../http/redact.ts';

/**
 * Unit of `expires_in`: milliseconds for the JWT exchange (adobe/ims-go `ims/exchange_jwt.go`),
 * seconds for `/ims/token/v3`
 * (https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/ims/).
 */
export type ExpiresInUnit = 'milliseconds' | 'seconds';

interface ImsAnswerBase {
  /** The URL that was called. */
  readonly endpoint: string;
  readonly status: number;
  /** IMS's `x-debug-id`. */
  readonly debugId: string | undefined;
  /** IMS's clock from the `Date` header. */
  readonly serverDate: Date | undefined;
  /** When the answer arrived, by the caller's clock. */
  readonly receivedAt: Date;
}

/** IMS issued a token. The only object of this module that holds a secret: `accessToken`. */
export interface ImsTokenAnswer extends ImsAnswerBase {
  readonly accepted: true;
  /** `token_type`, `bearer` in practice. */
  readonly tokenType: string;
  /** The access token itself; a secret, never put into results or messages. */
  readonly accessToken: string;
  /** `expires_in` converted to whole seconds. */
  readonly expiresInSeconds: number;
  /** `receivedAt` + `expires_in`. */
  readonly expiresAt: Date;
}

/** IMS did not issue a token: an error answer, or anything that is not a token. */
export interface ImsRefusal extends ImsAnswerBase {
  readonly accepted: false;
  /** `error`, e.g. `invalid_token`; absent when the body is not IMS's error shape. */
  readonly error: string | undefined;
  /** `error_description`, free text. */
  readonly errorDescription: string | undefined;
  /** The start of a body that is not IMS's error shape (redacted), for the report. */
  readonly unexpectedBody: string | undefined;
  /** `Retry-After` header of a throttled or failing answer, if any. */
  readonly retryAfter: string | undefined;
  /** `Location` header of a redirect, if any. */
  readonly location: string | undefined;
}

/** A token or a refusal. */
export type ImsAnswer = ImsTokenAnswer | ImsRefusal;

/** The start of a body that is not IMS's error shape, kept for the report. */
const UNEXPECTED_BODY_CHARS = 300;

/**
 * Interprets a raw answer. Every text IMS (or whatever answered) wrote that the result keeps is
 * cleaned once here: `secrets` blanked, one line, cut to 500 characters.
 */
export function parseImsAnswer(raw: RawImsAnswer, unit: ExpiresInUnit, secrets: readonly string[]): ImsAnswer {
  const { endpoint, status, serverDate, receivedAt } = raw;
  const json = parseJsonObject(raw.text);
  const token = json && readToken(json, unit);
  const clean = createRemoteTextCleaner([...secrets, ...(token ? [token.accessToken] : [])]);
  const base = { endpoint, status, debugId: clean(raw.debugId), serverDate, receivedAt };
  if (status >= 200 && status < 300 && token) {
    const { accessToken, tokenType, expiresInMs } = token;
    const expiresInSeconds = Math.floor(expiresInMs / 1000);
    return { ...base, accepted: true, tokenType, accessToken, expiresInSeconds, expiresAt: new Date(receivedAt.getTime() + expiresInMs) };
  }
  const error = typeof json?.error === 'string' ? clean(json.error) : undefined;
  return {
    ...base,
    accepted: false,
    error,
    errorDescription: typeof json?.error_description === 'string' ? clean(json.error_description) : undefined,
    unexpectedBody: error === undefined ? createRemoteTextCleaner([...secrets, ...(token ? [token.accessToken] : [])], UNEXPECTED_BODY_CHARS)(raw.text) : undefined,
    retryAfter: clean(raw.retryAfter),
    location: clean(raw.location),
  };
}

function readToken(json: Record<string, unknown>, unit: ExpiresInUnit): { accessToken: string; tokenType: string; expiresInMs: number } | undefined {
  const { access_token: accessToken, token_type: tokenType, expires_in: expiresIn } = json;
  // aio-lib-ims reads numbers given as strings with parseInt; accept both.
  const amount = typeof expiresIn === 'string' && /^\d+$/.test(expiresIn) ? Number(expiresIn) : expiresIn;
  if (typeof accessToken !== 'string' || accessToken === '' || typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) return undefined;
  const expiresInMs = unit === 'milliseconds' ? amount : amount * 1000;
  return {
    accessToken,
    tokenType: typeof tokenType === 'string' && tokenType !== '' ? tokenType : 'bearer',
    expiresInMs,
  };
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
