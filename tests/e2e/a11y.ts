// Shared axe-core audit for the E2E specs: runs axe (WCAG 2.0/2.1 A and AA plus
// best practices) over the page, or the part of it a locator/selector names, and fails
// with every serious or critical violation spelled out (rule, impact, the elements'
// selectors and axe's help text), so a failure says what to fix without a rerun.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const

export interface AuditOptions {
  /** CSS selectors to audit (default: the whole page). */
  include?: string | string[]
  /** CSS selectors to leave out (e.g. a part another spec owns). */
  exclude?: string | string[]
  /** Rule ids to skip, each with the reason in the calling spec. */
  disableRules?: string[]
}

export interface AxeFinding {
  id: string
  impact: string
  help: string
  helpUrl: string
  targets: string[]
}

const SEVERE = new Set(['serious', 'critical'])

const asList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value])

/** Runs axe and returns every violation (all impacts), for specs that want to count them. */
export async function auditPage(page: Page, options: AuditOptions = {}): Promise<AxeFinding[]> {
  let builder = new AxeBuilder({ page }).withTags([...AXE_TAGS])
  for (const selector of asList(options.include)) builder = builder.include(selector)
  for (const selector of asList(options.exclude)) builder = builder.exclude(selector)
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules)
  const results = await builder.analyze()
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    helpUrl: v.helpUrl,
    targets: v.nodes.map((n) => n.target.map(String).join(' '))
  }))
}

/** One readable line per violation: "rule (impact): help — targets". */
export function describeFindings(findings: readonly AxeFinding[]): string {
  return findings.map((f) => `${f.id} (${f.impact}): ${f.help} — ${f.targets.join(', ')} [${f.helpUrl}]`).join('\n')
}

/**
 * Fails the test when axe finds a serious or critical violation in the page (or in
 * `options.include`); `context` names the state audited, for the failure message.
 */
export async function expectNoSeriousViolations(page: Page, context = 'page', options: AuditOptions = {}): Promise<AxeFinding[]> {
  const findings = await auditPage(page, options)
  const severe = findings.filter((f) => SEVERE.has(f.impact))
  expect(severe, `axe: serious/critical violations in ${context}:\n${describeFindings(severe)}`).toEqual([])
  return findings
}
