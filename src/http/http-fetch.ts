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
}

/** A fetch and a way to release its connections. */
export interface HttpFetch {
  readonly fetch: FetchLike;
  /** Whether requests may go through a proxy (a proxy variable is set). */
  readonly proxied: boolean;
  /** Closes the proxy agent's connections; a no-op for the global fetch. */
  readonly close: () => Promise<void>;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads `HTTP(S)_PROXY` and `NO_PROXY` (either case) from `env`; `undefined` when no proxy is set. */
export function getProxySettings(env: Env): ProxySettings | undefined {
  const pick = (name: string): string => (env[name.toLowerCase()] ?? env[name] ?? '').trim();
  const httpProxy = pick('HTTP_PROXY');
  // Without HTTPS_PROXY, undici sends https URLs through HTTP_PROXY too.
  const httpsProxy = pick('HTTPS_PROXY');
  if (!httpProxy && !httpsProxy) return undefined;
  return { httpProxy, httpsProxy, noProxy: pick('NO_PROXY') };
}

/** A fetch that honours the proxy variables of `env` (never `process.env` behind the caller's back). */
export async function createHttpFetch(env: Env): Promise<HttpFetch> {
  const settings = getProxySettings(env);
  if (settings === undefined) return { fetch: globalThis.fetch, proxied: false, close: async () => {} };
  const undici = await loadUndici();
  // Explicit values (even '') keep undici from reading process.env itself.
  const agent = new undici.EnvHttpProxyAgent({ httpProxy: settings.httpProxy, httpsProxy: settings.httpsProxy, noProxy: settings.noProxy });
  const fetch = ((url: string, init: RequestInit) => undici.fetch(url, { ...(init as object), dispatcher: agent })) as unknown as FetchLike;
  return { fetch, proxied: true, close: () => agent.close() };
}

/** The proxy a request to `url` may go through, for messages; `undefined` without proxy variables. */
export function getProxyFor(url: string, settings: ProxySettings | undefined): string | undefined {
  if (settings === undefined) return undefined;
  const proxy = url.startsWith('https:') ? settings.httpsProxy || settings.httpProxy : settings.httpProxy;
  return proxy || undefined;
}

/** undici, loaded on demand. It is CommonJS: Node's ESM loader gives named exports, the esbuild bundle only `default`. */
export async function loadUndici(): Promise<typeof import('undici')> {
  const loaded = await import('undici');
  return 'EnvHttpProxyAgent' in loaded ? loaded : (loaded as unknown as { default: typeof import('undici') }).default;
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
