/**
 * Which setups still work: for each flow of a template, the AEM versions that
 * take it, whether it can still get tokens from Adobe IMS, and what else users must know. The JWT
 * end of life comes from src/ims/end-of-life.ts, the notices from setup-notices.ts: one place each.
 */
import { describeJwtTokens, formatJwtFlowWarning } from '../ims/end-of-life.ts';
import { SETUP_NOTICES } from './setup-notices.ts';
import type { Template, TemplateFlow, TemplateFlowName } from './template.ts';

/** One flow of a template as `templates` shows it. */
export interface FlowSupport {
  readonly flow: TemplateFlowName;
  readonly aem: readonly string[];
  /** True when Adobe IMS still gives this flow tokens on the day asked. */
  readonly canGetTokens: boolean;
  /** The token status in words (`yes`, or why not). */
  readonly tokens: string;
  /** The texts of the flow's setup notices. */
  readonly caveats: readonly string[];
}

/** Every flow of `template` with its AEM versions and token status on `now`. */
export function describeTemplateFlows(template: Template, now: Date): FlowSupport[] {
  return template.flows.map((f) => ({
    flow: f.flow,
    aem: f.aem,
    ...(f.flow === 'jwt' ? describeJwtTokens(now) : { canGetTokens: true, tokens: 'yes' }),
    caveats: f.caveats.map((id) => SETUP_NOTICES[id]),
  }));
}

/**
 * The flow a build of `template` writes: its only flow, or the one `osgi.flow` chooses; undefined
 * for a template that lists no flows, or none matching (a user's template that does not say).
 */
export function selectTemplateFlow(template: Template, osgiFlow: TemplateFlowName): TemplateFlow | undefined {
  if (template.flows.length === 1) return template.flows[0];
  return template.flows.find((f) => f.flow === osgiFlow);
}

/**
 * The warning of a build whose configuration chose `osgi.flow` (not its default) for a template
 * that cannot write that flow: `init --flow oauth` followed by a plain `build` would otherwise
 * make the default template's JWT package with only the JWT warning, whose advice ("set
 * osgi.flow: oauth") the configuration already follows.
 */
export function formatFlowMismatchWarning(template: Template, osgiFlow: TemplateFlowName, chosen: boolean): string | undefined {
  if (!chosen || template.flows.length === 0 || template.flows.some((f) => f.flow === osgiFlow)) return undefined;
  const others = template.flows.map((f) => f.flow).join(' and ');
  return `the configuration sets osgi.flow: ${osgiFlow}, but template ${template.name} writes only the ${others} flow; the package is built for ${others}. For ${osgiFlow}, build --template with one that writes it (aem-ioevents templates lists them)`;
}

/** The warnings of a build that writes `flow` of `template`: the JWT end of life, then the flow's notices. */
export function formatSetupWarnings(template: Template, flow: TemplateFlow | undefined, now: Date): string[] {
  if (flow === undefined) return [];
  const jwt = flow.flow === 'jwt' ? [formatJwtFlowWarning(`template ${template.name} writes`, now)] : [];
  return [...jwt, ...flow.caveats.map((id) => SETUP_NOTICES[id])];
}
