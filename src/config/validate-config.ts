/**
 * Step 5 of {@link parseConfig}: every field of the merged, interpolated, defaulted tree is
 * checked, all problems are reported together in one {@link ConfigError} (`E_CONFIG_FIELD`),
 * and the typed {@link IoEventsConfig} comes out.
 */
import { ConfigError } from './config-error.ts';
import type { ConfigIssue } from './config-error.ts';
import { isAtOrBelow } from './field-path.ts';
import { FieldReader } from './field-reader.ts';
import type { FieldContext } from './field-reader.ts';
import { readCloudService, readIms, readKeystore, readOsgi, readPackage, readServiceUser, readWorkspace } from './read-sections.ts';
import { TOP_LEVEL_KEYS } from './schema.ts';
import type { IoEventsConfig } from './types.ts';
import { findUnknownKeys } from './unknown-keys.ts';
import { readValidation } from './validation-rules.ts';

/** What validation needs besides the tree. */
export interface ValidationContext extends FieldContext {
  readonly fileLabel: string;
  readonly baseDir: string;
  /** Problems found earlier (inside `environments`), reported with these. */
  readonly earlierIssues: readonly ConfigIssue[];
  /** Paths set by the chosen environment: their unknown keys were reported under `environments.<name>`. */
  readonly overridden: readonly string[];
}

/** Validates the tree; throws a {@link ConfigError} listing every problem. */
export function validateConfig(tree: Record<string, unknown>, context: ValidationContext): IoEventsConfig {
  const reader = new FieldReader(context);
  for (const issue of findUnknownKeys(tree, '', TOP_LEVEL_KEYS)) {
    if (!context.overridden.some((path) => isAtOrBelow(issue.path, path))) reader.issues.push(issue);
  }
  if (tree['cloudService'] === undefined) {
    reader.report('cloudService', 'required section missing; give name, title, apiKey, technicalAccountId, organizationId and clientSecret');
  }
  // A section that is not a mapping has been reported; its fields are not read.
  const read = <T>(key: string, reads: (section: Record<string, unknown>) => T): T | undefined => {
    const section = reader.section(tree, key);
    return section === undefined ? undefined : reads(section);
  };
  const config = {
    package: read('package', (s) => readPackage(reader, s)),
    cloudService: read('cloudService', (s) => readCloudService(reader, s)),
    keystore: read('keystore', (s) => readKeystore(reader, s, context.baseDir)),
    serviceUser: read('serviceUser', (s) => readServiceUser(reader, s)),
    ims: read('ims', (s) => readIms(reader, s, context.baseDir)),
    osgi: read('osgi', (s) => readOsgi(reader, s)),
    workspace: read('workspace', (s) => readWorkspace(reader, s, context.baseDir)),
    validation: read('validation', (s) => readValidation(reader, s, context.baseDir)),
  };
  const { package: pkg, cloudService, keystore, serviceUser, ims, osgi, workspace, validation } = config;
  // The OAuth variant of the OSGi templates writes ims.scopes (auth.token.provider.scope, aio.oauth.scopes).
  if (osgi?.flow === 'oauth' && ims !== undefined && ims.scopes === undefined) {
    reader.report('osgi.flow', 'oauth needs the OAuth Server-to-Server scopes; give ims.scopes, like [AdobeID, openid, read_organizations, adobeio_api]');
  }
  const issues = [...reader.issues, ...context.earlierIssues];
  if (issues.length > 0 || !pkg || !cloudService || !serviceUser || !ims || !osgi) {
    throw new ConfigError(context.fileLabel, issues, 'E_CONFIG_FIELD');
  }
  return { package: pkg, cloudService, ...(keystore === undefined ? {} : { keystore }), serviceUser, ims, osgi, ...(workspace === undefined ? {} : { workspace }), ...(validation === undefined ? {} : { validation }) };
}
