/**
 * Templates: the node layouts of a package as data (README, "The package, and templates").
 * A template is a folder with `template.yaml`; the built-in ones live in `templates/<name>/`,
 * a user's own is given with `--template DIR`. Every filter root, node, property and file name
 * says whether it is `confirmed` or `inferred`, so a user knows what to check on a real AEM.
 */
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { readUserFile } from '../fs/read-user-file.ts';
import { getPackageRoot } from '../package-root.ts';
import type { PropertyType } from '../docview/docview-property.ts';
import type { PackageType } from '../packaging/package-properties.ts';
import type { ImportMode, PathFilter } from '../packaging/workspace-filter.ts';
import { findCompiledTemplate, readCompiledTemplates } from './compiled-templates.ts';
import { parseTemplate } from './parse-template.ts';
import type { SetupNoticeId } from './setup-notices.ts';

/** How sure we are of a name: seen in a primary source, or our reading. */
export type NameStatus = 'confirmed' | 'inferred';

/** What every named entry of a template carries. */
export interface TemplateEntry {
  readonly status: NameStatus;
  /** Where the name comes from (a reference section, a document). */
  readonly source?: string;
  /** A template context key: the entry is kept only when that value is set and not false. */
  readonly when?: string;
}

/**
 * A property; `value` may hold `{{key}}` placeholders, or be a list for a multi-value property.
 * A node may list several variants of one name (a list in `template.yaml`): the first kept one is written.
 */
export interface TemplateProperty extends TemplateEntry {
  readonly name: string;
  readonly value: string | readonly string[];
  readonly type: PropertyType;
}

/** A plain file in the node's folder (imported as `nt:file`); `content` is a context key holding bytes. */
export interface TemplateFile extends TemplateEntry {
  readonly name: string;
  readonly content: string;
}

/** A node: top-level nodes have a `path`, children a `name`. */
export interface TemplateNode extends TemplateEntry {
  readonly path?: string;
  readonly name?: string;
  readonly properties: readonly TemplateProperty[];
  readonly children: readonly TemplateNode[];
  readonly files: readonly TemplateFile[];
}

/** A filter root of the package. */
export interface TemplateFilter extends TemplateEntry {
  readonly root: string;
  readonly mode?: ImportMode;
  readonly rules: readonly PathFilter[];
}

/** The credential flows a template can write (`osgi.flow` chooses between them). */
export type TemplateFlowName = 'jwt' | 'oauth';

/** One credential flow a template writes, and the AEM versions that take it. */
export interface TemplateFlow {
  readonly flow: TemplateFlowName;
  /** AEM versions, e.g. `['6.5 SP20 or later']`. */
  readonly aem: readonly string[];
  /** Setup notices (`SETUP_NOTICES` ids) that `templates` lists and `build` warns. */
  readonly caveats: readonly SetupNoticeId[];
  readonly source?: string;
}

/**
 * One check of the integration a template configures, that `aem-ioevents check` asks AEM for:
 * a Sling health check selected by its tag (`GET /system/health.json?tags=…`,
 * apache/sling-org-apache-sling-hc-core `HealthCheckExecutorServlet`), or a status servlet of the
 * Adobe I/O Events add-on (`{"status": "up"|"down", …}`, adobe/aio-lib-java `StatusServlet.java`).
 */
export type TemplateCheck =
  | (TemplateEntry & { readonly kind: 'health'; readonly tag: string })
  /** `ping`: the servlet acts (publishes an event), so it runs only on request (`--ping`). */
  | (TemplateEntry & { readonly kind: 'status'; readonly path: string; readonly ping: boolean });

/** A whole template. */
export interface Template {
  readonly name: string;
  /** The `template.yaml` of a user's own template (`--template DIR`), which messages name; built-in ones have none. */
  readonly file?: string;
  readonly title: string;
  /** AEM versions the template serves, e.g. `['6.2', '6.3']`. */
  readonly aem: readonly string[];
  /** The flows it writes; empty for a template that does not say (`build` then warns nothing). */
  readonly flows: readonly TemplateFlow[];
  readonly packageType: PackageType;
  /** Namespace prefixes beyond the well-known ones (`KNOWN_NAMESPACES`). */
  readonly namespaces: Readonly<Record<string, string>>;
  readonly filters: readonly TemplateFilter[];
  readonly nodes: readonly TemplateNode[];
  /** What `check` asks AEM for; empty when the template names none. */
  readonly checks: readonly TemplateCheck[];
}

/** The template `build` uses without `--template`. */
export const DEFAULT_TEMPLATE = 'cloudservice-6.3';

/**
 * Former names of built-in templates, still accepted with a deprecation warning: users'
 * configurations and CI scripts name them. `ims-6.4` became `ims-6.5`: its
 * OAuth variant needs AEM 6.5 SP20 (or SP11 to SP19 with a hotfix), and JWT no longer gets tokens.
 */
export const TEMPLATE_ALIASES: Readonly<Record<string, string>> = { 'ims-6.4': 'ims-6.5' };

/** The deprecation warning for a former template name, or undefined for any other name. */
export function findTemplateAliasWarning(nameOrDir: string): string | undefined {
  if (!Object.hasOwn(TEMPLATE_ALIASES, nameOrDir)) return undefined;
  const name = TEMPLATE_ALIASES[nameOrDir]!;
  return `template ${nameOrDir} is now named ${name}; the old name still works but is deprecated: use --template ${name}`;
}

/** Folder of the built-in templates. */
export function getBuiltInTemplatesDir(): string {
  return join(getPackageRoot(), 'templates');
}

// A bare name that is a folder in `cwd` and no built-in template.
function isUserFolder(name: string, cwd: string): boolean {
  // One stat first: the built-in list costs a folder read, and a cold build only has the default name.
  if (name === '' || statSync(resolve(cwd, name), { throwIfNoEntry: false })?.isDirectory() !== true) return false;
  return !listBuiltInTemplates().includes(name);
}

/** Names of the built-in templates. */
export function listBuiltInTemplates(): string[] {
  const dir = getBuiltInTemplatesDir();
  return readdirSync(dir).filter((name) => statSync(join(dir, name, 'template.yaml'), { throwIfNoEntry: false })?.isFile()).sort();
}

/** Every built-in template, parsed, by name. */
export async function readBuiltInTemplates(): Promise<Template[]> {
  const dir = getBuiltInTemplatesDir();
  return Promise.all(listBuiltInTemplates().map((name) => readTemplate(name, dir)));
}

/**
 * Reads a template: a built-in name (`cloudservice-6.3`) or a folder with `template.yaml`,
 * resolved against `cwd`: a path (it contains a `/` or starts with `.`), or a bare name that is
 * no built-in template and names a folder (`--template mytpl`). A built-in name always means the
 * built-in template; `./NAME` means the folder. A former name ({@link TEMPLATE_ALIASES}) reads the
 * template it became.
 */
export async function readTemplate(nameOrAlias: string, cwd: string): Promise<Template> {
  const nameOrDir = Object.hasOwn(TEMPLATE_ALIASES, nameOrAlias) ? TEMPLATE_ALIASES[nameOrAlias]! : nameOrAlias;
  const isPath = nameOrDir.includes('/') || nameOrDir.includes('\\') || nameOrDir.startsWith('.') || isAbsolute(nameOrDir) || isUserFolder(nameOrDir, cwd);
  const dir = isPath ? resolve(cwd, nameOrDir) : join(getBuiltInTemplatesDir(), nameOrDir);
  const file = join(dir, 'template.yaml');
  const bytes = await readUserFile(file, {
    name: `--template ${file}`,
    kind: 'template',
    code: 'E_TEMPLATE',
    describeError: (error) => {
      if (!isPath) {
        return new InputError(`unknown template '${nameOrDir}'; the built-in templates are ${listBuiltInTemplates().join(', ')}, or give a folder with --template ./DIR`, { code: 'E_TEMPLATE' });
      }
      return new InputError(`cannot read template ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`, { code: 'E_TEMPLATE', cause: error });
    },
  });
  const text = bytes.toString('utf8');
  if (isPath) return { ...parseTemplate(text, file), file };
  return findCompiledTemplate(readCompiledTemplates(), nameOrDir, text) ?? parseTemplate(text, file);
}
