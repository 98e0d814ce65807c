// The exact warnings of issue 12, point 8, written out (not taken from src) so a test fails when
// the wording changes: keygen and build for a JWT flow, and the setup notices.

/** What follows "<subject> the JWT (Service Account) flow." on a day after 2026-03-01. */
export const JWT_FLOW_WARNING_TAIL =
  'Adobe ended JWT credentials on 2025-06-30 and converted every remaining Developer Console JWT credential to OAuth Server-to-Server by 2026-03-01: ' +
  'their JWT exchanges no longer work. What works: OAuth Server-to-Server. Convert the credential in the Adobe Developer Console, set osgi.flow: oauth and ims.scopes, ' +
  "then build --template ims-6.5 (AEM 6.5 SP20 or later; SP11 to SP19 with Adobe's Granite hotfix) or --template aio-aem-events (add-on 2.0.0 or later); " +
  'on AEM as a Cloud Service use the built-in AEM Events. `aem-ioevents templates` shows which setups still get tokens.';

/** keygen's warning. */
export const KEYGEN_JWT_WARNING = `keygen's key and certificate are for the JWT (Service Account) flow. ${JWT_FLOW_WARNING_TAIL}`;

/** build's warning for a template that writes the JWT flow. */
export const buildJwtWarning = (template: string): string => `template ${template} writes the JWT (Service Account) flow. ${JWT_FLOW_WARNING_TAIL}`;

/** The add-on's OAuth scopes notice. */
export const ADDON_SCOPES_WARNING =
  'aio.oauth.scopes needs the Adobe I/O Events add-on 2.0.0 or later (adobe/aio-lib-java); an older add-on ignores it and falls back to JWT, ' +
  'which no longer gets tokens: check the add-on version on AEM (/bin/aio/workspace.json shows it) before installing';

/** The add-on's AEM as a Cloud Service notice. */
export const ADDON_CLOUD_SERVICE_WARNING =
  'on AEM as a Cloud Service the Adobe I/O Events add-on is deprecated in favour of the built-in AEM Events (developer.adobe.com/events/docs/guides/using/aem); use those there';

/** The IMS OAuth grant notice of ims-6.5. */
export const IMS_OAUTH_GRANT_WARNING =
  "the OAuth Server-to-Server IMS configuration needs AEM 6.5 SP20 or later, or SP11 to SP19 with Adobe's Granite hotfix (ims-jwt-compatibility-package-6.5); " +
  'an older AEM refuses client_credentials with unsupported_grant_type';
