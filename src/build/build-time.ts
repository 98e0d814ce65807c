import { InputError } from '../errors.ts';

/**
 * The time stamped into `properties.xml` and every zip entry: `SOURCE_DATE_EPOCH` (seconds since
 * 1970, the reproducible-builds convention) when set, so two builds are byte-identical; else now.
 */
export function getBuildTime(env: Readonly<Record<string, string | undefined>>, now: () => Date): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return now();
  if (!/^\d{1,12}$/.test(epoch)) {
    throw new InputError(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, got '${epoch}'`, { code: 'E_SOURCE_DATE_EPOCH' });
  }
  return new Date(Number(epoch) * 1000);
}
