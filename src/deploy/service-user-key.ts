/**
 * The key `deploy --keystore` installs, read from the configuration `build` uses (`--config`,
 * `--env`): `keystore.file`, `keystore.password`, `keystore.alias`, `serviceUser.home`. The
 * PKCS#12 must open with its password and hold a key with its certificate under the alias
 * (`readPkcs12Keystore`), exactly what AEM's "Add private key from KeyStore file" needs.
 *
 * AEM's own store for the user needs a password of its own when it is created; it comes from
 * `AEM_KEYSTORE_PASSWORD` only (no flag), and is never printed.
 */
import { basename, relative } from 'node:path';
import { InputError } from '../errors.ts';
import { readVariable } from '../environment-variable.ts';
import { readChosenConfig, type ConfigChoice } from '../config/read-config.ts';
import { checkCertificate } from '../crypto/key-checks.ts';
import { checkKeystorePassword } from '../crypto/keystore-password.ts';
import { readPkcs12Keystore } from '../crypto/keystore.ts';
import { readKeystoreFile } from '../crypto/key-sources.ts';
import { getCertificateIdentity, type ServiceUserKey } from './keystore-install.ts';

/** The variable that holds the password AEM gives the service user's new keystore. */
export const AEM_KEYSTORE_PASSWORD_VARIABLE = 'AEM_KEYSTORE_PASSWORD';

/** Options of {@link readServiceUserKey}. */
export interface ReadServiceUserKeyOptions extends ConfigChoice {
  /** `--config`. @default aem-ioevents.yaml in `cwd` */
  readonly config?: string | undefined;
  /** `--env`. */
  readonly envName?: string | undefined;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: Date;
}

/** The key, the configuration's warnings, and the secrets to keep out of output. */
export interface LoadedServiceUserKey {
  readonly key: ServiceUserKey;
  /** The PKCS#12 file as the report names it (relative to `cwd`). */
  readonly file: string;
  readonly warnings: readonly string[];
  readonly secrets: readonly string[];
}

/** Reads and checks the key; throws `InputError` (exit 2) saying what is missing. */
export async function readServiceUserKey(options: ReadServiceUserKeyOptions): Promise<LoadedServiceUserKey> {
  const { cwd, env } = options;
  const loaded = await readChosenConfig(options, cwd, env);
  const { keystore, serviceUser } = loaded.config;
  if (keystore === undefined) {
    throw new InputError(`--keystore needs the keystore section (file, password, alias) in ${relative(cwd, loaded.file) || loaded.file}`, { code: 'E_DEPLOY_KEYSTORE' });
  }
  const { bytes, password, label } = await readKeystoreFile({ file: keystore.file, password: keystore.password, cwd, usedBy: 'deploy --keystore' });
  const entry = readPkcs12Keystore({ bytes, password, alias: keystore.alias, label });
  const key: ServiceUserKey = {
    home: serviceUser.home,
    alias: entry.alias,
    keystore: bytes,
    keystoreFilename: basename(keystore.file),
    password,
    certificate: getCertificateIdentity(entry.certificate),
  };
  return { key, file: label, warnings: [...loaded.warnings, ...checkCertificate(entry.certificate, { label, now: options.now })], secrets: [password] };
}

/** `AEM_KEYSTORE_PASSWORD`, checked like any PKCS#12 password Java opens; `undefined` when unset. */
export function readAemKeystorePassword(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const password = readVariable(env, AEM_KEYSTORE_PASSWORD_VARIABLE, 'secret');
  if (password === undefined) return undefined;
  checkKeystorePassword(password, AEM_KEYSTORE_PASSWORD_VARIABLE);
  return password;
}
