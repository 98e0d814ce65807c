/**
 * A secret in a field that is not a secret's: the client secret pasted as `cloudService.apiKey`,
 * the keystore password as `keystore.alias`, a private key PEM as `cloudService.title`. Every
 * other field is shown in reports, written into the package (where AEM shows it to its authors)
 * or sent as what it is (the client ID in the IMS form and the JWT, the alias in AEM's keystore
 * form), so blanking the output is not enough: such a file is refused (exit 2), naming the field
 * and where the secret came from, never the value (README, "Secrets").
 */
import { ConfigError, type ConfigIssue } from './config-error.ts';
import { isCloudManagerReference } from './cloud-service-rules.ts';
import { childPath, isAtOrBelow, isMapping, itemPath } from './field-path.ts';
import { SECRET_FIELDS, SECRET_VALUE_FIELDS } from './schema.ts';
import type { Environment } from './types.ts';
import { SECRET_VARIABLES } from '../secrets/secret-registry.ts';

/**
 * A secret at least this long (in characters) is found inside a longer value too (`title: Events
 * <secret>`); a shorter one only as the whole value, where a weak password such as `auth` would
 * otherwise be "found" in `externalizer: author`.
 */
export const MIN_CONTAINED_SECRET_LENGTH = 8;

// The private key as keygen and OpenSSL write it: PEM (PKCS#8, PKCS#1, encrypted), or the one-line
// base64 PKCS#8 DER of `private.key.pkcs8.b64` (an RSA PrivateKeyInfo: SEQUENCE, version 0, rsaEncryption).
const PRIVATE_KEY_FORMS: readonly RegExp[] = [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, /MII[A-Za-z0-9+/]{5}ADANBgkqhkiG9w0BAQEFAAS/];

/** One secret of the configuration or the environment: its value and what gave it (a field path or a variable). */
export interface KnownSecret {
  readonly value: string;
  readonly source: string;
}

/** The secret fields' values as given (after `${NAME}`), with their paths; a Cloud Manager reference (`$[secret:NAME]`) names a secret and is not one. */
export function listSecretFields(tree: Record<string, unknown>): KnownSecret[] {
  const found: KnownSecret[] = [];
  for (const field of SECRET_VALUE_FIELDS) {
    const [section = '', key = ''] = field.split('.');
    const parent = Object.hasOwn(tree, section) ? tree[section] : undefined;
    const value = isMapping(parent) && Object.hasOwn(parent, key) ? parent[key] : undefined;
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text === 'string' && text !== '' && !isCloudManagerReference(text)) found.push({ value: text, source: field });
  }
  return found;
}

/** Throws a {@link ConfigError} (`E_CONFIG_FIELD`, exit 2) naming every non-secret field of `tree` that holds a secret of the file or of `env`, or a private key. */
export function assertNoMisplacedSecrets(tree: Record<string, unknown>, env: Environment, fileLabel: string): void {
  const secrets = [...listSecretFields(tree), ...SECRET_VARIABLES.filter((name) => Object.hasOwn(env, name) && env[name] !== '' && env[name] !== undefined).map((name) => ({ value: env[name]!, source: name }))];
  const issues: ConfigIssue[] = [];
  visit(tree, '', (path, text) => {
    const message = describeMisplaced(path, text, secrets);
    if (message !== undefined) issues.push({ path, message });
  });
  if (issues.length > 0) throw new ConfigError(fileLabel, issues, 'E_CONFIG_FIELD');
}

// Every string (or number) value outside the secret fields, with its path.
function visit(value: unknown, path: string, check: (path: string, text: string) => void): void {
  if (SECRET_VALUE_FIELDS.some((field) => isAtOrBelow(path, field))) return;
  if (typeof value === 'string' || typeof value === 'number') check(path, String(value));
  else if (Array.isArray(value)) value.forEach((item, index) => visit(item, itemPath(path, index), check));
  else if (isMapping(value)) for (const [key, item] of Object.entries(value)) visit(item, childPath(path, key), check);
}

function describeMisplaced(path: string, text: string, secrets: readonly KnownSecret[]): string | undefined {
  // ims.privateKey takes the key's path: its own rule names a pasted key (ims-rules.ts).
  if (path !== 'ims.privateKey' && PRIVATE_KEY_FORMS.some((form) => form.test(text))) {
    return 'holds a private key (not shown); give the key as a file: keystore.file (a PKCS#12 keystore) or ims.privateKey (the path of private.key)';
  }
  const secret = secrets.find(({ value }) => text === value || ([...value].length >= MIN_CONTAINED_SECRET_LENGTH && text.includes(value)));
  if (secret === undefined) return undefined;
  const fields = Object.keys(SECRET_FIELDS).join(', ');
  return `holds the secret of ${secret.source} (not shown); this field is shown, packaged and sent as it is: put the value it asks for here, and a secret only in ${fields} (from their variables)`;
}
