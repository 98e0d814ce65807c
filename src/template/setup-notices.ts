/**
 * What users must know about a setup that a package alone cannot settle: a
 * template's `flows[].caveats` name these, `templates` lists them, `build` warns them for the flow
 * it writes, and `verify` warns the add-on ones for a configuration with a `workspace` section.
 * One place for the wording, so the three commands say the same thing.
 */

/** The notices by id. */
export const SETUP_NOTICES = {
  // Experience League, "Setting Up IMS Integrations for AEM" (OAuth from 6.5 SP20; SP11 to SP19 with a hotfix).
  'ims-oauth-grant':
    "the OAuth Server-to-Server IMS configuration needs AEM 6.5 SP20 or later, or SP11 to SP19 with Adobe's Granite hotfix (ims-jwt-compatibility-package-6.5); " +
    'an older AEM refuses client_credentials with unsupported_grant_type',
  // adobe/aio-lib-java commit f2f62deb (2024-09-02, release 2.0.0) added aio.oauth.scopes.
  'aio-addon-oauth-scopes':
    'aio.oauth.scopes needs the Adobe I/O Events add-on 2.0.0 or later (adobe/aio-lib-java); an older add-on ignores it and falls back to JWT, ' +
    'which no longer gets tokens: check the add-on version on AEM (/bin/aio/workspace.json shows it) before installing',
  // AdobeDocs/adobe-io-events `src/pages/guides/using/aem/index.md`.
  'aio-addon-cloud-service':
    'on AEM as a Cloud Service the Adobe I/O Events add-on is deprecated in favour of the built-in AEM Events (developer.adobe.com/events/docs/guides/using/aem); use those there',
} as const satisfies Record<string, string>;

/** The id of a setup notice. */
export type SetupNoticeId = keyof typeof SETUP_NOTICES;

/** True when `id` names a notice (an own key, never an inherited one). */
export function isSetupNoticeId(id: string): id is SetupNoticeId {
  return Object.hasOwn(SETUP_NOTICES, id);
}
