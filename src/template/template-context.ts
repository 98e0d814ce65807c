/**
 * The template context: the values a template may use as `{{key}}` (text), as `when: key`
 * (presence) and as file `content: key` (bytes). It is the stable interface between the
 * configuration and user templates, so it has its own names instead of exposing the whole
 * configuration (README, "Templates").
 */

/** A context value: text, a list (multi-value), a flag, or bytes (file content). */
export type ContextValue = string | boolean | readonly string[] | Uint8Array | undefined;

/** Values by key. */
export type TemplateContext = Readonly<Record<string, ContextValue>>;

/** Every key a template may use, with its kind. */
export const TEMPLATE_CONTEXT_KEYS: Readonly<Record<string, 'text' | 'list' | 'flag' | 'bytes'>> = {
  'package.group': 'text',
  'package.name': 'text',
  'package.version': 'text',
  'cloudService.name': 'text',
  'cloudService.title': 'text',
  'cloudService.externalizer': 'text',
  'cloudService.apiKey': 'text',
  'cloudService.technicalAccountId': 'text',
  'cloudService.organizationId': 'text',
  // The protected (AEM-encrypted) form when the configuration gives one, else the plain secret.
  'cloudService.clientSecret': 'text',
  'serviceUser.home': 'text',
  'keystore.include': 'flag',
  'keystore.alias': 'text',
  'keystore.protectedPassword': 'text',
  'keystore.bytes': 'bytes',
  'ims.url': 'text',
  'ims.metascopes': 'list',
  'ims.scopes': 'list',
  // Derived for the OSGi templates (issue 7):
  // the JWT claims without `exp`, one `"name" : value` member each (AEM's auth.token.provider.default.claims form)
  'ims.jwtClaims': 'list',
  // the claims of the OAuth variant: `"iss" : "<org>"` only (Adobe's OAuth migration steps)
  'ims.oauthClaims': 'list',
  // `/s/event_receiver_api,/s/ent_adobeio_sdk`: the add-on prepends the IMS URL (aio.meta.scopes)
  'ims.metascopePaths': 'text',
  // the OAuth scopes joined by `,` (aio.oauth.scopes, auth.token.provider.scope)
  'ims.scopesText': 'text',
  'osgi.app': 'text',
  'osgi.runMode': 'text',
  // `/apps/<app>/config` or `/apps/<app>/config.<runMode>`
  'osgi.configFolder': 'text',
  'flow.jwt': 'flag',
  'flow.oauth': 'flag',
  'workspace.consumerOrgId': 'text',
  'workspace.projectId': 'text',
  'workspace.workspaceId': 'text',
  'workspace.credentialId': 'text',
  // base64 of the PKCS#8 DER private key (aio.encoded.pkcs8): a secret, read only when a kept entry uses it
  'privateKey.encodedPkcs8': 'text',
};

/**
 * The keys whose values are secrets: never shown, even where a template puts them somewhere a
 * message would quote them (a property whose type they do not fit, README "Decisions").
 */
export const SECRET_CONTEXT_KEYS: readonly string[] = ['cloudService.clientSecret', 'keystore.protectedPassword', 'privateKey.encodedPkcs8'];

/** True when `key` is a template context key: an own key of {@link TEMPLATE_CONTEXT_KEYS}, never an inherited one such as `constructor`. */
export function isTemplateContextKey(key: string): boolean {
  return Object.hasOwn(TEMPLATE_CONTEXT_KEYS, key);
}

/** The value of `key` in `context`; `undefined` unless `context` has it as its own key (`{{toString}}` is no value). */
export function getContextValue(context: TemplateContext, key: string): ContextValue {
  return Object.hasOwn(context, key) ? context[key] : undefined;
}

/** True when `when: key` keeps an entry: the value is set, not false and not empty. */
export function isPresent(value: ContextValue): boolean {
  if (value === undefined || value === false || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}
