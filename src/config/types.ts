/**
 * The typed configuration that `build` and `verify` read (README, "Configuration").
 * Every value here has passed validation; paths are absolute; the objects are frozen.
 */
import type { SecretSink } from '../secrets/secret-registry.ts';
import type { ValidatorId } from '../inspect/finding.ts';
import type { SeverityLevel } from '../inspect/validation-settings.ts';

/** `package`: the FileVault package id and its properties (`META-INF/vault/properties.xml`). */
export interface PackageConfig {
  /** Package group; `/`-separated segments, each a valid JCR name. @default 'aem-ioevents' */
  readonly group: string;
  /** Package name, a valid JCR name. @default 'eventproxy-config' */
  readonly name: string;
  /** Package version, a valid JCR name. @default '1.0.0' */
  readonly version: string;
  /** Free text shown in Package Manager. @default 'Adobe I/O Events configuration' */
  readonly description: string;
  /** `group:name[:versionRange]` entries. @default ['eventproxy:aem-event-proxy'] (the connector package) */
  readonly dependencies: readonly string[];
}

/** `cloudService`: the page `/etc/cloudservices/eventproxy/<name>` and its dialog fields. */
export interface CloudServiceConfig {
  /** Node name of the configuration page: a JCR name without `:`, never `.`, `..` or with `/`. */
  readonly name: string;
  /** `jcr:title` of the page. */
  readonly title: string;
  /** AEM Link Externalizer alias. @default 'author' */
  readonly externalizer: string;
  /** API key = client ID from the Adobe Developer Console. */
  readonly apiKey: string;
  /** `<24 hex>@techacct.adobe.com`. */
  readonly technicalAccountId: string;
  /** `<24 hex>@AdobeOrg`. */
  readonly organizationId: string;
  /** The plain client secret (a secret: never print it). Exactly one of this and `clientSecretProtected` is set. */
  readonly clientSecret?: string;
  /**
   * The client secret as AEM's CryptoSupport protects it, `{hex}`, kept verbatim. The DocView
   * layer escapes its leading `{` (docview.md); only instances sharing the crypto keys decrypt it.
   */
  readonly clientSecretProtected?: string;
}

/** `keystore`: the PKCS#12 with the key for the service user (optional section). */
export interface KeystoreConfig {
  /** Absolute path of the PKCS#12 file (a relative path in the file resolves against the file's folder). */
  readonly file: string;
  /** Password of the store and its key (a secret: never print it). */
  readonly password?: string;
  /** Alias of the key, lower case (Java lower-cases PKCS#12 aliases). @default 'eventproxy' */
  readonly alias: string;
  /** Put the store into the package as `<home>/keystore/store.p12`. @default false */
  readonly include: boolean;
  /** The keystore password protected by the target AEM's CryptoSupport, `{hex}`, kept verbatim. */
  readonly protectedPassword?: string;
}

/** `serviceUser`: the connector's system user. */
export interface ServiceUserConfig {
  /** Absolute repository path of the user's home. @default '/home/users/system/eventproxy/eventproxy-service' */
  readonly home: string;
}

/** `ims`: Adobe Identity Management System settings for `verify`. */
export interface ImsConfig {
  /** Base URL, origin only (no trailing `/`). `IOEVENTS_IMS_URL` overrides it. @default 'https://ims-na1.adobelogin.com' */
  readonly url: string;
  /** JWT metascopes: names (`event_receiver_api`) or full URLs (`https://<host>/s/<name>`). @default ['event_receiver_api', 'ent_adobeio_sdk'] */
  readonly metascopes: readonly string[];
  /** OAuth Server-to-Server scopes. */
  readonly scopes?: readonly string[];
  /** Absolute path of a PEM private key, for the JWT flow when no keystore is used. */
  readonly privateKey?: string;
  /** Passphrase of an encrypted PEM key (a secret: never print it). */
  readonly passphrase?: string;
}

/** The credential an OSGi template writes: JWT (Service Account, end of life) or OAuth Server-to-Server. */
export type OsgiFlow = 'jwt' | 'oauth';

/** `osgi`: where the OSGi templates (`ims-6.5`, `aio-aem-events`) put their configurations, and which credential. */
export interface OsgiConfig {
  /** The application folder: configurations go to `/apps/<app>/config[.<runMode>]`. @default 'aem-ioevents' */
  readonly app: string;
  /** Sling run modes of the folder, `.`-separated (`author`, `author.prod`); none means every instance. */
  readonly runMode?: string;
  /** `jwt` writes the JWT claims and key; `oauth` the scopes and `/ims/token/v3` (needs `ims.scopes`). @default 'jwt' */
  readonly flow: OsgiFlow;
}

/**
 * `workspace`: the Adobe Developer Console project of the I/O Events add-on (`aio-aem-events`).
 * Each id is digits; `projectFile` (the project JSON downloaded from the console) supplies the
 * ones not given, and must agree with the ones given.
 */
export interface WorkspaceConfig {
  /** Absolute path of the Developer Console project JSON; `readConfig` reads the ids from it. */
  readonly projectFile?: string;
  /** `project.org.id` (`aio.consumer.org.id`). */
  readonly consumerOrgId?: string;
  /** `project.id` (`aio.project.id`). */
  readonly projectId?: string;
  /** `project.workspace.id` (`aio.workspace.id`). */
  readonly workspaceId?: string;
  /** `project.workspace.details.credentials[i].id` of the credential whose client ID is `cloudService.apiKey` (`aio.credential.id`). */
  readonly credentialId?: string;
}

/**
 * `validation`: FileVault's validator settings for the package `build` checks and for
 * `inspect --config` (the flags `--cnd`, `--valid-root`, `--severity` add to them).
 */
export interface ValidationConfig {
  /** Absolute paths of CND files (relative ones in the file resolve against its folder). @default [] */
  readonly cnd: readonly string[];
  /** Valid roots of `jackrabbit-filter`; they replace FileVault's defaults. */
  readonly validRoots?: readonly string[];
  /** Per validator id: the level of its errors (`defaultSeverity`), or `off`. @default {} */
  readonly severity: Readonly<Partial<Record<ValidatorId, SeverityLevel>>>;
}

/** The whole validated configuration. */
export interface IoEventsConfig {
  readonly package: PackageConfig;
  readonly cloudService: CloudServiceConfig;
  readonly keystore?: KeystoreConfig;
  readonly serviceUser: ServiceUserConfig;
  readonly ims: ImsConfig;
  readonly osgi: OsgiConfig;
  readonly workspace?: WorkspaceConfig;
  readonly validation?: ValidationConfig;
}

/** How the text is parsed: `.json` as strict JSON, everything else as YAML 1.2 (a superset of JSON). */
export type ConfigFormat = 'yaml' | 'json';

/** The fields that hold a plain secret; a literal value in the file draws a warning. */
export type SecretField = 'cloudService.clientSecret' | 'keystore.password' | 'ims.passphrase';

/** What {@link parseConfig} returns: the configuration and what the caller should know about it. */
export interface ParsedConfig {
  readonly config: IoEventsConfig;
  readonly format: ConfigFormat;
  /** The `environments` entry merged over the rest (`--env`), if any. */
  readonly environment?: string;
  /** Warnings to show the user (never containing a secret). */
  readonly warnings: readonly string[];
  /** Secret fields whose value is written (at least partly) in the file rather than taken from a variable. */
  readonly literalSecrets: readonly SecretField[];
  /** Field paths (`cloudService.clientSecret`) whose value came entirely from `${VAR}` references. */
  readonly fromVariables: readonly string[];
  /** Where `ims.url` came from. */
  readonly imsUrlSource: 'default' | 'file' | 'IOEVENTS_IMS_URL';
  /** Field paths (`package.dependencies`) that hold their default because the file left them out. */
  readonly defaulted: readonly string[];
}

/** What {@link readConfig} returns. */
export interface LoadedConfig extends ParsedConfig {
  /** Absolute path of the configuration file that was read. */
  readonly file: string;
}

/** Environment variables as `process.env` holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Options of {@link parseConfig}. */
export interface ParseConfigOptions {
  /** Receives the value of every secret field (`SECRET_VALUE_FIELDS`), before validation, so the caller can keep them out of its output. */
  readonly secrets?: SecretSink;
  /** `yaml` or `json`. */
  readonly format: ConfigFormat;
  /** How messages name the file (usually its absolute path). */
  readonly fileLabel: string;
  /** Variables for `${NAME}` and `IOEVENTS_IMS_URL`. */
  readonly env: Environment;
  /** The `environments` entry to merge (`--env`). */
  readonly envName?: string;
  /** Absolute folder that relative paths (`keystore.file`, `ims.privateKey`, `workspace.projectFile`) resolve against: the file's folder. */
  readonly baseDir: string;
}

/** Options of {@link readConfig}. */
export interface ReadConfigOptions {
  /** Receives the value of every secret field (see {@link ParseConfigOptions.secrets}). */
  readonly secrets?: SecretSink;
  /** The file (`--config`), relative to `cwd`. @default 'aem-ioevents.yaml' (then `.yml`, `.json`) in `cwd` */
  readonly file?: string;
  /** Working directory. */
  readonly cwd: string;
  /** Variables for `${NAME}` and `IOEVENTS_IMS_URL`. */
  readonly env: Environment;
  /** The `environments` entry to merge (`--env`). */
  readonly envName?: string;
}
