/**
 * From what the user chose (flags, the configuration's `validation:` section) to the
 * {@link ValidationSettings} of an inspection: the CND files read, the valid roots checked.
 *
 * Every inspection the CLI and `build` run knows the node types of the CNDs shipped in the
 * package's `cnd/` folder (Apache Sling's `sling:Folder`, `sling:OsgiConfig`, … and AEM's
 * `cq:Page`, `cq:PageContent`): the built-in templates write them, and FileVault knows no `sling:`
 * or `cq:` type by default. It is what Maven users get from `<cnds>tccl:aem.cnd</cnds>`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { readUserFile } from '../fs/read-user-file.ts';
import { getPackageRoot } from '../package-root.ts';
import type { ValidationConfig } from '../config/types.ts';
import type { ValidatorId } from './finding.ts';
import { readCndDeclarations } from './validators/node-type-names.ts';
import { describeValidRootProblem, type CndSource, type SeverityLevel, type ValidationSettings } from './validation-settings.ts';

/** One CND file a user named, and how messages name it (`--cnd types.cnd`, `validation.cnd types.cnd`). */
export interface CndChoice {
  readonly file: string;
  readonly name: string;
}

/** What the user chose; relative CND files resolve against `cwd`. */
export interface ValidationChoice {
  readonly cnds?: readonly CndChoice[];
  readonly validRoots?: readonly string[];
  readonly severity?: Readonly<Partial<Record<ValidatorId, SeverityLevel>>>;
}

/**
 * Reads the shipped and the chosen CND files and checks the valid roots.
 * @throws InputError (exit 2) for a CND file that cannot be read, is not UTF-8 or declares nothing,
 *   and for a valid root that is not an absolute path.
 */
export async function loadValidationSettings(choice: ValidationChoice, cwd: string): Promise<ValidationSettings> {
  for (const root of choice.validRoots ?? []) {
    const problem = describeValidRootProblem(root);
    if (problem !== undefined) throw new InputError(`--valid-root: ${problem}`, { code: 'E_USAGE' });
  }
  const chosen = await Promise.all((choice.cnds ?? []).map((cnd) => readCndFile(resolve(cwd, cnd.file), cnd.name)));
  return {
    cnds: [...(await readShippedCnds()), ...chosen],
    ...(choice.validRoots !== undefined && { validRoots: choice.validRoots }),
    ...(choice.severity !== undefined && { severity: choice.severity }),
  };
}

/** The configuration's `validation:` section as a choice (its CND paths are absolute already). */
export function choiceFromConfig(section: ValidationConfig | undefined): ValidationChoice | undefined {
  return section && {
    cnds: section.cnd.map((file) => ({ file, name: `validation.cnd ${file}` })),
    ...(section.validRoots !== undefined && { validRoots: section.validRoots }),
    severity: section.severity,
  };
}

/** The flags' choice over the configuration's: CND files and valid roots add up, a flag's severity wins for its id. */
export function mergeValidationChoices(config: ValidationChoice | undefined, flags: ValidationChoice): ValidationChoice {
  const cnds = [...(config?.cnds ?? []), ...(flags.cnds ?? [])];
  const roots = config?.validRoots === undefined && flags.validRoots === undefined ? undefined : [...new Set([...(config?.validRoots ?? []), ...(flags.validRoots ?? [])])];
  return {
    cnds,
    ...(roots !== undefined && { validRoots: roots }),
    severity: { ...config?.severity, ...flags.severity },
  };
}

let shipped: Promise<CndSource[]> | undefined;

/** The CND files in the package's `cnd/` folder, by name; read once. */
export function readShippedCnds(): Promise<CndSource[]> {
  shipped ??= (async () => {
    const dir = join(getPackageRoot(), 'cnd');
    const names = (await readdir(dir).catch((error: unknown) => {
      throw new Error(`aem-ioevents: its node type files (${dir}) cannot be read; reinstall aem-ioevents`, { cause: error });
    })).filter((name) => name.endsWith('.cnd')).sort();
    return Promise.all(names.map(async (name) => ({ name: `aem-ioevents/cnd/${name}`, text: await readFile(join(dir, name), 'utf8') })));
  })();
  return shipped;
}

async function readCndFile(file: string, name: string): Promise<CndSource> {
  const bytes = await readUserFile(file, {
    name,
    kind: 'cnd',
    code: 'E_CND_READ',
    describeError: (error) => {
      const reason = error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'a folder, not a file' : `it cannot be read (${error.code ?? 'error'})`;
      return new InputError(`${name}: ${reason}; name a CND file (node type definitions, like [my:Type] > nt:unstructured)`, { code: 'E_CND_READ', cause: error });
    },
  });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${name} is not UTF-8 text; a CND file is text, like [my:Type] > nt:unstructured`, { code: 'E_CND_READ' });
  }
  const declared = readCndDeclarations([text]);
  // A file that declares nothing is not a CND: most likely the wrong file was named.
  if (declared.namespaces.size === 0 && declared.types.length === 0) {
    throw new InputError(`${name} declares no namespace and no node type; name a CND file, with lines like <'my'='http://example.com/my/1.0'> and [my:Type] > nt:unstructured`, { code: 'E_CND_READ' });
  }
  return { name, text };
}
