/**
 * Reading the key files a configuration names, for `build`, `verify` and `deploy --keystore`:
 * one wording for a missing file or password everywhere (exit 2), paths shown relative to `cwd`.
 * Opening and checking the key stays with the caller, which decides whether a bad key is bad input
 * (`build`, `deploy`) or a failed offline check (`verify`).
 */
import { relative } from 'node:path';
import { InputError } from '../errors.ts';
import { readUserFile } from '../fs/read-user-file.ts';

/** A PKCS#12 keystore read from disk, not yet opened. */
export interface KeystoreFile {
  readonly bytes: Buffer;
  readonly password: string;
  /** The file as messages name it. */
  readonly label: string;
}

/** Options of {@link readKeystoreFile}. */
export interface ReadKeystoreFileOptions {
  /** `keystore.file`, absolute. */
  readonly file: string;
  /** `keystore.password`; `undefined` when the configuration has none. */
  readonly password: string | undefined;
  readonly cwd: string;
  /** Who needs it, for the message: `build`, `verify`, `deploy --keystore`. */
  readonly usedBy: string;
}

/** Reads `keystore.file` and requires `keystore.password`; throws `InputError` naming what is missing. */
export async function readKeystoreFile(options: ReadKeystoreFileOptions): Promise<KeystoreFile> {
  const label = labelOf(options.file, options.cwd);
  if (options.password === undefined) {
    throw new InputError(`keystore.password is not set; set it to \${IOEVENTS_KEYSTORE_PASSWORD} so ${options.usedBy} can open ${label}`, { code: 'E_KEYSTORE' });
  }
  const bytes = await readKeyBytes(options.file, { what: 'keystore.file', label, hint: '; make one with aem-ioevents keygen', code: 'E_KEYSTORE' });
  return { bytes, password: options.password, label };
}

/** Reads a PEM key file (`ims.privateKey`) as text. */
export async function readPrivateKeyFile(file: string, cwd: string): Promise<{ readonly text: string; readonly label: string }> {
  const label = labelOf(file, cwd);
  const bytes = await readKeyBytes(file, { what: 'ims.privateKey', label, hint: '', code: 'E_KEY_FILE' });
  return { text: bytes.toString('utf8'), label };
}

function labelOf(file: string, cwd: string): string {
  return relative(cwd, file) || file;
}

function readKeyBytes(file: string, how: { what: string; label: string; hint: string; code: string }): Promise<Buffer> {
  const { what, label, hint, code } = how;
  return readUserFile(file, {
    name: `${what} ${label}`,
    kind: 'key',
    code,
    describeError: (error) => new InputError(`cannot read ${what} ${label}: ${error.code === 'ENOENT' ? `no such file${hint}` : error.message}`, { code, cause: error }),
  });
}
