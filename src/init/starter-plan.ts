/**
 * What the starter configuration of a template and flow holds: the keys the template uses
 * (`listUsedContextKeys` under that flow), with the ids of a Developer Console project when one is
 * given, `${VARIABLES}` for secrets and {@link STARTER_PLACEHOLDER} where only the user knows the
 * value. Keys a user rarely changes are written as comments showing their default.
 */
import { InputError } from '../errors.ts';
import { OSGI_FLOWS } from '../config/osgi-rules.ts';
import type { ConsoleCredential, DeveloperConsoleProject } from '../config/developer-console-project.ts';
import { CONFIG_DEFAULTS, SECRET_FIELDS, STARTER_PLACEHOLDER } from '../config/schema.ts';
import type { OsgiFlow } from '../config/types.ts';
import { TEMPLATE_CONTEXT_KEYS, type TemplateContext } from '../template/template-context.ts';
import { listUsedContextKeys } from '../template/template-keys.ts';
import type { Template, TemplateNode } from '../template/template.ts';

// What a protected value looks like; shown commented, so the user knows the form.
const PROTECTED_EXAMPLE = '{…}';

/** One value of the starter; `commented` ones show a default or an alternative as a comment. */
export interface StarterValue {
  readonly value: string | boolean | readonly string[];
  readonly commented?: boolean;
}

/** The values by field path (`cloudService.apiKey`), in the order they are written. */
export type StarterPlan = ReadonlyMap<string, StarterValue>;

/** The flows whose variants `template` writes (its `when: flow.*` entries); a template without any writes the JWT setup. */
export function listTemplateFlows(template: Template): OsgiFlow[] {
  const whens = new Set<string>();
  const visit = (node: TemplateNode): void => {
    for (const entry of [node, ...node.properties, ...node.files]) if (entry.when !== undefined) whens.add(entry.when);
    node.children.forEach(visit);
  };
  template.filters.forEach((filter) => filter.when !== undefined && whens.add(filter.when));
  template.nodes.forEach(visit);
  const flows = (['oauth', 'jwt'] as const).filter((flow) => whens.has(`flow.${flow}`));
  return flows.length === 0 ? ['jwt'] : flows;
}

/** The flow of the starter: `requested`, which the template must have; by default OAuth Server-to-Server where it has it. */
export function chooseStarterFlow(template: Template, requested: string | undefined): OsgiFlow {
  const flows = listTemplateFlows(template);
  if (requested === undefined) return flows[0]!;
  if (!(OSGI_FLOWS as readonly string[]).includes(requested)) throw new InputError(`--flow ${requested}: expected jwt or oauth`, { code: 'E_USAGE' });
  if (flows.includes(requested as OsgiFlow)) return requested as OsgiFlow;
  throw new InputError(
    `--flow ${requested}: template ${template.name} has no ${FLOW_NAMES[requested as OsgiFlow]} variant, only ${flows.map((flow) => FLOW_NAMES[flow]).join(' and ')}; ` +
      'choose a template that has it (aem-ioevents templates lists them; ims-6.5 and aio-aem-events have both)',
    { code: 'E_USAGE' },
  );
}

/** How messages and comments name a flow. */
export const FLOW_NAMES: Readonly<Record<OsgiFlow, string>> = { jwt: 'JWT (Service Account)', oauth: 'OAuth Server-to-Server' };

/** The credential of `project` for `flow`: the first one of that kind. */
export function findProjectCredential(project: DeveloperConsoleProject, flow: OsgiFlow): ConsoleCredential | undefined {
  return project.credentials.find((credential) => credential.flow === flow);
}

/** The starter's values for `template` with `flow`, filled from `project` (its ids only) when given. */
export function planStarter(template: Template, flow: OsgiFlow, project?: DeveloperConsoleProject): StarterPlan {
  const used = listUsedContextKeys(template, everyValueFor(flow));
  const uses = (...keys: string[]): boolean => keys.some((key) => used.has(key));
  const credential = project === undefined ? undefined : findProjectCredential(project, flow);
  // `$${` keeps a `${` in a value from the project file literal (interpolate.ts).
  const given = (value: string | undefined): StarterValue => ({ value: value?.replaceAll('${', () => '$${') ?? STARTER_PLACEHOLDER });
  const plan = new Map<string, StarterValue>();
  const put = (path: string, value: StarterValue | undefined): void => void (value !== undefined && plan.set(path, value));
  const fallback = (section: keyof typeof CONFIG_DEFAULTS, key: string): StarterValue => ({ value: (CONFIG_DEFAULTS[section] as Record<string, StarterValue['value']>)[key]!, commented: true });

  for (const key of ['group', 'name', 'version'] as const) put(`package.${key}`, { value: CONFIG_DEFAULTS.package[key] });
  put('cloudService.name', { value: 'ioevents' });
  put('cloudService.title', { value: 'Adobe I/O Events' });
  if (uses('cloudService.externalizer')) put('cloudService.externalizer', { value: CONFIG_DEFAULTS.cloudService.externalizer });
  put('cloudService.apiKey', given(credential?.clientId));
  put('cloudService.technicalAccountId', given(credential?.technicalAccountId));
  put('cloudService.organizationId', given(project?.imsOrgId));
  put('cloudService.clientSecret', variable('cloudService.clientSecret'));
  put('cloudService.clientSecretProtected', { value: PROTECTED_EXAMPLE, commented: true });

  if (uses('keystore.bytes', 'keystore.alias', 'privateKey.encodedPkcs8')) {
    put('keystore.file', { value: 'keys/keystore.p12' });
    put('keystore.password', variable('keystore.password'));
    put('keystore.alias', { value: CONFIG_DEFAULTS.keystore.alias });
    if (uses('keystore.bytes')) put('keystore.include', { value: true });
    if (uses('keystore.protectedPassword')) put('keystore.protectedPassword', { value: PROTECTED_EXAMPLE, commented: true });
  }
  if (uses('serviceUser.home')) put('serviceUser.home', fallback('serviceUser', 'home'));

  put('ims.url', fallback('ims', 'url'));
  if (flow === 'jwt') put('ims.metascopes', fallback('ims', 'metascopes'));
  else put('ims.scopes', { value: credential?.scopes ?? [STARTER_PLACEHOLDER] });

  if (uses('osgi.configFolder', 'osgi.app')) {
    put('osgi.app', { value: CONFIG_DEFAULTS.osgi.app });
    put('osgi.runMode', { value: 'author', commented: true });
  }
  if (listTemplateFlows(template).length > 1) put('osgi.flow', { value: flow });

  const workspace = (['consumerOrgId', 'projectId', 'workspaceId', 'credentialId'] as const).filter((key) => uses(`workspace.${key}`));
  if (workspace.length > 0) put('workspace.projectFile', { value: 'console/project.json', commented: true });
  const ids = { consumerOrgId: project?.consumerOrgId, projectId: project?.projectId, workspaceId: project?.workspaceId, credentialId: credential?.id };
  for (const key of workspace) put(`workspace.${key}`, given(ids[key]));
  const validRoots = listValidRoots(template, flow);
  if (validRoots.length > 0) put('validation.validRoots', { value: validRoots });
  return plan;
}

/**
 * The starter's `validation.validRoots`: the parents of the filter roots the template writes with
 * `flow` and the starter's values, which exist before the package installs (the connector, the
 * service user, the application's config folder). With them `inspect --strict` passes on what
 * `build` writes; a template value the starter cannot know leaves that root out.
 */
function listValidRoots(template: Template, flow: OsgiFlow): string[] {
  const values: Readonly<Record<string, string>> = {
    'serviceUser.home': CONFIG_DEFAULTS.serviceUser.home,
    'osgi.configFolder': `/apps/${CONFIG_DEFAULTS.osgi.app}/config`,
    'osgi.app': CONFIG_DEFAULTS.osgi.app,
    'cloudService.name': 'ioevents',
  };
  const kept = everyValueFor(flow);
  const parents = template.filters
    .filter((filter) => filter.when === undefined || kept[filter.when as keyof TemplateContext] === true)
    .map((filter) => filter.root.replace(/\{\{([^}]+)\}\}/g, (whole, key: string) => values[key.trim()] ?? whole))
    .filter((root) => !root.includes('{{'))
    .map((root) => root.slice(0, root.lastIndexOf('/')))
    .filter((parent) => parent !== '');
  return [...new Set(parents)];
}

// `${IOEVENTS_CLIENT_SECRET}` for a secret field: its value never belongs in the file.
function variable(field: keyof typeof SECRET_FIELDS): StarterValue {
  return { value: `\${${SECRET_FIELDS[field]}}` };
}

// A context in which every `when:` holds but the other flow's: whatever the template could use with `flow`.
function everyValueFor(flow: OsgiFlow): TemplateContext {
  const context: Record<string, boolean> = Object.fromEntries(Object.keys(TEMPLATE_CONTEXT_KEYS).map((key) => [key, true]));
  return { ...context, 'flow.jwt': flow === 'jwt', 'flow.oauth': flow === 'oauth' };
}
