import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { runInProcess, type CliRun } from '../helpers/cli.ts';
import { buildJwtWarning, IMS_OAUTH_GRANT_WARNING } from '../helpers/setup-warnings.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { createZipArchive } from '../../src/packaging/archive.ts';
import { renderPropertiesXml } from '../../src/packaging/package-properties.ts';
import { CLIENT_SECRET, EXAMPLE_ENV, KEYSTORE_PASSWORD, writeExampleProject } from '../build/example-project.ts';

const ZIP = join('dist', 'eventproxy-config-1.0.0.zip');
const SECRETS = [CLIENT_SECRET, KEYSTORE_PASSWORD];
const SECRETS_LINE = '  secrets  the client secret, the keystore password (protected by AEM), the keystore (store.p12): put there by the template; the zip is readable by you only (mode 0600): keep it out of version control and shared build artefacts';

function assertNoSecret(run: CliRun): void {
  for (const secret of SECRETS) {
    assert.not.ok(run.stdout.includes(secret), 'secret on stdout');
    assert.not.ok(run.stderr.includes(secret), 'secret on stderr');
  }
}

const buildCommand = suite('aem-ioevents build', { dir: '' });

buildCommand.before.each(async (context) => {
  context.dir = makeTempDir();
  await writeExampleProject(context.dir);
});

buildCommand.after.each((context) => removeTempDir(context.dir));

const build = (dir: string, args: string[] = [], env: Record<string, string | undefined> = EXAMPLE_ENV) => runInProcess(['build', ...args], { cwd: dir, env });

/** Writes `dir/<name>/template.yaml`: the built-in cloudservice-6.3 template with `from` replaced by `to`. */
function writeEditedTemplate(dir: string, name: string, from: string, to: string): void {
  const builtIn = readFileSync(new URL('../../templates/cloudservice-6.3/template.yaml', import.meta.url), 'utf8');
  const edited = builtIn.replace(from, to);
  assert.ok(edited !== builtIn, `the template has no ${from}`);
  mkdirSync(join(dir, name));
  writeFileSync(join(dir, name, 'template.yaml'), edited);
}

buildCommand('writes the zip, says what it wrote, and exits 0', async ({ dir }) => {
  const run = await build(dir);
  assert.is(run.code, 0, run.stderr);
  assert.is(run.stderr, `warning: ${buildJwtWarning('cloudservice-6.3')}\n`);
  const lines = run.stdout.split('\n');
  assert.match(lines[0]!, /^wrote dist\/eventproxy-config-1\.0\.0\.zip \(\d+ bytes, sha256 [0-9a-f]{64}\)$/);
  assert.is(lines[1], '  package  aem-ioevents:eventproxy-config:1.0.0 (template cloudservice-6.3, created 2026-11-23T12:00:00.000Z)');
  assert.is(lines[2], "  checked  0 errors, 0 warnings by FileVault's validator rules (aem-ioevents inspect lists them)");
  assert.is(lines[3], '  filter   /etc/cloudservices/eventproxy/ioevents');
  assert.ok(run.stdout.includes('  8 names are inferred, not confirmed on a real AEM'));
  assert.ok(run.stdout.endsWith(`\n${SECRETS_LINE}\n`), run.stdout);
  assert.ok(existsSync(join(dir, ZIP)));
  assertNoSecret(run);
});


// The zip holds what the template asks for: the client secret in plain text and the keystore. It is
// as secret as keygen's private.key (0600), not world-readable like a zip of plain content.
buildCommand('a zip holding a secret is written 0600 from its first byte; an earlier 0644 one of the same bytes is written anew', async ({ dir }) => {
  const run = await build(dir);
  assert.is(run.code, 0, run.stderr);
  assert.is(statSync(join(dir, ZIP)).mode & 0o777, 0o600);
  chmodSync(join(dir, ZIP), 0o644);
  const again = await build(dir);
  assert.is(again.code, 0, again.stderr);
  assert.match(again.stdout, /^replaced dist\/eventproxy-config-1\.0\.0\.zip /);
  assert.is(statSync(join(dir, ZIP)).mode & 0o777, 0o600);
  assert.equal(readdirSync(join(dir, 'dist')), ['eventproxy-config-1.0.0.zip']);
  const unchanged = await build(dir);
  assert.match(unchanged.stdout, /^unchanged /);
});

buildCommand('a Cloud Manager reference ($[secret:NAME]) is no secret held: ims-6.5 OAuth with one is 0644, with the secret itself 0600', async ({ dir }) => {
  const config = join(dir, 'aem-ioevents.yaml');
  const text = readFileSync(config, 'utf8');
  assert.ok(text.includes('${IOEVENTS_CLIENT_SECRET}'));
  writeFileSync(config, text.replace('${IOEVENTS_CLIENT_SECRET}', '$[secret:aio_client_secret]'));
  const reference = await build(dir, ['--template', 'ims-6.5', '--env', 'oauth', '--json', '--out', 'reference']);
  assert.is(reference.code, 0, reference.stderr);
  assert.equal((JSON.parse(reference.stdout) as { heldSecrets: string[] }).heldSecrets, []);
  assert.is(statSync(join(dir, 'reference', ZIP.replace(/^dist\//, ''))).mode & 0o777, 0o644 & ~process.umask());
  writeFileSync(config, text);
  const secret = await build(dir, ['--template', 'ims-6.5', '--env', 'oauth', '--json', '--out', 'secret']);
  assert.equal((JSON.parse(secret.stdout) as { heldSecrets: string[] }).heldSecrets, ['cloudService.clientSecret']);
  assert.is(statSync(join(dir, 'secret', ZIP.replace(/^dist\//, ''))).mode & 0o777, 0o600);
});

buildCommand('a template that packages no secret: the zip is 0644 and the report has no secrets line', async ({ dir }) => {
  writeEditedTemplate(dir, 'plain', "          clientSecret: { value: '{{cloudService.clientSecret}}'", "          other: { value: 'x'");
  writeFileSync(join(dir, 'aem-ioevents.yaml'), readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8').replace('include: true', 'include: false'));
  const run = await build(dir, ['--template', './plain', '--json']);
  assert.is(run.code, 0, run.stderr);
  assert.equal((JSON.parse(run.stdout) as { heldSecrets: string[] }).heldSecrets, []);
  assert.is(statSync(join(dir, ZIP)).mode & 0o777, 0o644 & ~process.umask());
});

buildCommand('--json prints one object with the result and no secret', async ({ dir }) => {
  const run = await build(dir, ['--json']);
  assert.is(run.code, 0, run.stderr);
  const json = JSON.parse(run.stdout) as Record<string, unknown>;
  assert.is(json.ok, true);
  assert.is(json.packageId, 'aem-ioevents:eventproxy-config:1.0.0');
  assert.is(json.displayPath, 'dist/eventproxy-config-1.0.0.zip');
  assert.equal(json.filterRoots, ['/etc/cloudservices/eventproxy/ioevents', '/home/users/system/eventproxy/eventproxy-service/keystore']);
  assert.is((json.inferredNames as unknown[]).length, 8);
  assert.equal(json.heldSecrets, ['cloudService.clientSecret', 'keystore.protectedPassword', 'keystore.bytes']);
  assert.equal(json.warnings, [buildJwtWarning('cloudservice-6.3')]);
  assertNoSecret(run);
});

buildCommand('the JWT flow warns its end of life with the path that works, on stderr and in the JSON; the OAuth flow does not', async ({ dir }) => {
  const jwt = await build(dir, ['--template', 'ims-6.5', '--json', '--out', 'jwt']);
  assert.is(jwt.code, 0, jwt.stderr);
  assert.is(jwt.stderr.split('\n')[0], `warning: ${buildJwtWarning('ims-6.5')}`);
  assert.is((JSON.parse(jwt.stdout) as { warnings: string[] }).warnings[0], buildJwtWarning('ims-6.5'));
  const oauth = await build(dir, ['--template', 'ims-6.5', '--env', 'oauth', '--json', '--out', 'oauth']);
  assert.is(oauth.code, 0, oauth.stderr);
  const warnings = (JSON.parse(oauth.stdout) as { warnings: string[] }).warnings;
  assert.equal(warnings, [IMS_OAUTH_GRANT_WARNING, 'keystore.include is ignored: template ims-6.5 does not package the keystore (this variant needs no key)']);
  assert.not.ok(oauth.stderr.includes('JWT (Service Account)'));
});

buildCommand('osgi.flow: oauth chosen, built with the JWT-only default template: a warning says so before the JWT one; the default flow says nothing', async ({ dir }) => {
  const chosen = await build(dir, ['--env', 'oauth', '--json', '--out', 'oauth']);
  assert.is(chosen.code, 0, chosen.stderr);
  assert.equal((JSON.parse(chosen.stdout) as { warnings: string[] }).warnings, [
    'the configuration sets osgi.flow: oauth, but template cloudservice-6.3 writes only the jwt flow; the package is built for jwt. For oauth, build --template with one that writes it (aem-ioevents templates lists them)',
    buildJwtWarning('cloudservice-6.3'),
  ]);
  const defaulted = await build(dir, ['--json', '--out', 'jwt']);
  assert.equal((JSON.parse(defaulted.stdout) as { warnings: string[] }).warnings, [buildJwtWarning('cloudservice-6.3')]);
});

buildCommand('the former name ims-6.4 still builds the same package, with a deprecation warning', async ({ dir }) => {
  const current = await build(dir, ['--template', 'ims-6.5', '--json', '--out', 'current']);
  const former = await build(dir, ['--template', 'ims-6.4', '--json', '--out', 'former']);
  assert.is(former.code, 0, former.stderr);
  const json = JSON.parse(former.stdout) as { template: string; sha256: string; warnings: string[] };
  assert.is(json.template, 'ims-6.5');
  assert.is(json.sha256, (JSON.parse(current.stdout) as { sha256: string }).sha256);
  assert.is(json.warnings[0], 'template ims-6.4 is now named ims-6.5; the old name still works but is deprecated: use --template ims-6.5');
  assert.is(former.stderr.split('\n')[0], 'warning: template ims-6.4 is now named ims-6.5; the old name still works but is deprecated: use --template ims-6.5');
});

buildCommand('a template of your own that lists no flows gets no setup warning', async ({ dir }) => {
  writeEditedTemplate(dir, 'own', 'flows:\n  - flow: jwt\n', 'unused:\n  - flow: jwt\n');
  const edited = readFileSync(join(dir, 'own', 'template.yaml'), 'utf8').replace(/unused:\n(?: {2,}.*\n)+/, '');
  writeFileSync(join(dir, 'own', 'template.yaml'), edited);
  const run = await build(dir, ['--template', './own']);
  assert.is(run.code, 0, run.stderr);
  assert.is(run.stderr, '');
});

buildCommand('two builds of other package ids racing for one zip name: one writes it, the other exits 2 (never a silent replace)', async ({ dir }) => {
  // The same <name>-<version>.zip, other groups: the loser may not replace the winner's zip (a
  // rebuild of the same id may, issue 12 point 4). Both run at once in this process, so both pass
  // the first existence check; the placing (link, or the checked swap) decides.
  const example = readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8');
  for (const group of ['team-a', 'team-b']) writeFileSync(join(dir, `${group}.yaml`), example.replace('group: aem-ioevents', `group: ${group}`));
  const runs = await Promise.all(['team-a', 'team-b'].map((group) => build(dir, ['--config', `${group}.yaml`])));
  const codes = runs.map((run) => run.code);
  assert.equal([...codes].sort(), [0, 2], runs.map((run) => run.stderr).join(''));
  const winner = runs[codes.indexOf(0)]!;
  const [winnerGroup, loserGroup] = codes.indexOf(0) === 0 ? ['team-a', 'team-b'] : ['team-b', 'team-a'];
  const loser = runs[codes.indexOf(2)]!;
  // Which refusal depends on when the loser looked: before the winner placed its zip (the link
  // finds the name taken) or after (the zip is read and holds another id).
  const refusals = [
    'error: dist/eventproxy-config-1.0.0.zip exists with other content; pass --force to replace it',
    `error: dist/eventproxy-config-1.0.0.zip exists and holds another package id (${winnerGroup}:eventproxy-config:1.0.0, not ${loserGroup}:eventproxy-config:1.0.0); pass --force to replace it`,
  ];
  assert.ok(refusals.includes(loser.stderr.trimEnd().split('\n').at(-1)!), loser.stderr);
  const sha256 = /sha256 ([0-9a-f]{64})/.exec(winner.stdout)?.[1];
  assert.is(createHash('sha256').update(readFileSync(join(dir, ZIP))).digest('hex'), sha256);
  assert.equal(readdirSync(join(dir, 'dist')), ['eventproxy-config-1.0.0.zip']);
});

buildCommand('the same bytes again are left alone; other bytes need --force', async ({ dir }) => {
  assert.is((await build(dir)).code, 0);
  const again = await build(dir);
  assert.is(again.code, 0);
  assert.match(again.stdout, /^unchanged dist\/eventproxy-config-1\.0\.0\.zip/);
  writeFileSync(join(dir, ZIP), 'precious');
  const refused = await build(dir);
  assert.is(refused.code, 2);
  assert.is(refused.stderr, 'error: dist/eventproxy-config-1.0.0.zip exists and was not written by aem-ioevents (not a readable zip); pass --force to replace it\n');
  assert.is(readFileSync(join(dir, ZIP), 'utf8'), 'precious');
  const forced = await build(dir, ['--force']);
  assert.is(forced.code, 0);
  assert.match(forced.stdout, /^replaced dist\/eventproxy-config-1\.0\.0\.zip/);
});

// Without SOURCE_DATE_EPOCH, each build has its own `created` date, so its own bytes.
const { SOURCE_DATE_EPOCH: _pinned, ...UNPINNED_ENV } = EXAMPLE_ENV;
const buildAt = (dir: string, now: string, args: string[] = []) => runInProcess(['build', ...args], { cwd: dir, env: UNPINNED_ENV, now: new Date(now) });

buildCommand('build; build without SOURCE_DATE_EPOCH: the second replaces the first, no --force needed (issue 12, point 4)', async ({ dir }) => {
  assert.is((await buildAt(dir, '2026-11-23T12:00:00Z')).code, 0);
  const again = await buildAt(dir, '2026-11-23T12:05:00Z');
  assert.is(again.code, 0, again.stderr);
  assert.is(again.stderr, `warning: ${buildJwtWarning('cloudservice-6.3')}\n`);
  assert.match(again.stdout, /^replaced dist\/eventproxy-config-1\.0\.0\.zip /);
  assert.ok(again.stdout.includes('created 2026-11-23T12:05:00.000Z'));
  const sha256 = /sha256 ([0-9a-f]{64})/.exec(again.stdout)?.[1];
  assert.is(createHash('sha256').update(readFileSync(join(dir, ZIP))).digest('hex'), sha256);
  assert.equal(readdirSync(join(dir, 'dist')), ['eventproxy-config-1.0.0.zip']);
});

buildCommand('an earlier build of another package id at the same file name needs --force, and the refusal names both ids', async ({ dir }) => {
  assert.is((await buildAt(dir, '2026-11-23T12:00:00Z')).code, 0);
  const earlier = readFileSync(join(dir, ZIP));
  const config = readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8').replace('group: aem-ioevents', 'group: my-team');
  writeFileSync(join(dir, 'aem-ioevents.yaml'), config);
  const refused = await buildAt(dir, '2026-11-23T12:05:00Z');
  assert.is(refused.code, 2);
  assert.is(
    refused.stderr,
    'error: dist/eventproxy-config-1.0.0.zip exists and holds another package id (aem-ioevents:eventproxy-config:1.0.0, not my-team:eventproxy-config:1.0.0); pass --force to replace it\n',
  );
  assert.equal(readFileSync(join(dir, ZIP)), earlier);
  const forced = await buildAt(dir, '2026-11-23T12:05:00Z', ['--force']);
  assert.is(forced.code, 0, forced.stderr);
  assert.match(forced.stdout, /^replaced /);
});

buildCommand('a package zip another tool wrote (createdBy not aem-ioevents) at the same name needs --force', async ({ dir }) => {
  const properties = renderPropertiesXml({ group: 'aem-ioevents', name: 'eventproxy-config', version: '1.0.0', createdBy: 'Adobe', dependencies: [] });
  const foreign = await createZipArchive([{ path: 'META-INF/vault/properties.xml', content: Buffer.from(properties) }], { mtime: new Date('2026-01-01T00:00:00Z') });
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, ZIP), foreign);
  const refused = await buildAt(dir, '2026-11-23T12:05:00Z');
  assert.is(refused.code, 2);
  assert.is(refused.stderr, "error: dist/eventproxy-config-1.0.0.zip exists and was not written by aem-ioevents (createdBy is 'Adobe'); pass --force to replace it\n");
  assert.equal(readFileSync(join(dir, ZIP)), foreign);
});

buildCommand('--template NAME of a folder in the working directory (no ./) builds from that folder (issue 12, point 9)', async ({ dir }) => {
  writeEditedTemplate(dir, 'mytpl', "name: cloudservice-6.3", "name: mytpl");
  const run = await build(dir, ['--template', 'mytpl']);
  assert.is(run.code, 0, run.stderr);
  assert.is(run.stdout.split('\n')[1], '  package  aem-ioevents:eventproxy-config:1.0.0 (template mytpl, created 2026-11-23T12:00:00.000Z)');
});

buildCommand('--template NAME of no folder and no built-in template: the unknown-template message', async ({ dir }) => {
  const run = await build(dir, ['--template', 'mytpl']);
  assert.is(run.code, 2);
  assert.is(run.stderr, "error: unknown template 'mytpl'; the built-in templates are aio-aem-events, cloudservice-6.3, ims-6.5, or give a folder with --template ./DIR\n");
});

buildCommand('a wrong keystore password: exit 2 naming keystore.password and IOEVENTS_KEYSTORE_PASSWORD', async ({ dir }) => {
  const run = await build(dir, [], { ...EXAMPLE_ENV, IOEVENTS_KEYSTORE_PASSWORD: 'not-the-Password-1' });
  assert.is(run.code, 2);
  assert.is(
    run.stderr,
    "error: keys/keystore.p12: the keystore password is wrong (the keystore's integrity check failed); keystore.password (or IOEVENTS_KEYSTORE_PASSWORD, which the configuration usually reads it from) must be the password the keystore was exported with\n",
  );
});

buildCommand('an alias the keystore does not hold: exit 2 naming keystore.alias', async ({ dir }) => {
  writeFileSync(join(dir, 'aem-ioevents.yaml'), readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8').replace('alias: eventproxy', 'alias: other'));
  const run = await build(dir);
  assert.is(run.code, 2);
  assert.is(run.stderr, "error: keys/keystore.p12: there is no entry 'other'; it holds 'eventproxy' (key entry). Set keystore.alias to the key entry's name, or re-export the keystore with -name other\n");
});

buildCommand('package.name my:config (an ambiguous package id) and nul.old (a file name Windows reserves): exit 2, nothing written', async ({ dir }) => {
  const yaml = readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8');
  writeFileSync(join(dir, 'aem-ioevents.yaml'), yaml.replace('name: eventproxy-config', 'name: my:config'));
  const colon = await build(dir);
  assert.is(colon.code, 2);
  assert.match(colon.stderr, /\n {2}- package\.name( at line \d+, column \d+)?: expected no ':' \(the package id group:name:version is split at ':'\), got 'my:config'; use letters, digits, '\.', '-' and '_'\n$/);
  writeFileSync(join(dir, 'aem-ioevents.yaml'), yaml.replace('name: eventproxy-config', 'name: nul.old'));
  const reserved = await build(dir);
  assert.is(reserved.code, 2);
  assert.match(reserved.stderr, /\(1 problem\):\n {2}- package\.name( at line \d+, column \d+)?: the zip would be named nul\.old-1\.0\.0\.zip, and Windows reserves the name NUL; choose another package\.name\n$/);
  assert.not.ok(existsSync(join(dir, 'dist')));
});

buildCommand('a template whose package would not validate: exit 1 with the findings, nothing written', async ({ dir }) => {
  writeEditedTemplate(dir, 'broken', "          jcr:primaryType: { value: cq:PageContent, status: confirmed, source: 'cloud-config model' }\n", '');
  const run = await build(dir, ['--template', './broken', '--json']);
  assert.is(run.code, 1, run.stderr);
  assert.match(run.stderr, /^error: the package would not validate \(1 errors\); nothing was written:\n  jackrabbit-nodetypes \/etc\/cloudservices\/eventproxy\/ioevents\/jcr:content: Mandatory jcr:primaryType missing/);
  const json = JSON.parse(run.stdout) as { ok: boolean; findings: { validator: string; severity: string }[]; error: { code: string } };
  assert.is(json.ok, false);
  assert.is(json.error.code, 'E_VALIDATION');
  assert.ok(json.findings.some((f) => f.validator === 'jackrabbit-nodetypes' && f.severity === 'error'));
  assert.not.ok(existsSync(join(dir, 'dist')));
  assertNoSecret(run);
});

buildCommand('a copy of a built-in template whose filter root is /etc (the install would replace all of /etc): exit 2 naming the file and filter, nothing written', async ({ dir }) => {
  writeEditedTemplate(dir, 'wide', '  - root: /etc/cloudservices/eventproxy/{{cloudService.name}}\n', '  - root: /etc\n');
  const run = await build(dir, ['--template', './wide']);
  assert.is(run.code, 2, run.stderr);
  assert.is(
    run.stderr.split('\n').find((line) => line.startsWith('error: ')),
    `error: template ${join(dir, 'wide', 'template.yaml')} filters[0] (root: /etc): the filter root /etc is a top-level node of the repository; installing the package would replace or change it on AEM. Give the path of the node the template writes (such as /etc/cloudservices/eventproxy/<name>)`,
  );
  assert.not.ok(existsSync(join(dir, 'dist')));
});

buildCommand('a copy of a built-in template with a misspelled key and a misspelled {{key}}: exit 2 naming the file, each line and key, with the likely spelling', async ({ dir }) => {
  writeEditedTemplate(dir, 'typo', "clientSecret: { value: '{{cloudService.clientSecret}}', status: inferred,", "clientSecret: { value: '{{cloudService.clientsecret}}', stauts: inferred,");
  const run = await build(dir, ['--template', './typo']);
  assert.is(run.code, 2, run.stderr);
  const lines = run.stderr.split('\n');
  assert.is(lines[0], `error: template ${join(dir, 'typo', 'template.yaml')} is not valid:`);
  assert.is(lines[1], '  - nodes[0].children[0].properties.clientSecret.stauts at line 82, column 67: unknown key; did you mean status? (expected value, type, when, status, source)');
  assert.is(lines[3], '  - nodes[0].children[0].properties.clientSecret.status at line 82, column 11: expected one of confirmed, inferred, but it is missing');
  assert.match(lines[2]!, /^  - nodes\[0\]\.children\[0\]\.properties\.clientSecret\.value at line 82, column 27: 'cloudService\.clientsecret' is not a template context key; did you mean cloudService\.clientSecret\? \(package\.group, /);
  assert.not.ok(existsSync(join(dir, 'dist')));
});

buildCommand('a literal value its type cannot hold (Long \'abc\', a Date that is none): exit 2 at the template line, before anything is rendered', async ({ dir }) => {
  writeEditedTemplate(dir, 'literal', "          externalizer: { value: '{{cloudService.externalizer}}',", "          retries: { value: 'abc', type: Long, status: confirmed }\n          since: { value: ['2026-12-05T00:00:00.000Z', 'soon'], type: Date, status: confirmed }\n          externalizer: { value: '{{cloudService.externalizer}}',");
  const run = await build(dir, ['--template', './literal']);
  assert.is(run.code, 2, run.stderr);
  const lines = run.stderr.split('\n');
  assert.is(lines[0], `error: template ${join(dir, 'literal', 'template.yaml')} is not valid:`);
  assert.is(lines[1], '  - nodes[0].children[0].properties.retries.value at line 78, column 22: "abc" is not a Long (FileVault cannot convert it)');
  assert.is(lines[2], '  - nodes[0].children[0].properties.since.value[1] at line 79, column 56: "soon" is not a Date (FileVault cannot convert it)');
  assert.not.ok(existsSync(join(dir, 'dist')));
});

buildCommand('a finding that would quote a secret (a user template gives the client secret a type it does not fit) shows *** instead', async ({ dir }) => {
  writeEditedTemplate(dir, 'typed', "clientSecret: { value: '{{cloudService.clientSecret}}',", "clientSecret: { value: '{{cloudService.clientSecret}}', type: Long,");
  const run = await build(dir, ['--template', './typed', '--json']);
  assert.is(run.code, 1, run.stderr);
  assert.ok(
    run.stderr.includes("jackrabbit-docviewparser /etc/cloudservices/eventproxy/ioevents/jcr:content: Invalid string serialization for type 'Long' given in property 'clientSecret' : '***'. This string cannot be converted to the specified type!"),
    run.stderr,
  );
  const json = JSON.parse(run.stdout) as { findings: { message: string }[] };
  assert.ok(json.findings.some((f) => f.message.includes("property 'clientSecret' : '***'")));
  assert.not.ok(existsSync(join(dir, 'dist')));
  assertNoSecret(run);
});

buildCommand('an unexpected failure is reported as an internal error with exit 1, one JSON object with --json', async ({ dir }) => {
  // An invalid clock makes Date#toISOString throw a RangeError deep in the build: not an expected failure.
  const { SOURCE_DATE_EPOCH: _, ...env } = EXAMPLE_ENV;
  const run = await runInProcess(['build', '--json'], { cwd: dir, env, now: new Date(Number.NaN) });
  assert.is(run.code, 1);
  assert.match(run.stderr, /^internal error \(please report it\): RangeError: Invalid time value/);
  const json = JSON.parse(run.stdout) as { ok: boolean; error: { code: string } };
  assert.equal([json.ok, json.error.code], [false, 'E_INTERNAL']);
  assert.not.ok(existsSync(join(dir, ZIP)));
});

buildCommand('an unknown flag is bad input naming it', async ({ dir }) => {
  const run = await build(dir, ['--frobnicate']);
  assert.is(run.code, 2);
  assert.is(run.stderr, 'error: unknown option --frobnicate; see aem-ioevents build --help\n');
});

buildCommand.run();

// ---

const badInput = suite('aem-ioevents build, bad input', { dir: '' });

badInput.before.each(async (context) => {
  context.dir = makeTempDir();
  await writeExampleProject(context.dir);
  // An earlier, good zip of the same name: bad input must leave it untouched.
  mkdirSync(join(context.dir, 'dist'));
  writeFileSync(join(context.dir, ZIP), 'earlier build');
});

badInput.after.each((context) => removeTempDir(context.dir));

function editConfig(dir: string, from: string, to: string): void {
  const file = join(dir, 'aem-ioevents.yaml');
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `example config contains ${from}`);
  writeFileSync(file, text.replace(from, to));
}

const cases: ReadonlyArray<{ title: string; edit?: (dir: string) => void; args?: string[]; env?: Record<string, string | undefined>; message: RegExp }> = [
  { title: 'a missing configuration file', args: ['--config', 'nope.yaml'], message: /nope\.yaml/ },
  { title: 'a missing environment variable', env: { ...EXAMPLE_ENV, IOEVENTS_CLIENT_SECRET: undefined }, message: /IOEVENTS_CLIENT_SECRET/ },
  { title: 'a malformed organization id', edit: (d) => editConfig(d, '0123456789ABCDEF01234567@AdobeOrg', '12345@AdobeOrg'), message: /cloudService\.organizationId.*12345@AdobeOrg/ },
  { title: 'a malformed technical account id', edit: (d) => editConfig(d, '0123456789ABCDEF01234567@techacct.adobe.com', 'someone@example.com'), message: /cloudService\.technicalAccountId.*someone@example\.com/ },
  { title: 'a configuration name with a slash', edit: (d) => editConfig(d, 'name: ioevents\n', 'name: io/events\n'), message: /cloudService\.name.*io\/events/ },
  { title: 'a configuration name that climbs out', edit: (d) => editConfig(d, 'name: ioevents\n', "name: '..'\n"), message: /cloudService\.name.*\.\./ },
  { title: 'a control character in the title', edit: (d) => editConfig(d, 'title: Adobe I/O Events\n', 'title: "bell\\u0007"\n'), message: /cloudService\.title.*U\+0007/ },
  { title: 'a keystore the password does not open', env: { ...EXAMPLE_ENV, IOEVENTS_KEYSTORE_PASSWORD: 'not-the-password' }, message: /keys\/keystore\.p12/ },
  { title: 'an alias that is not in the keystore', edit: (d) => editConfig(d, 'alias: eventproxy', 'alias: other'), message: /other/ },
  { title: 'a keystore file that is not there', edit: (d) => editConfig(d, 'file: keys/keystore.p12', 'file: keys/missing.p12'), message: /keystore\.file keys\/missing\.p12: no such file; make one with aem-ioevents keygen/ },
  { title: 'an unknown template', args: ['--template', 'nope-1.0'], message: /^error: unknown template 'nope-1\.0'/ },
  { title: 'a SOURCE_DATE_EPOCH that is not a number', env: { ...EXAMPLE_ENV, SOURCE_DATE_EPOCH: 'yesterday' }, message: /^error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, got 'yesterday'/ },
  { title: 'an unknown --env', args: ['--env', 'prod'], message: /prod/ },
];

for (const c of cases) {
  badInput(`${c.title}: exit 2, a message naming it, no zip written, no secret shown`, async ({ dir }) => {
    c.edit?.(dir);
    const run = await build(dir, c.args ?? [], c.env ?? EXAMPLE_ENV);
    assert.is(run.code, 2, run.stderr);
    assert.is(run.stdout, '');
    assert.match(run.stderr, c.message);
    assert.is(readFileSync(join(dir, ZIP), 'utf8'), 'earlier build');
    assert.equal(readdirSync(join(dir, 'dist')), ['eventproxy-config-1.0.0.zip']);
    assertNoSecret(run);
    if (c.env?.IOEVENTS_KEYSTORE_PASSWORD) assert.not.ok(run.stderr.includes(c.env.IOEVENTS_KEYSTORE_PASSWORD), 'wrong password not echoed');
  });
}

badInput('with --json a failure is still one JSON object on standard output', async ({ dir }) => {
  const run = await build(dir, ['--json'], { ...EXAMPLE_ENV, IOEVENTS_CLIENT_SECRET: undefined });
  assert.is(run.code, 2);
  const json = JSON.parse(run.stdout) as { ok: boolean; error: { code: string; message: string } };
  assert.is(json.ok, false);
  assert.match(json.error.message, /IOEVENTS_CLIENT_SECRET/);
});

badInput.run();
