// What a folder written by writeFilesTogether holds, as plain strings a test can compare exactly.
// A set folder `set-<pid>-<hex>` is shown as `set[<its secret.key>]`, so snapshots do not depend
// on process ids or random names; the lock's target is shown as `lock`.
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

const OWN = /^(set|next|link|lock)-\d+-[0-9a-f]{12}$/u;

function showName(folder: string, entry: string): string {
  const kind = OWN.exec(entry)?.[1];
  if (kind === undefined) return entry;
  if (kind !== 'set') return kind;
  const key = join(folder, entry, 'secret.key');
  return `set[${existsSync(key) ? readFileSync(key, 'utf8') : '-'}]`;
}

/** Every entry below `dir`, as lines sorted by what they show: `name: file 600 <content>`, `name -> target`, `name/: dir 700`. */
export function snapshot(dir: string, prefix = ''): string[] {
  const lines: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    const shown = prefix + showName(dir, entry);
    const stat = lstatSync(path);
    const mode = (stat.mode & 0o777).toString(8);
    if (stat.isSymbolicLink()) {
      const target = readlinkSync(path);
      lines.push(`${shown} -> ${OWN.test(target) ? showName(dir, target) : target}`);
    } else if (stat.isDirectory()) {
      lines.push(`${shown}/: dir ${mode}`, ...snapshot(path, `${shown}/`));
    } else {
      lines.push(`${shown}: file ${mode} ${readFileSync(path, 'utf8')}`);
    }
  }
  return prefix === '' ? lines.sort() : lines;
}

/** What a user (or AEM, or openssl) reading `names` in `dir` sees: the content through the links, or `-` for none. */
export function visible(dir: string, names: readonly string[]): string[] {
  return names.map((name) => `${name}: ${existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : '-'}`);
}
