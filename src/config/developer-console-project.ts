/**
 * The project JSON that the Adobe Developer Console downloads ("Download all" on a workspace):
 * where users copy the add-on's Workspace Configuration from (adobe/aio-lib-java
 * `aem/core_aem/README.md`; AdobeDocs/adobe-io-events `aem_workspace_osgi_config.md`).
 *
 * | workspace field  | JSON                                                              |
 * | ---------------- | ----------------------------------------------------------------- |
 * | `consumerOrgId`  | `project.org.id`                                                  |
 * | `projectId`      | `project.id`                                                      |
 * | `workspaceId`    | `project.workspace.id`                                            |
 * | `credentialId`   | `project.workspace.details.credentials[i].id`, the credential whose `jwt.client_id` or `oauth_server_to_server.client_id` is `cloudService.apiKey` |
 *
 * The file holds client secrets: nothing of it is ever shown but the ids and client IDs.
 */
import { InputError } from '../errors.ts';
import type { ConfigIssue } from './config-error.ts';
import { isMapping } from './field-path.ts';
import type { IoEventsConfig, WorkspaceConfig } from './types.ts';

/** One credential of the workspace: its id and the identifiers it was issued with. */
export interface ConsoleCredential {
  readonly id: string;
  readonly clientId?: string;
  readonly technicalAccountId?: string;
  /** `jwt` (Service Account) or `oauth` (OAuth Server-to-Server), by the object that holds its identifiers. */
  readonly flow?: 'jwt' | 'oauth';
  /** The OAuth Server-to-Server scopes the console lists (`oauth_server_to_server.scopes`). */
  readonly scopes?: readonly string[];
}

/** What the configuration needs from the project JSON. */
export interface DeveloperConsoleProject {
  readonly consumerOrgId: string;
  readonly projectId: string;
  readonly workspaceId: string;
  /** `project.org.ims_org_id`, when present. */
  readonly imsOrgId?: string;
  readonly credentials: readonly ConsoleCredential[];
}

type Json = Record<string, unknown>;

/**
 * Reads the ids out of the project JSON's text; `label` names the file, `source` the key or flag
 * that gave it (`--project` for init). Throws `InputError` (exit 2).
 */
export function parseDeveloperConsoleProject(text: string, label: string, source = 'workspace.projectFile'): DeveloperConsoleProject {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // JSON.parse quotes the text around the error, and this text holds client secrets.
    throw new InputError(`${source} ${label} is not valid JSON; give the project file the Adobe Developer Console downloads, unchanged`, { code: 'E_PROJECT_FILE' });
  }
  const named = `${source} ${label}`;
  const project = member(root, 'project', named);
  const org = member(project, 'org', named, 'project');
  const workspace = member(project, 'workspace', named, 'project');
  const details = isMapping(workspace['details']) ? workspace['details'] : {};
  const credentials = Array.isArray(details['credentials']) ? details['credentials'] : [];
  const imsOrgId = nonBlank(org['ims_org_id']);
  return {
    consumerOrgId: id(org['id'], 'project.org.id', named),
    projectId: id(project['id'], 'project.id', named),
    workspaceId: id(workspace['id'], 'project.workspace.id', named),
    ...(imsOrgId !== undefined && { imsOrgId }),
    credentials: credentials.filter(isMapping).flatMap((credential) => readCredential(credential)),
  };
}

// Keys whose strings are credentials: `jwt.client_secret`, `oauth_server_to_server.client_secrets[]`,
// and the I/O Runtime namespace key `runtime.namespaces[].auth` of an App Builder workspace.
// Not 'token': a key such as token_url holds an IMS address, which output must keep showing.
const SECRET_KEY = /secret|password|^auth$|^private_?key$/i;

/**
 * The credentials in the project JSON's text (every string under a key {@link SECRET_KEY} matches),
 * for a secret sink; none when the text is not JSON (then nothing is shown of it either).
 */
export function listProjectSecrets(text: string): string[] {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
  const found: string[] = [];
  // The console's file is some 8 levels deep; a hostile one nested a million levels must not exhaust the stack.
  const visit = (value: unknown, secret: boolean, depth: number): void => {
    if (depth > 64) return;
    if (typeof value === 'string' && secret) found.push(value);
    else if (Array.isArray(value)) value.forEach((item) => visit(item, secret, depth + 1));
    else if (isMapping(value)) for (const [key, item] of Object.entries(value)) visit(item, secret || SECRET_KEY.test(key), depth + 1);
  };
  visit(root, false, 0);
  return found;
}

/**
 * The workspace ids of `config` completed from `project`: the credential is the one issued for
 * `cloudService.apiKey`. Every disagreement between the file and the configuration is an issue.
 */
export function resolveWorkspaceIds(config: IoEventsConfig, project: DeveloperConsoleProject, label: string): { workspace: WorkspaceConfig; issues: ConfigIssue[] } {
  const given = config.workspace ?? {};
  const issues: ConfigIssue[] = [];
  const { apiKey, organizationId, technicalAccountId } = config.cloudService;
  if (project.imsOrgId !== undefined && project.imsOrgId !== organizationId) {
    issues.push({ path: 'cloudService.organizationId', message: `'${organizationId}' differs from project.org.ims_org_id '${project.imsOrgId}' in ${label}; is the project file from another organization?` });
  }
  const matching = project.credentials.filter((credential) => credential.clientId === apiKey);
  const credential = matching[0];
  if (credential === undefined) {
    const listed = project.credentials.map((c) => `${c.id} (client ID ${c.clientId ?? 'none'})`).join(', ') || 'none';
    issues.push({ path: 'workspace.projectFile', message: `no credential in ${label} has the client ID cloudService.apiKey '${apiKey}'; its credentials: ${listed}` });
  } else if (credential.technicalAccountId !== undefined && credential.technicalAccountId !== technicalAccountId) {
    issues.push({ path: 'cloudService.technicalAccountId', message: `'${technicalAccountId}' differs from the technical account ID '${credential.technicalAccountId}' of credential ${credential.id} in ${label}` });
  }
  const fromFile: Omit<WorkspaceConfig, 'projectFile'> = {
    consumerOrgId: project.consumerOrgId,
    projectId: project.projectId,
    workspaceId: project.workspaceId,
    ...(credential !== undefined && { credentialId: credential.id }),
  };
  for (const [field, value] of Object.entries(fromFile) as [keyof typeof fromFile, string][]) {
    const explicit = given[field];
    if (explicit !== undefined && explicit !== value) {
      issues.push({ path: `workspace.${field}`, message: `'${explicit}' differs from '${value}' in ${label}; remove workspace.${field} to take the file's value, or fix one of them` });
    }
  }
  return { workspace: { ...fromFile, ...given }, issues };
}

function readCredential(credential: Json): ConsoleCredential[] {
  const credentialId = optionalId(credential['id']);
  if (credentialId === undefined) return [];
  // A JWT credential keeps its identifiers under `jwt`, an OAuth Server-to-Server one under `oauth_server_to_server`.
  const flow = isMapping(credential['jwt']) ? 'jwt' : isMapping(credential['oauth_server_to_server']) ? 'oauth' : undefined;
  const kind = flow === undefined ? undefined : (credential[flow === 'jwt' ? 'jwt' : 'oauth_server_to_server'] as Json);
  const clientId = nonBlank(kind?.['client_id']);
  const technicalAccountId = nonBlank(kind?.['technical_account_id']);
  const listed = flow === 'oauth' && Array.isArray(kind?.['scopes']) ? kind['scopes'].flatMap((scope) => nonBlank(scope) ?? []) : [];
  const scopes = listed.length === 0 ? undefined : listed;
  return [
    {
      id: credentialId,
      ...(clientId !== undefined && { clientId }),
      ...(technicalAccountId !== undefined && { technicalAccountId }),
      ...(flow !== undefined && { flow }),
      ...(scopes !== undefined && { scopes }),
    },
  ];
}

function member(parent: unknown, key: string, named: string, at?: string): Json {
  const value = isMapping(parent) ? parent[key] : undefined;
  if (isMapping(value)) return value;
  throw new InputError(`${named} has no ${at === undefined ? key : `${at}.${key}`} object; give the project file the Adobe Developer Console downloads`, { code: 'E_PROJECT_FILE' });
}

// A value the console left blank is absent: init writes <fill in> for it, which build names, rather
// than '' or [], which the configuration rules refuse with no hint that the project file gave them.
function nonBlank(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

// Ids are strings of digits; a number is accepted while it is exact.
function optionalId(value: unknown): string | undefined {
  if (typeof value === 'string' && /^[0-9]{1,30}$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

function id(value: unknown, path: string, named: string): string {
  const result = optionalId(value);
  if (result !== undefined) return result;
  throw new InputError(`${named}: ${path} is missing or not an id of digits`, { code: 'E_PROJECT_FILE' });
}
