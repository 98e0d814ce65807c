/**
 * Which credential of a Developer Console project the starter is written for. A workspace can hold
 * several (a JWT Service Account and an OAuth Server-to-Server credential, or two of one kind), and
 * the starter takes one client ID and technical account: the choice is never a silent guess.
 */
import type { ConsoleCredential, DeveloperConsoleProject } from '../config/developer-console-project.ts';
import type { OsgiFlow } from '../config/types.ts';
import { InputError } from '../errors.ts';
import type { Template } from '../template/template.ts';
import { FLOW_NAMES, listTemplateFlows } from './starter-plan.ts';

/** What {@link chooseProjectCredential} is asked for. */
export interface CredentialRequest {
  /** `--project` as the user gave it, for messages. */
  readonly label: string;
  readonly template: Template;
  /** The flow to write: `--flow`, or the template's default when neither `--flow` nor `--credential` is given. */
  readonly flow: OsgiFlow;
  /** Whether `flow` came from `--flow` (and so binds `--credential`). */
  readonly flowGiven: boolean;
  /** `--credential`: the id of the credential to take. */
  readonly credentialId?: string;
}

/**
 * The credential `request` names (`--credential`), else the one credential of the flow; throws
 * `InputError` (exit 2) when there is none, or more than one and `--credential` does not choose.
 */
export function chooseProjectCredential(project: DeveloperConsoleProject, request: CredentialRequest): { credential: ConsoleCredential; flow: OsgiFlow } {
  const { label, template, flow, credentialId } = request;
  const listed = `its credentials: ${describeCredentials(project.credentials)}`;
  if (credentialId !== undefined) {
    const credential = project.credentials.find((candidate) => candidate.id === credentialId);
    if (credential === undefined) throw fail(`--credential ${credentialId}: --project ${label} has no credential with that id; ${listed}`);
    const wanted = request.flowGiven ? [flow] : listTemplateFlows(template);
    if (credential.flow === undefined || !wanted.includes(credential.flow)) {
      const kind = credential.flow === undefined ? 'neither JWT (Service Account) nor OAuth Server-to-Server' : FLOW_NAMES[credential.flow];
      const expected = request.flowGiven ? `--flow ${flow}` : `template ${template.name}`;
      throw fail(`--credential ${credentialId}: credential ${credentialId} in --project ${label} is ${kind}, not what ${expected} needs (${wanted.map((name) => FLOW_NAMES[name]).join(' or ')})`);
    }
    return { credential, flow: credential.flow };
  }
  const candidates = project.credentials.filter((candidate) => candidate.flow === flow);
  const [credential, ...others] = candidates;
  if (credential === undefined) {
    const other = listTemplateFlows(template).find((name) => name !== flow);
    const which = request.flowGiven ? `for --flow ${flow}` : `(the default flow of template ${template.name})`;
    const remedy = other === undefined ? `use a template that has the credential's flow; template ${template.name} has ${FLOW_NAMES[flow]} only (aem-ioevents templates lists them)` : `give --flow ${other}`;
    throw fail(`--project ${label} has no ${FLOW_NAMES[flow]} credential ${which}; ${listed}; add one in the Adobe Developer Console, or ${remedy}`);
  }
  if (others.length > 0) {
    throw fail(`--project ${label} has ${candidates.length} ${FLOW_NAMES[flow]} credentials: ${describeCredentials(candidates)}; choose one with --credential ID`);
  }
  return { credential, flow };
}

// `179144 (OAuth Server-to-Server, client ID fedc…)`: ids and client IDs only, never a secret.
function describeCredentials(credentials: readonly ConsoleCredential[]): string {
  if (credentials.length === 0) return 'none';
  return credentials.map((c) => `${c.id} (${c.flow === undefined ? 'other' : FLOW_NAMES[c.flow]}, client ID ${c.clientId ?? 'none'})`).join(', ');
}

function fail(message: string): InputError {
  return new InputError(message, { code: 'E_PROJECT_FILE' });
}
