/**
 * The shape of the configuration file: which keys exist where, their defaults (README,
 * "Configuration" lists them), and which fields hold secrets.
 *
 * | section        | keys                                                                              |
 * | -------------- | --------------------------------------------------------------------------------- |
 * | `package`      | group, name, version, description, dependencies                                   |
 * | `cloudService` | name, title, externalizer, apiKey, technicalAccountId, organizationId, clientSecret, clientSecretProtected |
 * | `keystore`     | file, password, alias, include, protectedPassword                                 |
 * | `serviceUser`  | home                                                                              |
 * | `ims`          | url, metascopes, scopes, privateKey, passphrase                                   |
 * | `osgi`         | app, runMode, flow (the OSGi templates: `ims-6.5`, `aio-aem-events`)              |
 * | `workspace`    | projectFile, consumerOrgId, projectId, workspaceId, credentialId (`aio-aem-events`) |
 * | `validation`   | cnd, validRoots, severity (FileVault's validator settings for build and `inspect --config`) |
 * | `environments` | `<name>`: any of the sections above, merged over them with `--env <name>`         |
 *
 * A key added here needs its description in `field-docs.ts` (the type check fails without it),
 * and `npm run schema` to rewrite the shipped JSON Schema (a test fails until it is rewritten).
 */
import type { SecretField } from './types.ts';

/** Every key of every section, in the order the documentation lists them. */
export const CONFIG_KEYS = {
  package: ['group', 'name', 'version', 'description', 'dependencies'],
  cloudService: ['name', 'title', 'externalizer', 'apiKey', 'technicalAccountId', 'organizationId', 'clientSecret', 'clientSecretProtected'],
  keystore: ['file', 'password', 'alias', 'include', 'protectedPassword'],
  serviceUser: ['home'],
  ims: ['url', 'metascopes', 'scopes', 'privateKey', 'passphrase'],
  osgi: ['app', 'runMode', 'flow'],
  workspace: ['projectFile', 'consumerOrgId', 'projectId', 'workspaceId', 'credentialId'],
  validation: ['cnd', 'validRoots', 'severity'],
} as const;

/** A section of the file. */
export type ConfigSection = keyof typeof CONFIG_KEYS;

/** The top-level keys: the sections and `environments`. */
export const TOP_LEVEL_KEYS: readonly string[] = [...Object.keys(CONFIG_KEYS), 'environments'];

/** The defaults, applied to absent keys after `${VAR}` interpolation (README, "Configuration"). */
export const CONFIG_DEFAULTS = {
  package: {
    group: 'aem-ioevents',
    name: 'eventproxy-config',
    version: '1.0.0',
    description: 'Adobe I/O Events configuration',
    // The connector package that owns /etc/cloudservices/eventproxy (Adobe's `aem/aem_on_premise_package_install.md`).
    dependencies: ['eventproxy:aem-event-proxy'],
  },
  cloudService: { externalizer: 'author' },
  // The connector looks the key up by the alias `eventproxy` (Adobe's `aem/aem_keystore_setup.md`).
  keystore: { alias: 'eventproxy', include: false },
  serviceUser: { home: '/home/users/system/eventproxy/eventproxy-service' },
  ims: { url: 'https://ims-na1.adobelogin.com', metascopes: ['event_receiver_api', 'ent_adobeio_sdk'] },
  // OSGi configurations go to /apps/aem-ioevents/config (all run modes), with the JWT credential (issue 7).
  osgi: { app: 'aem-ioevents', flow: 'jwt' },
} as const;

/**
 * The value `aem-ioevents init` writes where the user must give one (an id from the Developer
 * Console). No rule accepts it, and the field reader names it so: `build` refuses the starter
 * until each one is replaced, naming every key still holding it.
 */
export const STARTER_PLACEHOLDER = '<fill in>';

/** Plain secrets; a literal value in the file draws a warning naming this variable. */
export const SECRET_FIELDS: Readonly<Record<SecretField, string>> = {
  'cloudService.clientSecret': 'IOEVENTS_CLIENT_SECRET',
  'keystore.password': 'IOEVENTS_KEYSTORE_PASSWORD',
  'ims.passphrase': 'IOEVENTS_KEY_PASSPHRASE',
};

/**
 * Fields whose values are secrets: the plain secrets and their AEM-protected forms. `redactConfig`
 * replaces them, and `parseConfig` registers their values so the CLI blanks them out of all output.
 */
export const SECRET_VALUE_FIELDS: readonly string[] = [...Object.keys(SECRET_FIELDS), 'cloudService.clientSecretProtected', 'keystore.protectedPassword'];

/** Fields whose value no message ever shows: the secrets, their protected forms, and the key and project paths (a pasted PEM key or project JSON lands there). */
export const HIDDEN_FIELDS: readonly string[] = [...SECRET_VALUE_FIELDS, 'ims.privateKey', 'workspace.projectFile'];

