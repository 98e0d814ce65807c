import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/errors.ts';
import { getPackageRoot } from '../../src/package-root.ts';
import { COMPILED_TEMPLATES_FILE, type CompiledTemplates, findCompiledTemplate, formatCompiledTemplates, readCompiledTemplates } from '../../src/template/compiled-templates.ts';
import { parseTemplate } from '../../src/template/parse-template.ts';
import { getBuiltInTemplatesDir, listBuiltInTemplates, readTemplate } from '../../src/template/template.ts';

const compiledSuite = suite('compiled templates');

const builtIns = listBuiltInTemplates().map((name) => {
  const file = join(getBuiltInTemplatesDir(), name, 'template.yaml');
  return { name, file, text: readFileSync(file, 'utf8') };
});

compiledSuite('each compiled template is exactly what parsing its template.yaml gives', () => {
  const compiled = JSON.parse(formatCompiledTemplates(builtIns)) as CompiledTemplates;
  assert.equal(Object.keys(compiled), ['aio-aem-events', 'cloudservice-6.3', 'ims-6.5']);
  for (const { name, file, text } of builtIns) {
    assert.equal(findCompiledTemplate(compiled, name, text), parseTemplate(text, file), name);
  }
});

compiledSuite('a template is used only for the text it was compiled from', () => {
  const compiled = JSON.parse(formatCompiledTemplates(builtIns)) as CompiledTemplates;
  const source = builtIns.find((candidate) => candidate.name === 'cloudservice-6.3');
  if (source === undefined) throw new Error('the default template is missing');
  const { text } = source;
  assert.ok(findCompiledTemplate(compiled, 'cloudservice-6.3', text));
  assert.is(findCompiledTemplate(compiled, 'cloudservice-6.3', `${text}# edited\n`), undefined, 'an edited template.yaml');
  assert.is(findCompiledTemplate(compiled, 'ims-6.5', text), undefined, 'another template of the same name');
  assert.is(findCompiledTemplate(compiled, 'toString', text), undefined, 'a name that is not an own key');
  assert.is(findCompiledTemplate(undefined, 'cloudservice-6.3', text), undefined, 'no compiled file');
});

compiledSuite('a template that does not parse fails the compilation with the parser message', () => {
  assert.throws(() => formatCompiledTemplates([{ name: 'bad', file: 'bad/template.yaml', text: 'name: [' }]), (error: Error) => error instanceof InputError && error.message.startsWith('template bad/template.yaml is not valid YAML: '));
});

compiledSuite('npm run build compiled the current built-in templates, and readTemplate returns them as parsed', async () => {
  const compiled = readCompiledTemplates();
  assert.ok(compiled, `${COMPILED_TEMPLATES_FILE} is missing under ${getPackageRoot()}`);
  for (const { name, file, text } of builtIns) {
    assert.ok(findCompiledTemplate(compiled, name, text), `${name} is stale in ${COMPILED_TEMPLATES_FILE}`);
    assert.equal(await readTemplate(name, '/'), parseTemplate(text, file), name);
  }
});

compiledSuite.run();
