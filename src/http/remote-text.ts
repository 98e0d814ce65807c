/**
 * Text a remote wrote (an error description, a header, the start of a page) made fit for a
 * report line: its secrets blanked, one line without control characters (an escape sequence
 * would reach the terminal as it is), and cut to a length, only after the blanking, so no cut-off
 * piece of a secret survives (the rule of AEM's messages, src/check/health-json.ts).
 */
import { createRedactor } from './redact.ts';

/** The longest remote text kept in a result, in characters (as AEM's check messages). */
export const MAX_REMOTE_TEXT_CHARS = 500;

// C0 and C1 controls and DEL; whitespace among them becomes one space first.
const WHITESPACE = /[\t\n\v\f\r \u0085\u2028\u2029]+/g;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * A cleaner of remote text for the given secrets (compiled once): `undefined` stays `undefined`.
 * Secrets are blanked before and after the whitespace is folded, in case folding joins one.
 */
export function createRemoteTextCleaner(secrets: readonly string[], maxChars: number = MAX_REMOTE_TEXT_CHARS): <T extends string | undefined>(text: T) => T {
  const redact = createRedactor(secrets);
  return <T extends string | undefined>(text: T): T => {
    if (text === undefined) return text;
    const line = redact(redact(text).replace(WHITESPACE, ' ').replace(CONTROLS, '')).trim();
    return (line.length > maxChars ? `${line.slice(0, maxChars)}…` : line) as T;
  };
}
