/**
 * The AEM user and password of the Package Manager calls: basic auth (Adobe's Package Manager HTTP service documentation,
 * "-u admin:admin in every example"). The user comes from `--user` or `AEM_USER`, the password
 * only from `AEM_PASSWORD`: a `--password` flag would show in process lists and shell history.
 * The password lives in a private field, so the object can be logged or serialized without it.
 */
import { InputError } from '../errors.ts';
import { checkControlCharacters, readVariable } from '../environment-variable.ts';

/** The variables that hold the AEM credentials (as aemc and the Maven plugins' users name them). */
export const AEM_USER_VARIABLE = 'AEM_USER';
export const AEM_PASSWORD_VARIABLE = 'AEM_PASSWORD';

/** The AEM user and password; only {@link AemCredentials.authorization} and {@link AemCredentials.secrets} reveal the password. */
export class AemCredentials {
  /** The user name; not a secret (AEM prints it in its own answers). */
  readonly user: string;
  readonly #password: string;

  constructor(user: string, password: string) {
    this.user = user;
    this.#password = password;
  }

  /** The `Authorization` header value: `Basic base64(user:password)`, UTF-8 (RFC 7617). */
  authorization(): string {
    return `Basic ${Buffer.from(`${this.user}:${this.#password}`, 'utf8').toString('base64')}`;
  }

  /** Every form in which the password could show up in text, for redaction. */
  secrets(): string[] {
    const pair = `${this.user}:${this.#password}`;
    return [this.#password, encodeURIComponent(this.#password), pair, Buffer.from(pair, 'utf8').toString('base64')];
  }

  /** Serializes without the password. */
  toJSON(): { user: string } {
    return { user: this.user };
  }
}

/** Options of {@link readAemCredentials}. */
export interface ReadAemCredentialsOptions {
  /** `--user`; wins over `AEM_USER`. */
  readonly user?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Reads the credentials; throws `InputError` (exit 2) naming the missing variable. */
export function readAemCredentials(options: ReadAemCredentialsOptions): AemCredentials {
  if (options.user !== undefined) checkControlCharacters(options.user, '--user', 'plain');
  const user = options.user ?? readVariable(options.env, AEM_USER_VARIABLE);
  const password = readVariable(options.env, AEM_PASSWORD_VARIABLE, 'secret');
  if (user === undefined || user === '') {
    throw new InputError(`The AEM user is not set: set ${AEM_USER_VARIABLE} or pass --user (admin on a local SDK)`, { code: 'E_DEPLOY_CREDENTIALS' });
  }
  if (user.includes(':')) {
    // Basic auth splits at the first colon (RFC 7617): such a user cannot log in.
    throw new InputError(`The AEM user '${user.slice(0, user.indexOf(':'))}…' contains ':'; basic auth cannot carry it. Give the user alone and the password in ${AEM_PASSWORD_VARIABLE}`, { code: 'E_DEPLOY_CREDENTIALS' });
  }
  if (password === '') {
    // A CI secret that is not defined for this branch or environment arrives set but empty.
    throw new InputError(`${AEM_PASSWORD_VARIABLE} is set but empty: set it to the AEM password (there is no flag, so it never shows in process lists)`, { code: 'E_DEPLOY_CREDENTIALS' });
  }
  if (password === undefined) {
    throw new InputError(`The AEM password is not set: set ${AEM_PASSWORD_VARIABLE} (there is no flag, so it never shows in process lists)`, { code: 'E_DEPLOY_CREDENTIALS' });
  }
  return new AemCredentials(user, password);
}
