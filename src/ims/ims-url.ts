/**
 * The IMS base URL: the host every IMS call goes to, and the prefix of the signed `aud` and
 * metascope claims (a stage JWT carries the stage host in its claims, as adobe/aio-lib-ims-jwt
 * `src/ims-jwt.js` builds them).
 */
import { describeValue, InputError } from '../errors.ts';

/** Adobe's IMS hosts (`IMS_ENDPOINTS` in adobe/aio-lib-ims `src/ims.js`). */
export const IMS_URLS = {
  prod: 'https://ims-na1.adobelogin.com',
  stage: 'https://ims-na1-stg1.adobelogin.com',
} as const;

/** The default IMS base URL, the configuration's `ims.url` when it gives none. */
export const DEFAULT_IMS_URL: string = IMS_URLS.prod;

/**
 * Normalizes an IMS base URL to `scheme://host[:port][/path]` without a trailing slash, so
 * `aud` never becomes `https://host//c/…`. Throws `InputError` (exit 2) for anything that is
 * not an http(s) URL, or that carries credentials, a query or a fragment.
 */
export function normalizeImsUrl(value: unknown, name = 'imsUrl'): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`Expected \`${name}\` to be the IMS base URL such as ${IMS_URLS.prod}, got ${describeValue(value)}`, { code: 'E_IMS_URL' });
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new InputError(`Expected \`${name}\` to be a URL such as ${IMS_URLS.prod}, got ${describeValue(value)}`, { code: 'E_IMS_URL' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(`Expected \`${name}\` to be an http:// or https:// URL, got ${describeValue(value)}`, { code: 'E_IMS_URL' });
  }
  if (url.username || url.password || url.search || url.hash) {
    // Never echo the value: it may hold a password.
    throw new InputError(`Expected \`${name}\` to be a bare base URL (no user, password, query or fragment), got one for host '${url.host}'`, { code: 'E_IMS_URL' });
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** True for hosts on this machine, where plain http:// is acceptable (a local IMS). */
export function isLoopbackUrl(imsUrl: string): boolean {
  const host = new URL(imsUrl).hostname;
  return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
