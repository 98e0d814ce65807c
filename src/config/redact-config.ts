/**
 * `redactConfig`: a copy of the configuration that is safe to print (`--json`, debug output):
 * every secret and protected value replaced by {@link REDACTED}.
 */
import type { IoEventsConfig } from './types.ts';

/** What a redacted value reads. */
export const REDACTED = '(secret)';

/** A frozen copy of `config` with `clientSecret`, `clientSecretProtected`, `keystore.password`, `keystore.protectedPassword` and `ims.passphrase` redacted. */
export function redactConfig(config: IoEventsConfig): IoEventsConfig {
  const hide = <T extends object, K extends keyof T>(section: T, keys: readonly K[]): T => {
    const copy = { ...section };
    for (const key of keys) if (copy[key] !== undefined) (copy as Record<K, unknown>)[key] = REDACTED;
    return Object.freeze(copy);
  };
  const { keystore } = config;
  return Object.freeze({
    ...config,
    cloudService: hide(config.cloudService, ['clientSecret', 'clientSecretProtected']),
    ...(keystore === undefined ? {} : { keystore: hide(keystore, ['password', 'protectedPassword']) }),
    ims: hide(config.ims, ['passphrase']),
  });
}
