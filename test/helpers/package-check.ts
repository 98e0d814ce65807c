import { runJava } from './java.ts';

/** What Java's zip and properties classes read from one package (test/java/PackageCheck.java). */
export interface JavaPackageView {
  readonly entries: { name: string; method: string; size: number; crc: string; sha256: string; time: string }[];
  readonly properties: Record<string, string>;
  readonly xml: Record<string, string>;
  readonly errors: string[];
}

/** Reads each zip with Java (one JVM for all of them) and returns one view per zip, in order. */
export function readPackagesWithJava(zips: readonly string[]): JavaPackageView[] {
  const result = runJava('PackageCheck', zips);
  if (result.status !== 0) throw new Error(`PackageCheck failed: ${result.stderr}`);
  const views: JavaPackageView[] = [];
  let view: JavaPackageView | undefined;
  for (const line of result.stdout.split('\n').filter(Boolean)) {
    const [kind, ...rest] = tokens(line);
    if (kind === 'package') views.push((view = { entries: [], properties: {}, xml: {}, errors: [] }));
    else if (view === undefined) throw new Error(`PackageCheck: output before a package line: ${line}`);
    else if (kind === 'entry') {
      const [name = '', method = '', size = '0', crc = '', sha256 = '', time = ''] = rest;
      view.entries.push({ name, method, size: Number(size), crc, sha256, time });
    } else if (kind === 'property') view.properties[rest[0]!] = rest[1]!;
    else if (kind === 'xml') view.xml[rest[0]!] = rest.slice(1).join(' ');
    else if (kind === 'error') view.errors.push(rest.join(' '));
  }
  return views;
}

// Words, where a word may be a JSON string.
function tokens(line: string): string[] {
  const out: string[] = [];
  const pattern = /"(?:[^"\\]|\\.)*"|\S+/g;
  for (const [token] of line.matchAll(pattern)) out.push(token.startsWith('"') ? (JSON.parse(token) as string) : token);
  return out;
}
