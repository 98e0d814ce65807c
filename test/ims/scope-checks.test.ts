import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkMetascopes, checkScopes } from '../../src/ims/scope-checks.ts';
import type { CheckOutcome } from '../../src/ims/credential-checks.ts';

const PROD = 'https://ims-na1.adobelogin.com';
const checkMetascopesSuite = suite('checkMetascopes');

const rows: ReadonlyArray<readonly [readonly string[], CheckOutcome, string]> = [
  [['event_receiver_api', 'ent_adobeio_sdk'], 'pass', 'The metascopes [event_receiver_api, ent_adobeio_sdk] are known names.'],
  [[`${PROD}/s/event_receiver_api`, 'ent_adobeio_sdk'], 'pass', `The metascopes [${PROD}/s/event_receiver_api, ent_adobeio_sdk] are known names.`],
  [['event_receiver_api', 'ent_reactor_it_admin_sdk'], 'pass', 'The metascopes [event_receiver_api, ent_reactor_it_admin_sdk] are known names.'],
  [[], 'fail', 'No metascopes: IMS refuses a JWT without one (invalid_scope); the default is event_receiver_api, ent_adobeio_sdk.'],
  [['ent_receiver_api'], 'fail', "Metascopes: 'ent_receiver_api' is a known misspelling of 'event_receiver_api'; event_receiver_api is missing: AEM's I/O Events connector needs the I/O Events API."],
  [['event_receiver_api', '/s/ent_adobeio_sdk'], 'fail', `Metascopes: write 'ent_adobeio_sdk', not '/s/ent_adobeio_sdk': the ${PROD}/s/ prefix is added.`],
  [['event_receiver_api', 'https://ims-na1-stg1.adobelogin.com/s/ent_adobeio_sdk'], 'fail', `Metascopes: 'https://ims-na1-stg1.adobelogin.com/s/ent_adobeio_sdk' is not a metascope URL of ${PROD} (${PROD}/s/<name>); IMS refuses another host's metascopes (invalid_scope).`],
  [['event_receiver_api', 'ent adobeio'], 'fail', "Metascopes: 'ent adobeio' is neither a metascope name (letters, digits, _) nor a URL."],
  [['event_receiver_api', 'ent_custom_sdk'], 'warn', "Metascopes: 'ent_custom_sdk' is not a metascope Adobe documents; IMS refuses metascopes the credential lacks."],
  [['ent_adobeio_sdk'], 'warn', "Metascopes: event_receiver_api is missing: AEM's I/O Events connector needs the I/O Events API."],
];
for (const [metascopes, outcome, message] of rows) {
  checkMetascopesSuite(`[${metascopes.join(', ')}] → ${outcome}`, () => {
    assert.equal(checkMetascopes(metascopes, PROD), { id: 'metascopes', outcome, message });
  });
}

checkMetascopesSuite.run();

// ---

const checkScopesSuite = suite('checkScopes');

checkScopesSuite('well-formed scopes pass', () => {
  assert.equal(checkScopes(['openid', 'AdobeID', 'additional_info.projectedProductContext']), { id: 'scopes', outcome: 'pass', message: 'The scopes [openid, AdobeID, additional_info.projectedProductContext] are well-formed.' });
});

checkScopesSuite('no scopes, or one holding a comma or a space, fail', () => {
  assert.is(checkScopes([]).outcome, 'fail');
  assert.equal(checkScopes(['openid,AdobeID', 'read organizations']), {
    id: 'scopes',
    outcome: 'fail',
    message: 'Scopes: "openid,AdobeID" is not a scope name (no spaces or commas; one scope per list item); "read organizations" is not a scope name (no spaces or commas; one scope per list item).',
  });
});

checkScopesSuite.run();
