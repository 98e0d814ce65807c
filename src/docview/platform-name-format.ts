/**
 * `PlatformNameFormat`: repository names ↔ the file names under `jcr_root/` (FileVault
 * `util/PlatformNameFormat.java`). `\ < > | " / ? %` become `%xx`; a namespace
 * prefix `p:name` becomes `_p_name`; a name that would read like that pattern gets an extra `_`;
 * every other `:` becomes `%3a`. Paths are converted per `/` segment.
 *
 * | repository name     | file name              |
 * | ------------------- | ---------------------- |
 * | `cq:content`        | `_cq_content`          |
 * | `cq:test_image.jpg` | `_cq_test_image.jpg`   |
 * | `_testimage.jpg`    | `_testimage.jpg`       |
 * | `_test_image.jpg`   | `__test_image.jpg`     |
 * | `cq:test:image.jpg` | `_cq_test%3aimage.jpg` |
 * | `_cq:test.jpg`      | `_cq%3atest.jpg` (PlatformNameTest; the Javadoc's `__cq%3atest.jpg` is wrong) |
 * | `:test`, `a?b`      | `%3atest`, `a%3fb`     |
 */
import { javaDigit } from './java-lang.ts';

const ESCAPED = new Set(['\\', '<', '>', '|', '"', '/', '?', '%']);

/** The file-system name of a repository name (`cq:content` → `_cq_content`). */
export function getPlatformName(repositoryName: string): string {
  let out = '_';
  let escapeColon = false;
  let useUnderscore = false;
  let underscores = 0;
  for (let i = 0; i < repositoryName.length; i++) {
    const c = repositoryName[i]!;
    if (c === ':') {
      // Only the first ':' after position 0 and before any '_' separates a prefix.
      if (!escapeColon && i > 0) {
        useUnderscore = true;
        underscores = 2;
        out += '_';
      } else out += '%3a';
      escapeColon = true;
    } else if (c === '_') {
      if (i === 0) useUnderscore = true;
      underscores++;
      escapeColon = true;
      out += c;
    } else if (ESCAPED.has(c)) out += '%' + c.charCodeAt(0).toString(16).padStart(2, '0');
    else out += c;
  }
  return useUnderscore && underscores > 1 ? out : out.slice(1);
}

/** The repository name of a file-system name (`_cq_content` → `cq:content`), exactly as FileVault decodes it. */
export function getRepositoryName(platformName: string): string {
  let out = '_';
  let firstUnderscore = false;
  for (let i = 0; i < platformName.length; i++) {
    let c = platformName.charCodeAt(i);
    if (c === 0x25 /* % */) {
      if (platformName.length > i + 2) {
        const high = javaDigit(platformName.charCodeAt(++i), 16);
        const low = javaDigit(platformName.charCodeAt(++i), 16);
        // Java's (char) cast: a non-hex digit (-1) wraps instead of failing.
        c = (high * 16 + low) & 0xffff;
      }
    } else if (c === 0x5f /* _ */) {
      if (i === 0) {
        firstUnderscore = true;
        if (platformName.length > 1) {
          // The unit after a leading '_' is taken as is, even a '%'.
          c = platformName.charCodeAt(++i);
          if (c === 0x5f) firstUnderscore = false;
          out += String.fromCharCode(c);
        }
        continue;
      } else if (firstUnderscore) {
        c = 0x3a; // ':'
        firstUnderscore = false;
      }
    }
    out += String.fromCharCode(c);
  }
  // A leading '_' that never met a second one was a literal '_'.
  return firstUnderscore ? out : out.slice(1);
}

/** `getPlatformName` applied to every `/` segment (`/content/cq:foo` → `/content/_cq_foo`). */
export function getPlatformPath(repositoryPath: string): string {
  return repositoryPath
    .split('/')
    .map((segment) => (segment.length > 0 ? getPlatformName(segment) : segment))
    .join('/');
}

/** Options of {@link getRepositoryPath}. */
export interface RepositoryPathOptions {
  /**
   * Strip a `.dir` suffix from every segment before decoding it, as FileVault does when it maps a
   * package file back to the node it describes (`DocViewParser.getDocumentViewXmlRootNodePath`,
   * `getRepositoryPath(path, true)`): `x/parent.dir/.content.xml` describes `/x/parent`. A real
   * node named `foo.dir` therefore cannot be represented. (The importer's directory walk decodes
   * first and then strips, which differs only for an encoded dot such as `foo%2edir`.)
   * @default false
   */
  readonly respectDotDir?: boolean;
}

/** `getRepositoryName` applied to every `/` segment (`/content/_cq_foo` → `/content/cq:foo`). */
export function getRepositoryPath(platformPath: string, options: RepositoryPathOptions = {}): string {
  const { respectDotDir = false } = options;
  return platformPath
    .split('/')
    .map((segment) => {
      if (segment.length === 0) return segment;
      return getRepositoryName(respectDotDir && segment.endsWith('.dir') ? segment.slice(0, -4) : segment);
    })
    .join('/');
}
