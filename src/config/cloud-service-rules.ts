/**
 * Rules for the `cloudService` fields: the identifiers of the Adobe Developer Console
 * credential, the Link Externalizer alias, and the two forms of the client secret
 * (Adobe's `aem/aem_cloud_service_config.md`, AEM's cloud-service model).
 *
 * | field                | form                                                     |
 * | -------------------- | -------------------------------------------------------- |
 * | `organizationId`     | 24 hex digits + `@AdobeOrg`                              |
 * | `technicalAccountId` | 24 hex digits + `@techacct.adobe.com`                    |
 * | `apiKey`             | printable ASCII, no spaces (usually 32 hex digits)       |
 * | `externalizer`       | a Link Externalizer domain name (`author`, `publish`)    |
 * | `*Protected`         | CryptoSupport's `{hex}`, kept verbatim                   |
 */
import { isInvalidXmlChar } from '../docview/xml-char.ts';
import type { Rule, RuleFailure } from './field-reader.ts';

/** `<24 hex>@AdobeOrg`; also the JSON Schema's pattern (json-schema.ts). */
export const ORGANIZATION_ID = /^[0-9a-fA-F]{24}@AdobeOrg$/;
/** `<24 hex>@techacct.adobe.com`. */
export const TECHNICAL_ACCOUNT_ID = /^[0-9a-fA-F]{24}@techacct\.adobe\.com$/;
// CryptoSupport.protect → "{" + hex(IV + AES-CBC ciphertext) + "}": at least two 16-byte blocks, so 64+ hex digits
// (/system/console/crypto example: {435c89a1…65a1e6}); we ask for 32+ and an even count, to stay lenient.
/** CryptoSupport's protected form, `{hex}`. */
export const PROTECTED = /^\{(?:[0-9a-fA-F]{2}){16,}\}$/;
/** A Link Externalizer domain name. */
export const EXTERNALIZER = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** An API key: printable ASCII without spaces. */
export const PRINTABLE_NO_SPACE = /^[\x21-\x7e]+$/;

/** `cloudService.organizationId`. */
// A Cloud Manager variable reference (`$[secret:NAME]`, `$[env:NAME]`): AEM as a Cloud Service puts
// the variable's value into the OSGi configuration at run time, so the file holds a name, not a secret.
const CLOUD_MANAGER_REFERENCE = /^\$\[(?:secret|env):[A-Za-z_][A-Za-z0-9_]*\]$/;

/** True when the value is exactly a Cloud Manager variable reference such as `$[secret:aio_client_secret]`. */
export function isCloudManagerReference(value: string): boolean {
  return CLOUD_MANAGER_REFERENCE.test(value);
}

export const checkOrganizationId: Rule = (value) => {
  if (ORGANIZATION_ID.test(value)) return undefined;
  const swapped = TECHNICAL_ACCOUNT_ID.test(value) ? 'this is a technical account ID: are organizationId and technicalAccountId swapped?' : undefined;
  return {
    expected: '24 hexadecimal digits followed by @AdobeOrg, like 0123456789ABCDEF01234567@AdobeOrg',
    hint: swapped ?? 'copy the Organization ID from the Adobe Developer Console (project overview or credential details)',
  };
};

/** `cloudService.technicalAccountId`. */
export const checkTechnicalAccountId: Rule = (value) => {
  if (TECHNICAL_ACCOUNT_ID.test(value)) return undefined;
  const swapped = ORGANIZATION_ID.test(value) ? 'this is an organization ID: are organizationId and technicalAccountId swapped?' : undefined;
  return {
    expected: '24 hexadecimal digits followed by @techacct.adobe.com, like 0123456789ABCDEF01234567@techacct.adobe.com',
    hint: swapped ?? 'copy the Technical Account ID from the credential details in the Adobe Developer Console',
  };
};

/** `cloudService.apiKey`: the client ID. */
export const checkApiKey: Rule = (value) =>
  PRINTABLE_NO_SPACE.test(value)
    ? undefined
    : { expected: 'an API key of printable ASCII characters without spaces', hint: 'copy the API key (client ID) from the Adobe Developer Console' };

/** `cloudService.externalizer`: a domain name of the Day CQ Link Externalizer configuration. */
export const checkExternalizer: Rule = (value) =>
  EXTERNALIZER.test(value)
    ? undefined
    : {
        expected: "a Link Externalizer domain name of letters, digits, '.', '_' and '-', like author or publish",
        hint: 'use a name from the Day CQ Link Externalizer configuration of the AEM instance',
      };

/** `cloudService.clientSecret`: a plain secret (never shown). */
export const checkPlainSecret: Rule = (value) => {
  if (PROTECTED.test(value)) return { expected: 'the plain client secret', hint: 'this looks like a value protected by AEM: put it in clientSecretProtected instead' };
  if (/\s/.test(value)) return { expected: 'a client secret without spaces or line breaks', hint: 'check the variable or file for a trailing newline' };
  return undefined;
};

/** A value protected by AEM's CryptoSupport, `{hex}`; `instead` says what to do otherwise. */
export function protectedRule(instead: string): Rule {
  return (value): RuleFailure | undefined =>
    PROTECTED.test(value)
      ? undefined
      : {
          expected: "AEM's protected form, '{' + hexadecimal digits + '}', as /system/console/crypto shows it",
          hint: `protect the value on the target AEM instance and paste it whole, braces included, or ${instead}`,
        };
}

/** `cloudService.title`, `package.description`: text that XML 1.0 can hold (it becomes an XML value). */
export const checkXmlText: Rule = (value) => {
  for (const character of value) {
    const point = character.codePointAt(0)!;
    if (!isInvalidXmlChar(point)) continue;
    return { expected: 'text that XML can hold', hint: `remove the character U+${point.toString(16).toUpperCase().padStart(4, '0')}` };
  }
  return undefined;
};
