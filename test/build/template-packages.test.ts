// The OSGi templates (issue 7): golden packages, FileVault's rules, real consumers, property types,
// DocView escaping of secrets, and no secret in any output.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createPrivateKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPackage, type BuildResult } from '../../src/build/build-package.ts';
import { parseDocView } from '../../src/docview/docview-parse.ts';
import { inspectPackage } from '../../src/inspect/inspect-package.ts';
import { FIXTURE_KEY } from '../crypto/fixtures.ts';
import { runJava } from '../helpers/java.ts';
import { readPackagesWithJava } from '../helpers/package-check.ts';
import { hasTool } from '../helpers/tools.ts';
import { ADDON_CLOUD_SERVICE_WARNING, ADDON_SCOPES_WARNING, buildJwtWarning } from '../helpers/setup-warnings.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { CLIENT_SECRET, EXAMPLE_ENV, exampleKeyMaterial, writeExampleProject } from './example-project.ts';
import { goldenDir, goldenFiles, zipFiles } from './golden.ts';

const now = () => new Date('2026-11-23T12:00:00Z');
const CONFIG = 'jcr_root/apps/aem-ioevents/config';
const PROVIDER = `${CONFIG}/com.adobe.granite.auth.oauth.accesstoken.provider~ioevents.xml`;
const CUSTOMIZER = `${CONFIG}/com.adobe.granite.auth.ims.impl.IMSAccessTokenRequestCustomizerImpl~ioevents.xml`;
const WORKSPACE = `${CONFIG}/com.adobe.aio.aem.workspace.internal.WorkspaceSupplierImpl.xml`;
// A protected value as /system/console/crypto shows one (made up).
const PROTECTED = '{435c89a1e94895d5a8447b856ec479aa24d8cdfc7a6dc51991202b62b065a1e6}';

/** golden folder, template, --env */
const GOLDENS: readonly (readonly [string, string, string | undefined])[] = [
  ['ims-6.5', 'ims-6.5', undefined],
  ['ims-6.5-oauth', 'ims-6.5', 'oauth'],
  ['aio-aem-events', 'aio-aem-events', undefined],
  ['aio-aem-events-oauth', 'aio-aem-events', 'oauth'],
];

function build(dir: string, template: string, envName?: string, out = `out-${template}-${envName ?? 'jwt'}`): Promise<BuildResult> {
  return buildPackage({ cwd: dir, env: EXAMPLE_ENV, now, template, out, ...(envName !== undefined && { envName }) });
}

async function docView(result: BuildResult, entry: string) {
  const xml = (await zipFiles(result.file)).get(entry)!.toString('utf8');
  return { xml, root: parseDocView(xml, { rootName: entry.slice(entry.lastIndexOf('/') + 1, -'.xml'.length) }).root };
}

function property(root: { properties: readonly { name: string; values: readonly string[]; isMulti: boolean; type: string }[] }, name: string) {
  const found = root.properties.find((p) => p.name === name);
  return found === undefined ? undefined : { values: found.values, isMulti: found.isMulti, type: found.type };
}

const goldenSuite = suite('buildPackage with the OSGi templates', { dir: '' });

goldenSuite.before.each(async (context) => {
  context.dir = makeTempDir();
  await writeExampleProject(context.dir);
});
goldenSuite.after.each((context) => removeTempDir(context.dir));

for (const [golden, template, envName] of GOLDENS) {
  goldenSuite(`the example with ${template}${envName === undefined ? '' : ` --env ${envName}`} builds to the golden package ${golden}, entry by entry`, async ({ dir }) => {
    const result = await build(dir, template, envName);
    const files = await zipFiles(result.file);
    const fileEntries = [...files.keys()].filter((name) => !name.endsWith('/'));
    assert.equal(fileEntries.sort(), goldenFiles(goldenDir(golden)).sort());
    for (const name of fileEntries) assert.ok(files.get(name)!.equals(readFileSync(join(goldenDir(golden), name))), name);
    assert.is(result.template, template);
  });
}

goldenSuite("inspect finds no error in any of them; with FileVault's defaults two warnings remain, which the example's validation: section removes in build", async ({ dir }) => {
  for (const [, template, envName] of GOLDENS) {
    const result = await build(dir, template, envName);
    const { findings } = await inspectPackage({ file: result.file }, { name: 'x.zip' });
    assert.equal(findings.filter((f) => f.severity === 'error'), [], template);
    assert.equal(result.validation, { errors: 0, warnings: 0, infos: 0 });
    const warnings = findings.map((f) => `${f.validator}: ${f.message}`);
    assert.is(warnings[0], "jackrabbit-filter: Filter root's ancestor '/apps/aem-ioevents/config' is not covered by any of the specified dependencies nor a valid root.");
    assert.match(warnings[1]!, /^jackrabbit-nodetypes: Invalid primary type 'sling:OsgiConfig': sling: is not a registered namespace prefix\./);
  }
});

goldenSuite('a container package: the type, one filter root per configuration, no dependencies', async ({ dir }) => {
  const ims = await build(dir, 'ims-6.5');
  assert.equal(ims.filterRoots, [
    '/apps/aem-ioevents/config/com.adobe.granite.auth.oauth.accesstoken.provider~ioevents',
    '/apps/aem-ioevents/config/com.adobe.granite.auth.ims.impl.IMSAccessTokenRequestCustomizerImpl~ioevents',
  ]);
  const properties = (await zipFiles(ims.file)).get('META-INF/vault/properties.xml')!.toString('utf8');
  assert.ok(properties.includes('<entry key="packageType">container</entry>'));
  assert.not.ok(properties.includes('dependencies'));
  const aio = await build(dir, 'aio-aem-events');
  assert.equal(aio.filterRoots, ['/apps/aem-ioevents/config/com.adobe.aio.aem.workspace.internal.WorkspaceSupplierImpl']);
});

goldenSuite('osgi.app and osgi.runMode choose the folder; osgi.flow in the file chooses the variant', async ({ dir }) => {
  const config = readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8').replace('  app: aem-ioevents\n', '  app: mysite\n  runMode: author.prod\n');
  writeFileSync(join(dir, 'aem-ioevents.yaml'), config);
  const result = await build(dir, 'aio-aem-events');
  assert.equal(result.filterRoots, ['/apps/mysite/config.author.prod/com.adobe.aio.aem.workspace.internal.WorkspaceSupplierImpl']);
  assert.ok(result.entries.includes('jcr_root/apps/mysite/config.author.prod/com.adobe.aio.aem.workspace.internal.WorkspaceSupplierImpl.xml'));
});

goldenSuite('the inferred names are listed: the factory node names and filter roots of ims-6.5; none for aio-aem-events', async ({ dir }) => {
  const ims = await build(dir, 'ims-6.5');
  assert.equal(ims.inferredNames.map((n) => `${n.kind} ${n.path}`), [
    'filter /apps/aem-ioevents/config/com.adobe.granite.auth.oauth.accesstoken.provider~ioevents',
    'filter /apps/aem-ioevents/config/com.adobe.granite.auth.ims.impl.IMSAccessTokenRequestCustomizerImpl~ioevents',
    'node /apps/aem-ioevents/config/com.adobe.granite.auth.oauth.accesstoken.provider~ioevents',
    'node /apps/aem-ioevents/config/com.adobe.granite.auth.ims.impl.IMSAccessTokenRequestCustomizerImpl~ioevents',
  ]);
  assert.equal((await build(dir, 'aio-aem-events')).inferredNames, []);
});

goldenSuite.run();

// ---

const typesSuite = suite('OSGi property types in the DocView', { dir: '' });

typesSuite.before(async (context) => {
  context.dir = makeTempDir();
  await writeExampleProject(context.dir);
});
typesSuite.after((context) => removeTempDir(context.dir));

typesSuite('ims-6.5 JWT: {Long} timeouts, {Boolean} flags, the claims as a multi-value String, strings untyped', async ({ dir }) => {
  const { xml, root } = await docView(await build(dir, 'ims-6.5'), PROVIDER);
  assert.equal(property(root, 'jcr:primaryType'), { values: ['sling:OsgiConfig'], isMulti: false, type: 'Name' });
  assert.equal(property(root, 'auth.token.provider.conn.timeout'), { values: ['10000'], isMulti: false, type: 'Long' });
  assert.equal(property(root, 'auth.token.provider.so.timeout'), { values: ['10000'], isMulti: false, type: 'Long' });
  assert.equal(property(root, 'auth.token.provider.reuse.access.token'), { values: ['true'], isMulti: false, type: 'Boolean' });
  assert.equal(property(root, 'auth.token.provider.relaxed.ssl'), { values: ['false'], isMulti: false, type: 'Boolean' });
  assert.equal(property(root, 'auth.token.provider.default.claims'), {
    values: [
      '"iss" : "0123456789ABCDEF01234567@AdobeOrg"',
      '"sub" : "0123456789ABCDEF01234567@techacct.adobe.com"',
      '"aud" : "https://ims-na1.adobelogin.com/c/0123456789abcdef0123456789abcdef"',
      '"https://ims-na1.adobelogin.com/s/event_receiver_api" : true',
      '"https://ims-na1.adobelogin.com/s/ent_adobeio_sdk" : true',
    ],
    isMulti: true,
    type: 'undefined',
  });
  assert.equal(property(root, 'auth.token.provider.keypair.alias'), { values: ['eventproxy'], isMulti: false, type: 'undefined' });
  assert.equal(property(root, 'auth.access.token.request'), { values: ['https://ims-na1.adobelogin.com/ims/exchange/jwt'], isMulti: false, type: 'undefined' });
  for (const oauthOnly of ['auth.token.provider.authorization.grants', 'auth.token.provider.orgId', 'auth.token.provider.scope', 'auth.token.validator.type']) assert.is(property(root, oauthOnly), undefined, oauthOnly);
  assert.ok(xml.includes('    auth.token.provider.conn.timeout="{Long}10000"\n'));
  assert.ok(xml.includes('    auth.token.provider.relaxed.ssl="{Boolean}false"\n'));
});

typesSuite('each claim is a JSON member: together they are the JWT claims verify signs, without exp', async ({ dir }) => {
  const { root } = await docView(await build(dir, 'ims-6.5'), PROVIDER);
  const claims = JSON.parse(`{${property(root, 'auth.token.provider.default.claims')!.values.join(',')}}`) as Record<string, unknown>;
  const { createJwtClaims } = await import('../../src/ims/jwt-claims.ts');
  const { exp: _, ...signed } = createJwtClaims({
    orgId: '0123456789ABCDEF01234567@AdobeOrg',
    technicalAccountId: '0123456789ABCDEF01234567@techacct.adobe.com',
    clientId: '0123456789abcdef0123456789abcdef',
    metascopes: ['event_receiver_api', 'ent_adobeio_sdk'],
    imsUrl: 'https://ims-na1.adobelogin.com',
    now: now(),
  });
  assert.equal(claims, signed);
});

typesSuite('ims-6.5 OAuth: client_credentials, /ims/token/v3, the org, the scopes as one String, iss as the only claim, no key alias, the validator type = the provider name', async ({ dir }) => {
  const { root } = await docView(await build(dir, 'ims-6.5', 'oauth'), PROVIDER);
  assert.equal(property(root, 'auth.token.provider.authorization.grants'), { values: ['client_credentials'], isMulti: false, type: 'undefined' });
  assert.equal(property(root, 'auth.access.token.request'), { values: ['https://ims-na1.adobelogin.com/ims/token/v3'], isMulti: false, type: 'undefined' });
  assert.equal(property(root, 'auth.token.provider.orgId'), { values: ['0123456789ABCDEF01234567@AdobeOrg'], isMulti: false, type: 'undefined' });
  assert.equal(property(root, 'auth.token.provider.default.claims'), { values: ['"iss" : "0123456789ABCDEF01234567@AdobeOrg"'], isMulti: true, type: 'undefined' });
  assert.equal(property(root, 'auth.token.provider.scope'), {
    values: ['AdobeID,openid,read_organizations,additional_info.projectedProductContext,additional_info.roles,adobeio_api,read_client_secret,manage_client_secrets'],
    isMulti: false,
    type: 'undefined',
  });
  assert.is(property(root, 'auth.token.provider.keypair.alias'), undefined);
  assert.equal(property(root, 'auth.token.provider.reuse.access.token'), { values: ['true'], isMulti: false, type: 'Boolean' });
  // Adobe's OAuth migration steps set the validator type to the provider's name.
  assert.equal(property(root, 'auth.token.validator.type'), { values: ['adobe-ims-ioevents'], isMulti: false, type: 'undefined' });
  assert.equal(property(root, 'name'), { values: ['adobe-ims-ioevents'], isMulti: false, type: 'undefined' });
});

typesSuite('aio-aem-events: every aio.* property a single String (the metatype says so); JWT and OAuth keys exclusive', async ({ dir }) => {
  const jwt = (await docView(await build(dir, 'aio-aem-events'), WORKSPACE)).root;
  const oauth = (await docView(await build(dir, 'aio-aem-events', 'oauth'), WORKSPACE)).root;
  for (const root of [jwt, oauth]) {
    for (const p of root.properties.filter((q) => q.name.startsWith('aio.'))) assert.ok(!p.isMulti && p.type === 'undefined', p.name);
  }
  const names = (root: typeof jwt) => root.properties.map((p) => p.name).sort();
  const common = ['aio.api.key', 'aio.client.secret', 'aio.consumer.org.id', 'aio.credential.id', 'aio.ims.org.id', 'aio.ims.url', 'aio.project.id', 'aio.technical.account.id', 'aio.workspace.id', 'jcr:primaryType'];
  assert.equal(names(jwt), [...common, 'aio.encoded.pkcs8', 'aio.meta.scopes'].sort());
  assert.equal(names(oauth), [...common, 'aio.oauth.scopes'].sort());
  assert.equal(property(jwt, 'aio.meta.scopes')!.values, ['/s/event_receiver_api,/s/ent_adobeio_sdk']);
  assert.equal(property(jwt, 'aio.consumer.org.id')!.values, ['1340225']);
  assert.equal(property(oauth, 'aio.oauth.scopes')!.values, ['AdobeID,openid,read_organizations,additional_info.projectedProductContext,additional_info.roles,adobeio_api,read_client_secret,manage_client_secrets']);
});

typesSuite('aio.encoded.pkcs8 is the keystore key: Node, Java (PKCS8EncodedKeySpec, signs, the certificate verifies) and openssl read it', async ({ dir }) => {
  const { root } = await docView(await build(dir, 'aio-aem-events'), WORKSPACE);
  const encoded = property(root, 'aio.encoded.pkcs8')!.values[0]!;
  const key = createPrivateKey({ key: Buffer.from(encoded, 'base64'), format: 'der', type: 'pkcs8' });
  assert.ok(key.equals(FIXTURE_KEY));
  writeFileSync(join(dir, 'key.b64'), encoded);
  writeFileSync(join(dir, 'certificate.crt'), (await exampleKeyMaterial()).certificatePem);
  if (hasTool('java')) {
    const java = runJava('KeystoreCheck', ['b64', join(dir, 'key.b64'), join(dir, 'certificate.crt')], 'unused');
    assert.is(java.stdout, `OK b64 ${join(dir, 'key.b64')} key=RSA/2048 certSigAlg=SHA256withRSA verified=true\n`, java.stderr);
  }
});

typesSuite('with ims.privateKey instead of a keystore, aio.encoded.pkcs8 is that key', async ({ dir }) => {
  writeFileSync(join(dir, 'private.key'), (await exampleKeyMaterial()).privateKeyPem);
  const config = readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8').replace(/keystore:\n(?: {2}.*\n)+/, '').replace('ims:\n', 'ims:\n  privateKey: private.key\n');
  writeFileSync(join(dir, 'pem.yaml'), config);
  const result = await buildPackage({ cwd: dir, env: EXAMPLE_ENV, now, template: 'aio-aem-events', config: 'pem.yaml', out: 'pem' });
  const { root } = await docView(result, WORKSPACE);
  assert.ok(createPrivateKey({ key: Buffer.from(property(root, 'aio.encoded.pkcs8')!.values[0]!, 'base64'), format: 'der', type: 'pkcs8' }).equals(FIXTURE_KEY));
  assert.equal(result.warnings, [buildJwtWarning('aio-aem-events'), ADDON_CLOUD_SERVICE_WARNING]);
});

typesSuite.run();

// ---

const escapeSuite = suite('secrets in the OSGi configurations, escaped as DocView requires', { dir: '' });

escapeSuite.before.each(async (context) => {
  context.dir = makeTempDir();
  await writeExampleProject(context.dir);
});
escapeSuite.after.each((context) => removeTempDir(context.dir));

escapeSuite('a protected client secret is kept verbatim, its leading { escaped; the JDK parser and parseDocView agree', async ({ dir }) => {
  const config = readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8').replace('  clientSecret: ${IOEVENTS_CLIENT_SECRET}\n', `  clientSecretProtected: '${PROTECTED}'\n`);
  writeFileSync(join(dir, 'aem-ioevents.yaml'), config);
  const result = await build(dir, 'ims-6.5');
  const { xml, root } = await docView(result, CUSTOMIZER);
  assert.ok(xml.includes(`    auth.ims.client.secret="\\${PROTECTED}"\n`));
  assert.equal(property(root, 'auth.ims.client.secret')!.values, [PROTECTED]);
  if (!hasTool('java')) return;
  writeFileSync(join(dir, 'customizer.xml'), xml);
  const sax = runJava('DocViewXmlCheck', [join(dir, 'customizer.xml')]);
  assert.ok(sax.stdout.includes(`A "" "auth.ims.client.secret" "\\\\${PROTECTED}"`), sax.stdout);
});

escapeSuite('a plain secret with DocView and XML metacharacters round-trips, in a single and in a multi-value context', async ({ dir }) => {
  const secret = '{x\\y,z[0]&<"\'>';
  const result = await buildPackage({ cwd: dir, env: { ...EXAMPLE_ENV, IOEVENTS_CLIENT_SECRET: secret }, now, template: 'aio-aem-events', out: 'meta' });
  const { xml, root } = await docView(result, WORKSPACE);
  // Single-valued: the backslash doubled, the leading { escaped, XML's & < " as entities; , [ ] stay.
  assert.ok(xml.includes(`    aio.client.secret="\\{x\\\\y,z[0]&amp;&lt;&quot;'>"\n`), xml);
  assert.equal(property(root, 'aio.client.secret')!.values, [secret]);
  if (!hasTool('java')) return;
  writeFileSync(join(dir, 'workspace.xml'), xml);
  const sax = runJava('DocViewXmlCheck', [join(dir, 'workspace.xml')]);
  assert.ok(sax.stdout.includes(`A "" "aio.client.secret" ${JSON.stringify('\\{x\\\\y,z[0]&<"\'>')}`), sax.stdout);
});

escapeSuite('a Cloud Manager secret reference is written as it is ($[ is not ${), without the literal-secret warning', async ({ dir }) => {
  const config = readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8').replace('  clientSecret: ${IOEVENTS_CLIENT_SECRET}\n', "  clientSecret: '$[secret:aio_client_secret]'\n");
  writeFileSync(join(dir, 'aem-ioevents.yaml'), config);
  const result = await build(dir, 'aio-aem-events', 'oauth');
  const { root } = await docView(result, WORKSPACE);
  assert.equal(property(root, 'aio.client.secret')!.values, ['$[secret:aio_client_secret]']);
  assert.not.ok(result.warnings.some((warning) => warning.includes('is written in the configuration file')), result.warnings.join('\n'));
});

escapeSuite.run();

// ---

const outputSuite = suite('no secret reaches any output of the OSGi templates', { dir: '' });

outputSuite.before.each(async (context) => {
  context.dir = makeTempDir();
  await writeExampleProject(context.dir);
});
outputSuite.after.each((context) => removeTempDir(context.dir));

outputSuite('build and inspect, text and --json, every template and flow: no client secret, keystore password or private key', async ({ dir }) => {
  const { runInProcess } = await import('../helpers/cli.ts');
  const material = await exampleKeyMaterial();
  const pemBody = material.privateKeyPem.split('\n')[1]!;
  const secrets = [CLIENT_SECRET, EXAMPLE_ENV.IOEVENTS_KEYSTORE_PASSWORD, material.pkcs8Base64, material.pkcs8Base64.slice(40, 80), pemBody];
  for (const [, template, envName] of GOLDENS) {
    for (const json of [false, true]) {
      const args = ['build', '--template', template, '--out', `o-${template}-${envName ?? 'jwt'}-${json}`, ...(envName === undefined ? [] : ['--env', envName]), ...(json ? ['--json'] : [])];
      const run = await runInProcess(args, { cwd: dir, env: EXAMPLE_ENV });
      assert.is(run.code, 0, run.stderr);
      const zip = join(args[4]!, 'eventproxy-config-1.0.0.zip');
      const inspected = await runInProcess(['inspect', zip, ...(json ? ['--json'] : [])], { cwd: dir, env: {} });
      assert.is(inspected.code, 0, inspected.stdout);
      for (const secret of secrets) {
        for (const output of [run.stdout, run.stderr, inspected.stdout, inspected.stderr]) assert.not.ok(output.includes(secret), `${args.join(' ')}: a secret in the output of build or inspect`);
      }
    }
  }
});

outputSuite('build --template ims-6.5 reports the package, its checks, the inferred names, and the ignored keystore on stderr', async ({ dir }) => {
  const { runInProcess } = await import('../helpers/cli.ts');
  const run = await runInProcess(['build', '--template', 'ims-6.5'], { cwd: dir, env: EXAMPLE_ENV });
  assert.is(run.code, 0, run.stderr);
  assert.is(
    run.stderr,
    `warning: ${buildJwtWarning('ims-6.5')}\nwarning: keystore.include is ignored: template ims-6.5 does not package the keystore; install the key into the service user's keystore with 'aem-ioevents deploy --keystore'\n`,
  );
  const lines = run.stdout.split('\n');
  assert.is(lines[1], '  package  aem-ioevents:eventproxy-config:1.0.0 (template ims-6.5, created 2026-11-23T12:00:00.000Z)');
  assert.is(lines[2], "  checked  0 errors, 0 warnings by FileVault's validator rules (aem-ioevents inspect lists them)");
  assert.is(lines[3], '  filter   /apps/aem-ioevents/config/com.adobe.granite.auth.oauth.accesstoken.provider~ioevents');
  // A filter root and its node share a path: each line says which it is, so that no two lines read alike.
  const config = '/apps/aem-ioevents/config/';
  assert.equal(lines.slice(lines.indexOf('  4 names are inferred, not confirmed on a real AEM (the template marks them; see README, "Templates"):') + 1, -2), [
    `           ${config}com.adobe.granite.auth.oauth.accesstoken.provider~ioevents (filter root)`,
    `           ${config}com.adobe.granite.auth.ims.impl.IMSAccessTokenRequestCustomizerImpl~ioevents (filter root)`,
    `           ${config}com.adobe.granite.auth.oauth.accesstoken.provider~ioevents (node)`,
    `           ${config}com.adobe.granite.auth.ims.impl.IMSAccessTokenRequestCustomizerImpl~ioevents (node)`,
  ]);
  // The OSGi configuration holds the client secret in plain text: the zip is its owner's only.
  assert.is(lines.at(-2), '  secrets  the client secret: put there by the template; the zip is readable by you only (mode 0600): keep it out of version control and shared build artefacts');
});

outputSuite('dependencies the file names are left out of a container package with a warning', async ({ dir }) => {
  const { runInProcess } = await import('../helpers/cli.ts');
  const config = readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8').replace('  description: Adobe I/O Events configuration\n', '  description: Adobe I/O Events configuration\n  dependencies: [eventproxy:aem-event-proxy]\n');
  writeFileSync(join(dir, 'aem-ioevents.yaml'), config);
  const run = await runInProcess(['build', '--template', 'aio-aem-events', '--env', 'oauth'], { cwd: dir, env: EXAMPLE_ENV });
  assert.is(run.code, 0, run.stderr);
  assert.equal(run.stderr.split('\n'), [
    `warning: ${ADDON_SCOPES_WARNING}`,
    `warning: ${ADDON_CLOUD_SERVICE_WARNING}`,
    'warning: keystore.include is ignored: template aio-aem-events does not package the keystore (this variant needs no key)',
    'warning: package.dependencies (eventproxy:aem-event-proxy) are not written: template aio-aem-events makes a container package, which FileVault does not allow to have dependencies; install them before this package',
    '',
  ]);
});

outputSuite('the errors of the JWT variant without a key, and of a wrong keystore password, show no secret', async ({ dir }) => {
  const { runInProcess } = await import('../helpers/cli.ts');
  const noKey = readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8').replace(/keystore:\n(?: {2}.*\n)+/, '');
  writeFileSync(join(dir, 'nokey.yaml'), noKey);
  const missing = await runInProcess(['build', '--template', 'aio-aem-events', '--config', 'nokey.yaml'], { cwd: dir, env: EXAMPLE_ENV });
  assert.is(missing.code, 2);
  assert.is(missing.stderr, 'error: the JWT variant writes the private key (aio.encoded.pkcs8), and the configuration has none: give keystore.file and keystore.password, or ims.privateKey; or set osgi.flow: oauth\n');
  const wrong = await runInProcess(['build', '--template', 'aio-aem-events'], { cwd: dir, env: { ...EXAMPLE_ENV, IOEVENTS_KEYSTORE_PASSWORD: 'Not-The-Password-9' } });
  assert.is(wrong.code, 2);
  assert.not.ok(wrong.stderr.includes('Not-The-Password-9'));
  assert.not.ok(wrong.stderr.includes(CLIENT_SECRET));
  // The OAuth variant needs no key at all.
  assert.is((await runInProcess(['build', '--template', 'aio-aem-events', '--config', 'nokey.yaml', '--env', 'oauth'], { cwd: dir, env: EXAMPLE_ENV })).code, 0);
});

outputSuite.run();

// ---

const consumersSuite = suite('the OSGi template packages read by Java', { dir: '' });

consumersSuite.before(async (context) => {
  context.dir = makeTempDir();
  await writeExampleProject(context.dir);
});
consumersSuite.after((context) => removeTempDir(context.dir));

consumersSuite('ZipInputStream, Properties.loadFromXML and a namespace-aware SAX parser read all four packages', async ({ dir }) => {
  if (!hasTool('java')) return;
  const results: BuildResult[] = [];
  for (const [, template, envName] of GOLDENS) results.push(await build(dir, template, envName));
  const views = readPackagesWithJava(results.map((r) => r.file));
  views.forEach((view, i) => {
    const result = results[i]!;
    assert.equal(view.errors, []);
    assert.equal(view.entries.map((e) => e.name), result.entries);
    assert.is(view.properties['packageType'], 'container');
    assert.is(view.properties['dependencies'], undefined);
    const xml = Object.keys(view.xml).filter((name) => name.startsWith('jcr_root/'));
    assert.ok(xml.length > 0);
    for (const name of Object.keys(view.xml)) assert.is(view.xml[name], 'ok', name);
  });
});

consumersSuite.run();
