import { InputError } from '../errors.ts';
import type { CommandSpec } from './command.ts';
import { toConfigOptions, withConfigOptions } from './config-options.ts';
import type { BuildResult } from '../build/build-package.ts';

interface BuildArgs {
  readonly config?: string;
  readonly env?: string;
  readonly out?: string;
  readonly template?: string;
  readonly force: boolean;
  readonly maven?: string;
}

/** `aem-ioevents build`: configuration → FileVault content package zip. */
export const build: CommandSpec = {
  command: 'build',
  describe: 'Render the configuration into a FileVault content package zip',
  builder: (yargs) =>
    withConfigOptions(yargs)
      // No yargs default: a bare `--out` must be an error, not the default (as keygen).
      .option('out', { type: 'string', defaultDescription: 'dist', describe: 'Folder the zip is written to' })
      .option('template', { type: 'string', describe: 'Built-in template name (aem-ioevents templates lists them), or a folder with template.yaml', defaultDescription: 'cloudservice-6.3' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace an existing zip that is not an earlier build of the same package id' })
      .option('maven', { type: 'string', describe: 'GROUP:ARTIFACT: add META-INF/maven/<g>/<a>/pom.properties and pom.xml (version: package.version)' })
      .option('json', { type: 'boolean', default: false, describe: 'Print one JSON object' }),
  async run(rawArgs, io) {
    const args = rawArgs as unknown as BuildArgs;
    // A bare `--out` arrives as '' and would write into the working directory (as keygen says it).
    if (args.out?.trim() === '') throw new InputError('--out needs a folder, e.g. --out dist', { code: 'E_USAGE' });
    const { buildPackage } = await import('../build/build-package.ts');
    const result = await buildPackage({
      cwd: io.cwd,
      env: io.env,
      now: io.now,
      out: args.out ?? 'dist',
      force: args.force,
      ...toConfigOptions(args, io),
      ...(args.template !== undefined && { template: args.template }),
      ...(args.maven !== undefined && { maven: args.maven }),
    });
    return { exitCode: 0, json: result, text: formatBuildResult(result), warnings: result.warnings };
  },
};

// How the report names each kind of inferred name (RenderedName['kind']).
const NAME_KINDS: Readonly<Record<BuildResult['inferredNames'][number]['kind'], string>> = { filter: 'filter root', node: 'node', property: 'property', file: 'file' };

// How the report names the secrets a zip holds (BuildResult['heldSecrets']).
const SECRET_WORDS: Readonly<Record<string, string>> = {
  'cloudService.clientSecret': 'the client secret',
  'keystore.protectedPassword': 'the keystore password (protected by AEM)',
  'privateKey.encodedPkcs8': 'the private key',
  'keystore.bytes': 'the keystore (store.p12)',
};

/** The human report of a build. */
export function formatBuildResult(result: BuildResult): string {
  const verb = result.outcome === 'unchanged' ? 'unchanged' : result.outcome === 'replaced' ? 'replaced' : 'wrote';
  const lines = [
    `${verb} ${result.displayPath} (${result.size} bytes, sha256 ${result.sha256})`,
    `  package  ${result.packageId} (template ${result.template}, created ${result.created})`,
    `  checked  ${result.validation.errors} errors, ${result.validation.warnings} warnings by FileVault's validator rules (aem-ioevents inspect lists them)`,
    ...(result.maven ? [`  maven    ${result.maven.groupId}:${result.maven.artifactId}:${result.maven.version}`] : []),
    ...result.filterRoots.map((root, i) => `  ${i === 0 ? 'filter ' : '       '}  ${root}`),
    ...result.entries.map((entry, i) => `  ${i === 0 ? 'entries' : '       '}  ${entry}`),
  ];
  if (result.inferredNames.length > 0) {
    lines.push(`  ${result.inferredNames.length} names are inferred, not confirmed on a real AEM (the template marks them; see README, "Templates"):`);
    // A filter root and its node share a path: the kind tells the two lines apart.
    for (const name of result.inferredNames) lines.push(`           ${name.path} (${NAME_KINDS[name.kind]})`);
  }
  // Last, where a terminal leaves it in sight: the zip is no file to share.
  if (result.heldSecrets.length > 0) {
    lines.push(`  secrets  ${result.heldSecrets.map((key) => SECRET_WORDS[key] ?? key).join(', ')}: put there by the template; the zip is readable by you only (mode 0600): keep it out of version control and shared build artefacts`);
  }
  return lines.join('\n');
}
