/**
 * `initConfig`: writes the starter configuration of a template and flow (`render-starter.ts`),
 * with the ids of a Developer Console project JSON when one is given. The project's secrets are
 * never copied (the file takes `${IOEVENTS_CLIENT_SECRET}`) and are registered with the run's
 * secret sink, so no output can show them. An existing file is never replaced without `force`,
 * and never half-written (`writeFileAtomic`).
 */
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { DeveloperConsoleProject } from '../config/developer-console-project.ts';
import { readProjectFile } from '../config/read-project-file.ts';
import { DEFAULT_CONFIG_FILES } from '../config/read-config.ts';
import { CONFIG_DEFAULTS } from '../config/schema.ts';
import type { OsgiFlow } from '../config/types.ts';
import { InputError } from '../errors.ts';
import { writeFileAtomic, type WriteOutcome } from '../fs/write-file-atomic.ts';
import { describeJwtEndOfLife } from '../ims/end-of-life.ts';
import type { SecretSink } from '../secrets/secret-registry.ts';
import { DEFAULT_TEMPLATE, readTemplate, TEMPLATE_ALIASES, type Template } from '../template/template.ts';
import { listStarterPlaceholders, listStarterVariables, renderStarterConfig } from './render-starter.ts';
import { findSchemaReference, type SchemaReference } from './schema-reference.ts';
import { chooseProjectCredential } from './project-credential.ts';
import { chooseStarterFlow, planStarter } from './starter-plan.ts';

/** Options of {@link initConfig}. */
export interface InitConfigOptions {
  /** Working directory that `out`, `template` (a folder) and `project` resolve against. */
  readonly cwd: string;
  /** The file to write. @default 'aem-ioevents.yaml' */
  readonly out?: string;
  /** A built-in template name or a folder with `template.yaml`. @default DEFAULT_TEMPLATE */
  readonly template?: string;
  /** `jwt` or `oauth`. @default oauth where the template has it, else jwt */
  readonly flow?: string;
  /** The Developer Console project JSON whose ids fill the starter. */
  readonly project?: string;
  /** The id of the project's credential to take, when it has several of the flow (or to set the flow by it). */
  readonly credential?: string;
  /** Replace an existing file with other content. */
  readonly force?: boolean;
  /** Receives the project's client secrets, so the caller keeps them out of its output. */
  readonly secrets?: SecretSink;
  /** The day the JWT notice is written for. */
  readonly now?: Date;
}

/** What {@link initConfig} did. */
export interface InitConfigResult {
  readonly ok: true;
  /** Absolute path of the configuration file. */
  readonly file: string;
  /** The file relative to `cwd`, as the user would type it. */
  readonly displayPath: string;
  readonly outcome: WriteOutcome;
  readonly template: string;
  readonly flow: OsgiFlow;
  readonly schema: SchemaReference;
  /** Field paths whose value came from the project JSON. */
  readonly fromProject: readonly string[];
  /** Field paths still holding `<fill in>`: `build` refuses the file until each is replaced. */
  readonly placeholders: readonly string[];
  /** Environment variables the file takes its secrets from. */
  readonly variables: readonly string[];
  /** The commands to run next, in order. */
  readonly next: readonly string[];
  readonly warnings: readonly string[];
}

/** Writes the starter configuration; throws `InputError` (exit 2) for bad flags, an unreadable project file or an existing file without `force`. */
export async function initConfig(options: InitConfigOptions): Promise<InitConfigResult> {
  const out = options.out ?? DEFAULT_CONFIG_FILES[0]!;
  // A bare `--out` or `--project` arrives as '' and would name the working directory.
  if (out.trim() === '') throw new InputError('--out needs a file name, e.g. --out aem-ioevents.yaml', { code: 'E_USAGE' });
  if (options.project?.trim() === '') throw new InputError('--project needs the project JSON the Adobe Developer Console downloads, e.g. --project project.json', { code: 'E_USAGE' });
  if (options.credential?.trim() === '') throw new InputError('--credential needs the id of one of the project\'s credentials, e.g. --credential 179144', { code: 'E_USAGE' });
  if (options.credential !== undefined && options.project === undefined) throw new InputError(`--credential ${options.credential} needs --project: it chooses one of the project's credentials`, { code: 'E_USAGE' });
  if (extname(out).toLowerCase() === '.json') throw new InputError(`--out ${out}: init writes YAML; name the file .yaml or .yml`, { code: 'E_USAGE' });
  const file = resolve(options.cwd, out);
  const templateName = options.template ?? DEFAULT_TEMPLATE;
  const template = await readTemplate(templateName, options.cwd);
  const defaultFlow = chooseStarterFlow(template, options.flow);
  const fromProject = options.project === undefined ? undefined : await readProject(options.project, options, template, defaultFlow);
  const flow = fromProject?.flow ?? defaultFlow;
  const project = fromProject?.project;
  const schema = findSchemaReference(file);
  // A former name (ims-6.4) is written as the name it became: the starter outlives the alias.
  const canonical = Object.hasOwn(TEMPLATE_ALIASES, templateName) ? TEMPLATE_ALIASES[templateName]! : templateName;
  const templateFlag = canonical === DEFAULT_TEMPLATE ? '' : `--template ${canonical}`;
  const text = renderStarterConfig({ template, templateFlag, flow, schemaReference: schema.reference, ...(project !== undefined && { project }) });
  const displayPath = relative(options.cwd, file) || file;
  const outcome = await writeFileAtomic(file, Buffer.from(text, 'utf8'), { force: options.force === true, label: out });
  const plan = planStarter(template, flow, project);
  const blank = planStarter(template, flow);
  return {
    ok: true,
    file,
    displayPath,
    outcome,
    template: template.name,
    flow,
    schema,
    fromProject: [...plan].filter(([path, entry]) => JSON.stringify(entry.value) !== JSON.stringify(blank.get(path)?.value)).map(([path]) => path),
    placeholders: listStarterPlaceholders(plan),
    variables: listStarterVariables(plan),
    next: listNextCommands(plan.has('keystore.file'), templateFlag, out),
    warnings: collectWarnings(template, flow, file, schema, options.now ?? new Date()),
  };
}

// The project JSON through the one reader of user files; its secrets go to the sink before anything else can fail.
// The starter sees the chosen credential only: its client ID, technical account and scopes are the ones written.
async function readProject(given: string, options: InitConfigOptions, template: Template, flow: OsgiFlow): Promise<{ project: DeveloperConsoleProject; flow: OsgiFlow }> {
  const { secrets } = options;
  const project = await readProjectFile(resolve(options.cwd, given), given, '--project', secrets);
  const request = { label: given, template, flow, flowGiven: options.flow !== undefined, ...(options.credential !== undefined && { credentialId: options.credential }) };
  const chosen = chooseProjectCredential(project, request);
  return { project: { ...project, credentials: [chosen.credential] }, flow: chosen.flow };
}

function listNextCommands(needsKeys: boolean, templateFlag: string, out: string): string[] {
  const configFlag = out === DEFAULT_CONFIG_FILES[0] ? '' : `--config ${out}`;
  const flags = [configFlag, templateFlag].filter((flag) => flag !== '').join(' ');
  const zip = `dist/${CONFIG_DEFAULTS.package.name}-${CONFIG_DEFAULTS.package.version}.zip`;
  // inspect has no default configuration file: --config gives it the starter's validation: section.
  return [...(needsKeys ? ['aem-ioevents keygen'] : []), `aem-ioevents build${flags === '' ? '' : ` ${flags}`}`, `aem-ioevents inspect --strict --config ${out} ${zip}`];
}

function collectWarnings(template: Template, flow: OsgiFlow, file: string, schema: SchemaReference, now: Date): string[] {
  const warnings: string[] = [];
  if (flow === 'jwt') warnings.push(`template ${template.name} with a JWT credential: ${describeJwtEndOfLife(now).message}`);
  const others = DEFAULT_CONFIG_FILES.filter((name) => name !== basename(file) && existsSync(join(dirname(file), name)));
  if (others.length > 0) warnings.push(`${others.join(' and ')} is in the same folder; build reads the first of ${DEFAULT_CONFIG_FILES.join(', ')} it finds, so remove the one you do not use`);
  if (!schema.installed) {
    warnings.push(`editors find the schema at ${schema.reference} once aem-ioevents is installed there: npm install --save-dev aem-ioevents (which also pins its version for CI)`);
  }
  return warnings;
}
