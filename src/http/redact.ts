/**
 * Blanking secrets out of text: text that came back from a remote (IMS descriptions, AEM pages and
 * install logs), a library message, and everything the CLI writes (`SecretRegistry`, cli.ts).
 */

/** What a blanked-out secret reads. */
export const REDACTION = '***';

/**
 * Secrets shorter than this (in characters) are blanked out only where they stand alone, not
 * touching a letter or digit: blanking every `p` of a one-letter password would wreck every
 * message, while `cannot read keystore.file p` still hides it.
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
  // Each form keeps the rule of the secret it came from (a short secret's forms only where they stand alone).
  const rules = new Map<string, boolean>();
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    for (const form of getSecretForms(secret)) if (!rules.has(form) || !isShortSecret(secret)) rules.set(form, isShortSecret(secret));
  }
  // Longest first, so a secret that contains another is blanked out whole.
  const steps = [...rules]
    .sort(([a], [b]) => b.length - a.length)
    .map(([secret, short]) => ({ secret, alone: short ? standingAlone(secret) : undefined }));
  return (text) => {
    let result = text;
    for (const { secret, alone } of steps) {
      if (!result.includes(secret)) continue;
      result = alone === undefined ? result.split(secret).join(REDACTION) : result.replace(alone, REDACTION);
    }
    return result;
  };
}

/**
 * The forms in which text can carry `secret`: as written; as a JSON string carries it; URL-encoded
 * as a component (`encodeURIComponent`) and as a form body (`URLSearchParams`: also `! ' ( ) ~`,
 * a space as `+`), which is how the IMS calls send the client secret and how a remote quoting the
 * request repeats it; HTML-escaped, as an error page quotes it (`& < >` only, or with `"` and `'`
 * as `&#39;` or `&#x27;`).
 */
export function getSecretForms(secret: string): string[] {
  const html = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const quoted = html.replace(/"/g, '&quot;');
  // XML text needs only `&` and `<` escaped (XML 1.0 §2.4): what a servlet writing XML does.
  const xmlText = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const forms = [secret, JSON.stringify(secret).slice(1, -1), html, xmlText, quoted.replace(/'/g, '&#39;'), quoted.replace(/'/g, '&#x27;'), new URLSearchParams({ s: secret }).toString().slice(2)];
  // encodeURIComponent refuses a lone surrogate (a YAML "\ud800" can make one): then no such form.
  try {
    forms.push(encodeURIComponent(secret));
  } catch {
    // URLSearchParams above writes it as U+FFFD instead of throwing.
  }
  return [...new Set(forms)];
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
