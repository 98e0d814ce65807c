import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createTemplateContext, formatDefaultClaims } from '../../src/build/template-context-from-config.ts';
import { parse, withChanges } from '../config/valid-config.ts';

const createTemplateContextSuite = suite('createTemplateContext');

createTemplateContextSuite('the OSGi keys: folder, flow flags, derived scope texts, the default alias without a keystore', () => {
  const { config } = parse(withChanges({ osgi: { app: 'mysite', runMode: 'author', flow: 'oauth' }, ims: { scopes: ['AdobeID', 'openid'], metascopes: ['event_receiver_api', 'https://ims-na1.adobelogin.com/s/ent_adobeio_sdk'] } }));
  const context = createTemplateContext(config, undefined);
  assert.is(context['osgi.configFolder'], '/apps/mysite/config.author');
  assert.is(context['osgi.runMode'], 'author');
  assert.is(context['flow.jwt'], false);
  assert.is(context['flow.oauth'], true);
  assert.is(context['ims.scopesText'], 'AdobeID,openid');
  assert.is(context['ims.metascopePaths'], '/s/event_receiver_api,/s/ent_adobeio_sdk');
  assert.equal(context['ims.oauthClaims'], ['"iss" : "0123456789ABCDEF01234567@AdobeOrg"']);
  assert.is(context['keystore.alias'], 'eventproxy');
  assert.is(context['keystore.include'], false);
  assert.is(context['privateKey.encodedPkcs8'], undefined);
  assert.is(context['workspace.projectId'], undefined);
});

createTemplateContextSuite('without a run mode the folder is config; the key and workspace ids pass through', () => {
  const { config } = parse(withChanges({ workspace: { projectId: '42', credentialId: '7' } }));
  const context = createTemplateContext(config, undefined, { encodedPkcs8: 'AAAA' });
  assert.is(context['osgi.configFolder'], '/apps/aem-ioevents/config');
  assert.is(context['flow.jwt'], true);
  assert.is(context['ims.scopesText'], undefined);
  assert.is(context['workspace.projectId'], '42');
  assert.is(context['workspace.credentialId'], '7');
  assert.is(context['privateKey.encodedPkcs8'], 'AAAA');
});

createTemplateContextSuite.run();

// ---

const formatDefaultClaimsSuite = suite('formatDefaultClaims');

formatDefaultClaimsSuite('one JSON member per claim, no exp; another IMS host goes into aud and the metascopes; a full URL is kept', () => {
  const { config } = parse(withChanges({ ims: { url: 'https://ims-na1-stg1.adobelogin.com', metascopes: ['event_receiver_api', 'https://ims-na1.adobelogin.com/s/ent_adobeio_sdk'] } }));
  assert.equal(formatDefaultClaims(config), [
    '"iss" : "0123456789ABCDEF01234567@AdobeOrg"',
    '"sub" : "0123456789ABCDEF01234567@techacct.adobe.com"',
    '"aud" : "https://ims-na1-stg1.adobelogin.com/c/0123456789abcdef0123456789abcdef"',
    '"https://ims-na1-stg1.adobelogin.com/s/event_receiver_api" : true',
    '"https://ims-na1.adobelogin.com/s/ent_adobeio_sdk" : true',
  ]);
});

formatDefaultClaimsSuite('a character JSON escapes stays a valid member', () => {
  const { config } = parse(withChanges({ cloudService: { apiKey: 'a"b\\c' } }));
  const members = formatDefaultClaims(config);
  assert.is(members[2], '"aud" : "https://ims-na1.adobelogin.com/c/a\\"b\\\\c"');
  assert.is((JSON.parse(`{${members.join(',')}}`) as Record<string, string>)['aud'], 'https://ims-na1.adobelogin.com/c/a"b\\c');
});

formatDefaultClaimsSuite.run();
