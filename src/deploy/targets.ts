/**
 * The AEM instances a package goes to: `--target` URLs, or `AEM_URL` (README, "Exit codes").
 * A target is the instance's base URL (`http://localhost:4502`, or one with a context path);
 * Package Manager's paths are appended to it. Credentials never travel in a URL: one with a user
 * or password is refused (aemsync prints `user:password@host` back), with a
 * message that never repeats it and names `AEM_USER`/`AEM_PASSWORD` instead.
 */
import { describeValue, InputError } from '../errors.ts';
import { readVariable } from '../environment-variable.ts';

/** The variable that gives the target when no `--target` is given. */
export const AEM_URL_VARIABLE = 'AEM_URL';

/** One AEM instance. */
export interface DeployTarget {
  /** `scheme://host[:port][/context]`, no trailing slash; safe to print. */
  readonly url: string;
}

/** Options of {@link normalizeTargets}. */
export interface NormalizeTargetsOptions {
  /** `--target` values, in order. */
  readonly targets: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Validates the targets (or `AEM_URL`) and returns them in order; throws `InputError` (exit 2). */
export function normalizeTargets(options: NormalizeTargetsOptions): DeployTarget[] {
  // Spaces around it are dropped as the URL standard does; a line break is refused (environment-variable.ts).
  const fromEnv = readVariable(options.env, AEM_URL_VARIABLE)?.trim();
  const given = options.targets.length > 0 ? options.targets.map((url) => ({ url, name: '--target' })) : fromEnv ? [{ url: fromEnv, name: AEM_URL_VARIABLE }] : [];
  if (given.length === 0) {
    throw new InputError(`Name the AEM instance: --target URL (such as http://localhost:4502), or set ${AEM_URL_VARIABLE}`, { code: 'E_DEPLOY_TARGET' });
  }
  const targets = given.map(({ url, name }) => normalizeTargetUrl(url, name));
  const seen = new Set<string>();
  for (const target of targets) {
    if (seen.has(target.url)) throw new InputError(`--target ${target.url} is given twice; each instance gets the package once`, { code: 'E_DEPLOY_TARGET' });
    seen.add(target.url);
  }
  return targets;
}

/** One target URL, normalized; `name` is how messages call it (`--target`, `AEM_URL`). */
export function normalizeTargetUrl(value: string, name = '--target'): DeployTarget {
  const trimmed = value.trim();
  // `localhost:4502` parses as the scheme `localhost:`, `127.0.0.1:4502` not at all: both are a
  // URL without its scheme, said as such with the URL to write (never when it may hold a password).
  if (!/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) && /^[\w.-]+(:\d+)?(\/\S*)?$/.test(trimmed)) {
    throw new InputError(`Expected ${name} to be an AEM URL with its scheme, got ${describeValue(value)}: write http://${trimmed} (or https:// where AEM serves TLS)`, { code: 'E_DEPLOY_TARGET' });
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    // A value that does not parse may still hold a password: show it only when it cannot.
    throw new InputError(`Expected ${name} to be an AEM URL such as http://localhost:4502, got ${value.includes('@') ? 'a value that does not parse' : describeValue(value)}`, { code: 'E_DEPLOY_TARGET' });
  }
  if (url.username !== '' || url.password !== '') {
    throw new InputError(
      `${name} for host '${url.host}' has a user or password in it; give the URL without them and set AEM_USER and AEM_PASSWORD (credentials in URLs end up in logs and process lists)`,
      { code: 'E_DEPLOY_CREDENTIALS_IN_URL' },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(`Expected ${name} to be an http:// or https:// URL, got ${describeValue(url.href)}`, { code: 'E_DEPLOY_TARGET' });
  }
  if (url.search !== '' || url.hash !== '') {
    throw new InputError(`Expected ${name} to be the instance's base URL without query or fragment, got ${describeValue(url.href)}`, { code: 'E_DEPLOY_TARGET' });
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/crx\/packmgr(\/|$)/.test(path)) {
    throw new InputError(`Expected ${name} to be the instance's base URL (such as ${url.origin}), got the Package Manager URL ${describeValue(url.href)}`, { code: 'E_DEPLOY_TARGET' });
  }
  return { url: `${url.origin}${path}` };
}

/** `base` + an absolute repository or servlet path. */
export function targetPath(target: DeployTarget, path: string): string {
  return `${target.url}${path}`;
}
