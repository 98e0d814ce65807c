/**
 * Why a check is not OK and what to do, where it is known. AEM's messages are matched
 * first: IMS's error names (AdobeDocs/adobeio-auth `JWT/JWT.md`; "Could not match JWT signature
 * to any of the bindings", adobe/pdfservices-node-sdk-samples#17) and the failures users met
 * (AdobeDocs/adobeio-events @ bf753a0 `help/debug.md`); then what each check means (the
 * connector's health-check tags, AdobeDocs/adobeio-events `aem/aem_on_premise_healthcheck.md`; the
 * add-on's servlets, adobe/aio-lib-java). The connector's own message texts are not public, so the
 * patterns follow what IMS answers, which the connector passes on.
 */
import type { CheckMessage, CheckStatus } from './check-result.ts';

/** A known message and what it means. */
interface KnownMessage {
  readonly pattern: RegExp;
  readonly cause: string;
}

const KNOWN_MESSAGES: readonly KnownMessage[] = [
  {
    pattern: /could not match jwt signature|invalid_signature/i,
    cause: "the keystore's certificate is not the one on the credential: upload the certificate of the key in the service user's keystore to the Developer Console credential, or install the credential's key with aem-ioevents deploy --keystore --replace-key",
  },
  {
    pattern: /keystore.*(not (be )?found|missing|does not exist|no such|not exist|is null|not initiali[sz]ed|no (private )?key)|no keystore|(alias|key).*not found/i,
    cause: "the service user has no keystore, or no key under the alias: install it with aem-ioevents deploy --keystore (AEM_KEYSTORE_PASSWORD creates a missing store)",
  },
  { pattern: /invalid_client|client.?secret/i, cause: 'IMS refused the API key or the client secret: compare them with the Developer Console credential (aem-ioevents verify)' },
  { pattern: /invalid_scope|metascope/i, cause: 'IMS refused the scopes: add the I/O Events and I/O Management APIs to the Developer Console workspace (aem-ioevents verify)' },
  { pattern: /unsupported_grant_type/i, cause: 'this AEM does not know the OAuth Server-to-Server grant: it needs AEM 6.5 SP20 (SP11 to SP19 with a Granite hotfix)' },
];

// What each check means when it fails and no message says more.
const CHECK_CAUSES: Readonly<Record<string, string>> = {
  'conf-events': "the connector's configurations do not load: check the connector's version, that it was installed with Access Control Handling Merge, and the service user's permissions",
  'ims-events': "the token exchange with IMS fails: the keystore must match the credential's certificate, and the API key, technical account, organization and client secret the Developer Console's (aem-ioevents verify)",
  'csm-events': 'the provider is not registered with I/O Events: it needs ims-events to pass and the Link Externalizer to name this instance',
  '/bin/aio/workspace.json': "the add-on's Workspace Configuration is incomplete or wrong: aem-ioevents verify, then build and deploy it again",
  '/bin/aio/events/provider_config.json': "the add-on's event provider configuration is missing or wrong",
  '/bin/aio/events/provider.json': 'the provider is not registered with I/O Events: it needs the workspace to be up',
  '/bin/aio/events/event_metadata.json': 'the event metadata is not registered: it needs the provider to be registered',
  '/bin/aio/events/publish_ping.json': 'the add-on cannot publish events: it needs the provider to be registered',
};

/** What the status alone says, when no message or check says more. */
function causeOfStatus(status: CheckStatus, kind: 'health' | 'status'): string | undefined {
  switch (status) {
    case 'missing':
      return kind === 'health'
        ? 'no health check carries this tag: the eventproxy connector is not installed, or too old for this check'
        : 'the servlet is not there (404): the Adobe I/O Events add-on is not installed';
    case 'unauthorized':
      return 'AEM refused the credentials: check AEM_USER and AEM_PASSWORD';
    case 'not-ready':
      return 'AEM answered 5xx until --wait ran out; it may still be starting: give a longer --wait';
    case 'TEMPORARILY_UNAVAILABLE':
      return 'the health check says it is not ready yet (TEMPORARILY_UNAVAILABLE) until --wait ran out; AEM may still be starting: give a longer --wait';
    case 'unexpected':
      return 'AEM answered in no format this check knows: is the URL the instance itself, not a login page or a proxy?';
    default:
      return undefined;
  }
}

/** The cause of a failing check, or null when it passes or nothing is known. */
export function findCause(name: string, kind: 'health' | 'status', status: CheckStatus, messages: readonly CheckMessage[], passing: boolean): string | null {
  if (passing) return null;
  const known = KNOWN_MESSAGES.find((entry) => messages.some((m) => entry.pattern.test(m.message)));
  if (known !== undefined) return known.cause;
  const byStatus = causeOfStatus(status, kind);
  if (byStatus !== undefined) return byStatus;
  if (status === 'unreachable' || status === 'timed-out') return null;
  return CHECK_CAUSES[name] ?? null;
}

/** The cause that replaces each check's own when every check of a target answered 404. */
export const NOTHING_INSTALLED_CAUSE = '404 on every check path: the eventproxy connector or the Adobe I/O Events add-on is not installed on this instance (or the health-check servlet is disabled: see the Web Console, /system/console/healthcheck)';
