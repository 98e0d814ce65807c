/**
 * The one reader of a Developer Console project JSON, for `init --project` and
 * `workspace.projectFile`: read through the reader of user files (regular files only, 1 MiB), its
 * secrets handed to the run's registry before anything is parsed (no message of the parse can show
 * them), then parsed.
 */
import { InputError } from '../errors.ts';
import { readUserFile } from '../fs/read-user-file.ts';
import type { SecretSink } from '../secrets/secret-registry.ts';
import { listProjectSecrets, parseDeveloperConsoleProject, type DeveloperConsoleProject } from './developer-console-project.ts';

/** Where the project file was named: the `--project` flag of init, or the configuration key. */
export type ProjectFileSource = '--project' | 'workspace.projectFile';

/** Reads the project JSON at `path`, named `given` by the user at `source`. */
export async function readProjectFile(path: string, given: string, source: ProjectFileSource, secrets: SecretSink | undefined): Promise<DeveloperConsoleProject> {
  const name = `${source} ${given}`;
  const bytes = await readUserFile(path, {
    name,
    kind: 'projectFile',
    code: 'E_PROJECT_FILE',
    describeError: (error) => {
      const reason = error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'a folder' : `it cannot be read (${error.code ?? 'error'})`;
      return new InputError(`${name}: ${reason}; download the project JSON from the Adobe Developer Console (workspace, Download all)`, { code: 'E_PROJECT_FILE', cause: error });
    },
  });
  const text = Buffer.from(bytes).toString('utf8');
  for (const secret of listProjectSecrets(text)) secrets?.add(secret, `a client secret in ${name}`);
  return parseDeveloperConsoleProject(text, given, source);
}
