/**
 * The options of `checkIntegration`, defaults in one place and checked once at the door (as
 * `normalizeDeployOptions` does for deploy).
 */
import type { ConfigChoice } from '../config/read-config.ts';
import { sleep as realSleep, type Sleep } from '../deploy/backoff.ts';
import { describeValue, InputError } from '../errors.ts';
import type { FetchLike } from '../http/http-fetch.ts';
import type { OnCheckRetry } from './check-target.ts';

/** The default `--wait`: Adobe says to wait about two minutes for a first failing health check (adobeio-events help/faq.md). */
export const DEFAULT_WAIT_SECONDS = 120;
/** The longest `--wait`. */
export const MAX_WAIT_SECONDS = 3600;
/** The longest one request may take: the Web Console runs the checks with a 40 s timeout (overrideGlobalTimeout=40000 in adobeio/adobeio-documentation @ f285f94 README.md), plus the answer. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** Options of `checkIntegration`. */
export interface CheckOptions extends ConfigChoice {
  /** `--target` URLs; none means `AEM_URL`. */
  readonly targets?: readonly string[];
  /** `--user`; else `AEM_USER`. The password comes from `AEM_PASSWORD` only. */
  readonly user?: string;
  /** A built-in template name or a folder with `template.yaml`. @default 'cloudservice-6.3' */
  readonly template?: string;
  /** Seconds to keep asking failing checks. @default 120 */
  readonly waitSeconds?: number;
  /** Also run the checks that act (the add-on's publish_ping, which publishes an event). */
  readonly ping?: boolean;
  /** `WARN` fails too. */
  readonly strict?: boolean;
  /** Folder that `config` and a template folder resolve against. @default process.cwd() */
  readonly cwd?: string;
  /** Variables: `AEM_URL`, `AEM_USER`, `AEM_PASSWORD`, the configuration's `${NAME}`, the proxy variables. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly now?: () => Date;
  /** @default the global fetch, or undici through the proxy named in `env` */
  readonly fetch?: FetchLike;
  /** @default a real wait */
  readonly sleep?: Sleep;
  /** Milliseconds one request may take. @default 60000 */
  readonly requestTimeoutMs?: number;
  /** Told before each wait for a retry. */
  readonly onRetry?: OnCheckRetry;
}

/** {@link CheckOptions} with defaults applied. */
export type NormalizedCheckOptions = Required<Pick<CheckOptions, 'targets' | 'ping' | 'strict' | 'cwd' | 'env' | 'now' | 'sleep' | 'requestTimeoutMs'>> &
  Omit<CheckOptions, 'waitSeconds'> & { readonly waitMs: number };

/** Applies the defaults, then validates; throws `InputError` (exit 2). */
export function normalizeCheckOptions(options: CheckOptions): NormalizedCheckOptions {
  const { targets = [], ping = false, strict = false, cwd = process.cwd(), env = process.env, now = () => new Date(), sleep = realSleep } = options;
  const { waitSeconds = DEFAULT_WAIT_SECONDS, requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS } = options;
  if (typeof waitSeconds !== 'number' || !Number.isFinite(waitSeconds) || waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
    throw new InputError(`Expected --wait to be a number of seconds from 0 to ${MAX_WAIT_SECONDS}, got ${describeValue(waitSeconds)}`, { code: 'E_CHECK_OPTION' });
  }
  if (typeof requestTimeoutMs !== 'number' || !Number.isFinite(requestTimeoutMs) || requestTimeoutMs <= 0) {
    throw new InputError(`Expected requestTimeoutMs to be a positive number, got ${describeValue(requestTimeoutMs)}`, { code: 'E_CHECK_OPTION' });
  }
  return { ...options, targets, ping, strict, cwd, env, now, sleep, requestTimeoutMs, waitMs: Math.round(waitSeconds * 1000) };
}
