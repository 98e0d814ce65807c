/**
 * Rules for the `workspace` section: the Adobe Developer Console ids that the I/O Events add-on's
 * Workspace Configuration needs (`aio.consumer.org.id`, `aio.project.id`, `aio.workspace.id`,
 * `aio.credential.id`; adobe/aio-lib-java `WorkspaceConfig.java`, `aem/core_aem/README.md`).
 * The console numbers them: `project.org.id` `1340225`, `project.id` `4566206088345709923`.
 *
 * | field           | project JSON                                    | form   |
 * | --------------- | ----------------------------------------------- | ------ |
 * | `consumerOrgId` | `project.org.id`                                | digits |
 * | `projectId`     | `project.id`                                    | digits |
 * | `workspaceId`   | `project.workspace.id`                          | digits |
 * | `credentialId`  | `project.workspace.details.credentials[i].id`   | digits |
 */
import type { Rule } from './field-reader.ts';

/** A Developer Console id: digits. */
export const CONSOLE_ID = /^[0-9]{1,30}$/;

/** The JSON path each id has in the console's project file. */
export const PROJECT_FILE_PATHS = {
  consumerOrgId: 'project.org.id',
  projectId: 'project.id',
  workspaceId: 'project.workspace.id',
  credentialId: 'project.workspace.details.credentials[i].id',
} as const;

/** A Developer Console id; `field` names where the console shows it. */
export function consoleIdRule(field: keyof typeof PROJECT_FILE_PATHS): Rule {
  return (value) =>
    CONSOLE_ID.test(value)
      ? undefined
      : {
          expected: 'the digits of a Developer Console id (write it in quotes)',
          hint: `copy ${PROJECT_FILE_PATHS[field]} from the project JSON the Adobe Developer Console downloads, or give workspace.projectFile`,
        };
}

/** `workspace.projectFile`: a path, not the JSON itself (which holds client secrets and is never shown). */
export const checkProjectFile: Rule = (value) =>
  value.trimStart().startsWith('{')
    ? { expected: 'the path of the project JSON, not its content', hint: 'save the JSON the Adobe Developer Console downloads to a file readable only by you and give its path' }
    : undefined;
