/**
 * What each key of the configuration means, in one place: the JSON Schema (`json-schema.ts`)
 * takes its descriptions, types and patterns from here, and `aem-ioevents init` its comments.
 * The table is typed by {@link CONFIG_KEYS}, so a key added there and not here (or the reverse)
 * fails the type check; the defaults come from {@link CONFIG_DEFAULTS}, never from here.
 */
import { EXTERNALIZER, ORGANIZATION_ID, PRINTABLE_NO_SPACE, PROTECTED, TECHNICAL_ACCOUNT_ID } from './cloud-service-rules.ts';
import { APP, OSGI_FLOWS, RUN_MODE } from './osgi-rules.ts';
import type { CONFIG_KEYS, ConfigSection } from './schema.ts';
import { CONSOLE_ID } from './workspace-rules.ts';
import { SEVERITY_LEVELS } from '../inspect/validation-settings.ts';

/** One key: what it is, and the simple rules an editor can check (the full rules are the rule files'). */
export interface FieldDoc {
  /** One or two sentences: what the value is and where to find it. */
  readonly description: string;
  /** @default 'string'; `map`: a mapping of names to one of {@link FieldDoc.enum} (`validation.severity`) */
  readonly kind?: 'string' | 'boolean' | 'list' | 'map';
  /** The whole value (or each item of a list) matches; `${VAR}` references are accepted too. */
  readonly pattern?: RegExp;
  readonly enum?: readonly string[];
  /** Required when its section is given (`cloudService` itself is required). */
  readonly required?: boolean;
  /** A path, relative to the configuration file's folder. */
  readonly path?: boolean;
  /** A string that may be `''`. */
  readonly allowEmpty?: boolean;
  /** A list that must have an item. */
  readonly nonEmpty?: boolean;
}

/** One section: what it is for and its keys. */
export interface SectionDoc<S extends ConfigSection> {
  readonly description: string;
  readonly fields: { readonly [K in (typeof CONFIG_KEYS)[S][number]]: FieldDoc };
}

const RUN_MODES = new RegExp(`^${RUN_MODE.source.slice(1, -1)}(?:\\.${RUN_MODE.source.slice(1, -1)})*$`);

/** Every section and key of {@link CONFIG_KEYS}, documented. */
export const CONFIG_FIELD_DOCS: { readonly [S in ConfigSection]: SectionDoc<S> } = {
  package: {
    description: 'The content package: its id <group>:<name>:<version> and META-INF/vault/properties.xml.',
    fields: {
      group: { description: "Package group: '/'-separated JCR names, like aem-ioevents or my-company/ioevents." },
      name: { description: 'Package name, a JCR name; the zip is <name>-<version>.zip.' },
      version: { description: 'Package version, a JCR name, like 1.0.0.' },
      description: { allowEmpty: true, description: 'Free text shown in CRX Package Manager.' },
      dependencies: { kind: 'list', description: 'Packages that must be installed first: group:name or group:name:versionRange.' },
    },
  },
  cloudService: {
    description: 'The Adobe Developer Console credential, and the Cloud Services page /etc/cloudservices/eventproxy/<name> (template cloudservice-6.3).',
    fields: {
      name: { required: true, description: 'Node name of the configuration (the page, or the ~<name> of the OSGi configurations), like ioevents.' },
      title: { required: true, description: 'Title shown in AEM, like Adobe I/O Events.' },
      externalizer: { pattern: EXTERNALIZER, description: 'AEM Link Externalizer domain name the connector uses, like author or publish.' },
      apiKey: { required: true, pattern: PRINTABLE_NO_SPACE, description: 'API key (client ID) of the credential in the Adobe Developer Console.' },
      technicalAccountId: { required: true, pattern: TECHNICAL_ACCOUNT_ID, description: 'Technical Account ID of the credential: <24 hex digits>@techacct.adobe.com.' },
      organizationId: { required: true, pattern: ORGANIZATION_ID, description: 'Organization ID: <24 hex digits>@AdobeOrg.' },
      clientSecret: { description: 'The client secret: a secret, so write ${IOEVENTS_CLIENT_SECRET} and set that variable, never the value.' },
      clientSecretProtected: { pattern: PROTECTED, description: "Instead of clientSecret: the secret as the target AEM's /system/console/crypto protects it, '{hex}'." },
    },
  },
  keystore: {
    description: 'The PKCS#12 keystore of the service user eventproxy-service, as aem-ioevents keygen makes it (optional section).',
    fields: {
      file: { required: true, path: true, description: 'The PKCS#12 file, relative to this file, like keys/keystore.p12.' },
      password: { description: 'Keystore password: a secret, so write ${IOEVENTS_KEYSTORE_PASSWORD} and set that variable.' },
      alias: { pattern: /^[a-z0-9][a-z0-9._-]*$/, description: 'Alias of the key, lower case; the connector looks the key up as eventproxy.' },
      include: { kind: 'boolean', description: 'Put store.p12 into the package (template cloudservice-6.3).' },
      protectedPassword: { pattern: PROTECTED, description: "The keystore password as the target AEM's /system/console/crypto protects it, '{hex}'." },
    },
  },
  serviceUser: {
    description: 'The system user of the connector, eventproxy-service.',
    fields: {
      home: { pattern: /^\/home\/users\/[^/]+(?:\/[^/]+)*$/, description: 'Repository path of the user eventproxy-service.' },
    },
  },
  ims: {
    description: 'Adobe IMS, for aem-ioevents verify and the OSGi templates.',
    fields: {
      url: { description: 'IMS base URL, origin only; IOEVENTS_IMS_URL overrides it.' },
      metascopes: { kind: 'list', nonEmpty: true, description: 'JWT metascopes: names like event_receiver_api, or full URLs https://<ims host>/s/<name>.' },
      scopes: { kind: 'list', nonEmpty: true, pattern: /^[^\s,]+$/, description: 'OAuth Server-to-Server scopes of the credential, one per item; needed with osgi.flow oauth.' },
      privateKey: { path: true, description: 'For JWT without a keystore: the PEM private key file, relative to this file.' },
      passphrase: { description: 'Passphrase of an encrypted ims.privateKey: write ${IOEVENTS_KEY_PASSPHRASE}.' },
    },
  },
  osgi: {
    description: 'Where the OSGi templates (ims-6.5, aio-aem-events) write their configurations, /apps/<app>/config[.<runMode>], and which credential.',
    fields: {
      app: { pattern: APP, description: 'Application folder below /apps, like aem-ioevents or mysite.' },
      runMode: { pattern: RUN_MODES, description: "Sling run modes joined by '.', like author or author.prod; leave it out for every instance." },
      flow: {
        enum: OSGI_FLOWS,
        description: 'oauth (OAuth Server-to-Server, needs ims.scopes) or jwt (Service Account: Adobe ended JWT credentials on 2025-06-30).',
      },
    },
  },
  workspace: {
    description: 'The Adobe Developer Console project of the I/O Events add-on (template aio-aem-events): ids from its project JSON.',
    fields: {
      projectFile: { path: true, description: 'The project JSON the Developer Console downloads, relative to this file: it supplies the ids not given.' },
      consumerOrgId: { pattern: CONSOLE_ID, description: 'project.org.id of the project JSON (digits, in quotes).' },
      projectId: { pattern: CONSOLE_ID, description: 'project.id of the project JSON (digits, in quotes).' },
      workspaceId: { pattern: CONSOLE_ID, description: 'project.workspace.id of the project JSON (digits, in quotes).' },
      credentialId: { pattern: CONSOLE_ID, description: 'The id of the credential in project.workspace.details.credentials (digits, in quotes).' },
    },
  },
  validation: {
    description: "FileVault's validator settings: build checks its package with them, and so does inspect --config.",
    fields: {
      cnd: { kind: 'list', path: true, nonEmpty: true, description: 'CND files with node types the package uses, relative to this file (the Sling and cq:Page types are built in).' },
      validRoots: {
        kind: 'list',
        nonEmpty: true,
        pattern: /^\/(?:[^/]+(?:\/[^/]+)*)?$/,
        description: 'Repository paths that exist before the package installs (the parents of its filter roots); they replace FileVault\'s defaults (/, /libs, /apps, /etc, /var, /tmp, /content).',
      },
      severity: { kind: 'map', enum: SEVERITY_LEVELS, description: 'Validator id (jackrabbit-filter, jackrabbit-nodetypes, …) to error, warn, info or off.' },
    },
  },
};

/** The description of `section.key`. */
export function describeField(section: ConfigSection, key: string): string {
  return (CONFIG_FIELD_DOCS[section].fields as Record<string, FieldDoc>)[key]!.description;
}
