// Writes dist/templates.json: the built-in templates parsed once, at build time
// (src/template/compiled-templates.ts says why and how an edited template is still read fresh).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('../', import.meta.url));
const { COMPILED_TEMPLATES_FILE, formatCompiledTemplates } = await tsImport('../src/template/compiled-templates.ts', import.meta.url);
const { listBuiltInTemplates, getBuiltInTemplatesDir } = await tsImport('../src/template/template.ts', import.meta.url);
const sources = listBuiltInTemplates().map((name) => {
  const file = join(getBuiltInTemplatesDir(), name, 'template.yaml');
  return { name, file, text: readFileSync(file, 'utf8') };
});
writeFileSync(join(root, COMPILED_TEMPLATES_FILE), formatCompiledTemplates(sources));
