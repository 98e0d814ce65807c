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
};

/** True when `when: key` keeps an entry: the value is set, not false and not empty. */
export function isPresent(value: ContextValue): boolean {
  if (value === undefined || value === false || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}
