/**
 * The configuration layer that `build` and `verify` read: `readConfig` (I/O) and the pure
 * `parseConfig`, the typed result, and the error that lists every problem of a file.
 */
export { readConfig, DEFAULT_CONFIG_FILES } from './read-config.ts';
export { parseConfig } from './parse-config.ts';
export { ConfigError, formatConfigIssues } from './config-error.ts';
export type { ConfigIssue, ConfigErrorCode } from './config-error.ts';
export { CONFIG_DEFAULTS, CONFIG_KEYS } from './schema.ts';
export { redactConfig, REDACTED } from './redact-config.ts';
export { parseDeveloperConsoleProject, resolveWorkspaceIds, type ConsoleCredential, type DeveloperConsoleProject } from './developer-console-project.ts';
export type {
  CloudServiceConfig,
  ConfigFormat,
  Environment,
  ImsConfig,
  IoEventsConfig,
  KeystoreConfig,
  OsgiConfig,
  OsgiFlow,
  LoadedConfig,
  PackageConfig,
  ParseConfigOptions,
  ParsedConfig,
  ReadConfigOptions,
  SecretField,
  ServiceUserConfig,
  ValidationConfig,
  WorkspaceConfig,
} from './types.ts';
