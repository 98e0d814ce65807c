/**
 * The one reader of the variables the tool reads by name (`AEM_URL`, `AEM_USER`, `AEM_PASSWORD`,
 * `AEM_KEYSTORE_PASSWORD`, `IOEVENTS_KEYSTORE_PASSWORD`, `IOEVENTS_IMS_URL`), and the check of the
 * values that travel in HTTP headers (`--user`).
 *
 * A CI script's `echo "$X" > file`, or a secret pasted into a CI store with its line break, leaves
 * a trailing "\n" (or "\r\n"). Such a value is refused (exit 2), never trimmed: a password is sent
 * as it is, so a line break in it makes AEM answer 401 without saying why, and trimming would be a
 * guess about a secret. The keystore passwords follow the same rule (`checkKeystorePassword`).
 * A secret's value is never shown; a plain one is, escaped, so that the line break can be seen.
 */
import { InputError } from './errors.ts';

/** Whether a value may be shown in messages. */
export type VariableKind = 'secret' | 'plain';

/**
 * The value of `name` in `env` (own properties only), or `undefined` when unset. Throws
 * `InputError` (exit 2) naming the variable when the value holds a line break or another control
 * character; the value itself is named only for a `plain` variable.
 */
export function readVariable(env: Readonly<Record<string, string | undefined>>, name: string, kind: VariableKind = 'plain'): string | undefined {
  const value = Object.hasOwn(env, name) ? env[name] : undefined;
  if (value !== undefined) checkControlCharacters(value, name, kind);
  return value;
}

/** Throws `InputError` when `value` (of the variable or flag `name`) holds a control character. */
export function checkControlCharacters(value: string, name: string, kind: VariableKind): void {
  // C0 controls and DEL: no URL, user name or password of AEM holds one (the URL standard even strips them).
  const control = /[\u0000-\u001f\u007f]/u.exec(value);
  if (control === null) return;
  const shown = kind === 'secret' ? ' (the value is not shown: it is a secret)' : `: got ${JSON.stringify(value)}`;
  const why = /^[^\r\n]*[\r\n]+$/u.test(value)
    ? `ends with a line break, as echo or a secret pasted with its newline leaves it; remove it (printf '%s' writes none)`
    : `contains a control character (${describeCharacter(control[0])}); remove it`;
  throw new InputError(`${name} ${why}${shown}`, { code: 'E_CONTROL_CHARACTER' });
}

function describeCharacter(character: string): string {
  const names: Record<string, string> = { '\n': 'a line break', '\r': 'a carriage return', '\t': 'a tab', '\u0000': 'a NUL' };
  return names[character] ?? `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
