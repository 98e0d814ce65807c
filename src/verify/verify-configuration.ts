/**
 * `verifyConfiguration()`: the `verify` command's library function. It reads the same
 * configuration as `build`, loads the signing key (the keystore, or `ims.privateKey`), turns the
 * key checks into offline checks, and hands everything to `verifyCredentials` (src/ims).
 */
import { InputError, isIoEventsError } from '../errors.ts';
import { isCloudManagerReference } from '../config/cloud-service-rules.ts';
import { normalizeImsUrl } from '../config/ims-rules.ts';
import { readChosenConfig, type ConfigChoice } from '../config/read-config.ts';
import type { IoEventsConfig } from '../config/types.ts';
import { checkCertificate, checkPrivateKey } from '../crypto/key-checks.ts';
import { readPkcs12Keystore } from '../crypto/keystore.ts';
import { readKeystoreFile, readPrivateKeyFile } from '../crypto/key-sources.ts';
import { parsePrivateKeyPem, toPkcs8Pem } from '../crypto/pem.ts';
import type { OfflineCheck } from '../ims/credential-checks.ts';
import type { FetchLike } from '../ims/ims-fetch.ts';
import { verifyCredentials } from '../ims/verify-credentials.ts';
import type { VerifyFlow, VerifyResult } from '../ims/verify-result.ts';
import { SETUP_NOTICES } from '../template/setup-notices.ts';

/** Options of {@link verifyConfiguration}. */
export interface VerifyConfigurationOptions extends ConfigChoice {
  /** Configuration file; default `aem-ioevents.yaml` in `cwd`. */
  readonly config?: string;
  readonly envName?: string;
  /** @default 'auto' */
  readonly flow?: VerifyFlow;
  /** IMS base URL; wins over `IOEVENTS_IMS_URL` and `ims.url`. */
  readonly imsUrl?: string;
  readonly offline?: boolean;
  readonly timeoutMs?: number;
  /** Folder that `config` resolves against. @default process.cwd() */
  readonly cwd?: string;
  /** Variables: the configuration's `${NAME}`, `IOEVENTS_IMS_URL`, the proxy variables. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly now?: () => Date;
  readonly fetch?: FetchLike;
}

/** The verify result plus the configuration's warnings. */
export interface VerifyConfigurationResult extends VerifyResult {
  readonly warnings: readonly string[];
}

/** Checks the configuration's credentials offline, then against IMS. IMS refusing is `ok: false`. */
export async function verifyConfiguration(options: VerifyConfigurationOptions = {}): Promise<VerifyConfigurationResult> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const now = options.now ?? (() => new Date());
  const imsUrl = options.imsUrl === undefined ? undefined : readImsUrlOption(options.imsUrl);
  const loaded = await readChosenConfig(options, cwd, env);
  const { config } = loaded;
  const key = await loadSigningKey(config, cwd, now());
  const result = await verifyCredentials({
    clientId: config.cloudService.apiKey,
    clientSecret: clientSecretOf(config, env),
    orgId: config.cloudService.organizationId,
    technicalAccountId: config.cloudService.technicalAccountId,
    metascopes: config.ims.metascopes,
    scopes: config.ims.scopes ?? [],
    keyChecks: key.checks,
    imsUrl: imsUrl ?? config.ims.url,
    flow: options.flow ?? 'auto',
    offline: options.offline ?? false,
    env,
    now,
    ...(key.privateKeyPem !== undefined && { privateKeyPem: key.privateKeyPem }),
    ...(key.notAfter !== undefined && { certificateNotAfter: key.notAfter }),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    ...(options.fetch !== undefined && { fetch: options.fetch }),
  });
  return { ...result, warnings: [...loaded.warnings, ...key.warnings, ...addOnWarnings(config)] };
}

// `--ims-url` overrides ims.url and IOEVENTS_IMS_URL, so it passes their rule (https, http only on
// loopback, no path): checked before anything is read or sent, so the client secret never goes
// in clear over the network, nor to a path IMS does not serve.
function readImsUrlOption(value: string): string {
  const result = normalizeImsUrl(value);
  if ('url' in result) return result.url;
  // A URL with a user or password is named by its host only.
  let shown = `'${value}'`;
  try {
    const url = new URL(value);
    if (url.username !== '' || url.password !== '') shown = `a URL with a user or password for host '${url.host}'`;
  } catch {
    // Not a URL: nothing in it to hide.
  }
  throw new InputError(`--ims-url: expected ${result.expected}, got ${shown}${result.hint === undefined ? '' : `; ${result.hint}`}`, { code: 'E_IMS_URL' });
}

// A `workspace` section configures the Adobe I/O Events add-on: IMS may accept the credential and
// the add-on still not use it (issue 12, point 8), so verify says what build says.
function addOnWarnings(config: IoEventsConfig): string[] {
  if (config.workspace === undefined) return [];
  return [...(config.osgi.flow === 'oauth' ? [SETUP_NOTICES['aio-addon-oauth-scopes']] : []), SETUP_NOTICES['aio-addon-cloud-service']];
}

// IMS needs the plain secret. A configuration that only holds AEM's protected form (which only
// that AEM can decrypt), or a Cloud Manager reference (filled in by AEM as a Cloud Service at run
// time), can still be verified with IOEVENTS_CLIENT_SECRET.
function clientSecretOf(config: IoEventsConfig, env: Readonly<Record<string, string | undefined>>): string {
  const configured = config.cloudService.clientSecret;
  const reference = configured !== undefined && isCloudManagerReference(configured);
  const secret = reference ? env.IOEVENTS_CLIENT_SECRET : (configured ?? env.IOEVENTS_CLIENT_SECRET);
  if (secret === undefined || secret === '') {
    const has = reference
      ? `cloudService.clientSecret is the Cloud Manager reference ${configured} (AEM as a Cloud Service fills it in at run time)`
      : 'the configuration only has cloudService.clientSecretProtected (which only AEM can decrypt)';
    throw new InputError(`verify needs the plain client secret, but ${has}; set IOEVENTS_CLIENT_SECRET`, { code: 'E_CLIENT_SECRET' });
  }
  return secret;
}

interface SigningKey {
  readonly privateKeyPem?: string;
  readonly notAfter?: Date;
  readonly checks: OfflineCheck[];
  readonly warnings: string[];
}

// The key for the JWT flow: the keystore when configured, else ims.privateKey, else none (OAuth only).
// A file that is not there is bad input; a key that is wrong is a failed offline check.
async function loadSigningKey(config: IoEventsConfig, cwd: string, now: Date): Promise<SigningKey> {
  const keystore = config.keystore;
  if (keystore !== undefined) {
    const { bytes, password, label } = await readKeystoreFile({ file: keystore.file, password: keystore.password, cwd, usedBy: 'verify' });
    let entry: ReturnType<typeof readPkcs12Keystore>;
    try {
      entry = readPkcs12Keystore({ bytes, password, alias: keystore.alias, label });
    } catch (error) {
      return { checks: [failedCheck('keystore', error)], warnings: [] };
    }
    const checks: OfflineCheck[] = [{ id: 'keystore', outcome: 'pass', message: `${label} opens; '${entry.alias}' holds a key that matches its certificate.` }];
    try {
      const [warning] = checkCertificate(entry.certificate, { label, now });
      checks.push({ id: 'certificate-dates', outcome: warning === undefined ? 'pass' : 'warn', message: warning ?? `${label}: the certificate is valid until ${entry.certificate.validTo}.` });
    } catch (error) {
      checks.push(failedCheck('certificate-dates', error));
    }
    return { privateKeyPem: entry.privateKeyPem, notAfter: new Date(entry.certificate.validTo), checks, warnings: [] };
  }
  const keyFile = config.ims.privateKey;
  if (keyFile === undefined) return { checks: [], warnings: [] };
  const { text, label } = await readPrivateKeyFile(keyFile, cwd);
  try {
    const privateKey = parsePrivateKeyPem(text, { label, ...(config.ims.passphrase !== undefined && { passphrase: config.ims.passphrase }) });
    checkPrivateKey(privateKey, { label });
    return { privateKeyPem: toPkcs8Pem(privateKey), checks: [{ id: 'private-key', outcome: 'pass', message: `${label} is an RSA key of 2048 bits or more.` }], warnings: [] };
  } catch (error) {
    return { checks: [failedCheck('private-key', error)], warnings: [] };
  }
}

// A key problem the checks found becomes a failed check, so the report shows it with the others.
function failedCheck(id: string, error: unknown): OfflineCheck {
  if (!isIoEventsError(error)) throw error;
  return { id, outcome: 'fail', message: error.message };
}
