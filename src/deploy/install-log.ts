/**
 * The install log Package Manager streams back: FileVault's progress lines (`Importer`,
 * `DefaultProgressListener`), one `<action> <path>` per node, text
 * lines around them, and AEM's own lines.
 *
 *     Installing content
 *     Collecting import information...
 *     Importing content...
 *     A /etc/cloudservices/eventproxy/ioevents
 *     U /etc/cloudservices/eventproxy/ioevents/jcr:content
 *     E /conf/x (javax.jcr.nodetype.ConstraintViolationException: …)
 *     Package imported (with errors, check logs!)
 *     First error was javax.jcr.nodetype.ConstraintViolationException: …
 *     Package installed in 122ms.
 *
 * Actions: `A` added, `U` modified, `D` deleted, `R` replaced, `-` unchanged, `!` missing,
 * `E` error, `V` version (`Importer.commit`).
 */

/** The nodes an install touched, by action. */
export interface InstallCounts {
  /** `A` lines. */
  readonly added: number;
  /** `U` lines. */
  readonly updated: number;
  /** `D` lines. */
  readonly deleted: number;
  /** `R` lines. */
  readonly replaced: number;
  /** `-` lines. */
  readonly unchanged: number;
  /** `!` lines. */
  readonly missing: number;
  /** `E` lines. */
  readonly errors: number;
}

/** What the log says. */
export interface InstallLog {
  readonly counts: InstallCounts;
  /** The first error lines (`E …`, then `First error was …`), at most {@link MAX_ERROR_LINES} `E` lines. */
  readonly errorLines: readonly string[];
  /** "Package imported (with errors, check logs!)" (or the simulation's twin) is there. */
  readonly withErrors: boolean;
  /** "Package imported." or AEM's "Package installed in …ms." is there: the import ran to its end. */
  readonly imported: boolean;
  /** The duration AEM reports ("Package installed in 122ms."), if any. */
  readonly installedInMs: number | undefined;
}

/** How many `E` lines a report keeps. */
export const MAX_ERROR_LINES = 5;

const ACTIONS: Readonly<Record<string, keyof InstallCounts>> = { A: 'added', U: 'updated', D: 'deleted', R: 'replaced', '-': 'unchanged', '!': 'missing', E: 'errors' };

/** Reads the log text (CR LF or LF). */
export function parseInstallLog(text: string): InstallLog {
  const counts = { added: 0, updated: 0, deleted: 0, replaced: 0, unchanged: 0, missing: 0, errors: 0 };
  const errorLines: string[] = [];
  let firstError: string | undefined;
  let withErrors = false;
  let imported = false;
  let installedInMs: number | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const action = /^([AUDR\-!EV]) \S/.test(line) ? ACTIONS[line[0]!] : undefined;
    if (action !== undefined) {
      counts[action] += 1;
      if (action === 'errors' && errorLines.length < MAX_ERROR_LINES) errorLines.push(line);
    } else if (/^Package (?:imported|import simulation finished\.) \(with errors/.test(line)) withErrors = true;
    else if (line.startsWith('First error was ')) firstError ??= line;
    else if (line === 'Package imported.') imported = true;
    else {
      const installed = /^Package installed in (\d+)\s*ms\.?$/.exec(line);
      if (installed) {
        imported = true;
        installedInMs = Number(installed[1]);
      }
    }
  }
  if (withErrors) imported = true;
  return { counts, errorLines: firstError === undefined ? errorLines : [...errorLines, firstError], withErrors, imported, installedInMs };
}

/** True when the log shows an error: an `E` line or "with errors". */
export function hasInstallErrors(log: InstallLog): boolean {
  return log.counts.errors > 0 || log.withErrors;
}
