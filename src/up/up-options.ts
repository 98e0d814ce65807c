/** The options of `upIntegration`, and how a step is timed. */
import type { OnCheckRetry } from '../check/check-target.ts';
import type { ConfigChoice } from '../config/read-config.ts';
import type { Sleep } from '../deploy/backoff.ts';
import type { Every, OnProgress } from '../deploy/deploy-progress.ts';
import type { FetchLike } from '../http/http-fetch.ts';
import type { PackmgrApi } from '../deploy/install-package.ts';

import type { UpStep, UpStepName } from './up-result.ts';

/** Options of `upIntegration`. */
export interface UpOptions extends ConfigChoice {
  /** `--target` URLs; none means `AEM_URL`. */
  readonly targets?: readonly string[];
  /** `--user`; else `AEM_USER`. The password comes from `AEM_PASSWORD` only. */
  readonly user?: string;
  /** Built-in template name or a folder with `template.yaml`. @default 'cloudservice-6.3' */
  readonly template?: string;
  /** Output folder of the build. @default 'dist' */
  readonly out?: string;
  /** Also install the key into the service user's keystore, as `deploy --keystore`. */
  readonly keystore?: boolean;
  /** As `deploy --replace-key`: with `keystore`, replace a different key under the alias. */
  readonly replaceKey?: boolean;
  /** As `deploy --api`. @default 'jsp' */
  readonly api?: PackmgrApi;
  /** As `deploy --timeout`: seconds for the install call. @default 600 */
  readonly timeoutSeconds?: number;
  /** As `deploy --retries`. @default 10 */
  readonly retries?: number;
  /** As `deploy --allow-install-errors`. */
  readonly allowInstallErrors?: boolean;
  /** Seconds to keep asking failing checks. @default 120 */
  readonly waitSeconds?: number;
  /** `WARN` fails too. */
  readonly strict?: boolean;
  /** IMS base URL; wins over `IOEVENTS_IMS_URL` and `ims.url`. */
  readonly imsUrl?: string;
  /** Folder that `config`, `out` and a template folder resolve against. @default process.cwd() */
  readonly cwd?: string;
  /** Variables: `AEM_URL`, `AEM_USER`, `AEM_PASSWORD`, `AEM_KEYSTORE_PASSWORD`, the configuration's `${NAME}`, `IOEVENTS_IMS_URL`, `SOURCE_DATE_EPOCH`, the proxy variables. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly now?: () => Date;
  /** The client of the AEM calls. @default as deploy and check choose it */
  readonly fetch?: FetchLike;
  /** The client of the IMS calls. @default as verify chooses it */
  readonly imsFetch?: FetchLike;
  readonly sleep?: Sleep;
  readonly every?: Every;
  /** Deploy's progress events. */
  readonly onProgress?: OnProgress;
  /** Told before each wait for a check's retry. */
  readonly onRetry?: OnCheckRetry;
}

/** Runs one shared step and times it; a throw (bad input) goes through. */
export async function timedStep(step: UpStepName, now: () => Date, run: () => Promise<Omit<UpStep, 'step' | 'durationMs'>>): Promise<UpStep> {
  const started = now().getTime();
  const done = await run();
  return { step, ...done, durationMs: now().getTime() - started };
}
