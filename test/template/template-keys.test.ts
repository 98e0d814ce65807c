import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseTemplate } from '../../src/template/parse-template.ts';
import { findMissingContextKeys, keptProperties, listUsedContextKeys } from '../../src/template/template-keys.ts';

const template = parseTemplate(
  `
name: k
title: K
filters:
  - root: '{{osgi.configFolder}}/pid~{{cloudService.name}}'
    status: confirmed
  - root: '{{serviceUser.home}}/keystore'
    when: keystore.include
    status: confirmed
nodes:
  - path: '{{osgi.configFolder}}/pid~{{cloudService.name}}'
    status: confirmed
    properties:
      jcr:primaryType: { value: sling:OsgiConfig, status: confirmed }
      claims:
        - { value: '{{ims.jwtClaims}}', when: flow.jwt, status: confirmed }
        - { value: '{{ims.oauthClaims}}', when: flow.oauth, status: confirmed }
      key: { value: '{{privateKey.encodedPkcs8}}', when: flow.jwt, status: confirmed }
      both: { value: ['{{workspace.projectId}}', 'x-{{workspace.workspaceId}}'], status: confirmed }
    children:
      - name: child
        when: flow.oauth
        status: inferred
        properties:
          scope: { value: '{{ims.scopesText}}', status: inferred }
  - path: '{{serviceUser.home}}/keystore'
    when: keystore.include
    status: confirmed
    files:
      - { name: store.p12, content: keystore.bytes, status: confirmed }
`,
  'k.yaml',
);

const jwt = { 'flow.jwt': true, 'flow.oauth': false };
const oauth = { 'flow.jwt': false, 'flow.oauth': true };

const listUsedContextKeysSuite = suite('listUsedContextKeys');

listUsedContextKeysSuite('lists the keys of the entries when: keeps, paths and file contents included', () => {
  assert.equal([...listUsedContextKeys(template, jwt)], ['osgi.configFolder', 'cloudService.name', 'ims.jwtClaims', 'privateKey.encodedPkcs8', 'workspace.projectId', 'workspace.workspaceId']);
  assert.equal([...listUsedContextKeys(template, { ...oauth, 'keystore.include': true })], [
    'osgi.configFolder',
    'cloudService.name',
    'serviceUser.home',
    'ims.oauthClaims',
    'workspace.projectId',
    'workspace.workspaceId',
    'ims.scopesText',
    'keystore.bytes',
  ]);
});

listUsedContextKeysSuite.run();

// ---

const keptPropertiesSuite = suite('keptProperties');

keptPropertiesSuite('keeps the first kept variant of each name, in template order', () => {
  const node = template.nodes[0]!;
  assert.equal(keptProperties(node, jwt).map((p) => `${p.name}=${String(p.value)}`), ['jcr:primaryType=sling:OsgiConfig', 'claims={{ims.jwtClaims}}', 'key={{privateKey.encodedPkcs8}}', 'both={{workspace.projectId}},x-{{workspace.workspaceId}}']);
  assert.equal(keptProperties(node, {}).map((p) => p.name), ['jcr:primaryType', 'both']);
});

keptPropertiesSuite.run();

// ---

const findMissingContextKeysSuite = suite('findMissingContextKeys');

findMissingContextKeysSuite('names every used key without a value; an empty list or false counts as missing', () => {
  const context = { ...jwt, 'osgi.configFolder': '/apps/a/config', 'cloudService.name': 'n', 'ims.jwtClaims': [], 'workspace.projectId': '1' };
  assert.equal(findMissingContextKeys(template, context), ['ims.jwtClaims', 'privateKey.encodedPkcs8', 'workspace.workspaceId']);
  assert.equal(findMissingContextKeys(template, { ...context, 'ims.jwtClaims': ['"iss" : "o"'], 'privateKey.encodedPkcs8': 'AAAA', 'workspace.workspaceId': '2' }), []);
});

findMissingContextKeysSuite.run();
