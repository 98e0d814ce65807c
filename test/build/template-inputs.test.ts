import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTemplateInputs } from '../../src/build/template-inputs.ts';
import { parseConfig } from '../../src/config/parse-config.ts';
import { InputError } from '../../src/errors.ts';
import { readTemplate } from '../../src/template/template.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp.ts';
import { EXAMPLE_ENV, exampleKeyMaterial, exampleKeystore, writeExampleProject } from './example-project.ts';

const now = new Date('2026-11-23T12:00:00Z');

const readTemplateInputsSuite = suite('readTemplateInputs', { dir: '' });

readTemplateInputsSuite.before.each(async (context) => {
  context.dir = makeTempDir();
  await writeExampleProject(context.dir);
});
readTemplateInputsSuite.after.each((context) => removeTempDir(context.dir));

// The example configuration with `edit` applied, parsed for `dir`.
function config(dir: string, edit: (text: string) => string = (text) => text, envName?: string) {
  const text = edit(readFileSync(join(dir, 'aem-ioevents.yaml'), 'utf8'));
  return parseConfig(text, { format: 'yaml', fileLabel: 'aem-ioevents.yaml', env: EXAMPLE_ENV, baseDir: dir, ...(envName !== undefined && { envName }) }).config;
}

async function inputError(run: Promise<unknown>): Promise<InputError> {
  try {
    await run;
  } catch (error) {
    assert.instance(error, InputError);
    return error as InputError;
  }
  return assert.unreachable('expected an InputError') as never;
}

readTemplateInputsSuite('cloudservice-6.3 with include: the keystore bytes, no key read, no warning', async ({ dir }) => {
  const { context, warnings } = await readTemplateInputs({ config: config(dir), template: await readTemplate('cloudservice-6.3', dir), cwd: dir, now });
  assert.ok((context['keystore.bytes'] as Uint8Array).length > 0);
  assert.ok(Buffer.from(context['keystore.bytes'] as Uint8Array).equals(await exampleKeystore()));
  assert.is(context['keystore.include'], true);
  assert.is(context['privateKey.encodedPkcs8'], undefined);
  assert.equal(warnings, []);
});

readTemplateInputsSuite('a template that does not package the keystore says what to do with the key instead, per variant', async ({ dir }) => {
  const ims = await readTemplate('ims-6.5', dir);
  const aio = await readTemplate('aio-aem-events', dir);
  const warning = async (template: typeof ims, envName?: string) => (await readTemplateInputs({ config: config(dir, undefined, envName), template, cwd: dir, now })).warnings;
  assert.equal(await warning(ims), ["keystore.include is ignored: template ims-6.5 does not package the keystore; install the key into the service user's keystore with 'aem-ioevents deploy --keystore'"]);
  assert.equal(await warning(ims, 'oauth'), ['keystore.include is ignored: template ims-6.5 does not package the keystore (this variant needs no key)']);
  assert.equal(await warning(aio), ['keystore.include is ignored: template aio-aem-events does not package the keystore (its configuration carries the key itself, aio.encoded.pkcs8)']);
  const notIncluded = config(dir, (text) => text.replace('  include: true\n', '  include: false\n'));
  const quiet = await readTemplateInputs({ config: notIncluded, template: ims, cwd: dir, now });
  assert.equal(quiet.warnings, []);
  assert.is(quiet.context['keystore.bytes'], undefined);
});

readTemplateInputsSuite('the key is read only for the JWT variant of aio-aem-events', async ({ dir }) => {
  const aio = await readTemplate('aio-aem-events', dir);
  const jwt = await readTemplateInputs({ config: config(dir), template: aio, cwd: dir, now });
  assert.is(jwt.context['privateKey.encodedPkcs8'], (await exampleKeyMaterial()).pkcs8Base64);
  const oauth = await readTemplateInputs({ config: config(dir, undefined, 'oauth'), template: aio, cwd: dir, now });
  assert.is(oauth.context['privateKey.encodedPkcs8'], undefined);
});

readTemplateInputsSuite('every missing workspace id is named in one error, with where to get them', async ({ dir }) => {
  const noIds = config(dir, (text) => text.replace(/workspace:.*\n(?: {2}.*\n)+/, "workspace:\n  projectId: '42'\n"));
  const error = await inputError(readTemplateInputs({ config: noIds, template: await readTemplate('aio-aem-events', dir), cwd: dir, now }));
  assert.is(error.code, 'E_TEMPLATE_INPUT');
  assert.is(
    error.message,
    'template aio-aem-events needs workspace.consumerOrgId, workspace.workspaceId, workspace.credentialId, which the configuration does not set; set them; the workspace ids can also come from workspace.projectFile, the project JSON the Adobe Developer Console downloads',
  );
});

readTemplateInputsSuite('the JWT key needs the keystore password, and the keystore file', async ({ dir }) => {
  const aio = await readTemplate('aio-aem-events', dir);
  const noPassword = config(dir, (text) => text.replace('  password: ${IOEVENTS_KEYSTORE_PASSWORD}\n', ''));
  assert.is((await inputError(readTemplateInputs({ config: noPassword, template: aio, cwd: dir, now }))).message, 'keystore.password is not set; set it to ${IOEVENTS_KEYSTORE_PASSWORD} so build can open keys/keystore.p12');
  const noFile = config(dir, (text) => text.replace('  file: keys/keystore.p12\n', '  file: keys/none.p12\n'));
  assert.is((await inputError(readTemplateInputs({ config: noFile, template: aio, cwd: dir, now }))).message, 'cannot read keystore.file keys/none.p12: no such file; make one with aem-ioevents keygen');
});

readTemplateInputsSuite.run();
