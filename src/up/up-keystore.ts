/**
 * `up --keystore` on a target whose package is unchanged: deploy's own key step
 * (`installServiceUserKey`), which is idempotent: the same key under the alias is `unchanged` and
 * nothing is sent. The key and `AEM_KEYSTORE_PASSWORD` are read once, before anything is sent.
 */
import type { AemConnection } from '../deploy/aem-request.ts';
import { SHORT_CALL_TIMEOUT_MS } from '../deploy/deploy-options.ts';
import { installServiceUserKey, type ServiceUserKey } from '../deploy/keystore-install.ts';
import { readAemKeystorePassword, readServiceUserKey, type ReadServiceUserKeyOptions } from '../deploy/service-user-key.ts';
import type { DeployTarget } from '../deploy/targets.ts';
import { keystoreStep, type DeployStep } from './up-steps.ts';

/** The service user's key for `up --keystore`, and every secret it brings. */
export interface UpKey {
  readonly key: ServiceUserKey;
  readonly storePassword: string | undefined;
  readonly secrets: readonly string[];
}

/** Reads the key as `deploy --keystore` does; throws `InputError` (exit 2) saying what is missing. */
export async function loadUpKey(options: ReadServiceUserKeyOptions): Promise<UpKey> {
  const storePassword = readAemKeystorePassword(options.env);
  const loaded = await readServiceUserKey(options);
  return { key: loaded.key, storePassword, secrets: [...loaded.secrets, ...(storePassword === undefined ? [] : [storePassword])] };
}

/** The key step on one target, timed; `replace` as `deploy --replace-key`. */
export async function installKeyStep(target: DeployTarget, connection: AemConnection, key: UpKey, now: () => Date, replace = false): Promise<DeployStep> {
  const started = now().getTime();
  const result = await installServiceUserKey({ target, connection, key: key.key, storePassword: key.storePassword, replace, timeoutMs: SHORT_CALL_TIMEOUT_MS });
  return keystoreStep(result, now().getTime() - started);
}
