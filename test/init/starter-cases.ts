// The starters of every built-in template and flow, and the example values that complete them.
import { readFileSync } from 'node:fs';
import { parseDeveloperConsoleProject, type DeveloperConsoleProject } from '../../src/config/developer-console-project.ts';
import type { OsgiFlow } from '../../src/config/types.ts';

/** One built-in template with one of its flows; `golden` names its file in fixtures/init/. */
export interface StarterCase {
  readonly template: string;
  readonly flow: OsgiFlow;
  readonly golden: string;
}

/** Every built-in template with every flow it has (cloudservice-6.3 has JWT only). */
export const STARTER_CASES: readonly StarterCase[] = [
  ['cloudservice-6.3', 'jwt'],
  ['ims-6.5', 'oauth'],
  ['ims-6.5', 'jwt'],
  ['aio-aem-events', 'oauth'],
  ['aio-aem-events', 'jwt'],
].map(([template, flow]) => ({ template: template!, flow: flow as OsgiFlow, golden: `${template}-${flow}.yaml` }));

/** The schema reference of a starter written outside any project (a temporary folder). */
export const SCHEMA_REFERENCE = './node_modules/aem-ioevents/schema/aem-ioevents.schema.json';

/** The fixture project JSON's path and text. */
export const PROJECT_FILE = new URL('../../fixtures/console/project.json', import.meta.url).pathname;
/** The client secrets the fixture project holds: none may reach a starter or the output. */
export const PROJECT_SECRETS = ['p8e-OAUTH-THROWAWAY-secret-in-project-file', 'p8e-JWT-THROWAWAY-secret-in-project-file'];

/** The fixture project, parsed. */
export function readFixtureProject(): DeveloperConsoleProject {
  return parseDeveloperConsoleProject(readFileSync(PROJECT_FILE, 'utf8'), PROJECT_FILE);
}

/** The golden starter's text. */
export function readGolden(name: string): string {
  return readFileSync(new URL(`../../fixtures/init/${name}`, import.meta.url), 'utf8');
}

// The example project's values (test/build/example-project.ts, fixtures/example/aem-ioevents.yaml), by placeholder key.
const EXAMPLE_VALUES: Readonly<Record<string, string>> = {
  apiKey: '0123456789abcdef0123456789abcdef',
  technicalAccountId: '0123456789ABCDEF01234567@techacct.adobe.com',
  organizationId: '0123456789ABCDEF01234567@AdobeOrg',
  consumerOrgId: "'1340225'",
  projectId: "'4566206088344794932'",
  workspaceId: "'4566206088344812345'",
  credentialId: "'179145'",
  scopes: '[AdobeID, openid, read_organizations]',
};

/** The starter with every `<fill in>` replaced by the example's value, as a user would edit it. */
export function fillInExampleValues(starter: string): string {
  return starter.replace(/^( {2})(\w+): (?:<fill in>|\[<fill in>\])$/gm, (_line, indent: string, key: string) => {
    const value = EXAMPLE_VALUES[key];
    if (value === undefined) throw new Error(`no example value for ${key}`);
    return `${indent}${key}: ${value}`;
  });
}
