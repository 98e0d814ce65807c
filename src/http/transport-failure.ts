/**
 * Why a request got no HTTP answer, read from what `fetch` rejects with: `TypeError('fetch
 * failed')` whose innermost `cause` is a system error (`ECONNREFUSED`) or an undici error
 * (`UND_ERR_SOCKET`). The kind decides what a caller may do next: only a refused connection
 * proves that nothing reached the remote, so only that may be retried for a request that changes
 * something (never send an install again after a timeout; Adobe's Package Manager page says "Do not
 * retry the installation": https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/implementing/developer-tools/package-manager).
 */
import { redact } from './redact.ts';

/** What went wrong, by what a caller can do about it. */
export type TransportFailureKind =
  /** The connection was refused: nothing was sent. */
  | 'refused'
  /** The host name does not resolve. */
  | 'dns'
  /** TLS could not be set up (certificate, protocol). */
  | 'tls'
  /** An https:// URL whose port answers plain HTTP (AEM's 4502): nothing was sent. */
  | 'plain-http'
  /** The proxy wants credentials (407). */
  | 'proxy-auth'
  /** The proxy refused or failed the tunnel. */
  | 'proxy'
  /** The connection broke after it was made (reset, closed mid-answer): the request may have arrived. */
  | 'lost'
  /** Anything else. */
  | 'other';

/** A transport failure, described. */
export interface TransportFailure {
  readonly kind: TransportFailureKind;
  /** The system or undici error code, if any (`ECONNREFUSED`, `UND_ERR_SOCKET`). */
  readonly code: string | undefined;
  /** The innermost message, with its code, secrets blanked out. */
  readonly text: string;
  /** What to do, when the failure itself says it (a TLS failure: which certificate check failed); lower case, no final period. */
  readonly advice?: string | undefined;
}

const LOST_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_ABORTED']);

/** Describes what `fetch` (or reading its body) rejected with; `secrets` are blanked out of the text. */
export function describeTransportFailure(error: unknown, secrets: readonly string[] = []): TransportFailure {
  let cause: unknown = error;
  for (let depth = 0; depth < 5 && cause instanceof Error && cause.cause !== undefined; depth++) cause = cause.cause;
  const code = typeof (cause as { code?: unknown })?.code === 'string' ? (cause as { code: string }).code : undefined;
  const message = cause instanceof Error ? cause.message : String(cause);
  const kind = classify(code, message);
  // OpenSSL's own line (an address, a source file of Node's build) says nothing a user can act on.
  if (kind === 'plain-http') return { kind, code, text: PLAIN_HTTP_TEXT };
  const raw = code && !message.includes(code) && !code.startsWith('UND_ERR') ? `${code} (${message})` : message;
  return { kind, code, text: redact(raw, secrets), ...(kind === 'tls' && { advice: adviseOnTls(code) }) };
}

// OpenSSL's verification codes, as Node names them (`tls.TLSSocket.authorizationError`). Only an
// unknown authority is cured by NODE_EXTRA_CA_CERTS; pointing to it for an expired certificate
// or another host's certificate sends users after the wrong fix.
const UNTRUSTED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED']);

const TLS_ADVICE: Readonly<Record<string, string>> = {
  CERT_HAS_EXPIRED: "the server's certificate has expired: renew it on the server (NODE_EXTRA_CA_CERTS cannot help), or check this machine's clock",
  CERT_NOT_YET_VALID: "the server's certificate is not valid yet: check this machine's clock, or the certificate's start date",
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is for another host name: use a URL with a host name the certificate names (NODE_EXTRA_CA_CERTS cannot help)',
};

const UNTRUSTED_ADVICE = "the certificate is signed by no authority Node trusts (a self-signed certificate, or a TLS-intercepting proxy): set NODE_EXTRA_CA_CERTS to a PEM file with the authority's certificate";

function adviseOnTls(code: string | undefined): string {
  if (code !== undefined && UNTRUSTED.has(code)) return UNTRUSTED_ADVICE;
  return (code !== undefined && TLS_ADVICE[code]) || `TLS could not be set up: check the URL's port and the server's certificate; a TLS-intercepting proxy needs its authority's certificate in NODE_EXTRA_CA_CERTS`;
}

const PLAIN_HTTP_TEXT = 'the server answered without TLS (OpenSSL: wrong version number)';

// A TLS client reading an HTTP answer's first bytes ("HTTP/1.1") as a record header: OpenSSL's
// "wrong version number", as undici's ERR_SSL_WRONG_VERSION_NUMBER or node:https's EPROTO.
const PLAIN_HTTP = /ssl3_get_record:wrong version number/;

function classify(code: string | undefined, message: string): TransportFailureKind {
  if (/Proxy response \(407\)/.test(message)) return 'proxy-auth';
  if (/Proxy response/.test(message)) return 'proxy';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if ((code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO') && PLAIN_HTTP.test(message)) return 'plain-http';
  if (code !== undefined && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/.test(code)) return 'tls';
  if ((code !== undefined && LOST_CODES.has(code)) || /terminated|other side closed|socket hang up/i.test(message)) return 'lost';
  return 'other';
}
