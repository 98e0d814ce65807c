/**
 * The HTTP client of every remote call (IMS, AEM). Node 20's global `fetch` ignores
 * `HTTPS_PROXY`, and corporate CI runners reach remotes only through a proxy (adobe/reactor-uploader#46:
 * jwt-auth's missing proxy support). When a proxy variable is set, undici's own `fetch` with its
 * `EnvHttpProxyAgent` is loaded (lazily: it is large); otherwise the global `fetch` is used as is.
 */

/** The subset of `fetch` the remote calls use; tests and callers may inject their own. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Proxy settings read from the environment; a lower-case name wins over its upper-case twin (undici, curl). */
export interface ProxySettings {
  readonly httpProxy: string;
  readonly httpsProxy: string;
  readonly noProxy: string;
  /** The variables the proxies came from (`https_proxy`, `HTTPS_PROXY`, ...), for commands that name them rather than show them. */
  readonly variables?: { readonly httpProxy?: string | undefined; readonly httpsProxy?: string | undefined } | undefined;
}

/** A fetch and a way to release its connections. */
export interface HttpFetch {
  readonly fetch: FetchLike;
  /** Whether requests may go through a proxy (a proxy variable is set). */
  readonly proxied: boolean;
  /** Closes the proxy agent's connections; a no-op for the global fetch. */
  readonly close: () => Promise<void>;
}

import { isExcludedFromProxy } from './no-proxy.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** Reads `HTTP(S)_PROXY` and `NO_PROXY` (either case) from `env`; `undefined` when no proxy is set. */
export function getProxySettings(env: Env): ProxySettings | undefined {
  const variable = (name: string): string | undefined => (env[name.toLowerCase()] !== undefined ? name.toLowerCase() : env[name] !== undefined ? name : undefined);
  const pick = (name: string | undefined): string => (name === undefined ? '' : (env[name] ?? '').trim());
  const names = { httpProxy: variable('HTTP_PROXY'), httpsProxy: variable('HTTPS_PROXY') };
  const httpProxy = pick(names.httpProxy);
  // Without HTTPS_PROXY, undici sends https URLs through HTTP_PROXY too.
  const httpsProxy = pick(names.httpsProxy);
  if (!httpProxy && !httpsProxy) return undefined;
  return { httpProxy, httpsProxy, noProxy: pick(variable('NO_PROXY')), variables: names };
}

/** A fetch that honours the proxy variables of `env` (never `process.env` behind the caller's back). */
export async function createHttpFetch(env: Env): Promise<HttpFetch> {
  const settings = getProxySettings(env);
  if (settings === undefined) return { fetch: globalThis.fetch, proxied: false, close: async () => {} };
  const undici = await loadUndici();
  const agent = createProxyAgent(undici, settings, {});
  const proxied = ((url: string, init: RequestInit) => undici.fetch(url, { ...(init as object), dispatcher: agent })) as unknown as FetchLike;
  const fetch: FetchLike = (url, init) => (getProxyFor(url, settings) === undefined ? globalThis.fetch(url, init) : proxied(url, init));
  return { fetch, proxied: true, close: () => agent.close() };
}

/**
 * undici's proxy agent for the URLs {@link getProxyFor} sends through a proxy. `NO_PROXY` is
 * decided there (no-proxy.ts, curl's rules with IP ranges), not by undici: its own list is empty.
 */
export function createProxyAgent(undici: typeof import('undici'), settings: ProxySettings, options: import('undici').Agent.Options): import('undici').EnvHttpProxyAgent {
  // Explicit values (even '') keep undici from reading process.env itself.
  return new undici.EnvHttpProxyAgent({ ...options, httpProxy: settings.httpProxy, httpsProxy: settings.httpsProxy, noProxy: '' });
}

/** The proxy a request to `url` goes through (`undefined`: none applies, or `NO_PROXY` names its host). */
export function getProxyFor(url: string, settings: ProxySettings | undefined): string | undefined {
  const key = getProxyKey(url, settings);
  return key === undefined ? undefined : settings![key];
}

/** The variable that names the proxy for `url` (`HTTPS_PROXY`, `http_proxy`, ...), for commands that must not show its value. */
export function getProxyVariableFor(url: string, settings: ProxySettings | undefined): string | undefined {
  const key = getProxyKey(url, settings);
  return key === undefined ? undefined : settings!.variables?.[key];
}

function getProxyKey(url: string, settings: ProxySettings | undefined): 'httpProxy' | 'httpsProxy' | undefined {
  if (settings === undefined || isExcludedFromProxy(url, settings.noProxy)) return undefined;
  const key = url.startsWith('https:') && settings.httpsProxy ? 'httpsProxy' : 'httpProxy';
  return settings[key] ? key : undefined;
}

/** undici, loaded on demand. It is CommonJS: Node's ESM loader gives named exports, the esbuild bundle only `default`. */
export async function loadUndici(): Promise<typeof import('undici')> {
  const loaded = await import('undici');
  return 'EnvHttpProxyAgent' in loaded ? loaded : (loaded as unknown as { default: typeof import('undici') }).default;
}

/**
 * What to do about a 407: give credentials, or, when the proxy URL has them, check them (a
 * password with `@`, `:` or `/` must be percent-encoded in a URL). Lower case, no final period.
 */
export function adviseOnProxyAuth(proxy: string | undefined): string {
  const named = proxy === undefined ? 'the proxy' : `the proxy ${describeProxy(proxy)}`;
  let hasUser = false;
  try {
    hasUser = proxy !== undefined && new URL(proxy).username !== '';
  } catch {
    // An unreadable proxy URL has no usable credentials either.
  }
  return hasUser
    ? `${named} refused the user and password of its URL: check them (in the URL, @ : / % in the password are written %40 %3A %2F %25)`
    : `${named} wants credentials: give them in the proxy URL (http://user:password@host:port)`;
}

/** A proxy URL for messages: scheme, host and port only, never the user or password. */
export function describeProxy(proxyUrl: string): string {
  try {
    const url = new URL(proxyUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'the proxy';
  }
}
