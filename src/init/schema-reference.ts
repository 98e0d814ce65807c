/**
 * Where the first line of a starter configuration points the YAML language server: the JSON Schema
 * of the installed package, relative to the configuration's folder, so that editors find it
 * offline and the reference stays true on every machine that installs the project.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { CONFIG_SCHEMA_FILE } from '../config/json-schema.ts';
import { getInstalledPackage } from '../package-root.ts';

/** The reference, and whether the schema is at that place now. */
export interface SchemaReference {
  /** `./node_modules/aem-ioevents/schema/aem-ioevents.schema.json`, or `../node_modules/…` from a subfolder. */
  readonly reference: string;
  readonly installed: boolean;
}

/**
 * The reference for a configuration written to `configFile`. When the running aem-ioevents is
 * installed in a `node_modules` of the file's folder or a folder above it, that copy; otherwise
 * (npx from its cache, a global install, a checkout of aem-ioevents) the copy that
 * `npm install --save-dev aem-ioevents` will put into the nearest project (the nearest folder with a
 * `package.json`, or the file's own folder).
 */
export function findSchemaReference(configFile: string, packageDir: string = getInstalledPackage().dir): SchemaReference {
  const folder = dirname(configFile);
  const name = getInstalledPackage().manifest.name;
  const running = toReference(relative(folder, join(packageDir, CONFIG_SCHEMA_FILE)));
  if (running === toReference(join(...upTo(running), 'node_modules', name, CONFIG_SCHEMA_FILE))) return { reference: running, installed: true };
  const project = findProjectFolder(folder) ?? folder;
  const schema = join(project, 'node_modules', name, CONFIG_SCHEMA_FILE);
  return { reference: toReference(relative(folder, schema)), installed: existsSync(schema) };
}

// The leading `../` segments of a relative reference: how far up its node_modules is.
function upTo(reference: string): string[] {
  return (/^(?:\.\.\/)*/.exec(reference)?.[0] ?? '').split('/').filter((part) => part === '..');
}

// Forward slashes (the schema reference is a URI reference), `./` before a path that does not climb.
function toReference(path: string): string {
  const posix = path.split(sep).join('/');
  return posix.startsWith('../') ? posix : `./${posix}`;
}

function findProjectFolder(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
