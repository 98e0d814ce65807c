/**
 * Adobe's end of JWT (Service Account) credentials (AdobeDocs/adobe-dev-console
 * `ServerToServerAuthentication/migration.md`): deprecated 2023-05-01, end of life 2025-06-30,
 * the remaining ones converted to OAuth Server-to-Server when their certificate expires or on
 * 2026-03-01, whichever comes first.
 */

/** The last day of JWT credentials. */
export const JWT_END_OF_LIFE = '2025-06-30';

/** The day Adobe converted the last JWT credentials to OAuth Server-to-Server. */
export const JWT_CONVERSION_DATE = '2026-03-01';

/** Where JWT credentials stand on a given day. */
export type JwtLifecycle = 'deprecated' | 'past_end_of_life' | 'converted';

/** The notice a result carries whenever the JWT flow is used or refused. */
export interface JwtEndOfLifeNotice {
  readonly status: JwtLifecycle;
  readonly endOfLife: typeof JWT_END_OF_LIFE;
  readonly conversionDate: typeof JWT_CONVERSION_DATE;
  readonly message: string;
  /** What to migrate to, and how. */
  readonly migration: string;
}

const MIGRATION =
  'Migrate to OAuth Server-to-Server: in the Adobe Developer Console the credential converts in place (same client ID, technical account, APIs and scopes); ' +
  "check it with `aem-ioevents verify --flow oauth` and the credential's scopes in ims.scopes. AEM 6.5 takes OAuth Server-to-Server IMS configurations from Service Pack 20 " +
  '(hotfixes back to SP11); on AEM as a Cloud Service, I/O Events come from the cloud-native AEM Events.';

/** Describes the JWT end of life as seen on `now`. */
export function describeJwtEndOfLife(now: Date): JwtEndOfLifeNotice {
  const day = now.toISOString().slice(0, 10);
  const dates = { endOfLife: JWT_END_OF_LIFE, conversionDate: JWT_CONVERSION_DATE } as const;
  if (day >= JWT_CONVERSION_DATE) {
    return {
      status: 'converted',
      ...dates,
      message: `Adobe ended JWT credentials on ${JWT_END_OF_LIFE} and converted every remaining Developer Console JWT credential to OAuth Server-to-Server by ${JWT_CONVERSION_DATE}: their JWT exchanges no longer work.`,
      migration: MIGRATION,
    };
  }
  if (day > JWT_END_OF_LIFE) {
    return {
      status: 'past_end_of_life',
      ...dates,
      message: `JWT credentials are past their end of life (${JWT_END_OF_LIFE}): their certificates cannot be renewed, and Adobe converts each to OAuth Server-to-Server when its certificate expires, the last on ${JWT_CONVERSION_DATE}.`,
      migration: MIGRATION,
    };
  }
  return {
    status: 'deprecated',
    ...dates,
    message: `Adobe deprecated JWT credentials: end of life ${JWT_END_OF_LIFE}; the remaining ones are converted to OAuth Server-to-Server when their certificate expires or on ${JWT_CONVERSION_DATE}.`,
    migration: MIGRATION,
  };
}

/** Whether a JWT flow can still get access tokens on a given day, in a phrase for `templates`. */
export interface JwtTokenStatus {
  readonly canGetTokens: boolean;
  readonly tokens: string;
}

/** The token status of every JWT setup on `now` (`templates`). */
export function describeJwtTokens(now: Date): JwtTokenStatus {
  const { status } = describeJwtEndOfLife(now);
  if (status === 'converted') return { canGetTokens: false, tokens: `no: JWT credentials ended on ${JWT_END_OF_LIFE}; Adobe converted the last ones to OAuth Server-to-Server by ${JWT_CONVERSION_DATE}` };
  if (status === 'past_end_of_life') return { canGetTokens: true, tokens: `until the certificate expires, ${JWT_CONVERSION_DATE} at the latest (JWT end of life ${JWT_END_OF_LIFE})` };
  return { canGetTokens: true, tokens: `yes, but deprecated (JWT end of life ${JWT_END_OF_LIFE})` };
}

// The setup that still gets tokens, in this tool's words: the AEM versions are those of the
// templates' `flows` (Experience League "Setting Up IMS Integrations for AEM": OAuth from 6.5 SP20,
// SP11 to SP19 with a hotfix; adobe/aio-lib-java 2.0.0 for aio.oauth.scopes).
const WORKING_PATH =
  'What works: OAuth Server-to-Server. Convert the credential in the Adobe Developer Console, set osgi.flow: oauth and ims.scopes, ' +
  "then build --template ims-6.5 (AEM 6.5 SP20 or later; SP11 to SP19 with Adobe's Granite hotfix) or --template aio-aem-events (add-on 2.0.0 or later); " +
  'on AEM as a Cloud Service use the built-in AEM Events. `aem-ioevents templates` shows which setups still get tokens.';

/**
 * The warning of a command that makes something for the JWT flow (`keygen`, `build`): `subject`
 * names it and ends before "the JWT (Service Account) flow", e.g. `template cloudservice-6.3 writes`.
 */
export function formatJwtFlowWarning(subject: string, now: Date): string {
  return `${subject} the JWT (Service Account) flow. ${describeJwtEndOfLife(now).message} ${WORKING_PATH}`;
}
