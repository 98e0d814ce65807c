/**
 * Metascopes: the JWT's claims that name the APIs of the credential (AdobeDocs/adobeio-auth
 * `JWT/JWT.md`, `JWT/Scopes.md`).
 * A short name `event_receiver_api` becomes the claim `"<ims>/s/event_receiver_api": true`;
 * a full URL is used as is, as adobe/jwt-auth does.
 */

/** The metascopes AEM's I/O Events integration needs: I/O Events and the I/O Management API (AdobeDocs/adobeio-events `aem/aem_console_setup.md`). */
export const AEM_EVENTS_METASCOPES: readonly string[] = ['event_receiver_api', 'ent_adobeio_sdk'];

/** Metascope names Adobe documents (AdobeDocs/adobeio-auth `JWT/Scopes.md`). */
export const KNOWN_METASCOPES: ReadonlySet<string> = new Set([
  'event_receiver_api',
  'ent_adobeio_sdk',
  'ent_aem_cloud_api',
  'ent_aem_cloud_sdk',
  'ent_cloudmgr_sdk',
  'ent_user_sdk',
  'ent_dataservices_sdk',
  'ent_analytics_bulk_ingest_sdk',
  'ent_campaign_sdk',
  'ent_marketing_sdk',
  'ent_gdpr_sdk',
  'ent_smartcontent_sdk',
  'ent_brand_portal_sdk',
]);

/** Misspellings seen in the wild, with the name meant (AdobeDocs/adobeio-auth#44: the doc typo `ent_receiver_api`). */
export const METASCOPE_TYPOS: ReadonlyMap<string, string> = new Map([['ent_receiver_api', 'event_receiver_api']]);

/** True when the metascope is written as a full URL (`https://…/s/name`). Checked per element, unlike adobe/jwt-auth `index.js`, which tests the whole list. */
export function isFullUrlMetascope(metascope: string): boolean {
  return /^https?:\/\//i.test(metascope);
}

/** True for a known name, including the `ent_reactor_*_sdk` family of JWT/Scopes.md. */
export function isKnownMetascope(name: string): boolean {
  return KNOWN_METASCOPES.has(name) || /^ent_reactor_[a-z0-9_]+_sdk$/.test(name);
}

/** The claim key of one metascope: a full URL as is, a name as `<ims>/s/<name>`. */
export function getMetascopeClaimKey(metascope: string, imsUrl: string): string {
  return isFullUrlMetascope(metascope) ? metascope : `${imsUrl}/s/${metascope}`;
}
