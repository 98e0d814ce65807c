/**
 * The options of `verifyCredentials`, their defaults and validation in one place (execa's
 * `normalizeOptions`), and the plan: which flows the configuration supports and will be tried.
 */
import { describeValue, InputError } from '../errors.ts';
import type { OfflineCheck } from './credential-checks.ts';
import type { ImsFlow } from './diagnose.ts';
import type { FetchLike } from './ims-fetch.ts';
import { normalizeCallOptions } from './ims-request.ts';
import { DEFAULT_JWT_LIFETIME_SECONDS } from './jwt-claims.ts';
import { AEM_EVENTS_METASCOPES } from './metascopes.ts';
import type { VerifyFlow } from './verify-result.ts';

/** Input of `verifyCredentials`: already-resolved credentials (configuration, keystore and flags are the caller's business). */
export interface VerifyCredentialsOptions {
  /** Client ID, the API key (`cloudService.apiKey`). */
  readonly clientId: string;
  /** Client secret; never in the result. */
  readonly clientSecret: string;
  /** `…@AdobeOrg`; required for the JWT flow. */
  readonly orgId?: string;
  /** `…@techacct.adobe.com`; required for the JWT flow. */
  readonly technicalAccountId?: string;
  /** JWT metascopes. @default ['event_receiver_api', 'ent_adobeio_sdk'] */
  readonly metascopes?: readonly string[];
  /** OAuth Server-to-Server scopes; without them that flow is not supported. @default [] */
  readonly scopes?: readonly string[];
  /** The signing key as PEM, read from the keystore or a PEM file; without it the JWT flow is not supported. */
  readonly privateKeyPem?: string;
  /** Passphrase of an encrypted PEM key. */
  readonly passphrase?: string;
  /** Results of the key checks done by the caller (keystore opens, key matches certificate, certificate dates). */
  readonly keyChecks?: readonly OfflineCheck[];
  /** `notAfter` of the certificate, to name an expired one in the diagnosis. */
  readonly certificateNotAfter?: Date;
  /** @default 'auto' */
  readonly flow?: VerifyFlow;
  /** Only the offline checks. @default false */
  readonly offline?: boolean;
  /** @default 'https://ims-na1.adobelogin.com' */
  readonly imsUrl?: string;
  /** @default 300 */
  readonly jwtLifetimeSeconds?: number;
  /** @default 10000 */
  readonly timeoutMs?: number;
  /** @default global fetch, or undici through the proxy of `env` */
  readonly fetch?: FetchLike;
  /** For `HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** @default () => new Date() */
  readonly now?: () => Date;
}

/** Options with every default applied, validated, plus the flows to try in order. */
export interface VerifySettings extends Omit<Required<VerifyCredentialsOptions>, 'orgId' | 'technicalAccountId' | 'privateKeyPem' | 'passphrase' | 'certificateNotAfter' | 'fetch' | 'env'> {
  readonly orgId: string | undefined;
  readonly technicalAccountId: string | undefined;
  readonly privateKeyPem: string | undefined;
  readonly passphrase: string | undefined;
  readonly certificateNotAfter: Date | undefined;
  readonly fetch: FetchLike | undefined;
  readonly env: Readonly<Record<string, string | undefined>> | undefined;
  /** Flows in the order they are tried; in `auto`, OAuth runs only when there is no JWT or IMS refused it. */
  readonly plan: readonly ImsFlow[];
}

const FLOWS: readonly VerifyFlow[] = ['auto', 'jwt', 'oauth'];

/** Applies defaults, validates, and plans the flows; throws `InputError` (exit 2) for bad options. */
export function normalizeVerifyOptions(options: VerifyCredentialsOptions): VerifySettings {
  const { flow = 'auto', offline = false, metascopes = AEM_EVENTS_METASCOPES, scopes = [], keyChecks = [] } = options;
  const { jwtLifetimeSeconds = DEFAULT_JWT_LIFETIME_SECONDS } = options;
  if (!FLOWS.includes(flow)) throw new InputError(`Expected \`flow\` to be one of auto, jwt, oauth, got ${describeValue(flow)}`, { code: 'E_IMS_FLOW' });
  for (const [name, value] of Object.entries({ clientId: options.clientId, clientSecret: options.clientSecret })) {
    if (typeof value !== 'string') throw new InputError(`Expected \`${name}\` to be a string, got ${typeof value}`, { code: 'E_IMS_FIELD' });
  }
  for (const [name, list] of Object.entries({ metascopes, scopes })) {
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
      throw new InputError(`Expected \`${name}\` to be a list of strings, got ${describeValue(list)}`, { code: 'E_IMS_SCOPES' });
    }
  }
  const { imsUrl, timeoutMs, now } = normalizeCallOptions(options);
  const settings = {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    orgId: options.orgId,
    technicalAccountId: options.technicalAccountId,
    privateKeyPem: options.privateKeyPem === '' ? undefined : options.privateKeyPem,
    passphrase: options.passphrase,
    certificateNotAfter: options.certificateNotAfter,
    fetch: options.fetch,
    env: options.env,
    flow, offline, metascopes, scopes, keyChecks, jwtLifetimeSeconds, imsUrl, timeoutMs, now,
  };
  return { ...settings, plan: planFlows(settings) };
}

function planFlows(settings: Omit<VerifySettings, 'plan'>): ImsFlow[] {
  const jwt = settings.privateKeyPem !== undefined;
  const oauth = settings.scopes.length > 0;
  const { flow, offline } = settings;
  if (flow === 'jwt' && !jwt) throw new InputError('--flow jwt needs the private key (the keystore, or a PEM file); none was given.', { code: 'E_IMS_FLOW' });
  if (flow === 'oauth' && !oauth) throw new InputError("--flow oauth needs the credential's scopes in ims.scopes; none were given.", { code: 'E_IMS_FLOW' });
  const plan: ImsFlow[] = flow === 'auto' ? [...(jwt ? ['jwt' as const] : []), ...(oauth ? ['oauth' as const] : [])] : [flow];
  if (plan.length === 0 && !offline) {
    throw new InputError('Nothing to verify with IMS: give the private key (keystore or PEM file) for the JWT flow, or ims.scopes for OAuth Server-to-Server.', { code: 'E_IMS_FLOW' });
  }
  if (plan.includes('jwt')) {
    for (const [name, value] of Object.entries({ organizationId: settings.orgId, technicalAccountId: settings.technicalAccountId })) {
      if (typeof value !== 'string' || value === '') throw new InputError(`The JWT flow needs cloudService.${name}; it is missing.`, { code: 'E_IMS_FIELD' });
    }
  }
  return plan;
}
