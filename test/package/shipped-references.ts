// What the package ships must not point to our research notes (issue 12, points 1 and 8): users
// have neither `../shared` nor the reference files, so templates, dist and the declarations cite
// public sources instead. npm-pack.test.ts runs it on the installed tarball.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The strings that give a reference to our notes away. */
export const FORBIDDEN = ['../shared', 'shared/reference', 'aem-io-events.md', 'filevault-format.md', 'ims-jwt.md', 'peers.md', 'code-style.md', 'performance.md', 'SPEC.md'];

/** Our own issue numbers ("(issue 13)", "issue 11, point 6"): they mean nothing to a user reading a declaration or a template. */
export const ISSUE_NUMBER = /\bissue \d+/gi;

/** Every {@link FORBIDDEN} string and {@link ISSUE_NUMBER} in `files`, as `<file relative to root>: <string>`. */
export function findReferences(files: readonly string[], root: string): string[] {
  return files.flatMap((file) => {
    const text = readFileSync(file, 'latin1');
    const names = [...FORBIDDEN.filter((name) => text.includes(name)), ...(text.match(ISSUE_NUMBER) ?? [])];
    return names.map((name) => `${relative(root, file)}: ${name}`);
  });
}

/**
 * Every path of our own sources (`src/http/answer-cap.ts`, `src/ims/`) that `files` name, as
 * `<file relative to root>: <path>`: the package ships no sources, so a declaration's comment that
 * sends users there points nowhere. Paths of other projects' sources (adobe/aio-lib-ims
 * `src/ims.js`) are not ours and stay.
 */
export function findSourcePaths(files: readonly string[], root: string, repository: string): string[] {
  return files.flatMap((file) => {
    const named = readFileSync(file, 'latin1').match(/\bsrc\/[A-Za-z0-9_./-]*/g) ?? [];
    const ours = named.map((path) => path.replace(/[.]+$/, '')).filter((path) => existsSync(join(repository, path)));
    return [...new Set(ours)].map((path) => `${relative(root, file)}: ${path}`);
  });
}
