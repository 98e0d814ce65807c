import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkClientId, checkClientSecret, checkImsUrl, checkOrganizationId, checkTechnicalAccountId, type CheckOutcome } from '../../src/ims/credential-checks.ts';

type Row = readonly [value: string, outcome: CheckOutcome, message: string];

function table(name: string, check: (value: string) => { id: string; outcome: CheckOutcome; message: string }, id: string, rows: readonly Row[]): void {
  const test = suite(name);
  for (const [value, outcome, message] of rows) {
    test(`${JSON.stringify(value)} → ${outcome}`, () => {
      assert.equal(check(value), { id, outcome, message });
    });
  }
  test.run();
}

table('checkClientId', checkClientId, 'client-id', [
  ['0123456789abcdef0123456789abcdef', 'pass', "The client ID '0123456789abcdef0123456789abcdef' has the form of an Adobe API key (32 hex digits)."],
  ['0123456789ABCDEF0123456789ABCDEF', 'warn', "The client ID '0123456789ABCDEF0123456789ABCDEF' is not the usual 32 lower-case hex digits of an Adobe API key; compare it with the credential's client ID."],
  ['cm-p12345-e67890-integration-1', 'warn', "The client ID 'cm-p12345-e67890-integration-1' is not the usual 32 lower-case hex digits of an Adobe API key; compare it with the credential's client ID."],
  ['', 'fail', 'The client ID (cloudService.apiKey) is empty.'],
  ['0123456789abcdef0123456789abcdef\n', 'fail', 'The client ID "0123456789abcdef0123456789abcdef\\n" holds characters an API key never has (spaces, quotes, line breaks): copy it again from the credential.'],
  ['"0123456789abcdef"', 'fail', 'The client ID "\\"0123456789abcdef\\"" holds characters an API key never has (spaces, quotes, line breaks): copy it again from the credential.'],
]);

// ---

table('checkOrganizationId', checkOrganizationId, 'organization-id', [
  ['C74F69D7594880280A495D09@AdobeOrg', 'pass', "The organization ID (cloudService.organizationId) 'C74F69D7594880280A495D09@AdobeOrg' has its format."],
  ['C74F69D7594880280A495D09', 'fail', "The organization ID (cloudService.organizationId) 'C74F69D7594880280A495D09' does not end in @AdobeOrg."],
  ['C74F69D7594880280A495D09@adobeorg', 'fail', "The organization ID (cloudService.organizationId) 'C74F69D7594880280A495D09@adobeorg' does not end in @AdobeOrg."],
  ['6657A0A1583EC1930A495C7E@techacct.adobe.com', 'fail', "The organization ID (cloudService.organizationId) '6657A0A1583EC1930A495C7E@techacct.adobe.com' ends in @techacct.adobe.com: organization and technical account IDs are swapped."],
  ['myorg@AdobeOrg', 'warn', "The organization ID (cloudService.organizationId) 'myorg@AdobeOrg' does not start with the usual 24 upper-case hex digits; compare it with the credential."],
]);

// ---

table('checkTechnicalAccountId', checkTechnicalAccountId, 'technical-account-id', [
  ['6657A0A1583EC1930A495C7E@techacct.adobe.com', 'pass', "The technical account ID (cloudService.technicalAccountId) '6657A0A1583EC1930A495C7E@techacct.adobe.com' has its format."],
  ['C74F69D7594880280A495D09@AdobeOrg', 'fail', "The technical account ID (cloudService.technicalAccountId) 'C74F69D7594880280A495D09@AdobeOrg' ends in @AdobeOrg: organization and technical account IDs are swapped."],
  ['6657A0A1583EC1930A495C7E@techacct', 'fail', "The technical account ID (cloudService.technicalAccountId) '6657A0A1583EC1930A495C7E@techacct' does not end in @techacct.adobe.com."],
  ['6657a0a1583ec1930a495c7e@techacct.adobe.com', 'warn', "The technical account ID (cloudService.technicalAccountId) '6657a0a1583ec1930a495c7e@techacct.adobe.com' does not start with the usual 24 upper-case hex digits; compare it with the credential."],
]);

// ---

table('checkImsUrl', checkImsUrl, 'ims-url', [
  ['https://ims-na1.adobelogin.com', 'pass', "IMS is Adobe's production IMS, https://ims-na1.adobelogin.com."],
  ['https://ims-na1-stg1.adobelogin.com', 'pass', "IMS is Adobe's stage IMS, https://ims-na1-stg1.adobelogin.com."],
  ['http://127.0.0.1:8080', 'pass', "IMS is http://127.0.0.1:8080, not Adobe's production or stage IMS."],
  ['http://localhost:8080', 'pass', "IMS is http://localhost:8080, not Adobe's production or stage IMS."],
  ['http://ims.corp.example', 'warn', 'IMS http://ims.corp.example is plain http: the client secret would cross the network unencrypted; use https.'],
]);

// ---

const checkClientSecretSuite = suite('checkClientSecret');

const secretRows: ReadonlyArray<readonly [string, CheckOutcome, string]> = [
  ['p8e-abcdefghijklmnop', 'pass', 'The client secret is set.'],
  ['', 'fail', 'The client secret is empty: set IOEVENTS_CLIENT_SECRET (cloudService.clientSecret).'],
  ['p8e-abcdefghijklmnop\n', 'fail', 'The client secret holds spaces or line breaks (a copy-paste accident?); IMS would refuse it.'],
  ['p8e-abc defghijklmnop', 'fail', 'The client secret holds spaces or line breaks (a copy-paste accident?); IMS would refuse it.'],
  ['0123456789abcdef0123456789abcdef', 'fail', "The client secret equals the client ID: put the credential's client secret in IOEVENTS_CLIENT_SECRET."],
];
for (const [secret, outcome, message] of secretRows) {
  checkClientSecretSuite(`${outcome}: ${message}`, () => {
    const check = checkClientSecret(secret, '0123456789abcdef0123456789abcdef');
    assert.equal(check, { id: 'client-secret', outcome, message });
    if (secret.trim() !== '') assert.not.ok(check.message.includes(secret.trim()), 'the secret is shown');
  });
}

checkClientSecretSuite.run();
