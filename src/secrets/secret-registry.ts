/**
 * The secret registry of one CLI run: every secret value the run knows of, so that the CLI's one
 * output path (`runCli` in cli.ts) blanks them out of everything it writes — report text,
 * progress, warnings, error messages and JSON — whichever field a secret was pasted into.
 * It holds the values of the secret environment variables
 * ({@link SECRET_VARIABLES}) from the start, and the configuration loader adds the secret fields
 * of every configuration a command reads (`parseConfig`, option `secrets`).
 */
import { createRedactor, getSecretForms, isShortSecret, MIN_REDACTED_LENGTH } from '../http/redact.ts';

/**
 * The environment variables that hold secrets (README, Configuration; the same names as
 * `SECRET_FIELDS` in config/schema.ts, `AEM_PASSWORD_VARIABLE` and `AEM_KEYSTORE_PASSWORD_VARIABLE`
 * in deploy/; a test keeps them in step). Spelled out so that the start of every command does
 * not load those modules.
 */
export const SECRET_VARIABLES: readonly string[] = ['IOEVENTS_CLIENT_SECRET', 'IOEVENTS_KEYSTORE_PASSWORD', 'IOEVENTS_KEY_PASSPHRASE', 'AEM_PASSWORD', 'AEM_KEYSTORE_PASSWORD'];

/** Where secrets are registered: the library's options take this, the CLI passes its registry. */
export interface SecretSink {
  /** Registers `value` (ignored when undefined or empty); `source` names it in messages (a variable or a field path), never the value. */
  add(value: string | undefined, source: string): void;
}

/** Every secret of a run, and the forms in which text could carry them. */
export class SecretRegistry implements SecretSink {
  readonly #values = new Set<string>();
  // Every form of every value (see getSecretForms), for stringify's quick look.
  readonly #forms = new Set<string>();
  // Short secrets, by value: the first source that gave each one.
  readonly #short = new Map<string, string>();
  // Compiled when first needed after a change: output passes through it string by string.
  #redactor: ((text: string) => string) | undefined;

  add(value: string | undefined, source: string): void {
    if (value === undefined || value === '') return;
    this.#values.add(value);
    for (const form of getSecretForms(value)) this.#forms.add(form);
    this.#redactor = undefined;
    if (isShortSecret(value) && !this.#short.has(value)) this.#short.set(value, source);
  }

  /** `text` with every registered secret, in each of its forms, replaced by `***` (short ones where they stand alone, see `redact`). */
  redact(text: string): string {
    if (this.#values.size === 0) return text;
    this.#redactor ??= createRedactor([...this.#values]);
    return this.#redactor(text);
  }

  /**
   * `value` as indented JSON with the secrets blanked out of every string and key before it is
   * serialized, so the output stays valid JSON whatever characters a secret holds (`"`, `\`).
   */
  stringify(value: unknown): string {
    const plain = JSON.stringify(value, null, 2);
    // JSON escapes character by character, so a string holding a secret serializes to text holding
    // the secret's JSON-escaped form, which is one of the registered forms: without any, nothing to do.
    // (JSON.stringify gives undefined for undefined, whatever its type says.)
    if (plain === undefined || ![...this.#forms].some((form) => plain.includes(form))) return plain;
    return JSON.stringify(value, (_key, item: unknown) => this.#redactValue(item), 2);
  }

  /** One warning per source of a secret too short to blank out everywhere (never the value). */
  shortSecretWarnings(): string[] {
    return [...this.#short.values()].map(
      (source) => `${source} is shorter than ${MIN_REDACTED_LENGTH} characters: too weak for a secret, and the output can only hide it where it stands alone; use a longer one`,
    );
  }

  // JSON.stringify calls this for every value (after toJSON) and again for the members of what it returns.
  #redactValue(item: unknown): unknown {
    if (typeof item === 'string') return this.redact(item);
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const entries = Object.entries(item);
    if (entries.every(([key]) => this.redact(key) === key)) return item;
    return Object.fromEntries(entries.map(([key, member]) => [this.redact(key), member]));
  }
}

/** A registry holding the secret environment variables of `env` (own properties only). */
export function createSecretRegistry(env: Readonly<Record<string, string | undefined>>): SecretRegistry {
  const registry = new SecretRegistry();
  for (const name of SECRET_VARIABLES) if (Object.hasOwn(env, name)) registry.add(env[name], name);
  return registry;
}
