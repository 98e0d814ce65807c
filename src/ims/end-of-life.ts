/**
 * Adobe's end of JWT (Service Account) credentials (ims-jwt.md §4.2; AdobeDocs/adobe-dev-console
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
