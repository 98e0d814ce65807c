/**
 * Offline checks of metascopes (JWT) and scopes (OAuth Server-to-Server): known names or full
 * URLs for this IMS (AdobeDocs/adobeio-auth `JWT/Scopes.md`; the `invalid_scope` refusals of
 * adobe/jwt-auth#6 and AdobeDocs/adobe-dev-console#54).
 */
import type { CheckOutcome, OfflineCheck } from './credential-checks.ts';
import { isFullUrlMetascope, isKnownMetascope, METASCOPE_TYPOS } from './metascopes.ts';

interface Finding {
  readonly outcome: CheckOutcome;
  readonly text: string;
}

/** Metascopes: each a documented name, or a URL `<ims>/s/<name>` for this very IMS. */
export function checkMetascopes(metascopes: readonly string[], imsUrl: string): OfflineCheck {
  const id = 'metascopes';
  if (metascopes.length === 0) return { id, outcome: 'fail', message: 'No metascopes: IMS refuses a JWT without one (invalid_scope); the default is event_receiver_api, ent_adobeio_sdk.' };
  const findings = metascopes.map((metascope) => checkMetascope(metascope, imsUrl)).filter((finding) => finding !== undefined);
  const names = metascopes.map((metascope) => (isFullUrlMetascope(metascope) ? metascope.slice(metascope.lastIndexOf('/') + 1) : metascope));
  if (!names.includes('event_receiver_api')) {
    findings.push({ outcome: 'warn', text: "event_receiver_api is missing: AEM's I/O Events connector needs the I/O Events API" });
  }
  return summarize(id, findings, `The metascopes [${metascopes.join(', ')}] are known names.`);
}

function checkMetascope(metascope: string, imsUrl: string): Finding | undefined {
  if (isFullUrlMetascope(metascope)) {
    const name = metascope.startsWith(`${imsUrl}/s/`) ? metascope.slice(imsUrl.length + 3) : '';
    if (!/^[A-Za-z0-9_]+$/.test(name)) return { outcome: 'fail', text: `'${metascope}' is not a metascope URL of ${imsUrl} (${imsUrl}/s/<name>); IMS refuses another host's metascopes (invalid_scope)` };
    return isKnownMetascope(name) ? undefined : { outcome: 'warn', text: `'${name}' (in '${metascope}') is not a metascope Adobe documents` };
  }
  // aio-lib-java writes metascopes as /s/name (ims-jwt.md §2.3); here the prefix would double.
  if (metascope.startsWith('/s/')) return { outcome: 'fail', text: `write '${metascope.slice(3)}', not '${metascope}': the ${imsUrl}/s/ prefix is added` };
  const meant = METASCOPE_TYPOS.get(metascope);
  if (meant !== undefined) return { outcome: 'fail', text: `'${metascope}' is a known misspelling of '${meant}'` };
  if (!/^[A-Za-z0-9_]+$/.test(metascope)) return { outcome: 'fail', text: `'${metascope}' is neither a metascope name (letters, digits, _) nor a URL` };
  return isKnownMetascope(metascope) ? undefined : { outcome: 'warn', text: `'${metascope}' is not a metascope Adobe documents; IMS refuses metascopes the credential lacks` };
}

/** OAuth Server-to-Server scopes: names without spaces or commas (they are sent comma-separated). */
export function checkScopes(scopes: readonly string[]): OfflineCheck {
  const id = 'scopes';
  if (scopes.length === 0) return { id, outcome: 'fail', message: "No scopes for OAuth Server-to-Server: copy them from the credential's page into ims.scopes." };
  const findings: Finding[] = scopes
    .filter((scope) => !/^[^\s,]+$/.test(scope))
    .map((scope) => ({ outcome: 'fail', text: `${JSON.stringify(scope)} is not a scope name (no spaces or commas; one scope per list item)` }));
  return summarize(id, findings, `The scopes [${scopes.join(', ')}] are well-formed.`);
}

function summarize(id: string, findings: readonly Finding[], passMessage: string): OfflineCheck {
  if (findings.length === 0) return { id, outcome: 'pass', message: passMessage };
  const outcome = findings.some((finding) => finding.outcome === 'fail') ? 'fail' : 'warn';
  const label = id === 'metascopes' ? 'Metascopes' : 'Scopes';
  return { id, outcome, message: `${label}: ${findings.map((finding) => finding.text).join('; ')}.` };
}
