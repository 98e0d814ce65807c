/**
 * Reading the key files a configuration names, for `build`, `verify` and `deploy --keystore`:
 * one wording for a missing file or password everywhere (exit 2), paths shown relative to `cwd`.
 * Opening and checking the key stays with the caller, which decides whether a bad key is bad input
 * (`build`, `deploy`) or a failed offline check (`verify`).
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { InputError } from '../errors.ts';

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
  const bytes = await readKeyBytes(options.file, `keystore.file ${label}`, '; make one with aem-ioevents keygen', 'E_KEYSTORE');
  return { bytes, password: options.password, label };
}

/** Reads a PEM key file (`ims.privateKey`) as text. */
export async function readPrivateKeyFile(file: string, cwd: string): Promise<{ readonly text: string; readonly label: string }> {
  const label = labelOf(file, cwd);
  const bytes = await readKeyBytes(file, `ims.privateKey ${label}`, '', 'E_KEY_FILE');
  return { text: bytes.toString('utf8'), label };
}

function labelOf(file: string, cwd: string): string {
  return relative(cwd, file) || file;
}

async function readKeyBytes(file: string, what: string, hint: string, code: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError(`cannot read ${what}: ${missing ? `no such file${hint}` : (error as Error).message}`, { code, cause: error });
  }
}
