/**
 * Offline checks of the credential's identifiers (the `ims` section of the configuration file):
 * they catch the copy-paste accidents that IMS would only answer with a vague refusal. Values
 * are shown, as they are not secrets; the client secret never is.
 */
import { IMS_URLS, isLoopbackUrl } from './ims-url.ts';

/** `fail` stops the network step; `warn` is shown but does not. */
export type CheckOutcome = 'pass' | 'warn' | 'fail';

/** One offline check: what was checked, the outcome and a sentence that names the value. */
export interface OfflineCheck {
  /** Stable id, e.g. `client-id`, `organization-id`, `key-matches-certificate`. */
  readonly id: string;
  readonly outcome: CheckOutcome;
  readonly message: string;
}

const ORG_SUFFIX = '@AdobeOrg';
const TECH_SUFFIX = '@techacct.adobe.com';

/** The client ID (API key): Developer Console API keys are 32 lower-case hex digits. */
export function checkClientId(clientId: string): OfflineCheck {
  const id = 'client-id';
  if (clientId === '') return { id, outcome: 'fail', message: 'The client ID (cloudService.apiKey) is empty.' };
  if (!/^[A-Za-z0-9._-]+$/.test(clientId)) {
    return { id, outcome: 'fail', message: `The client ID ${JSON.stringify(clientId)} holds characters an API key never has (spaces, quotes, line breaks): copy it again from the credential.` };
  }
  if (/^[0-9a-f]{32}$/.test(clientId)) return { id, outcome: 'pass', message: `The client ID '${clientId}' has the form of an Adobe API key (32 hex digits).` };
  return { id, outcome: 'warn', message: `The client ID '${clientId}' is not the usual 32 lower-case hex digits of an Adobe API key; compare it with the credential's client ID.` };
}

/** The client secret: set, without stray whitespace, not the client ID. Never shows it. */
export function checkClientSecret(clientSecret: string, clientId: string): OfflineCheck {
  const id = 'client-secret';
  if (clientSecret === '') return { id, outcome: 'fail', message: 'The client secret is empty: set IOEVENTS_CLIENT_SECRET (cloudService.clientSecret).' };
  if (clientSecret !== clientSecret.trim() || /\s/.test(clientSecret)) {
    return { id, outcome: 'fail', message: 'The client secret holds spaces or line breaks (a copy-paste accident?); IMS would refuse it.' };
  }
  if (clientSecret === clientId) return { id, outcome: 'fail', message: 'The client secret equals the client ID: put the credential\'s client secret in IOEVENTS_CLIENT_SECRET.' };
  return { id, outcome: 'pass', message: 'The client secret is set.' };
}

/** The organization ID: `<24 hex digits>@AdobeOrg`, the JWT's `iss`. */
export function checkOrganizationId(orgId: string): OfflineCheck {
  return checkSuffixedId({ id: 'organization-id', label: 'organization ID (cloudService.organizationId)', value: orgId, suffix: ORG_SUFFIX, other: TECH_SUFFIX });
}

/** The technical account ID: `<24 hex digits>@techacct.adobe.com`, the JWT's `sub`. */
export function checkTechnicalAccountId(technicalAccountId: string): OfflineCheck {
  return checkSuffixedId({ id: 'technical-account-id', label: 'technical account ID (cloudService.technicalAccountId)', value: technicalAccountId, suffix: TECH_SUFFIX, other: ORG_SUFFIX });
}

interface SuffixedId {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly suffix: string;
  /** The other identifier's suffix, to spot the two swapped. */
  readonly other: string;
}

function checkSuffixedId({ id, label, value, suffix, other }: SuffixedId): OfflineCheck {
  if (value.endsWith(other)) return { id, outcome: 'fail', message: `The ${label} '${value}' ends in ${other}: organization and technical account IDs are swapped.` };
  if (!value.endsWith(suffix)) return { id, outcome: 'fail', message: `The ${label} '${value}' does not end in ${suffix}.` };
  if (!/^[0-9A-F]{24}$/.test(value.slice(0, -suffix.length))) {
    return { id, outcome: 'warn', message: `The ${label} '${value}' does not start with the usual 24 upper-case hex digits; compare it with the credential.` };
  }
  return { id, outcome: 'pass', message: `The ${label} '${value}' has its format.` };
}

/** The IMS base URL: Adobe's prod or stage host, or another one (plain http only on this machine). */
export function checkImsUrl(imsUrl: string): OfflineCheck {
  const id = 'ims-url';
  if (imsUrl === IMS_URLS.prod || imsUrl === IMS_URLS.stage) {
    return { id, outcome: 'pass', message: `IMS is Adobe's ${imsUrl === IMS_URLS.prod ? 'production' : 'stage'} IMS, ${imsUrl}.` };
  }
  if (imsUrl.startsWith('http:') && !isLoopbackUrl(imsUrl)) {
    return { id, outcome: 'warn', message: `IMS ${imsUrl} is plain http: the client secret would cross the network unencrypted; use https.` };
  }
  return { id, outcome: 'pass', message: `IMS is ${imsUrl}, not Adobe's production or stage IMS.` };
}
