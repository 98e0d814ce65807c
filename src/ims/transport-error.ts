/**
 * Transport failures of an IMS call as `RemoteError` (exit 3): a timeout, a refused or failed
 * connection, a proxy that says no, an answer too large to read. Each message names IMS's URL and the proxy (never its
 * password) and says what to try (failures users met: adobe/reactor-uploader#46 and #56,
 * AdobeDocs/adobe-dev-console#53).
 */
import { RemoteError } from '../errors.ts';
import type { HttpAnswerTooLargeError } from '../http/answer-cap.ts';
import { adviseOnProxyAuth, describeProxy } from '../http/http-fetch.ts';
import { getUrlSecrets } from '../http/redact.ts';
import { describeTransportFailure, type TransportFailureKind } from '../http/transport-failure.ts';

/** What was tried when the call failed. */
export interface FailureContext {
  readonly url: string;
  readonly timeoutMs: number;
  readonly timedOut: boolean;
  readonly proxy: string | undefined;
}

/** The `RemoteError` for a failed call; `timedOut` when our own timer aborted it. */
export function toRemoteError(error: unknown, context: FailureContext): RemoteError {
  const { url, timeoutMs, timedOut, proxy } = context;
  const where = `IMS at ${url}`;
  if (timedOut) {
    return new RemoteError(`${where} did not answer within ${timeoutMs / 1000} s. Check the network${proxy ? ` and the proxy ${describeProxy(proxy)}` : ' (behind a proxy, set HTTPS_PROXY)'}, or try again later.`, { code: 'E_IMS_TIMEOUT', cause: error });
  }
  // The proxy URL may carry a password; no library message should ever repeat it.
  const failure = describeTransportFailure(error, proxy ? getUrlSecrets(proxy) : []);
  const via = proxy ? ` through the proxy ${describeProxy(proxy)}` : '';
  // A TLS failure carries its own advice (transport-failure.ts): which check failed decides the fix.
  const advice = failure.kind === 'proxy-auth' ? adviseOnProxyAuth(proxy) : failure.advice;
  const hint = advice ? `${advice[0]!.toUpperCase()}${advice.slice(1)}.` : HINTS[failure.kind];
  return new RemoteError(`Could not reach ${where}${via}: ${failure.text}. ${hint}`, { code: 'E_IMS_UNREACHABLE', cause: error });
}

/**
 * The `RemoteError` for an answer cut at the cap on answers (4 MiB). IMS answers
 * with a few hundred bytes of JSON (a token or an error): anything that large is not IMS speaking.
 */
export function tooLargeError(error: HttpAnswerTooLargeError, proxy: string | undefined): RemoteError {
  const suspect = proxy ? `the proxy ${describeProxy(proxy)}` : 'a proxy';
  const message = `IMS's answer was too large: ${error.message}. IMS answers with a few hundred bytes of JSON; check the IMS URL (--ims-url, IOEVENTS_IMS_URL), or whether ${suspect} answers in its place.`;
  return new RemoteError(message, { code: 'E_IMS_ANSWER_TOO_LARGE', cause: error });
}

const DEFAULT_HINT = 'Check the IMS URL, the network and HTTPS_PROXY/NO_PROXY, then try again.';

const HINTS: Readonly<Record<TransportFailureKind, string>> = {
  'proxy-auth': 'The proxy wants credentials: give them in the proxy URL (http://user:password@host:port).',
  proxy: 'The proxy refused the connection to IMS; check HTTPS_PROXY and NO_PROXY.',
  dns: 'Check the IMS URL (--ims-url, IOEVENTS_IMS_URL) and DNS.',
  tls: 'A TLS-intercepting proxy? Give Node its certificate authority with NODE_EXTRA_CA_CERTS.',
  'plain-http': 'That port speaks plain HTTP: check the IMS URL (--ims-url, IOEVENTS_IMS_URL, ims.url); a local IMS stand-in takes http:// on loopback.',
  refused: DEFAULT_HINT,
  lost: DEFAULT_HINT,
  other: DEFAULT_HINT,
};
