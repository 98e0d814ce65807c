/**
 * Telling an HTML page apart from the XML or JSON answer that was asked for: a login page, the
 * Sling POST servlet's "Content modified" page while Package Manager starts (aemsync's issue tracker), a
 * proxy's error page, or AEM's error page (ruby_aem tolerates a 500 HTML answer).
 */
import { createRedactor } from '../http/redact.ts';

/** True when the answer is an HTML page: declared as `text/html`, or its text starts like one. */
export function isHtmlPage(text: string, contentType: string | null): boolean {
  if (contentType !== null && /^\s*text\/html\b/i.test(contentType)) return true;
  return /^\s*(?:<!doctype html|<html[\s>])/i.test(text);
}

/**
 * The page's `<title>` (or first `<h1>`), whitespace collapsed, at most 120 characters; '' when
 * there is none. `secrets` are blanked out before it is cut: cut first, a secret (the quoted
 * `Authorization` header of a debug page) would no longer match at the cut and its start would show.
 */
export function getHtmlTitle(text: string, secrets: readonly string[] = []): string {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(text);
  if (match === null) return '';
  const redact = createRedactor(secrets);
  // Before the tags are stripped too: a page quoting a secret that holds `<b>` unescaped would cut it in two.
  return redact(decodeEntities(redact(match[1]!).replace(/<[^>]*>/g, '')))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
}

/**
 * The Java exception an error page shows (Sling's default error handler puts it, then its stack,
 * in `<pre>`): its first line, entities decoded, secrets blanked, at most 300 characters; '' when
 * the page shows none.
 */
export function getHtmlException(text: string, secrets: readonly string[] = []): string {
  for (const match of text.matchAll(/<pre[^>]*>([\s\S]*?)(?:<\/pre>|$)/gi)) {
    const first = decodeEntities(match[1]!.replace(/<[^>]*>/g, '')).trim().split(/\r?\n/)[0]!.trim();
    // A class name ending in Exception or Error, as Throwable.toString() starts.
    if (/^(?:[\w$]+\.)+[\w$]*(?:Exception|Error)\b/.test(first)) return createRedactor(secrets)(first).slice(0, 300);
  }
  return '';
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(Number.parseInt(name[1]?.toLowerCase() === 'x' ? name.slice(2) : name.slice(1), name[1]?.toLowerCase() === 'x' ? 16 : 10));
    // Own keys only: `&constructor;` is no entity (issue 11, point 5).
    return Object.hasOwn(ENTITIES, name.toLowerCase()) ? ENTITIES[name.toLowerCase()]! : whole;
  });
}
