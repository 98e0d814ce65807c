/**
 * One authenticated request to an AEM instance through the package's one HTTP layer:
 * basic auth, a deadline over the whole exchange, no redirects, at most `maxAnswerBytes` of an
 * answer read. A missing answer, or one cut at that cap, is returned as a
 * {@link AemTransportFailure} rather than thrown, because the conductor decides per kind what
 * comes next (retry a refused connection, never resend after a timeout).
 */
import { adviseOnProxyAuth, type FetchLike } from '../http/http-fetch.ts';
import { getUrlSecrets, redact } from '../http/redact.ts';
import { HttpAnswerTooLargeError, sendDigestRequest, sendHttpRequest, type HttpAnswer, type HttpDigestAnswer, type HttpRequest, type HttpTransportError } from '../http/send-request.ts';
import { describeTransportFailure, type TransportFailureKind } from '../http/transport-failure.ts';
import type { AemCredentials } from './credentials.ts';

/** What every call to one instance shares. */
export interface AemConnection {
  readonly fetch: FetchLike;
  readonly credentials: AemCredentials;
  /** The proxy the calls go through, for messages and redaction. */
  readonly proxy?: string | undefined;
  /** Other secrets the calls carry (keystore passwords), for redaction. */
  readonly secrets?: readonly string[] | undefined;
  /** The most bytes of an answer that are read. @default 4 MiB (4194304) */
  readonly maxAnswerBytes?: number | undefined;
}

/** Why there was no answer. */
export interface AemTransportFailure {
  /** `timed-out` when our deadline passed; `too-large` when the answer went past the cap and was cut; otherwise how the transport failed. */
  readonly kind: TransportFailureKind | 'timed-out' | 'too-large';
  /** What happened, secrets blanked out. */
  readonly text: string;
  /** What to do, when the failure says it (which certificate check failed). */
  readonly advice?: string | undefined;
}

/** An answer, or why there was none. */
export type AemCallResult = { readonly ok: true; readonly answer: HttpAnswer } | { readonly ok: false; readonly failure: AemTransportFailure };

/** A request without the connection's pieces. */
export type AemRequest = Omit<HttpRequest, 'fetch'>;

/** Sends `request` with the connection's credentials. */
export async function callAem(connection: AemConnection, request: AemRequest): Promise<AemCallResult> {
  return callWith(connection, request, (sent) => sendHttpRequest({ ...sent, maxAnswerBytes: connection.maxAnswerBytes }));
}

/** A hashed answer, or why there was none. */
export type AemDigestResult = { readonly ok: true; readonly answer: HttpDigestAnswer } | { readonly ok: false; readonly failure: AemTransportFailure };

/**
 * Sends `request` with the connection's credentials and reads the answer through a SHA-256 (the
 * body kept only with `keepBody`), at most `maxAnswerBytes` of it (`up`'s probe of a stored package).
 */
export async function callAemForDigest(connection: AemConnection, request: AemRequest & { readonly maxAnswerBytes: number; readonly keepBody?: boolean }): Promise<AemDigestResult> {
  return callWith(connection, request, (sent) => sendDigestRequest({ ...sent, maxAnswerBytes: request.maxAnswerBytes, keepBody: request.keepBody }));
}

// The credentials in, the failures out as results: what both kinds of call share.
async function callWith<A>(connection: AemConnection, request: AemRequest, send: (request: HttpRequest) => Promise<A>): Promise<{ readonly ok: true; readonly answer: A } | { readonly ok: false; readonly failure: AemTransportFailure }> {
  const headers = { authorization: connection.credentials.authorization(), ...request.headers };
  try {
    return { ok: true, answer: await send({ ...request, headers, fetch: connection.fetch }) };
  } catch (error) {
    if (error instanceof HttpAnswerTooLargeError) return { ok: false, failure: { kind: 'too-large', text: redact(error.message, getConnectionSecrets(connection)) } };
    const transport = error as HttpTransportError;
    if (transport.timedOut) return { ok: false, failure: { kind: 'timed-out', text: `no answer within ${request.timeoutMs / 1000} s` } };
    const failure = describeTransportFailure(transport.cause, getConnectionSecrets(connection));
    const advice = failure.kind === 'proxy-auth' ? adviseOnProxyAuth(connection.proxy) : failure.advice;
    return { ok: false, failure: { kind: failure.kind, text: failure.text, advice } };
  }
}

/** Everything that must never be printed: the password in its forms, keystore passwords, a proxy password. */
export function getConnectionSecrets(connection: AemConnection): string[] {
  return [...connection.credentials.secrets(), ...(connection.secrets ?? []), ...(connection.proxy ? getUrlSecrets(connection.proxy) : [])];
}

const HINTS: Partial<Record<AemTransportFailure['kind'], string>> = {
  'proxy-auth': adviseOnProxyAuth(undefined),
  proxy: 'the proxy refused the tunnel: check HTTP_PROXY, HTTPS_PROXY and NO_PROXY',
  dns: 'check the host name of the target',
  'plain-http': 'this port speaks plain HTTP (as AEM does on 4502 unless TLS is set up): give the target with http://, or the port where AEM serves https',
};

/**
 * A redirect where an answer was asked for: AEM's login page (or an SSO or dispatcher in front of
 * AEM, or http → https), which basic auth never passes; the calls never follow redirects.
 * `location` is already redacted.
 */
export function describeAemRedirect(url: string, status: number, location: string): string {
  return `${url} answered ${status}, a redirect${location ? ` to ${location}` : ''}; give the URL AEM answers on directly (aem-ioevents logs in with basic auth, not a login page)`;
}

/** The failure's text with what to do about it, when there is something to say. */
export function describeAemFailure(failure: AemTransportFailure): string {
  // A TLS failure carries its own advice (transport-failure.ts): which check failed decides the fix.
  const hint = failure.advice ?? HINTS[failure.kind];
  return hint === undefined ? failure.text : `${failure.text}; ${hint}`;
}
