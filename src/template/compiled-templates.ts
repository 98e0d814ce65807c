/**
 * The built-in templates, parsed when the package is built: `npm run build` writes
 * `dist/templates.json`, so a cold `build` does not parse YAML that never changes (issue 2,
 * point 9: parsing the default template cost about a tenth of the run). Each entry carries the
 * SHA-256 of the `template.yaml` it came from and is used only for exactly that text: an edited
 * template is parsed again, never served stale, and a missing or damaged file changes nothing.
 */
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getPackageRoot } from '../package-root.ts';
import { parseTemplate } from './parse-template.ts';
import type { Template } from './template.ts';

/** `dist/templates.json`: template name → the digest of its `template.yaml` and the parsed template. */
export type CompiledTemplates = Readonly<Record<string, { readonly sha256: string; readonly template: Template }>>;

/** Where the compiled templates live, relative to the package root. */
export const COMPILED_TEMPLATES_FILE = 'dist/templates.json';

const digestOf = (text: string): string => hash('sha256', text, 'hex');

/** Parses each `template.yaml` text and renders the compiled file. Throws what `parseTemplate` throws. */
export function formatCompiledTemplates(sources: readonly { readonly name: string; readonly text: string; readonly file: string }[]): string {
  const compiled = Object.fromEntries(sources.map(({ name, text, file }) => [name, { sha256: digestOf(text), template: parseTemplate(text, file) }]));
  return `${JSON.stringify(compiled, null, 1)}\n`;
}

/** The compiled template `name` if it was made from exactly `text`. */
export function findCompiledTemplate(compiled: CompiledTemplates | undefined, name: string, text: string): Template | undefined {
  const entry = compiled !== undefined && Object.hasOwn(compiled, name) ? compiled[name] : undefined;
  return entry !== undefined && entry.sha256 === digestOf(text) ? entry.template : undefined;
}

let loaded: { readonly compiled: CompiledTemplates | undefined } | undefined;

/** The installed package's compiled templates, read once; undefined when absent or unreadable. */
export function readCompiledTemplates(): CompiledTemplates | undefined {
  if (loaded === undefined) {
    try {
      loaded = { compiled: JSON.parse(readFileSync(join(getPackageRoot(), COMPILED_TEMPLATES_FILE), 'utf8')) as CompiledTemplates };
    } catch {
      loaded = { compiled: undefined };
    }
  }
  return loaded.compiled;
}
