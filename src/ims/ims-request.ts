/**
 * One form POST to IMS through the shared {@link sendHttpRequest} (a deadline over the whole
 * exchange, no redirects, at most 4 MiB of an answer read). Transport failures and answers over
 * that cap become `RemoteError` (exit 3); every other HTTP answer, refusals included, is returned.
 */
import { describeValue, InputError } from '../errors.ts';
import { DEFAULT_IMS_URL, normalizeImsUrl } from './ims-url.ts';
import { getProxyFor } from '../http/http-fetch.ts';
import { createImsFetch, getProxySettings, type FetchLike } from './ims-fetch.ts';
import { HttpAnswerTooLargeError, sendHttpRequest, type HttpAnswer, type HttpTransportError } from '../http/send-request.ts';
import { toRemoteError, tooLargeError } from './transport-error.ts';

/** The default timeout of every IMS call. */
export const DEFAULT_IMS_TIMEOUT_MS = 10_000;

/** The HTTP pieces every IMS call takes, with defaults; tests pin them. */
export interface ImsCallOptions {
  /** IMS base URL (normalized: no trailing slash). @default 'https://ims-na1.adobelogin.com' */
  readonly imsUrl?: string;
  /** The HTTP client. @default global fetch, or undici through the proxy named in `env` */
  readonly fetch?: FetchLike;
  /** Environment for `HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Milliseconds until the call is given up. @default 10000 */
  readonly timeoutMs?: number;
  /** The clock for the token's expiry. @default () => new Date() */
  readonly now?: () => Date;
}

/** An HTTP answer from IMS before interpretation. */
export interface RawImsAnswer {
  readonly endpoint: string;
  readonly status: number;
  /** IMS's request id (`x-debug-id`, as adobe/ims-go `ims/client.go` keeps it), for Adobe support. */
  readonly debugId: string | undefined;
  /** IMS's clock (`Date` header), to tell clock skew apart. */
  readonly serverDate: Date | undefined;
  /** When the answer arrived, by `now`. */
  readonly receivedAt: Date;
  /** `Retry-After`, sent with throttling and faults (adobe/ims-go reads it). */
  readonly retryAfter: string | undefined;
  /** `Location` of a redirect; redirects are not followed, so the secret never goes elsewhere. */
  readonly location: string | undefined;
  readonly text: string;
}

/** Input of {@link postImsForm}. */
export interface PostImsFormOptions {
  readonly url: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  readonly now: () => Date;
  /** Whether a proxy may be in the way, for the error message. */
  readonly proxy?: string | undefined;
}

/** POSTs `fields` as `application/x-www-form-urlencoded` (AdobeDocs/adobeio-auth `JWT/JWT.md`) and reads the whole answer. */
export async function postImsForm(options: PostImsFormOptions): Promise<RawImsAnswer> {
  const { url, fields, fetch, timeoutMs, now } = options;
  let answer: HttpAnswer;
  try {
    answer = await sendHttpRequest({ url, method: 'POST', headers: { accept: 'application/json' }, body: new URLSearchParams(fields), fetch, timeoutMs });
  } catch (error) {
    if (error instanceof HttpAnswerTooLargeError) throw tooLargeError(error, options.proxy);
    const transport = error as HttpTransportError;
    throw toRemoteError(transport.cause, { url, timeoutMs, timedOut: transport.timedOut, proxy: options.proxy });
  }
  const { headers, status, text } = answer;
  const date = headers.get('date');
  const serverDate = date === null ? undefined : new Date(date);
  return {
    endpoint: url,
    status,
    debugId: headers.get('x-debug-id') ?? undefined,
    serverDate: serverDate && !Number.isNaN(serverDate.getTime()) ? serverDate : undefined,
    receivedAt: now(),
    retryAfter: headers.get('retry-after') ?? undefined,
    location: headers.get('location') ?? undefined,
    text,
  };
}

/** Runs `call` with the caller's fetch, or with one made for `env` (proxies) that is closed afterwards. */
export async function withImsFetch<T>(options: ImsCallOptions, call: (fetch: FetchLike, proxy: string | undefined) => Promise<T>): Promise<T> {
  if (options.fetch) return call(options.fetch, undefined);
  const env = options.env ?? process.env;
  const settings = getProxySettings(env);
  const imsFetch = await createImsFetch(env);
  try {
    // The proxy named in messages is the one the call takes (none when NO_PROXY names IMS's host).
    return await call(imsFetch.fetch, getProxyFor(options.imsUrl ?? DEFAULT_IMS_URL, settings));
  } finally {
    await imsFetch.close();
  }
}

/** Applies the defaults shared by the IMS calls and validates them (execa's normalizeOptions). */
export function normalizeCallOptions(options: ImsCallOptions): { imsUrl: string; timeoutMs: number; now: () => Date } {
  const { imsUrl = DEFAULT_IMS_URL, timeoutMs = DEFAULT_IMS_TIMEOUT_MS, now = () => new Date() } = options;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new InputError(`Expected \`timeoutMs\` to be a positive number of milliseconds, got ${describeValue(timeoutMs)}`, { code: 'E_IMS_TIMEOUT_OPTION' });
  }
  return { imsUrl: normalizeImsUrl(imsUrl), timeoutMs, now };
}

/** Throws `InputError` naming the first field that is not a non-empty string; never shows a value (they are secrets). */
export function requireStrings(fields: Readonly<Record<string, unknown>>): void {
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== 'string' || value === '') {
      throw new InputError(`Expected \`${name}\` to be a non-empty string, got ${typeof value === 'string' ? 'an empty string' : typeof value}`, { code: 'E_IMS_FIELD' });
    }
  }
}
