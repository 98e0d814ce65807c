/**
 * `buildPackage()`: the main job. Reads as the steps it takes: configuration → template →
 * template inputs (keystore, key) and context → nodes → package entries → zip → write.
 */
import { createHash } from 'node:crypto';
import { dirname, relative, resolve } from 'node:path';
import { VerdictError } from '../errors.ts';
import { isCloudManagerReference } from '../config/cloud-service-rules.ts';
import { readChosenConfig, type ConfigChoice } from '../config/read-config.ts';
import { redact } from '../http/redact.ts';
import type { IoEventsConfig } from '../config/types.ts';
import { makeOutputFolder } from '../fs/make-output-folder.ts';
import { writeFileAtomic, type WriteOutcome } from '../fs/write-file-atomic.ts';
import { createZipArchive } from '../packaging/archive.ts';
import { hasFailingFindings, type Finding, type FindingCounts } from '../inspect/finding.ts';
import { inspectPackage } from '../inspect/inspect-package.ts';
import { choiceFromConfig, loadValidationSettings } from '../inspect/validation-files.ts';
import type { ValidationSettings } from '../inspect/validation-settings.ts';
import { createContentPackage } from '../packaging/content-package.ts';
import { formatPackageId, getDownloadName, type PackageId } from '../packaging/package-id.ts';
import type { PackageProperties } from '../packaging/package-properties.ts';
import { renderTemplate, type RenderedName } from '../template/render-template.ts';
import { getContextValue, SECRET_CONTEXT_KEYS, type TemplateContext } from '../template/template-context.ts';
import type { SecretSink } from '../secrets/secret-registry.ts';
import { DEFAULT_TEMPLATE, findTemplateAliasWarning, readTemplate } from '../template/template.ts';
import { formatFlowMismatchWarning, formatSetupWarnings, selectTemplateFlow } from '../template/template-support.ts';
import { getBuildTime } from './build-time.ts';
import { CREATED_BY, whyKeepExistingZip } from './earlier-build.ts';
import { createMavenEntries, parseMavenCoordinates, type MavenCoordinates } from './maven-artifact.ts';
import { selectPackageDependencies } from './package-dependencies.ts';
import { readTemplateInputs } from './template-inputs.ts';

/** Options of {@link buildPackage}; everything has a default. */
export interface BuildOptions extends ConfigChoice {
  /** Configuration file; default `aem-ioevents.yaml` in `cwd`. */
  readonly config?: string;
  /** An entry of `environments` to merge over the rest. */
  readonly envName?: string;
  /** Output folder; default `dist`. */
  readonly out?: string;
  /** Built-in template name or a folder; default {@link DEFAULT_TEMPLATE}. */
  readonly template?: string;
  /** Replace an existing zip with other content; without it only an earlier build of the same package id by this tool is replaced. */
  readonly force?: boolean;
  /** `GROUP:ARTIFACT`: add `META-INF/maven/<g>/<a>/pom.properties` and `pom.xml` (version: the package's). */
  readonly maven?: string;
  /** Folder that `config`, `out` and a template folder resolve against. @default process.cwd() */
  readonly cwd?: string;
  /** Variables: the configuration's `${NAME}`, `IOEVENTS_IMS_URL`, `SOURCE_DATE_EPOCH`. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The clock, used when `SOURCE_DATE_EPOCH` is not set. */
  readonly now?: () => Date;
}

/** What `build` did. Holds no secret. */
export interface BuildResult {
  readonly ok: true;
  /** The zip, absolute. */
  readonly file: string;
  /** The zip relative to `cwd`, as shown to the user. */
  readonly displayPath: string;
  readonly outcome: WriteOutcome;
  readonly packageId: string;
  readonly template: string;
  readonly created: string;
  readonly size: number;
  readonly sha256: string;
  readonly filterRoots: readonly string[];
  readonly entries: readonly string[];
  /** The Maven coordinates written into the zip (`--maven`), if any. */
  readonly maven?: MavenCoordinates;
  /**
   * The template context keys of the secrets the zip holds because the template puts them there
   * (the client secret, the keystore, the private key); when there is one, the zip is written
   * with mode 0600, as keygen writes the keys.
   */
  readonly heldSecrets: readonly string[];
  /** Names the package uses that were not confirmed on a real AEM. */
  readonly inferredNames: readonly RenderedName[];
  /** What FileVault's validator rules say about the zip (`aem-ioevents inspect` lists them). */
  readonly validation: FindingCounts;
  readonly warnings: readonly string[];
}

/** The result of a build whose output would not validate; nothing was written. */
export interface FailedBuildResult {
  readonly ok: false;
  readonly packageId: string;
  readonly findings: readonly Finding[];
}

/** Builds the content package described by the configuration and writes it atomically. */
export async function buildPackage(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const loaded = await readChosenConfig(options, cwd, env);
  const { config } = loaded;
  const maven = options.maven === undefined ? undefined : parseMavenCoordinates(options.maven, config.package.version);
  // The validation: section's CND files are read before anything is rendered: a wrong one is bad input.
  const settings = await loadValidationSettings(choiceFromConfig(config.validation) ?? {}, cwd);
  const templateName = options.template ?? DEFAULT_TEMPLATE;
  const template = await readTemplate(templateName, cwd);
  const now = options.now ?? (() => new Date());
  const inputs = await readTemplateInputs({ config, template, cwd, now: now() });
  // Which setups still work (issue 12, point 8): the JWT end of life and the flow's notices.
  const flowMismatch = formatFlowMismatchWarning(template, config.osgi.flow, !loaded.defaulted.includes('osgi.flow'));
  const setupWarnings = [findTemplateAliasWarning(templateName) ?? [], flowMismatch ?? [], formatSetupWarnings(template, selectTemplateFlow(template, config.osgi.flow), now())].flat();
  const secrets = secretValues(inputs.context, options.secrets);
  const created = getBuildTime(env, now);
  const rendered = renderTemplate(template, inputs.context);
  const dependencies = selectPackageDependencies(loaded, template.packageType, template.name);
  const id: PackageId = { group: config.package.group, name: config.package.name, version: config.package.version };
  const entries = createContentPackage({
    properties: packageProperties(config, template.packageType, created, dependencies.dependencies),
    filter: rendered.filter,
    nodes: rendered.nodes,
    files: rendered.files,
    namespaces: template.namespaces,
    ...(maven !== undefined && { extraEntries: createMavenEntries(maven, config.package.description) }),
  });
  const zip = await createZipArchive(entries, { mtime: created });
  const validation = await validateOutput(zip, id, secrets, settings);
  const file = resolve(cwd, options.out ?? 'dist', getDownloadName(id));
  const displayPath = relative(cwd, file) || file;
  await makeOutputFolder(dirname(file));
  // Our own earlier build of this id is replaced without --force (earlier-build.ts).
  const whyKeep = (existing: Uint8Array) => whyKeepExistingZip(existing, id);
  // A Cloud Manager reference (`$[secret:NAME]`) names a secret that AEM fills in at run time: not one held.
  const heldSecrets = PACKAGED_SECRET_KEYS.filter((key) => rendered.usedKeys.has(key) && !isReference(inputs.context[key]));
  // A zip with a secret in it is as secret as the key files keygen writes (0600): readable by its owner only.
  const mode = heldSecrets.length > 0 ? 0o600 : 0o644;
  const outcome = await writeFileAtomic(file, zip, { force: options.force ?? false, label: displayPath, whyKeep, mode });
  return {
    ok: true,
    file,
    displayPath,
    outcome,
    packageId: formatPackageId(id),
    template: template.name,
    created: created.toISOString(),
    size: zip.length,
    sha256: createHash('sha256').update(zip).digest('hex'),
    filterRoots: rendered.filter.filterSets.map((set) => set.root),
    entries: entries.map((entry) => entry.path),
    ...(maven !== undefined && { maven }),
    heldSecrets,
    inferredNames: rendered.names.filter((name) => name.status === 'inferred'),
    validation,
    warnings: [...loaded.warnings, ...setupWarnings, ...inputs.warnings, ...dependencies.warnings],
  };
}

/** The context keys whose values make the zip a secret: the secret values, and the keystore's bytes (the private key under the keystore password). */
export const PACKAGED_SECRET_KEYS: readonly string[] = [...SECRET_CONTEXT_KEYS, 'keystore.bytes'];

// The same rules as `inspect`, on the bytes about to be written: a template that makes an invalid
// package is caught here, and nothing is written (issue 4, point 6). The configuration's
// validation: section applies, as it does to `inspect --config` (issue 12, point 7). A finding may quote a property
// value (docview-parser: "Invalid string serialization … : '<value>'"); a user template can put a
// secret into such a property, so the secrets are blanked out of the messages and the JSON.
async function validateOutput(zip: Uint8Array, id: PackageId, secrets: readonly string[], validation: ValidationSettings): Promise<FindingCounts> {
  const { findings: found, counts } = await inspectPackage({ bytes: zip }, { name: getDownloadName(id), validation });
  if (hasFailingFindings(found)) {
    const findings = found.map((finding) => ({ ...finding, message: redact(finding.message, secrets) }));
    const errors = findings.filter((f) => f.severity === 'error');
    const listed = errors.slice(0, 10).map((f) => `  ${f.validator} ${f.nodePath ?? f.path}: ${f.message}`);
    const more = counts.errors > 10 ? [`  … ${counts.errors - 10} more (--json lists ${counts.errors === errors.length ? 'them all' : `the first ${errors.length}`})`] : [];
    const result: FailedBuildResult = { ok: false, packageId: formatPackageId(id), findings };
    throw new VerdictError([`the package would not validate (${counts.errors} errors); nothing was written:`, ...listed, ...more].join('\n'), result, { code: 'E_VALIDATION' });
  }
  return counts;
}

// The secret values of the context (the private key among them), registered with the caller's
// secrets too, so that no output of the run shows them.
function secretValues(context: TemplateContext, secrets: SecretSink | undefined): string[] {
  return SECRET_CONTEXT_KEYS.flatMap((key) => {
    const value = getContextValue(context, key);
    if (typeof value !== 'string') return [];
    secrets?.add(value, `template context ${key}`);
    return [value];
  });
}

function packageProperties(config: IoEventsConfig, packageType: PackageProperties['packageType'], created: Date, dependencies: readonly string[]): PackageProperties {
  return {
    group: config.package.group,
    name: config.package.name,
    version: config.package.version,
    description: config.package.description,
    created: created.toISOString(),
    createdBy: CREATED_BY,
    ...(packageType !== undefined && { packageType }),
    dependencies,
  };
}

function isReference(value: unknown): boolean {
  return typeof value === 'string' && isCloudManagerReference(value);
}
