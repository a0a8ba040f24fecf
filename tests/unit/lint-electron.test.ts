// The Electronegativity gate (scripts/lint-electron.ts): it must catch an insecure
// window, explain nothing it should not, notice stale or lazy allowlist entries, and
// pass on Gloss's own sources with the reviewed allowlist.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { compareWithAllowlist, scan, type Finding } from '../../scripts/lint-electron'

const cleanup: string[] = []
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true })
})

const finding = (check: string, file: string, line = 1): Finding => ({
  check,
  file,
  line,
  column: 0,
  severity: 'MEDIUM',
  confidence: 'FIRM',
  description: 'd',
  manualReview: false
})
const REASON = 'A reason a reviewer wrote, long enough to say why this is safe here.'

describe('compareWithAllowlist', () => {
  it('allows a finding its entry explains, by check and file', () => {
    const verdict = compareWithAllowlist([finding('OPEN_EXTERNAL_JS_CHECK', 'main/security.ts')], [{ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/security.ts', reason: REASON }])
    expect(verdict.allowed).toHaveLength(1)
    expect(verdict.unexplained).toEqual([])
    expect(verdict.stale).toEqual([])
  })

  it('does not let an entry explain the same check in another file, or a second finding', () => {
    const verdict = compareWithAllowlist(
      [finding('OPEN_EXTERNAL_JS_CHECK', 'main/security.ts', 9), finding('OPEN_EXTERNAL_JS_CHECK', 'main/security.ts', 40), finding('OPEN_EXTERNAL_JS_CHECK', 'main/other.ts')],
      [{ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/security.ts', reason: REASON }]
    )
    expect(verdict.allowed.map((a) => a.finding.line)).toEqual([9])
    expect(verdict.unexplained.map((f) => `${f.file}:${f.line}`)).toEqual(['main/security.ts:40', 'main/other.ts:1'])
  })

  it('reports entries that no longer match (the code was fixed or moved)', () => {
    const verdict = compareWithAllowlist([], [{ check: 'SANDBOX_JS_CHECK', file: 'main/window.ts', reason: REASON }])
    expect(verdict.stale).toEqual([{ entry: expect.objectContaining({ check: 'SANDBOX_JS_CHECK' }), found: 0 }])
  })

  it.each([
    ['a missing reason', { check: 'X_CHECK', file: 'a.ts' }],
    ['a placeholder reason', { check: 'X_CHECK', file: 'a.ts', reason: 'TODO: explain why this finding is fine to keep around' }],
    ['a reason too short to be one', { check: 'X_CHECK', file: 'a.ts', reason: 'fine' }],
    ['an absolute file', { check: 'X_CHECK', file: '/src/a.ts', reason: REASON }],
    ['a check that is not an id', { check: 'open external', file: 'a.ts', reason: REASON }],
    ['a count of zero', { check: 'X_CHECK', file: 'a.ts', count: 0, reason: REASON }]
  ])('refuses an entry with %s', (_name, entry) => {
    const verdict = compareWithAllowlist([finding('X_CHECK', 'a.ts')], [entry])
    expect(verdict.invalid).toHaveLength(1)
    expect(verdict.unexplained).toHaveLength(1)
  })
})

describe('scan (Electronegativity, offline)', () => {
  it('finds an insecure window and an unchecked openExternal', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-eneg-'))
    cleanup.push(dir)
    await writeFile(
      path.join(dir, 'main.ts'),
      [
        "import { BrowserWindow, shell } from 'electron'",
        'export function open(url: string) {',
        '  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } })',
        '  win.webContents.on("will-navigate", (_e, target) => shell.openExternal(target))',
        '  return win',
        '}',
        ''
      ].join('\n')
    )
    const { findings, errors } = await scan(dir)
    expect(errors).toEqual([])
    const checks = findings.map((f) => f.check)
    expect(checks).toEqual(expect.arrayContaining(['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK']))
    expect(compareWithAllowlist(findings, []).unexplained).toHaveLength(findings.length)
  }, 30_000)

  it("passes on Gloss's sources with the reviewed allowlist, every entry still needed", async () => {
    const root = path.resolve(__dirname, '..', '..')
    const { findings, errors } = await scan(path.join(root, 'src'))
    const allowlist = JSON.parse(await readFile(path.join(root, 'security', 'electronegativity-allowlist.json'), 'utf8'))
    const verdict = compareWithAllowlist(findings, allowlist)
    expect(errors.filter((e) => !e.tolerable)).toEqual([])
    expect(verdict.unexplained).toEqual([])
    expect(verdict.stale).toEqual([])
    expect(verdict.invalid).toEqual([])
    // The window's security settings are visible to the scanner (window.ts restates them).
    expect(findings.map((f) => f.check)).not.toEqual(expect.arrayContaining(['NODE_INTEGRATION_JS_CHECK']))
  }, 30_000)
})
