import { CONFIG_DEFAULTS } from '../config/schema.ts';
import type { IoEventsConfig } from '../config/types.ts';
import { createJwtClaims } from '../ims/jwt-claims.ts';
import { isFullUrlMetascope } from '../ims/metascopes.ts';
import type { TemplateContext } from '../template/template-context.ts';

/** Secret inputs that are read only when a template needs them (see `readTemplateInputs`). */
export interface TemplateSecrets {
  /** Base64 of the PKCS#8 DER private key, for `aio.encoded.pkcs8`. */
  readonly encodedPkcs8?: string;
}

/**
 * The template context of a configuration (the keys of `TEMPLATE_CONTEXT_KEYS`). The client
 * secret is the protected form when the configuration gives one: AEM stores it encrypted, and a
 * protected value decrypts only on the instance that made it (AEM's `CryptoSupport`;
 * AdobeDocs/experience-manager-65.en `help/sites-developing/extending-cloud-config.md`).
 */
export function createTemplateContext(config: IoEventsConfig, keystoreBytes: Uint8Array | undefined, secrets: TemplateSecrets = {}): TemplateContext {
  const { cloudService, keystore, ims, osgi, workspace } = config;
  return {
    'package.group': config.package.group,
    'package.name': config.package.name,
    'package.version': config.package.version,
    'cloudService.name': cloudService.name,
    'cloudService.title': cloudService.title,
    'cloudService.externalizer': cloudService.externalizer,
    'cloudService.apiKey': cloudService.apiKey,
    'cloudService.technicalAccountId': cloudService.technicalAccountId,
    'cloudService.organizationId': cloudService.organizationId,
    'cloudService.clientSecret': cloudService.clientSecretProtected ?? cloudService.clientSecret,
    'serviceUser.home': config.serviceUser.home,
    'keystore.include': keystore?.include === true && keystoreBytes !== undefined,
    // The alias the key is looked up by, also when the key is installed apart from the package.
    'keystore.alias': keystore?.alias ?? CONFIG_DEFAULTS.keystore.alias,
    'keystore.protectedPassword': keystore?.protectedPassword,
    'keystore.bytes': keystoreBytes,
    'ims.url': ims.url,
    'ims.metascopes': ims.metascopes,
    'ims.scopes': ims.scopes,
    'ims.jwtClaims': formatDefaultClaims(config),
    'ims.oauthClaims': [formatClaim('iss', cloudService.organizationId)],
    'ims.metascopePaths': ims.metascopes.map(toMetascopePath).join(','),
    'ims.scopesText': ims.scopes?.join(','),
    'osgi.app': osgi.app,
    'osgi.runMode': osgi.runMode,
    'osgi.configFolder': `/apps/${osgi.app}/config${osgi.runMode === undefined ? '' : `.${osgi.runMode}`}`,
    'flow.jwt': osgi.flow === 'jwt',
    'flow.oauth': osgi.flow === 'oauth',
    'workspace.consumerOrgId': workspace?.consumerOrgId,
    'workspace.projectId': workspace?.projectId,
    'workspace.workspaceId': workspace?.workspaceId,
    'workspace.credentialId': workspace?.credentialId,
    'privateKey.encodedPkcs8': secrets.encodedPkcs8,
  };
}

/**
 * The JWT claims as AEM's access token provider keeps them (`auth.token.provider.default.claims`):
 * one `"name" : value` member per claim, JSON-encoded, as Adobe's OAuth migration steps write
 * `"iss" : "<OrgID>"` (AdobeDocs/experience-manager-65.en `help/assets/config-smart-tagging.md`).
 * The claims are those `verify` signs (`createJwtClaims`) without `exp`: the provider sets
 * the expiry of each JWT it signs (assumed; not in a public source).
 */
export function formatDefaultClaims(config: IoEventsConfig): string[] {
  const { cloudService, ims } = config;
  const claims = createJwtClaims({
    orgId: cloudService.organizationId,
    technicalAccountId: cloudService.technicalAccountId,
    clientId: cloudService.apiKey,
    metascopes: ims.metascopes,
    imsUrl: ims.url,
    now: new Date(0),
  });
  return Object.entries(claims)
    .filter(([name]) => name !== 'exp')
    .map(([name, value]) => formatClaim(name, value));
}

function formatClaim(name: string, value: string | number | boolean): string {
  return `${JSON.stringify(name)} : ${JSON.stringify(value)}`;
}

// aio-lib-java prepends the IMS URL to each metascope, so the add-on wants `/s/<name>` (ims-jwt.md §2.3).
function toMetascopePath(metascope: string): string {
  return isFullUrlMetascope(metascope) ? new URL(metascope).pathname : `/s/${metascope}`;
}
