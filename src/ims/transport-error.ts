/**
 * Transport failures of an IMS call as `RemoteError` (exit 3): a timeout, a refused or failed
 * connection, a proxy that says no. Each message names IMS's URL and the proxy (never its
 * password) and says what to try (ims-jwt.md §3.4, §5.5).
 */
import { RemoteError } from '../errors.ts';
import { redact } from './ims-answer.ts';
import { describeProxy } from './ims-fetch.ts';

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
  const reason = describeTransportFailure(error);
  const via = proxy ? ` through the proxy ${describeProxy(proxy)}` : '';
  // The proxy URL may carry a password; no library message should ever repeat it.
  const text = redact(reason.text, proxy ? getProxySecrets(proxy) : []);
  return new RemoteError(`Could not reach ${where}${via}: ${text}. ${reason.hint}`, { code: 'E_IMS_UNREACHABLE', cause: error });
}

function getProxySecrets(proxy: string): string[] {
  try {
    const url = new URL(proxy);
    return [url.password, decodeURIComponent(url.password)].filter((secret) => secret !== '');
  } catch {
    return [];
  }
}

// fetch rejects with TypeError('fetch failed'); the reason is the innermost cause (system or undici error).
function describeTransportFailure(error: unknown): { text: string; hint: string } {
  let cause: unknown = error;
  for (let depth = 0; depth < 5 && cause instanceof Error && cause.cause !== undefined; depth++) cause = cause.cause;
  const code = typeof (cause as { code?: unknown })?.code === 'string' ? (cause as { code: string }).code : undefined;
  const message = cause instanceof Error ? cause.message : String(cause);
  const text = code && !message.includes(code) && !code.startsWith('UND_ERR') ? `${code} (${message})` : message;
  if (/Proxy response \(407\)/.test(message)) return { text, hint: 'The proxy wants credentials: give them in the proxy URL (http://user:password@host:port).' };
  if (/Proxy response/.test(message)) return { text, hint: 'The proxy refused the connection to IMS; check HTTPS_PROXY and NO_PROXY.' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { text, hint: 'Check the IMS URL (--ims-url, IOEVENTS_IMS_URL) and DNS.' };
  if (code !== undefined && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return { text, hint: 'A TLS-intercepting proxy? Give Node its certificate authority with NODE_EXTRA_CA_CERTS.' };
  }
  return { text, hint: 'Check the IMS URL, the network and HTTPS_PROXY/NO_PROXY, then try again.' };
}
