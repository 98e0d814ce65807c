import {
  checkApiKey,
  checkExternalizer,
  checkOrganizationId,
  checkPlainSecret,
  checkTechnicalAccountId,
  checkXmlText,
  protectedRule,
} from '../../src/config/cloud-service-rules.ts';
import { table } from './rule-table.ts';


const ORG = {
  expected: '24 hexadecimal digits followed by @AdobeOrg, like 0123456789ABCDEF01234567@AdobeOrg',
  hint: 'copy the Organization ID from the Adobe Developer Console (project overview or credential details)',
};
table('checkOrganizationId', checkOrganizationId, [
  ['0123456789ABCDEF01234567@AdobeOrg', undefined],
  ['0123456789abcdef01234567@AdobeOrg', undefined],
  ['0123456789aBcDeF01234567@AdobeOrg', undefined],
  ['0123456789ABCDEF0123456@AdobeOrg', ORG],
  ['0123456789ABCDEF012345678@AdobeOrg', ORG],
  ['0123456789ABCDEG01234567@AdobeOrg', ORG],
  ['0123456789ABCDEF01234567@adobeorg', ORG],
  ['0123456789ABCDEF01234567', ORG],
  [' 0123456789ABCDEF01234567@AdobeOrg', ORG],
  ['0123456789ABCDEF01234567@AdobeOrg\n', ORG],
  ['0123456789ABCDEF01234567@techacct.adobe.com', { expected: ORG.expected, hint: 'this is a technical account ID: are organizationId and technicalAccountId swapped?' }],
]);

// ---

const TECH = {
  expected: '24 hexadecimal digits followed by @techacct.adobe.com, like 0123456789ABCDEF01234567@techacct.adobe.com',
  hint: 'copy the Technical Account ID from the credential details in the Adobe Developer Console',
};
table('checkTechnicalAccountId', checkTechnicalAccountId, [
  ['0123456789ABCDEF01234567@techacct.adobe.com', undefined],
  ['abcdef0123456789abcdef01@techacct.adobe.com', undefined],
  ['0123456789ABCDEF01234567@techacct.adobe.co', TECH],
  ['0123456789ABCDEF01234567@techacctXadobe.com', TECH],
  ['0123456789ABCDEF01234567@TECHACCT.ADOBE.COM', TECH],
  ['0123456789ABCDEF0123456Z@techacct.adobe.com', TECH],
  ['', TECH],
  ['0123456789ABCDEF01234567@AdobeOrg', { expected: TECH.expected, hint: 'this is an organization ID: are organizationId and technicalAccountId swapped?' }],
]);

// ---

const API_KEY = { expected: 'an API key of printable ASCII characters without spaces', hint: 'copy the API key (client ID) from the Adobe Developer Console' };
table('checkApiKey', checkApiKey, [
  ['0123456789abcdef0123456789abcdef', undefined],
  ['my-client_id.v2', undefined],
  ['0123 4567', API_KEY],
  ['0123456789abcdef\n', API_KEY],
  ['\t0123', API_KEY],
  ['clé', API_KEY],
]);

// ---

const EXTERNALIZER = {
  expected: "a Link Externalizer domain name of letters, digits, '.', '_' and '-', like author or publish",
  hint: 'use a name from the Day CQ Link Externalizer configuration of the AEM instance',
};
table('checkExternalizer', checkExternalizer, [
  ['author', undefined],
  ['publish', undefined],
  ['local', undefined],
  ['author-eu_1.prod', undefined],
  ['author publish', EXTERNALIZER],
  ['http://localhost:4502', EXTERNALIZER],
  ['-author', EXTERNALIZER],
  ['author/', EXTERNALIZER],
]);

// ---

table('checkPlainSecret', checkPlainSecret, [
  ['p8e-AbCdEf0123456789', undefined],
  ['{not-hex}', undefined],
  ['secret\n', { expected: 'a client secret without spaces or line breaks', hint: 'check the variable or file for a trailing newline' }],
  ['sec ret', { expected: 'a client secret without spaces or line breaks', hint: 'check the variable or file for a trailing newline' }],
  [
    '{435c89a1e94895d5a8447b856ec479aa24d8cdfc7a6dc51991202b62b065a1e6}',
    { expected: 'the plain client secret', hint: 'this looks like a value protected by AEM: put it in clientSecretProtected instead' },
  ],
]);

// ---

const PROTECTED = {
  expected: "AEM's protected form, '{' + hexadecimal digits + '}', as /system/console/crypto shows it",
  hint: 'protect the value on the target AEM instance and paste it whole, braces included, or do the other thing',
};
table('protectedRule', protectedRule('do the other thing'), [
  ['{435c89a1e94895d5a8447b856ec479aa24d8cdfc7a6dc51991202b62b065a1e6}', undefined],
  ['{435C89A1E94895D5A8447B856EC479AA}', undefined],
  ['{435c89a1e94895d5a8447b856ec479aa24d8cdfc7a6dc51991202b62b065a1e6435c89a1e94895d5a8447b856ec479aa}', undefined],
  ['435c89a1e94895d5a8447b856ec479aa24d8cdfc7a6dc51991202b62b065a1e6', PROTECTED],
  ['{435c89a1e94895d5a8447b856ec479aa24d8cdfc7a6dc51991202b62b065a1e6', PROTECTED],
  ['{...}', PROTECTED],
  ['{}', PROTECTED],
  ['{435c89a1e94895d5a8447b856ec479a}', PROTECTED],
  ['{435c89a1e94895d5a8447b856ec479aa2}', PROTECTED],
  ['{435c89a1e94895d5a8447b856ec479ag}', PROTECTED],
  [' {435c89a1e94895d5a8447b856ec479aa}', PROTECTED],
]);

// ---

table('checkXmlText', checkXmlText, [
  ['Adobe I/O Events (stage) & <more> "quoted"', undefined],
  ['tab\tand\nnewline', undefined],
  ['東京 😀', undefined],
  ['bell\u0007', { expected: 'text that XML can hold', hint: 'remove the character U+0007' }],
  ['nul\u0000', { expected: 'text that XML can hold', hint: 'remove the character U+0000' }],
  ['lone \ud800 surrogate', { expected: 'text that XML can hold', hint: 'remove the character U+D800' }],
  ['\uffff', { expected: 'text that XML can hold', hint: 'remove the character U+FFFF' }],
]);
