/**
 * The HTTP client for IMS: the package's one HTTP layer (proxies through undici's
 * `EnvHttpProxyAgent`, loaded lazily), under the names the IMS module has always used.
 */
import { createHttpFetch, type HttpFetch } from '../http/http-fetch.ts';

export { describeProxy, getProxySettings } from '../http/http-fetch.ts';
export type { FetchLike, ProxySettings } from '../http/http-fetch.ts';

/** A fetch and a way to release its connections. */
export type ImsFetch = HttpFetch;

/** A fetch for IMS that honours the proxy variables of `env` (never `process.env` behind the caller's back). */
export function createImsFetch(env: Readonly<Record<string, string | undefined>>): Promise<ImsFetch> {
  return createHttpFetch(env);
}
