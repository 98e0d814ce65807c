/**
 * `NO_PROXY`: which hosts are reached directly although a proxy variable is set. undici's
 * `EnvHttpProxyAgent` knows host names and ports only, so `10.0.0.0/8` (a common entry on
 * corporate runners) sent an AEM at 10.1.2.3 through the proxy while curl (7.86 and later) goes
 * direct. The rules here are curl's (https://curl.se/libcurl/c/CURLOPT_NOPROXY.html): entries
 * separated by commas or spaces; `*` alone matches every host; a name matches itself and its
 * subdomains (`example.com`, `.example.com` and `*.example.com` all cover `aem.example.com`);
 * an IP address matches itself, an address with `/bits` its range (IPv4 and IPv6); and, as
 * undici allows, `host:port` only that port.
 */
import { BlockList, isIP } from 'node:net';

/** Whether `url` must be reached directly by `noProxy` (the variable's value). */
export function isExcludedFromProxy(url: string, noProxy: string): boolean {
  const target = new URL(url);
  // `[::1]` in a URL is `::1` everywhere else.
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80);
  return noProxy
    .split(/[,\s]+/)
    .filter((entry) => entry !== '')
    .some((entry) => entry === '*' || matchesEntry(entry.toLowerCase(), host, port));
}

function matchesEntry(entry: string, host: string, port: number): boolean {
  const { name, entryPort } = splitPort(entry);
  if (entryPort !== undefined && entryPort !== port) return false;
  const range = /^(.+)\/(\d{1,3})$/.exec(name);
  if (range !== null) return inRange(host, range[1]!, Number(range[2]));
  if (isIP(name) !== 0) return isIP(host) !== 0 && sameAddress(name, host);
  const domain = name.replace(/^\*?\./, '');
  return host === domain || host.endsWith(`.${domain}`);
}

// `host:port`, `[v6]:port`; a bare IPv6 address (`::1`) has colons but no port.
function splitPort(entry: string): { name: string; entryPort: number | undefined } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed !== null) return { name: bracketed[1]!, entryPort: bracketed[2] === undefined ? undefined : Number(bracketed[2]) };
  const withPort = /^([^:]+):(\d+)$/.exec(entry);
  return withPort === null ? { name: entry, entryPort: undefined } : { name: withPort[1]!, entryPort: Number(withPort[2]) };
}

function inRange(host: string, network: string, bits: number): boolean {
  const family = isIP(network);
  if (family === 0 || isIP(host) !== family || bits > (family === 4 ? 32 : 128)) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const list = new BlockList();
  list.addSubnet(network, bits, type);
  return list.check(host, type);
}

function sameAddress(a: string, b: string): boolean {
  const family = isIP(a);
  return family === isIP(b) && inRange(b, a, family === 4 ? 32 : 128);
}
