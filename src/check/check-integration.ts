/**
 * `checkIntegration()`: the conductor of `aem-ioevents check`. As steps: options →
 * targets → the template's checks → the configuration, when one is named (its secrets join
 * the run's redaction) → credentials → every target at once → one result with the exit codes
 * combined as deploy combines them (2 before 1 before 3). Bad input throws `InputError` (exit 2)
 * before anything is sent; what a target answers, or fails to, is that target's result.
 */
import { readChosenConfig } from '../config/read-config.ts';
import type { AemConnection } from '../deploy/aem-request.ts';
import { readAemCredentials } from '../deploy/credentials.ts';
import { combineExitCodes } from '../deploy/deploy-result.ts';
import { normalizeTargets } from '../deploy/targets.ts';
import { InputError } from '../errors.ts';
import { createHttpFetch, getProxyFor, getProxySettings, type FetchLike } from '../http/http-fetch.ts';
import { DEFAULT_TEMPLATE, findTemplateAliasWarning, readTemplate, type Template, type TemplateCheck } from '../template/template.ts';
import { normalizeCheckOptions, type CheckOptions, type NormalizedCheckOptions } from './check-options.ts';
import type { CheckResult } from './check-result.ts';
import { checkTarget } from './check-target.ts';

/** Asks every target's own checks of the integration the template configures. */
export async function checkIntegration(input: CheckOptions = {}): Promise<CheckResult> {
  const options = normalizeCheckOptions(input);
  const targets = normalizeTargets({ targets: options.targets, env: options.env });
  const templateName = options.template ?? DEFAULT_TEMPLATE;
  const template = await readTemplate(templateName, options.cwd);
  const checks = selectChecks(template, options.ping);
  const warnings = [findTemplateAliasWarning(templateName) ?? []].flat();
  if (options.ping && !template.checks.some((c) => c.kind === 'status' && c.ping)) warnings.push(`--ping: template ${template.name} has no check that publishes an event; nothing more was asked`);
  // The configuration adds nothing to the questions; read when named, so that its secrets are
  // blanked out of everything AEM answers (a message can quote a client secret).
  if (options.config !== undefined || options.envName !== undefined) warnings.push(...(await readChosenConfig(options, options.cwd, options.env)).warnings);
  const credentials = readAemCredentials({ user: options.user, env: options.env });
  const http = options.fetch ? { fetch: options.fetch, close: async () => {} } : await createHttpFetch(options.env);
  try {
    const results = await Promise.all(
      targets.map((target) => checkTarget({ target, connection: connect(target.url, http.fetch, credentials, options), checks, strict: options.strict, waitMs: options.waitMs, requestTimeoutMs: options.requestTimeoutMs, now: options.now, sleep: options.sleep, onRetry: options.onRetry })),
    );
    const exitCode = combineExitCodes(results.map((r) => r.exitCode));
    return { ok: exitCode === 0, exitCode, template: template.name, strict: options.strict, targets: results, warnings };
  } finally {
    await http.close();
  }
}

/** The template's checks that run: all but those that act, unless `ping`. Throws when none is left. */
export function selectChecks(template: Template, ping: boolean): TemplateCheck[] {
  const checks = template.checks.filter((c) => c.kind === 'health' || !c.ping || ping);
  if (checks.length === 0) {
    throw new InputError(`template ${template.name} names no checks: add a checks: section to its template.yaml (a Sling health-check tag, or an add-on status servlet path; see the built-in templates)`, { code: 'E_CHECK_TEMPLATE' });
  }
  return checks;
}

function connect(url: string, fetch: FetchLike, credentials: AemConnection['credentials'], options: NormalizedCheckOptions): AemConnection {
  return { fetch, credentials, proxy: options.fetch ? undefined : getProxyFor(url, getProxySettings(options.env)) };
}
