/**
 * Blanking secrets out of text: text that came back from a remote (IMS descriptions, AEM pages and
 * install logs), a library message, and everything the CLI writes (`SecretRegistry`, cli.ts).
 */

/** What a blanked-out secret reads. */
export const REDACTION = '***';

/**
 * Secrets shorter than this (in characters) are blanked out only where they stand alone, not
 * touching a letter or digit: blanking every `p` of a one-letter password would wreck every
 * message, while `cannot read keystore.file p` still hides it (issue 11, point 6).
 */
export const MIN_REDACTED_LENGTH = 4;

/** True for a secret too short to be blanked out everywhere (see {@link MIN_REDACTED_LENGTH}). */
export function isShortSecret(secret: string): boolean {
  return [...secret].length < MIN_REDACTED_LENGTH;
}

/** Replaces each non-empty secret with `***`: everywhere, or where it stands alone when it is short. */
export function redact(text: string, secrets: readonly string[]): string {
  return createRedactor(secrets)(text);
}

/** {@link redact} for many texts with the same secrets: sorted and compiled once. */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  // Longest first, so a secret that contains another is blanked out whole.
  const steps = [...new Set(secrets)]
    .filter((secret) => secret.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((secret) => ({ secret, alone: isShortSecret(secret) ? standingAlone(secret) : undefined }));
  return (text) => {
    let result = text;
    for (const { secret, alone } of steps) {
      if (!result.includes(secret)) continue;
      result = alone === undefined ? result.split(secret).join(REDACTION) : result.replace(alone, REDACTION);
    }
    return result;
  };
}

// The secret where no letter or digit touches it on either side.
function standingAlone(secret: string): RegExp {
  // Only syntax characters may be escaped in a `u` pattern.
  const escaped = secret.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
}

/** The password of a URL (as written and decoded), for {@link redact}; none when the URL has none or does not parse. */
export function getUrlSecrets(url: string): string[] {
  try {
    const parsed = new URL(url);
    return parsed.password ? [parsed.password, safeDecode(parsed.password)] : [];
  } catch {
    return [];
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
