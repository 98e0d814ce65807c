/**
 * One authenticated request to an AEM instance through the shared HTTP layer (`src/http/`):
 * basic auth, a deadline over the whole exchange, no redirects. A missing answer is returned as
 * a {@link AemTransportFailure} rather than thrown, because the conductor decides per kind what
 * comes next (retry a refused connection, never resend after a timeout).
 */
import type { FetchLike } from '../http/http-fetch.ts';
import { getUrlSecrets } from '../http/redact.ts';
import { sendHttpRequest, type HttpAnswer, type HttpRequest, type HttpTransportError } from '../http/send-request.ts';
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
}

/** Why there was no answer. */
export interface AemTransportFailure {
  /** `timed-out` when our deadline passed; otherwise how the transport failed. */
  readonly kind: TransportFailureKind | 'timed-out';
  /** What happened, secrets blanked out. */
  readonly text: string;
}

/** An answer, or why there was none. */
export type AemCallResult = { readonly ok: true; readonly answer: HttpAnswer } | { readonly ok: false; readonly failure: AemTransportFailure };

/** A request without the connection's pieces. */
export type AemRequest = Omit<HttpRequest, 'fetch'>;

/** Sends `request` with the connection's credentials. */
export async function callAem(connection: AemConnection, request: AemRequest): Promise<AemCallResult> {
  const headers = { authorization: connection.credentials.authorization(), ...request.headers };
  try {
    return { ok: true, answer: await sendHttpRequest({ ...request, headers, fetch: connection.fetch }) };
  } catch (error) {
    const transport = error as HttpTransportError;
    if (transport.timedOut) return { ok: false, failure: { kind: 'timed-out', text: `no answer within ${request.timeoutMs / 1000} s` } };
    const failure = describeTransportFailure(transport.cause, getConnectionSecrets(connection));
    return { ok: false, failure: { kind: failure.kind, text: failure.text } };
  }
}

/** Everything that must never be printed: the password in its forms, keystore passwords, a proxy password. */
export function getConnectionSecrets(connection: AemConnection): string[] {
  return [...connection.credentials.secrets(), ...(connection.secrets ?? []), ...(connection.proxy ? getUrlSecrets(connection.proxy) : [])];
}
