/**
 * What IMS answered to a token request, interpreted: a token (`{token_type, access_token,
 * expires_in}`: adobe/jwt-auth `README.md`, and for OAuth Server-to-Server
 * https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/ims/)
 * or a refusal (`{error_description, error}`, as adobe/jwt-auth `index.js` reads it).
 */
import { createRedactor } from '../http/redact.ts';
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

/** Interprets a raw answer; `secrets` are blanked out of every text of a refusal (body, `error`, `error_description`, `Location`, `Retry-After`). */
export function parseImsAnswer(raw: RawImsAnswer, unit: ExpiresInUnit, secrets: readonly string[]): ImsAnswer {
  const { endpoint, status, debugId, serverDate, receivedAt } = raw;
  const base = { endpoint, status, debugId, serverDate, receivedAt };
  const json = parseJsonObject(raw.text);
  const token = json && readToken(json, unit);
  if (status >= 200 && status < 300 && token) {
    const { accessToken, tokenType, expiresInMs } = token;
    const expiresInSeconds = Math.floor(expiresInMs / 1000);
    return { ...base, accepted: true, tokenType, accessToken, expiresInSeconds, expiresAt: new Date(receivedAt.getTime() + expiresInMs) };
  }
  // Every text of a refusal is the remote's (IMS, or a proxy or login page in front of it, which
  // may repeat the request's form body): blanked out here, the one place they enter, so that
  // results, summaries and messages built from them never carry the client secret or the JWT.
  const blank = createRedactor([...secrets, ...(token ? [token.accessToken] : [])]);
  const text = (value: string | undefined): string | undefined => (value === undefined ? undefined : blank(value));
  const error = typeof json?.error === 'string' ? blank(json.error) : undefined;
  return {
    ...base,
    accepted: false,
    error,
    errorDescription: typeof json?.error_description === 'string' ? blank(json.error_description) : undefined,
    // Blank out before shortening, so no cut-off piece of a secret survives.
    unexpectedBody: error === undefined ? blank(raw.text).slice(0, 300) : undefined,
    retryAfter: text(raw.retryAfter),
    location: text(raw.location),
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
