/**
 * Rules for the `ims` section: the IMS base URL, JWT metascopes and OAuth scopes
 * (Adobe's JWT and OAuth Server-to-Server authentication guides).
 *
 * | field          | accepted                                                             |
 * | -------------- | -------------------------------------------------------------------- |
 * | `url`          | `https://host[:port]`, trailing `/` dropped; `http` only for loopback |
 * | `metascopes[]` | `event_receiver_api` or `https://<host>/s/event_receiver_api`         |
 * | `scopes[]`     | `openid`, `AdobeID`, … (no spaces, no `,`: IMS takes a comma list)    |
 */
import type { Rule, RuleFailure } from './field-reader.ts';

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];
const METASCOPE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** `ims.url`: the origin of an https URL (http for a local stand-in); a failure otherwise. */
export function normalizeImsUrl(value: string): { url: string } | RuleFailure {
  const hint = 'give the IMS base URL only, like https://ims-na1.adobelogin.com';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { expected: 'an absolute https URL', hint };
  }
  const loopback = LOOPBACK_HOSTS.includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { expected: 'an https URL (http only for 127.0.0.1 or localhost)', hint };
  }
  if (url.username !== '' || url.password !== '') return { expected: 'a URL without user name or password', hint };
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(value)) {
    return { expected: 'a URL without path, query or fragment (the tool adds /ims/token/v3 and /ims/exchange/jwt)', hint };
  }
  return { url: url.origin };
}

/** `ims.metascopes[i]`: a metascope name or its full URL. */
export const checkMetascope: Rule = (value): RuleFailure | undefined => {
  if (METASCOPE_NAME.test(value)) return undefined;
  const expected = 'a metascope name like event_receiver_api, or a full URL like https://ims-na1.adobelogin.com/s/event_receiver_api';
  if (/^\/?s\/[A-Za-z0-9_]+$/.test(value)) return { expected, hint: `write the name alone: ${value.replace(/^\/?s\//, '')}` };
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    return { expected, hint: 'see the metascopes of your credential in the Adobe Developer Console' };
  }
  const path = /^\/s\/([^/]+)$/.exec(url.pathname);
  if (url.protocol === 'https:' && path !== null && METASCOPE_NAME.test(path[1]!) && url.search === '' && url.hash === '' && url.username === '') return undefined;
  return { expected, hint: 'a full URL is https://<ims host>/s/<name>' };
};

/** `ims.scopes[i]`: one OAuth scope. */
export const checkScope: Rule = (value) =>
  /^[^\s,]+$/.test(value) ? undefined : { expected: 'a scope without spaces or commas', hint: 'give one scope per list item, like [openid, AdobeID, read_organizations]' };

/** `ims.privateKey`: a path, not the key itself (whose value is never shown). */
export const checkKeyPath: Rule = (value) =>
  value.includes('-----BEGIN')
    ? { expected: 'the path of a PEM file, not the key itself', hint: 'save the key to a file readable only by you and give its path' }
    : undefined;
