/**
 * The one password of the keystore and its key (AEM needs them equal:
 * AdobeDocs/experience-manager-learn.en
 * `help/foundation/authentication/set-up-public-private-keys-for-use-with-aem-and-adobe-io.md`).
 * It comes from `IOEVENTS_KEYSTORE_PASSWORD`, or is asked on a terminal twice without echo;
 * there is no flag, so it never lands in shell history or process lists.
 */
import { InputError } from '../errors.ts';
import { readVariable } from '../environment-variable.ts';

/** The environment variable that holds the keystore password. */
export const KEYSTORE_PASSWORD_VARIABLE = 'IOEVENTS_KEYSTORE_PASSWORD';

/** Where the password may come from. */
export interface KeystorePasswordSource {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Asks on the terminal without echo; absent without a terminal. */
  readonly promptSecret?: ((question: string) => Promise<string>) | undefined;
}

/**
 * Throws `InputError` for a password AEM could not use: not a string (named by its type only),
 * empty, with a control character, or with a character outside printable ASCII. Java's PKCS#12
 * keystore derives its keys through SunJCE's `PBEKey`, which refuses any other character ("Password is not ASCII"), and then
 * reports "keystore password was incorrect" even for keystores openssl made (tested with JDK 17).
 */
export function checkKeystorePassword(password: string, name: string): void {
  const fail = (why: string): never => {
    throw new InputError(`${name} ${why}`, { code: 'E_KEYSTORE_PASSWORD' });
  };
  // JavaScript callers and parsed files can hand over anything (12345678 from YAML, an unset
  // variable); name its type, never its value, before anything reads it as text.
  if (typeof password !== 'string') fail(`must be a string, got ${describeType(password)}; AEM needs a non-empty keystore password`);
  if (password === '') fail('is empty; AEM needs a non-empty keystore password');
  // A stray line break (echo "…" > file) would make a password nobody can type into AEM's dialog.
  if (/[\u0000-\u001f\u007f]/u.test(password)) fail('contains a control character (such as a line break); remove it');
  if (/[^\u0020-\u007e]/u.test(password)) fail("contains a character outside printable ASCII; Java's PKCS#12 keystore (AEM) cannot open it with such a password: use letters, digits and ASCII punctuation");
}

function describeType(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  const type = typeof value;
  return `${/^[aeiou]/u.test(type) ? 'an' : 'a'} ${type}`;
}

/** True when a password can be had without asking: the variable is set. */
export function hasKeystorePasswordVariable(source: KeystorePasswordSource): boolean {
  return source.env[KEYSTORE_PASSWORD_VARIABLE] !== undefined;
}

/** Reads the keystore password from the environment, or asks twice on the terminal. */
export async function readKeystorePassword(source: KeystorePasswordSource): Promise<string> {
  const fromEnv = readVariable(source.env, KEYSTORE_PASSWORD_VARIABLE, 'secret');
  if (fromEnv !== undefined) {
    checkKeystorePassword(fromEnv, KEYSTORE_PASSWORD_VARIABLE);
    return fromEnv;
  }
  if (source.promptSecret === undefined) {
    throw new InputError(`the keystore needs a password: set ${KEYSTORE_PASSWORD_VARIABLE}, or run keygen on a terminal to be asked for it`, { code: 'E_KEYSTORE_PASSWORD' });
  }
  const password = await source.promptSecret('Keystore password (for keystore.p12 and its key): ');
  checkKeystorePassword(password, 'the keystore password');
  const again = await source.promptSecret('Repeat the keystore password: ');
  if (again !== password) throw new InputError('the two keystore passwords differ; nothing was written', { code: 'E_KEYSTORE_PASSWORD' });
  return password;
}
