/**
 * Validation of keygen's options, shared by the library (`createKeyMaterial`) and the command
 * line: `name` is the option or flag the message names (`bits`, `--bits`). Cheap to load: no
 * crypto here.
 */
import { describeValue, InputError } from '../errors.ts';
import { PKCS12_ENCRYPTIONS, type Pkcs12Encryption } from './pkcs12-encryption.ts';

/** RSA modulus sizes keygen offers. */
export type RsaBits = 2048 | 3072 | 4096;

/** The sizes in the order `--help` lists them. */
export const RSA_BITS: readonly RsaBits[] = [2048, 3072, 4096];

/** The alias AEM's eventproxy connector looks the key up by (AdobeDocs/adobeio-events `aem/aem_keystore_setup.md`). */
export const DEFAULT_ALIAS = 'eventproxy';
/** Days of validity, as Adobe's `openssl req -days 365`. */
export const DEFAULT_DAYS = 365;
/** Longest validity accepted: ten years. */
export const MAX_DAYS = 3650;

const ALIAS = /^[a-z0-9][a-z0-9._-]{0,63}$/u;

const fail = (message: string, code: string): never => {
  throw new InputError(message, { code });
};

/** An RSA size from a number or the flag's text. */
export function normalizeBits(value: unknown, name: string): RsaBits {
  const bits = RSA_BITS.find((candidate) => String(candidate) === String(value).trim());
  return bits ?? fail(`${name} must be ${RSA_BITS.join(', ').replace(/, (\d+)$/u, ' or $1')}, got ${describeValue(value)}`, 'E_BITS');
}

/** Days of validity: a whole number from 1 to 3650. */
export function normalizeDays(value: unknown, name: string): number {
  const text = String(value).trim();
  const days = /^\d+$/u.test(text) ? Number(text) : Number.NaN;
  if (!(days >= 1 && days <= MAX_DAYS)) fail(`${name} must be a whole number of days from 1 to ${MAX_DAYS}, got ${describeValue(value)}`, 'E_DAYS');
  return days;
}

/**
 * A keystore alias: lower case, because Java lower-cases PKCS#12 aliases and AEM's dialog and
 * the connector would then not find a mixed-case name (Netcentric/accesscontroltool
 * `docs/Configuration.md`: "only lower-case characters should be used"). Refused, not
 * silently lower-cased, so the alias in the configuration and in AEM stay the one typed.
 */
export function normalizeAlias(value: unknown, name: string): string {
  const alias = typeof value === 'string' ? value : '';
  if (alias !== alias.toLowerCase() && ALIAS.test(alias.toLowerCase())) {
    fail(`${name} ${describeValue(value)} has upper-case letters; Java lower-cases keystore aliases, so use ${name === '--alias' ? `--alias ${alias.toLowerCase()}` : describeValue(alias.toLowerCase())}`, 'E_ALIAS');
  }
  if (!ALIAS.test(alias)) fail(`${name} must be 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit; got ${describeValue(value)}`, 'E_ALIAS');
  return alias;
}

/** `legacy` or `aes256`. */
export function normalizeP12Encryption(value: unknown, name: string): Pkcs12Encryption {
  const found = PKCS12_ENCRYPTIONS.find((candidate) => candidate === value);
  return found ?? fail(`${name} must be ${PKCS12_ENCRYPTIONS.join(' or ')}, got ${describeValue(value)}`, 'E_P12_ENCRYPTION');
}
