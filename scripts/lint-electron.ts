// Electronegativity (Doyensec's Electron security scanner) over the sources, checked
// against a reviewed allowlist: any finding the allowlist does not explain fails, and
// so does an allowlist entry that no longer matches anything (it would hide the next
// finding of its kind). .ci/run runs this before `npm test`.
//
//   npm run lint:electron [-- --input src] [--allowlist security/electronegativity-allowlist.json] [--json report.json]
//
// Why the TypeScript sources (src/) and not the bundle (out/): the findings are the
// same (the scanner parses TypeScript), they point at the file and line a developer
// edits, and the check needs no build. src/renderer/index.html carries the page's CSP.
//
// Electronegativity fetches translations and Electron's release list over the network
// at start. CI has no internet, and this check must not depend on it: `got` is replaced
// by a function that fails at once, the tool falls back to its bundled English texts,
// and the Electron version is read from the installed package instead of guessed.
import { readFileSync, writeFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export interface Finding {
  check: string
  /** Relative to the scanned folder, '/'-separated. */
  file: string
  line: number
  column: number
  severity: string
  confidence: string
  description: string
  manualReview: boolean
}

export interface AllowlistEntry {
  check: string
  file: string
  /** How many findings of this check in this file the reason covers (default 1). */
  count?: number
  reason: string
}

export interface Verdict {
  allowed: Array<{ finding: Finding; reason: string }>
  unexplained: Finding[]
  /** Entries that match fewer findings than they claim (fixed, or the code moved). */
  stale: Array<{ entry: AllowlistEntry; found: number }>
  /** Entries that cannot count as a review. */
  invalid: Array<{ entry: unknown; problem: string }>
}

/** A reason is a sentence a reviewer wrote, not a placeholder. */
const MIN_REASON_LENGTH = 40

export function validateAllowlist(raw: unknown): { entries: AllowlistEntry[]; invalid: Verdict['invalid'] } {
  const entries: AllowlistEntry[] = []
  const invalid: Verdict['invalid'] = []
  if (!Array.isArray(raw)) return { entries, invalid: [{ entry: raw, problem: 'the allowlist must be a JSON array' }] }
  for (const entry of raw) {
    const e = entry as Partial<AllowlistEntry>
    if (!e || typeof e !== 'object') invalid.push({ entry, problem: 'not an object' })
    else if (typeof e.check !== 'string' || !/^[A-Z0-9_]+$/.test(e.check)) invalid.push({ entry, problem: 'check must be a check id such as OPEN_EXTERNAL_JS_CHECK' })
    else if (typeof e.file !== 'string' || !e.file || path.isAbsolute(e.file)) invalid.push({ entry, problem: 'file must be a path relative to the scanned folder' })
    else if (e.count !== undefined && (!Number.isInteger(e.count) || e.count < 1)) invalid.push({ entry, problem: 'count must be a positive integer' })
    else if (typeof e.reason !== 'string' || e.reason.trim().length < MIN_REASON_LENGTH || /\b(TODO|FIXME|TBD)\b/i.test(e.reason)) {
      invalid.push({ entry, problem: `reason must explain the finding (at least ${MIN_REASON_LENGTH} characters, no TODO)` })
    } else entries.push({ check: e.check, file: e.file, count: e.count, reason: e.reason })
  }
  return { entries, invalid }
}

/** Matches findings to entries by check and file; an entry covers at most `count` findings. */
export function compareWithAllowlist(findings: Finding[], raw: unknown): Verdict {
  const { entries, invalid } = validateAllowlist(raw)
  const verdict: Verdict = { allowed: [], unexplained: [], stale: [], invalid }
  const used = new Map<AllowlistEntry, number>()
  for (const finding of findings) {
    const entry = entries.find((e) => e.check === finding.check && e.file === finding.file && (used.get(e) ?? 0) < (e.count ?? 1))
    if (!entry) {
      verdict.unexplained.push(finding)
      continue
    }
    used.set(entry, (used.get(entry) ?? 0) + 1)
    verdict.allowed.push({ finding, reason: entry.reason })
  }
  for (const entry of entries) {
    const found = used.get(entry) ?? 0
    if (found < (entry.count ?? 1)) verdict.stale.push({ entry, found })
  }
  return verdict
}

interface RawIssue {
  id: string
  file: string
  location: { line: number; column: number }
  severity: { name: string }
  confidence: { name: string }
  description: string
  manualReview: boolean
}

interface RunResult {
  issues: RawIssue[]
  errors: Array<{ file: string; message: string; tolerable: boolean }>
  globalChecks: number
  atomicChecks: number
}

const require = createRequire(import.meta.url)

/** Runs Electronegativity in process, with its network calls failing at once. */
export async function scan(input: string): Promise<{ findings: Finding[]; errors: RunResult['errors']; checks: number; electron: string; tool: string }> {
  const loader = Module as unknown as { _load: (request: string, parent: { filename?: string } | null, isMain: boolean) => unknown }
  const load = loader._load
  loader._load = function (request, parent, isMain) {
    if (request === 'got' && parent?.filename?.includes(`${path.sep}@doyensec${path.sep}electronegativity${path.sep}`)) {
      return () => Promise.reject(new Error('Gloss runs Electronegativity offline'))
    }
    return load.call(this, request, parent, isMain)
  }
  try {
    const electron = (require('electron/package.json') as { version: string }).version
    const tool = (require('@doyensec/electronegativity/package.json') as { version: string }).version
    const imported = require('@doyensec/electronegativity') as { default?: unknown }
    const run = (imported.default ?? imported) as (options: Record<string, unknown>, forCli: boolean) => Promise<RunResult>
    // Its messages about the failed downloads say nothing about the code: left out.
    const log = console.log
    console.log = (...parts: unknown[]) => {
      if (!/translations for the current locale|Electron's new releases|Electron's releases/.test(String(parts[0]))) log(...parts)
    }
    let result: RunResult
    try {
      result = await run(
        { input, isRelative: true, electronVersionOverride: electron, customScan: [], excludeFromScan: [], parserPlugins: [] },
        false
      )
    } finally {
      console.log = log
    }
    const findings = result.issues
      .map((issue) => ({
        check: issue.id,
        file: issue.file.split(path.sep).join('/'),
        line: issue.location.line,
        column: issue.location.column,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        description: issue.description,
        manualReview: issue.manualReview
      }))
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.check.localeCompare(b.check))
    return { findings, errors: result.errors, checks: result.globalChecks + result.atomicChecks, electron, tool }
  } finally {
    loader._load = load
  }
}

function option(args: string[], name: string, fallback: string): string {
  const at = args.indexOf(name)
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback
}

async function main(): Promise<number> {
  const args = process.argv.slice(2)
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const input = path.resolve(root, option(args, '--input', 'src'))
  const allowlistPath = path.resolve(root, option(args, '--allowlist', 'security/electronegativity-allowlist.json'))
  const report = args.includes('--json') ? path.resolve(option(args, '--json', 'electronegativity-report.json')) : null

  const { findings, errors, checks, electron, tool } = await scan(input)
  const verdict = compareWithAllowlist(findings, JSON.parse(readFileSync(allowlistPath, 'utf8')))
  const unparsed = errors.filter((e) => !e.tolerable)
  const where = (f: Finding) => `${f.file}:${f.line}:${f.column}`

  console.log(`\nElectronegativity ${tool}: ${checks} checks over ${path.relative(root, input) || '.'} (Electron ${electron})`)
  for (const { finding, reason } of verdict.allowed) console.log(`  allowed     ${finding.check} ${where(finding)}\n              ${reason}`)
  for (const f of verdict.unexplained) {
    console.log(`  NOT ALLOWED ${f.check} ${where(f)} [${f.severity}/${f.confidence}${f.manualReview ? ', review' : ''}]\n              ${f.description}`)
  }
  for (const { entry, found } of verdict.stale) {
    console.log(`  STALE       ${entry.check} ${entry.file}: the allowlist explains ${entry.count ?? 1}, the scan found ${found}; remove or update the entry`)
  }
  for (const { entry, problem } of verdict.invalid) console.log(`  INVALID     ${JSON.stringify(entry)}: ${problem}`)
  for (const e of unparsed) console.log(`  UNPARSED    ${e.file}: ${e.message}`)
  if (report) writeFileSync(report, JSON.stringify({ tool, electron, findings, verdict, errors }, null, 2))

  const failed = verdict.unexplained.length + verdict.stale.length + verdict.invalid.length + unparsed.length
  console.log(
    failed === 0
      ? `Electronegativity: ${findings.length} findings, all explained in ${path.relative(root, allowlistPath)}.`
      : `Electronegativity: ${failed} problem(s). Fix the code (preferred) or explain the finding in ${path.relative(root, allowlistPath)}.`
  )
  return failed === 0 ? 0 : 1
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (invokedDirectly) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error('lint:electron failed to run:', error)
      process.exit(2)
    }
  )
}
