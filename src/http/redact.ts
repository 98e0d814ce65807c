/**
 * Blanking secrets out of text that came back from a remote (IMS descriptions, AEM pages and
 * install logs) or from a library message, before it is shown or kept in a result.
 */

/** Replaces every occurrence of each non-empty secret with `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  // Longest first, so a secret that contains another is blanked out whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) if (secret.length > 0) result = result.split(secret).join('***');
  return result;
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
