import type { IoEventsConfig } from '../config/types.ts';
import type { TemplateContext } from '../template/template-context.ts';

/**
 * The template context of a configuration (the keys of `TEMPLATE_CONTEXT_KEYS`). The client
 * secret is the protected form when the configuration gives one: AEM stores it encrypted, and a
 * protected value decrypts only on the instance that made it (aem-io-events.md §2.2).
 */
export function createTemplateContext(config: IoEventsConfig, keystoreBytes: Uint8Array | undefined): TemplateContext {
  const { cloudService, keystore } = config;
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
    'keystore.alias': keystore?.alias,
    'keystore.protectedPassword': keystore?.protectedPassword,
    'keystore.bytes': keystoreBytes,
    'ims.url': config.ims.url,
    'ims.metascopes': config.ims.metascopes,
    'ims.scopes': config.ims.scopes,
  };
}
