/**
 * The options of `deployPackage`, with all defaults in one place, validated once at the door
 * (execa's `normalizeOptions`). Everything further in sees complete, readonly options.
 */
import type { ConfigChoice } from '../config/read-config.ts';
import { describeValue, InputError } from '../errors.ts';
import type { FetchLike } from '../http/http-fetch.ts';
import { sleep as realSleep, type Sleep } from './backoff.ts';
import { every as realEvery, type Every, type OnProgress } from './deploy-progress.ts';
import type { PackmgrApi } from './install-package.ts';
import type { OpenFile } from './multipart.ts';

/** The default `--timeout`: AEMaaCS gives up on installs after 10 minutes (Adobe's Cloud Service documentation); aemc waits as long. */
export const DEFAULT_TIMEOUT_SECONDS = 600;
/** The default `--retries`: about three minutes of back-off while AEM starts. */
export const DEFAULT_RETRIES = 10;
/** The longest a readiness probe or a keystore call may take. */
export const SHORT_CALL_TIMEOUT_MS = 30_000;

/** Options of `deployPackage`. */
export interface DeployOptions extends ConfigChoice {
  /** The package zip. */
  readonly package: string;
  /** `--target` URLs; none means `AEM_URL`. */
  readonly targets?: readonly string[];
  /** `--user`; else `AEM_USER`. The password comes from `AEM_PASSWORD` only. */
  readonly user?: string;
  /** @default 'jsp' */
  readonly api?: PackmgrApi;
  /** Seconds for the install call. @default 600 */
  readonly timeoutSeconds?: number;
  /** Retries for "not ready" and refused connections. @default 10 */
  readonly retries?: number;
  /** Print curl commands instead of calling AEM. */
  readonly dryRun?: boolean;
  /** An install with errors is a warning, exit 0 (`--allow-install-errors`). */
  readonly allowInstallErrors?: boolean;
  /** Also install the service user's key (`--keystore`). */
  readonly keystore?: boolean;
  /** Replace a different key under the alias (`--replace-key`). */
  readonly replaceKey?: boolean;
  /** `--config` and `--env`, for `--keystore`. */
  readonly config?: string;
  readonly envName?: string;
  /** Folder that `package` and `config` resolve against. @default process.cwd() */
  readonly cwd?: string;
  /** Variables: `AEM_URL`, `AEM_USER`, `AEM_PASSWORD`, `AEM_KEYSTORE_PASSWORD`, the configuration's `${NAME}`, the proxy variables. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The clock for durations and certificate checks. */
  readonly now?: () => Date;
  /** @default Node's `http`/`https`, or undici through the proxy named in `env` */
  readonly fetch?: FetchLike;
  /** @default a real wait */
  readonly sleep?: Sleep;
  /** @default a real interval (for the `installing` events) */
  readonly every?: Every;
  /** Gets the progress events: each readiness retry, the upload, the install while AEM works. */
  readonly onProgress?: OnProgress;
  /** Multipart boundary and file reader; tests pin them. */
  readonly boundary?: string;
  readonly openFile?: OpenFile;
}

/** {@link DeployOptions} with defaults applied and values checked. */
export type NormalizedDeployOptions = Required<Pick<DeployOptions, 'targets' | 'api' | 'dryRun' | 'allowInstallErrors' | 'keystore' | 'replaceKey' | 'cwd' | 'env' | 'now' | 'sleep' | 'every'>> &
  Omit<DeployOptions, 'timeoutSeconds' | 'retries'> & { readonly timeoutMs: number; readonly shortTimeoutMs: number; readonly retries: number };

/** Applies the defaults, then validates. */
export function normalizeDeployOptions(options: DeployOptions): NormalizedDeployOptions {
  const { targets = [], api = 'jsp', dryRun = false, allowInstallErrors = false, keystore = false, replaceKey = false } = options;
  const { cwd = process.cwd(), env = process.env, now = () => new Date(), sleep = realSleep, every = realEvery, timeoutSeconds = DEFAULT_TIMEOUT_SECONDS, retries = DEFAULT_RETRIES } = options;
  if (api !== 'jsp' && api !== 'json') throw new InputError(`Expected --api to be jsp or json, got ${describeValue(api)}`, { code: 'E_DEPLOY_OPTION' });
  if (typeof timeoutSeconds !== 'number' || !Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new InputError(`Expected --timeout to be a positive number of seconds, got ${describeValue(timeoutSeconds)}`, { code: 'E_DEPLOY_OPTION' });
  }
  if (typeof retries !== 'number' || !Number.isInteger(retries) || retries < 0 || retries > 100) {
    throw new InputError(`Expected --retries to be a whole number from 0 to 100, got ${describeValue(retries)}`, { code: 'E_DEPLOY_OPTION' });
  }
  if (replaceKey && !keystore) throw new InputError('--replace-key only makes sense with --keystore', { code: 'E_DEPLOY_OPTION' });
  const timeoutMs = Math.round(timeoutSeconds * 1000);
  return { ...options, targets, api, dryRun, allowInstallErrors, keystore, replaceKey, cwd, env, now, sleep, every, retries, timeoutMs, shortTimeoutMs: Math.min(timeoutMs, SHORT_CALL_TIMEOUT_MS) };
}
