import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ENV, failure, FILE, parse, PROTECTED, problemOf, validTree, withChanges } from './valid-config.ts';
import type { Tree } from './valid-config.ts';
import type { Environment } from '../../src/config/types.ts';

const validateConfigSuite = suite('validateConfig');

const PROTECTED_FORM = "expected AEM's protected form, '{' + hexadecimal digits + '}', as /system/console/crypto shows it, got a string (not shown: secret); protect the value on the target AEM instance and paste it whole, braces included, or";
const ORG_FORM = 'expected 24 hexadecimal digits followed by @AdobeOrg, like 0123456789ABCDEF01234567@AdobeOrg';
const ORG_HINT = 'copy the Organization ID from the Adobe Developer Console (project overview or credential details)';

// one change → the one problem line it causes (exact)
const cases: ReadonlyArray<readonly [string, Tree, string, Environment?]> = [
  // types
  ['a number where text belongs', { package: { version: 1 } }, 'package.version at line 11, column 5: expected a string, got 1 (number); put the value in quotes'],
  ['a boolean where text belongs', { cloudService: { title: true } }, 'cloudService.title at line 4, column 5: expected a string, got true (boolean); put the value in quotes'],
  ['a list where text belongs', { cloudService: { title: ['a'] } }, 'cloudService.title at line 4, column 5: expected a string, got a list; give a single text value'],
  ['a key without value', { package: { name: null } }, 'package.name at line 11, column 5: has no value; give one or remove the key'],
  ['an empty required value', { package: { name: '' } }, 'package.name at line 11, column 5: must not be empty; give the package name'],
  ['a section that is not a mapping', { package: 'x' }, 'package at line 10, column 3: expected a mapping of keys to values, got a string; indent the package keys below package:'],
  ['text where true or false belongs', { keystore: { file: 'k.p12', include: 'yes' } }, "keystore.include at line 12, column 5: expected true or false, got 'yes'; write it without quotes"],
  ['text where a list belongs', { package: { dependencies: 'a:b' } }, 'package.dependencies at line 11, column 5: expected a list, got \'a:b\'; write dependencies: [a, b] or one "- item" per line'],
  ['a mapping where a list belongs', { ims: { metascopes: { a: 1 } } }, 'ims.metascopes at line 11, column 5: expected a list, got a mapping; write metascopes: [a, b] or one "- item" per line'],
  ['a number in a list', { package: { dependencies: [1] } }, 'package.dependencies[0] at line 12, column 7: expected a string, got 1 (number); put the value in quotes'],
  ['an empty list item', { ims: { scopes: ['openid', ''] } }, 'ims.scopes[1] at line 13, column 7: must not be empty; remove the item or give a value'],
  ['a list item given twice', { package: { dependencies: ['a:b', 'a:b'] } }, 'package.dependencies[1] at line 13, column 7: listed twice (first as package.dependencies[0]); remove one'],
  // unknown keys
  ['a misspelt section', { cloudservice: {} }, 'cloudservice at line 10, column 3: unknown key; did you mean cloudService?'],
  ['a misspelt field', { cloudService: { clientSecert: 'x' } }, 'cloudService.clientSecert at line 9, column 5: unknown key; did you mean clientSecret?'],
  ['a field in the wrong section', { ims: { apiKey: 'x' } }, 'ims.apiKey at line 11, column 5: unknown key here; apiKey belongs in the cloudService section'],
  // package
  ['a package name with /', { package: { name: 'a/b' } }, "package.name at line 11, column 5: expected a valid JCR name ('/' not allowed in name), got 'a/b'; use letters, digits, '.', '-' and '_'"],
  ['a version with a trailing space', { package: { version: '1.0 ' } }, "package.version at line 11, column 5: expected a valid JCR name (Trailing spaces not allowed), got '1.0 '; use letters, digits, '.', '-' and '_'"],
  ['a group that climbs', { package: { group: 'my/../group' } }, "package.group at line 11, column 5: expected a group of '/'-separated JCR names ('..': '..' is not a valid name), got 'my/../group'; like aem-ioevents or my-company/ioevents"],
  ['a dependency without a group', { package: { dependencies: ['aem-event-proxy'] } }, "package.dependencies[0] at line 12, column 7: expected group:name or group:name:versionRange (no group), got 'aem-event-proxy'; like eventproxy:aem-event-proxy or eventproxy:aem-event-proxy:[6.3,7)"],
  ['a description XML cannot hold', { package: { description: 'a\u0001' } }, "package.description at line 11, column 5: expected text that XML can hold, got 'a\u0001'; remove the character U+0001"],
  // cloudService
  ['a missing cloudService', { cloudService: undefined }, 'cloudService: required section missing; give name, title, apiKey, technicalAccountId, organizationId and clientSecret'],
  ['a page name that climbs', { cloudService: { name: '..' } }, "cloudService.name at line 3, column 5: expected a single node name below /etc/cloudservices/eventproxy, without '/' and not '.' or '..', got '..'; use letters, digits, '-' and '_', like ioevents"],
  ['a page name with a path', { cloudService: { name: '../../apps/x' } }, "cloudService.name at line 3, column 5: expected a single node name below /etc/cloudservices/eventproxy, without '/' and not '.' or '..', got '../../apps/x'; use letters, digits, '-' and '_', like ioevents"],
  ['a page name with a prefix', { cloudService: { name: 'cq:x' } }, "cloudService.name at line 3, column 5: expected a node name without ':' (a namespace prefix does not belong in a page name), got 'cq:x'; use letters, digits, '-' and '_', like ioevents"],
  ['a missing page name', { cloudService: { name: undefined } }, 'cloudService.name at line 2, column 3: required; give the node name of the configuration page, like ioevents'],
  ['an empty title', { cloudService: { title: '' } }, 'cloudService.title at line 4, column 5: must not be empty; give the title shown in Cloud Services, like Adobe I/O Events'],
  ['a missing title', { cloudService: { title: undefined } }, 'cloudService.title at line 2, column 3: required; give the title shown in Cloud Services, like Adobe I/O Events'],
  ['an externalizer URL', { cloudService: { externalizer: 'http://localhost:4502' } }, "cloudService.externalizer at line 9, column 5: expected a Link Externalizer domain name of letters, digits, '.', '_' and '-', like author or publish, got 'http://localhost:4502'; use a name from the Day CQ Link Externalizer configuration of the AEM instance"],
  ['an API key with a space', { cloudService: { apiKey: 'abc def' } }, "cloudService.apiKey at line 5, column 5: expected an API key of printable ASCII characters without spaces, got 'abc def'; copy the API key (client ID) from the Adobe Developer Console"],
  ['a missing API key', { cloudService: { apiKey: undefined } }, 'cloudService.apiKey at line 2, column 3: required; give the API key (client ID) from the Adobe Developer Console'],
  ['an organization ID without suffix', { cloudService: { organizationId: '0123456789ABCDEF01234567' } }, `cloudService.organizationId at line 7, column 5: ${ORG_FORM}, got '0123456789ABCDEF01234567'; ${ORG_HINT}`],
  ['a short technical account ID', { cloudService: { technicalAccountId: 'abc@techacct.adobe.com' } }, "cloudService.technicalAccountId at line 6, column 5: expected 24 hexadecimal digits followed by @techacct.adobe.com, like 0123456789ABCDEF01234567@techacct.adobe.com, got 'abc@techacct.adobe.com'; copy the Technical Account ID from the credential details in the Adobe Developer Console"],
  ['a missing technical account ID', { cloudService: { technicalAccountId: undefined } }, 'cloudService.technicalAccountId at line 2, column 3: required; give the Technical Account ID, like 0123456789ABCDEF01234567@techacct.adobe.com'],
  ['no client secret at all', { cloudService: { clientSecret: undefined } }, 'cloudService.clientSecret at line 2, column 3: required; give clientSecret: ${IOEVENTS_CLIENT_SECRET} (and set that variable), or clientSecretProtected with the value protected by the target AEM'],
  ['both forms of the client secret', { cloudService: { clientSecretProtected: PROTECTED } }, 'cloudService.clientSecretProtected at line 9, column 5: give either clientSecret or clientSecretProtected, not both'],
  ['a protected secret that is not protected', { cloudService: { clientSecret: undefined, clientSecretProtected: 'plain' } }, `cloudService.clientSecretProtected at line 8, column 5: ${PROTECTED_FORM} give the plain secret in clientSecret instead`],
  ['a protected value given as the plain secret', { cloudService: { clientSecret: PROTECTED } }, 'cloudService.clientSecret at line 8, column 5: expected the plain client secret, got a string (not shown: secret); this looks like a value protected by AEM: put it in clientSecretProtected instead'],
  ['a secret of the wrong type', { cloudService: { clientSecret: 12345 } }, 'cloudService.clientSecret at line 8, column 5: expected a string, got a number (not shown: secret); put the value in quotes'],
  [
    'a secret variable with a trailing newline',
    {},
    'cloudService.clientSecret at line 8, column 5: (from ${IOEVENTS_CLIENT_SECRET}) expected a client secret without spaces or line breaks, got a string (not shown: secret); check the variable or file for a trailing newline',
    { IOEVENTS_CLIENT_SECRET: 'abc\n' },
  ],
  ['a secret variable set but empty', {}, 'cloudService.clientSecret at line 8, column 5: (from ${IOEVENTS_CLIENT_SECRET}) must not be empty; give a value or remove the key', { IOEVENTS_CLIENT_SECRET: '' }],
  // keystore
  ['an upper-case alias', { keystore: { file: 'k.p12', alias: 'EventProxy' } }, "keystore.alias at line 12, column 5: expected a lower-case alias (Java lower-cases PKCS#12 aliases, so this one would not be found), got 'EventProxy'; write eventproxy"],
  ['an alias with a space', { keystore: { file: 'k.p12', alias: 'event proxy' } }, "keystore.alias at line 12, column 5: expected an alias of lower-case letters, digits, '.', '_' and '-', got 'event proxy'; the connector looks the key up as eventproxy"],
  ['a keystore without file', { keystore: { include: false } }, 'keystore.file at line 10, column 3: required; give the PKCS#12 file, like keys/keystore.p12 (made by aem-ioevents keygen)'],
  ['an empty keystore password', { keystore: { file: 'k.p12', password: '' } }, 'keystore.password at line 12, column 5: must not be empty; give a value or remove the key'],
  ['a protected password that is not protected', { keystore: { file: 'k.p12', include: true, protectedPassword: '{...}' } }, `keystore.protectedPassword at line 13, column 5: ${PROTECTED_FORM} remove it and install the key with deploy --keystore`],
  // serviceUser
  ['a home that climbs', { serviceUser: { home: '/home/users/system/../../../apps' } }, "serviceUser.home at line 11, column 5: expected a path under /home/users/ (segment '..': '..' is not a valid name), got '/home/users/system/../../../apps'; the connector uses /home/users/system/eventproxy/eventproxy-service"],
  ['a home with a trailing slash', { serviceUser: { home: '/home/users/system/x/' } }, "serviceUser.home at line 11, column 5: expected a path under /home/users/ (empty segment: no trailing or double '/'), got '/home/users/system/x/'; the connector uses /home/users/system/eventproxy/eventproxy-service"],
  ['a home outside /home/users', { serviceUser: { home: '/apps/x' } }, "serviceUser.home at line 11, column 5: expected a path under /home/users/ (it must start with '/home/users/'), got '/apps/x'; the connector uses /home/users/system/eventproxy/eventproxy-service"],
  // ims
  ['an http IMS URL', { ims: { url: 'http://ims-na1.adobelogin.com' } }, "ims.url at line 11, column 5: expected an https URL (http only for 127.0.0.1 or localhost), got 'http://ims-na1.adobelogin.com'; give the IMS base URL only, like https://ims-na1.adobelogin.com"],
  ['an IMS URL with a path', { ims: { url: 'https://ims-na1.adobelogin.com/ims/token/v3' } }, "ims.url at line 11, column 5: expected a URL without path, query or fragment (the tool adds /ims/token/v3 and /ims/exchange/jwt), got 'https://ims-na1.adobelogin.com/ims/token/v3'; give the IMS base URL only, like https://ims-na1.adobelogin.com"],
  ['no metascope', { ims: { metascopes: [] } }, 'ims.metascopes at line 11, column 5: must not be empty; list at least one, like [event_receiver_api, ent_adobeio_sdk]'],
  ['a metascope written as a path', { ims: { metascopes: ['/s/event_receiver_api'] } }, "ims.metascopes[0] at line 12, column 7: expected a metascope name like event_receiver_api, or a full URL like https://ims-na1.adobelogin.com/s/event_receiver_api, got '/s/event_receiver_api'; write the name alone: event_receiver_api"],
  ['no scope', { ims: { scopes: [] } }, 'ims.scopes at line 11, column 5: must not be empty; list at least one, like [openid, AdobeID, read_organizations], or remove ims.scopes'],
  ['scopes in one item', { ims: { scopes: ['openid,AdobeID'] } }, "ims.scopes[0] at line 12, column 7: expected a scope without spaces or commas, got 'openid,AdobeID'; give one scope per list item, like [openid, AdobeID, read_organizations]"],
  ['a passphrase without a key', { ims: { passphrase: '${PASS}' } }, 'ims.passphrase at line 11, column 5: (from ${PASS}) set, but ims.privateKey is not; give the key file in ims.privateKey or remove the passphrase', { PASS: 'x' }],
  ['a pasted PEM key', { ims: { privateKey: '-----BEGIN PRIVATE KEY-----\nMIIEvQ' } }, 'ims.privateKey at line 11, column 5: expected the path of a PEM file, not the key itself, got a string (not shown: secret); save the key to a file readable only by you and give its path'],
  // osgi
  ['an app folder with a path', { osgi: { app: 'mysite/osgiconfig' } }, "osgi.app at line 11, column 5: expected one folder name below /apps of letters, digits, '.', '_' and '-' (no '/', no ':'), got 'mysite/osgiconfig'; use the name of your application folder, like aem-ioevents or mysite"],
  ['an app folder that climbs', { osgi: { app: '..' } }, "osgi.app at line 11, column 5: expected one folder name below /apps of letters, digits, '.', '_' and '-' (no '/', no ':'), got '..'; use the name of your application folder, like aem-ioevents or mysite"],
  ['an empty app folder', { osgi: { app: '' } }, 'osgi.app at line 11, column 5: must not be empty; give the folder below /apps, like aem-ioevents'],
  ['a run mode with config. in front', { osgi: { runMode: 'config.author' } }, "osgi.runMode at line 11, column 5: expected the run modes alone, without the folder name config, got 'config.author'; write author; build adds /apps/<app>/config."],
  ['a run mode with a slash', { osgi: { runMode: 'author/prod' } }, "osgi.runMode at line 11, column 5: expected run modes of letters, digits, '_' and '-', joined by '.', got 'author/prod'; like author, publish or author.prod; leave it out for every instance"],
  ['a run mode with an empty part', { osgi: { runMode: 'author..prod' } }, "osgi.runMode at line 11, column 5: expected run modes of letters, digits, '_' and '-', joined by '.', got 'author..prod'; like author, publish or author.prod; leave it out for every instance"],
  ['an unknown flow', { osgi: { flow: 'oauth2' } }, "osgi.flow at line 11, column 5: expected jwt or oauth, got 'oauth2'; jwt writes the JWT claims and key (end of life at Adobe), oauth the OAuth Server-to-Server scopes (give ims.scopes)"],
  ['the oauth flow without scopes', { osgi: { flow: 'oauth' } }, 'osgi.flow at line 11, column 5: oauth needs the OAuth Server-to-Server scopes; give ims.scopes, like [AdobeID, openid, read_organizations, adobeio_api]'],
  ['a misspelt osgi key', { osgi: { runmode: 'author' } }, 'osgi.runmode at line 11, column 5: unknown key; did you mean runMode?'],
  // workspace
  ['a project id written as a number', { workspace: { projectId: 4566206088344794 } }, 'workspace.projectId at line 11, column 5: expected a string, got 4566206088344794 (number); put the value in quotes'],
  ['a project id with letters', { workspace: { projectId: 'my-project' } }, "workspace.projectId at line 11, column 5: expected the digits of a Developer Console id (write it in quotes), got 'my-project'; copy project.id from the project JSON the Adobe Developer Console downloads, or give workspace.projectFile"],
  ['a consumer org given as the IMS org', { workspace: { consumerOrgId: '0123456789ABCDEF01234567@AdobeOrg' } }, "workspace.consumerOrgId at line 11, column 5: expected the digits of a Developer Console id (write it in quotes), got '0123456789ABCDEF01234567@AdobeOrg'; copy project.org.id from the project JSON the Adobe Developer Console downloads, or give workspace.projectFile"],
  ['a workspace id with a space', { workspace: { workspaceId: '123 ' } }, "workspace.workspaceId at line 11, column 5: expected the digits of a Developer Console id (write it in quotes), got '123 '; copy project.workspace.id from the project JSON the Adobe Developer Console downloads, or give workspace.projectFile"],
  ['an empty credential id', { workspace: { credentialId: '' } }, 'workspace.credentialId at line 11, column 5: must not be empty; give a value or remove the key'],
  ['a pasted project JSON', { workspace: { projectFile: '{"project":{"client_secret":"x"}}' } }, 'workspace.projectFile at line 11, column 5: expected the path of the project JSON, not its content, got a string (not shown: secret); save the JSON the Adobe Developer Console downloads to a file readable only by you and give its path'],
  ['a workspace key in the wrong section', { osgi: { projectId: '1' } }, 'osgi.projectId at line 11, column 5: unknown key here; projectId belongs in the workspace section'],
  // where values came from
  ['a value from a variable, which is never shown', { cloudService: { organizationId: '${ORG_ID}' } }, `cloudService.organizationId at line 7, column 5: (from \${ORG_ID}) ${ORG_FORM}, got a string (not shown: from the environment); ${ORG_HINT}`, { ORG_ID: 'bad' }],
  ['a value with an embedded variable', { cloudService: { name: 'ioevents/${STAGE}' } }, "cloudService.name at line 3, column 5: (from ${STAGE}) expected a single node name below /etc/cloudservices/eventproxy, without '/' and not '.' or '..', got a string (not shown: from the environment); use letters, digits, '-' and '_', like ioevents", { STAGE: 'stage' }],
  ['a value from a variable in a list', { ims: { scopes: ['openid', '${SCOPE}'] } }, 'ims.scopes[1] at line 13, column 7: (from ${SCOPE}) expected a scope without spaces or commas, got a string (not shown: from the environment); give one scope per list item, like [openid, AdobeID, read_organizations]', { SCOPE: 'a b' }],
  ['a long value, shortened', { cloudService: { title: `${'t'.repeat(120)}\u0007` } }, `cloudService.title at line 4, column 5: expected text that XML can hold, got '${'t'.repeat(100)}…' (121 characters); remove the character U+0007`],
];
for (const [what, changes, line, env] of cases) {
  validateConfigSuite(`${what} is one problem with an exact message`, () => {
    assert.is(problemOf(changes, { env: { ...ENV, ...env } }), line);
  });
}

validateConfigSuite('every problem is reported together, in one error, exit code 2', () => {
  const error = failure(
    withChanges({
      cloudservice: {},
      package: { version: 1 },
      cloudService: { organizationId: 'x', clientSecret: undefined },
      keystore: { file: 'k.p12', alias: 'EventProxy' },
      ims: { url: 'ims-na1.adobelogin.com' },
      environments: { stage: { ims: { urll: 'x' } } },
    }),
  );
  assert.is(error.code, 'E_CONFIG_FIELD');
  assert.is(error.exitCode, 2);
  assert.is(error.file, FILE);
  // In file order (issue 12, point 9): cloudService holds lines 2 to 8, cloudservice is line 9.
  assert.equal(
    error.issues.map((issue) => issue.path),
    ['cloudService.clientSecret', 'cloudService.organizationId', 'cloudservice', 'package.version', 'keystore.alias', 'ims.url', 'environments.stage.ims.urll'],
  );
  assert.equal(error.message.split('\n'), [
    `Invalid configuration file ${FILE} (7 problems):`,
    '  - cloudService.clientSecret at line 2, column 3: required; give clientSecret: ${IOEVENTS_CLIENT_SECRET} (and set that variable), or clientSecretProtected with the value protected by the target AEM',
    `  - cloudService.organizationId at line 7, column 5: ${ORG_FORM}, got 'x'; ${ORG_HINT}`,
    '  - cloudservice at line 9, column 3: unknown key; did you mean cloudService?',
    '  - package.version at line 11, column 5: expected a string, got 1 (number); put the value in quotes',
    "  - keystore.alias at line 15, column 5: expected a lower-case alias (Java lower-cases PKCS#12 aliases, so this one would not be found), got 'EventProxy'; write eventproxy",
    "  - ims.url at line 18, column 5: expected an absolute https URL, got 'ims-na1.adobelogin.com'; give the IMS base URL only, like https://ims-na1.adobelogin.com",
    '  - environments.stage.ims.urll at line 23, column 9: unknown key; did you mean url?',
  ]);
});

validateConfigSuite('an empty description and an empty dependency list are valid', () => {
  const { config } = parse(withChanges({ package: { description: '', dependencies: [] } }));
  assert.is(config.package.description, '');
  assert.equal(config.package.dependencies, []);
});

validateConfigSuite('osgi and workspace: defaults, values, and a project file resolved against the file folder', () => {
  assert.equal(parse(validTree()).config.osgi, { app: 'aem-ioevents', flow: 'jwt' });
  assert.is(parse(validTree()).config.workspace, undefined);
  const { config } = parse(
    withChanges({
      osgi: { app: 'mysite', runMode: 'author.prod', flow: 'oauth' },
      ims: { scopes: ['AdobeID', 'openid'] },
      workspace: { projectFile: 'console/project.json', consumerOrgId: '1340225', projectId: '4566206088344794932', workspaceId: '4566206088344812345', credentialId: '179145' },
    }),
  );
  assert.equal(config.osgi, { app: 'mysite', runMode: 'author.prod', flow: 'oauth' });
  assert.equal(config.workspace, { projectFile: '/cfg/console/project.json', consumerOrgId: '1340225', projectId: '4566206088344794932', workspaceId: '4566206088344812345', credentialId: '179145' });
});

validateConfigSuite('an environment can switch the flow and add the scopes', () => {
  const tree = withChanges({ environments: { oauth: { osgi: { flow: 'oauth' }, ims: { scopes: ['AdobeID'] } } } });
  assert.is(parse(tree).config.osgi.flow, 'jwt');
  assert.is(parse(tree, { envName: 'oauth' }).config.osgi.flow, 'oauth');
});

validateConfigSuite('upper- and lower-case hex are both accepted in the ids', () => {
  const { config } = parse(withChanges({ cloudService: { organizationId: 'abcdef0123456789ABCDEF01@AdobeOrg', technicalAccountId: 'ABCDEF0123456789abcdef01@techacct.adobe.com' } }));
  assert.is(config.cloudService.organizationId, 'abcdef0123456789ABCDEF01@AdobeOrg');
});

validateConfigSuite.run();

// ---

const secretsSuite = suite('parseConfig: secrets');

const secrets = ['Sup3r-Secret-Value', 'Ks-Passw0rd-Value', 'Pass-Phrase-Value', 'c0ffee11c0ffee22c0ffee33c0ffee44'];
// Each file holds every secret and fails somewhere near one of them.
const leakyFiles: ReadonlyArray<readonly [string, Tree, Environment]> = [
  ['secrets with whitespace', withChanges({ cloudService: { clientSecret: `${secrets[0]} ` }, keystore: { file: 'k', password: secrets[1], include: 'x' }, ims: { passphrase: `${secrets[2]}\n` } }), {}],
  ['secrets of the wrong type', withChanges({ cloudService: { clientSecret: [secrets[0]] }, keystore: { file: 'k', password: { v: secrets[1] } }, ims: { passphrase: [secrets[2]] } }), {}],
  ['plain secrets in protected fields', withChanges({ cloudService: { clientSecret: undefined, clientSecretProtected: secrets[0] }, keystore: { file: 'k', protectedPassword: `{${secrets[3]}` } }), {}],
  ['secret variables in plain fields', withChanges({ cloudService: { name: '${S1}/x', title: '${S2}\u0001', apiKey: '${S3} x', organizationId: '${S4}' } }), { S1: secrets[0]!, S2: secrets[1]!, S3: secrets[2]!, S4: secrets[3]! }],
  ['secret variables used in plain fields and secret ones', withChanges({ cloudService: { clientSecret: '${PLAIN_NAME}', technicalAccountId: '${PLAIN_NAME}' } }), { PLAIN_NAME: secrets[0]! }],
  ['a pasted key with a passphrase', withChanges({ ims: { privateKey: `-----BEGIN ENCRYPTED PRIVATE KEY-----${secrets[0]}`, passphrase: secrets[2] } }), {}],
  ['secrets under misspelt keys', withChanges({ cloudService: { clientSecert: secrets[0] }, keystore: { file: 'k', pasword: secrets[1] }, ims: { passPhrase: secrets[2] } }), {}],
  ['a secret in a section of the wrong shape', withChanges({ keystore: [secrets[1]], ims: `${secrets[2]}` }), {}],
  ['a secret in a broken environment', withChanges({ environments: { stage: { cloudService: { clientSecret: secrets[0], nmae: secrets[1] } } } }), {}],
];
for (const [what, tree, env] of leakyFiles) {
  secretsSuite(`${what}: no message shows a secret`, () => {
    const error = failure(tree, { env: { ...ENV, ...env }, envName: tree['environments'] === undefined ? undefined : 'stage' });
    for (const secret of secrets) {
      assert.not.ok(error.message.includes(secret), `${secret} in:\n${error.message}`);
      assert.not.ok(error.message.includes(secret.slice(0, 8)), `part of ${secret} in:\n${error.message}`);
    }
  });
}

secretsSuite('warnings about literal secrets name the field, never the value', () => {
  const parsed = parse(withChanges({ cloudService: { clientSecret: secrets[0] }, keystore: { file: 'k', password: secrets[1] }, ims: { privateKey: 'k.pem', passphrase: secrets[2] } }));
  assert.ok(parsed.warnings.length >= 3);
  for (const warning of parsed.warnings) for (const secret of secrets) assert.not.ok(warning.includes(secret), warning);
});

secretsSuite.run();
