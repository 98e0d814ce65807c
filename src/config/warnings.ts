/**
 * Warnings about a valid configuration: secrets written into the file, and a packaged keystore
 * that AEM cannot open (AEM unprotects it with its own crypto keys, `/system/console/crypto`). Strings for the caller to show; never a secret.
 */
import { isCloudManagerReference } from './cloud-service-rules.ts';
import { SECRET_FIELDS } from './schema.ts';
import type { IoEventsConfig, SecretField } from './types.ts';

const FIELD_KEYS: Readonly<Record<SecretField, string>> = {
  'cloudService.clientSecret': 'clientSecret',
  'keystore.password': 'password',
  'ims.passphrase': 'passphrase',
};

/** The secret fields that are set and not taken entirely from `${VAR}` references (or, for the client secret, a Cloud Manager reference). */
export function findLiteralSecrets(config: IoEventsConfig, fromVariables: readonly string[]): SecretField[] {
  const clientSecret = config.cloudService.clientSecret;
  const values: Record<SecretField, string | undefined> = {
    'cloudService.clientSecret': clientSecret !== undefined && isCloudManagerReference(clientSecret) ? undefined : clientSecret,
    'keystore.password': config.keystore?.password,
    'ims.passphrase': config.ims.passphrase,
  };
  return (Object.keys(values) as SecretField[]).filter((field) => values[field] !== undefined && !fromVariables.includes(field));
}

/** Every warning for `config`, in a stable order. */
export function collectWarnings(config: IoEventsConfig, literalSecrets: readonly SecretField[]): string[] {
  const warnings = literalSecrets.map(
    (field) => `${field} is written in the configuration file; keep secrets out of files: write ${FIELD_KEYS[field]}: \${${SECRET_FIELDS[field]}} and set that variable`,
  );
  return [...warnings, ...keystoreWarnings(config)];
}

function keystoreWarnings(config: IoEventsConfig): string[] {
  const keystore = config.keystore;
  if (keystore === undefined) return [];
  const warnings: string[] = [];
  if (keystore.include && keystore.protectedPassword === undefined) {
    warnings.push(
      'keystore.include is true but keystore.protectedPassword is not set: AEM cannot open the packaged store.p12 without its password protected by the target instance; ' +
        "set protectedPassword, or set include: false and install the key with 'aem-ioevents deploy --keystore', which works on any instance",
    );
  }
  if (!keystore.include && keystore.protectedPassword !== undefined) {
    warnings.push('keystore.protectedPassword is set but keystore.include is not true: the password is only used for a packaged store.p12');
  }
  if (keystore.alias !== 'eventproxy') {
    warnings.push(`keystore.alias is '${keystore.alias}': the Adobe I/O Events connector looks its key up under the alias 'eventproxy'`);
  }
  return warnings;
}
