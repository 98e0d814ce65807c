/**
 * `readConfig`: finds and reads the configuration file, then {@link parseConfig}. The only I/O of
 * the configuration layer.
 *
 * - `file` resolves against `cwd`; without it, `aem-ioevents.yaml`, then `.yml`, then `.json`
 *   in `cwd` (`--config` defaults to `aem-ioevents.yaml`; JSON is accepted too).
 * - `.json` is parsed as strict JSON; every other name (`.yaml`, `.yml`, none, `.conf`) as YAML,
 *   which reads JSON too, so a secret mounted without an extension still works.
 * - Relative paths inside the file resolve against the file's folder, not `cwd`.
 * - A missing, unreadable or non-UTF-8 file, one that is not a regular file (`/dev/zero`, a FIFO)
 *   or one larger than `USER_FILE_MAX_BYTES.config` is an {@link InputError} `E_CONFIG_READ` (exit 2).
 * - `workspace.projectFile`, the Developer Console project JSON, is read here too: it completes
 *   the workspace ids, and every disagreement with the file is reported (`E_CONFIG_FIELD`).
 */
import { statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { readUserFile } from '../fs/read-user-file.ts';
import { ConfigError } from './config-error.ts';
import { resolveWorkspaceIds } from './developer-console-project.ts';
import { readProjectFile } from './read-project-file.ts';
import { withFieldLines } from './field-positions.ts';
import { deepFreeze, parseConfig } from './parse-config.ts';
import type { ConfigFormat, Environment, LoadedConfig, ParsedConfig, ReadConfigOptions } from './types.ts';
import type { SecretSink } from '../secrets/secret-registry.ts';

/** The names tried in `cwd` when no file is given, in order. */
export const DEFAULT_CONFIG_FILES: readonly string[] = ['aem-ioevents.yaml', 'aem-ioevents.yml', 'aem-ioevents.json'];

/** Reads, parses and validates the configuration file. */
export async function readConfig(options: ReadConfigOptions): Promise<LoadedConfig> {
  const located = options.file === undefined ? await findDefaultFile(options.cwd) : { file: resolve(options.cwd, options.file), warnings: [] };
  const what = options.file === undefined ? 'Configuration file' : '--config';
  const text = decodeConfigBytes(await readConfigBytes(located.file, what), located.file);
  const source = { text, format: formatOf(located.file), fileLabel: located.file, envName: options.envName };
  const parsed = parseConfig(text, {
    format: source.format,
    fileLabel: located.file,
    env: options.env,
    ...(options.envName === undefined ? {} : { envName: options.envName }),
    ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
    baseDir: dirname(located.file),
  });
  // Disagreements with the project file are the configuration's problems too: with their lines.
  const config = await readWorkspaceProject(parsed, located.file, options.secrets).catch((error: unknown) => {
    throw withFieldLines(error, source);
  });
  return Object.freeze({ ...parsed, config, file: located.file, warnings: Object.freeze([...located.warnings, ...parsed.warnings]) });
}

/** The configuration options a command's library function takes: `--config`, `--env`, and where its secrets go. */
export interface ConfigChoice {
  readonly config?: string | undefined;
  readonly envName?: string | undefined;
  readonly secrets?: SecretSink | undefined;
}

/** {@link readConfig} with the configuration `choice` names. */
export function readChosenConfig(choice: ConfigChoice, cwd: string, env: Environment): Promise<LoadedConfig> {
  const { config, envName, secrets } = choice;
  return readConfig({ cwd, env, ...(config !== undefined && { file: config }), ...(envName !== undefined && { envName }), ...(secrets !== undefined && { secrets }) });
}

// The workspace ids from workspace.projectFile, checked against the rest of the configuration.
async function readWorkspaceProject(parsed: ParsedConfig, configFile: string, secrets: SecretSink | undefined): Promise<ParsedConfig['config']> {
  const projectFile = parsed.config.workspace?.projectFile;
  if (projectFile === undefined) return parsed.config;
  // Its secrets too, so that no output of the run can show them.
  const project = await readProjectFile(projectFile, projectFile, 'workspace.projectFile', secrets);
  const { workspace, issues } = resolveWorkspaceIds(parsed.config, project, projectFile);
  if (issues.length > 0) throw new ConfigError(configFile, issues, 'E_CONFIG_FIELD');
  return deepFreeze({ ...parsed.config, workspace });
}

/** `json` for a `.json` or `.jsonc` file (any case), else `yaml`. */
export function formatOf(file: string): ConfigFormat {
  // A `.jsonc` file read as YAML gives YAML's words for JSON's mistakes: JSON's are clearer.
  const extension = extname(file).toLowerCase();
  return extension === '.json' || extension === '.jsonc' ? 'json' : 'yaml';
}

async function findDefaultFile(cwd: string): Promise<{ file: string; warnings: string[] }> {
  const present: string[] = [];
  for (const name of DEFAULT_CONFIG_FILES) {
    const file = resolve(cwd, name);
    if (exists(file)) present.push(file);
  }
  const [first, ...others] = present;
  if (first === undefined) {
    const file = resolve(cwd, DEFAULT_CONFIG_FILES[0]!);
    throw new InputError(`Configuration file not found: ${file} (nor aem-ioevents.yml or aem-ioevents.json); create it or pass --config FILE`, { code: 'E_CONFIG_READ' });
  }
  const warnings = others.length === 0 ? [] : [`${basename(first)} is used; ${others.map((file) => basename(file)).join(' and ')} in the same folder is ignored`];
  return { file: first, warnings };
}

// Anything but "does not exist" counts as present, so that reading it reports the real problem.
// statSync answers a missing file without building an Error, which a cold start notices.
function exists(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true;
  }
}

function readConfigBytes(file: string, what: string): Promise<Uint8Array> {
  return readUserFile(file, { name: `${what} ${file}`, kind: 'config', code: 'E_CONFIG_READ', describeError: (error) => describeReadError(error, file) });
}

/** The {@link InputError} for a failed read of `file`, by the error's `code`. */
export function describeReadError(error: unknown, file: string): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const options = { code: 'E_CONFIG_READ', cause: error };
  switch (code) {
    case 'ENOENT':
      return new InputError(`Configuration file not found: ${file}; check the --config path`, options);
    case 'ENOTDIR':
      return new InputError(`Configuration file not found: ${file} (a part of the path is a file, not a folder); check the --config path`, options);
    case 'EISDIR':
      return new InputError(`Configuration file ${file} is a folder; pass the path of a .yaml or .json file`, options);
    case 'EACCES':
    case 'EPERM':
      return new InputError(`Configuration file ${file} cannot be read: permission denied; let the user running aem-ioevents read it`, options);
    default:
      return new InputError(`Configuration file ${file} cannot be read (${code ?? 'unknown error'}); check that it is a readable file`, options);
  }
}

/** The file's bytes as text: UTF-8 only (with or without a byte order mark). */
export function decodeConfigBytes(bytes: Uint8Array, file: string): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) throw new InputError(`Configuration file ${file} is UTF-16 text; save it as UTF-8`, { code: 'E_CONFIG_READ' });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`Configuration file ${file} is not valid UTF-8 text; save it as UTF-8`, { code: 'E_CONFIG_READ' });
  }
}
