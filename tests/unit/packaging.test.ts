// What can be proven about the installers without Electron's binary (which cannot be
// downloaded here): electron-builder packs the unpacked Linux app (`--linux dir`) around
// a stand-in Electron distribution, a folder with a fake `electron` executable (all
// electron-builder copies, renames to `gloss` and flips fuses in; the fuse hook skips it,
// saying why). Then the result is checked as a user's machine would get it: app.asar
// holds the built code and the production dependencies and nothing else, its main
// resolves inside it, the sample corpus and the icon sit in resources, the archive stays
// within its size budget, and the packaged CLI runs under plain Node from the extracted
// archive. Needs `npm run build` first (npm test runs it); no network.
// Runs in the slow project: electron-builder takes 15–40 s here.
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { chmod, mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { extractAll, listPackage } from '@electron/asar'
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest'
import { buildTestCorpus, makeTempDir, removeDir } from '../fixtures/corpus-builder'

const run = promisify(execFile)
const root = path.resolve('.')
/** app.asar measured 25.6 MiB (Dec 2026), ~11 MiB of it libraries the page bundles anyway (react-dom, @tanstack), which could move to devDependencies. */
const ASAR_BUDGET_BYTES = 32 * 1024 * 1024
/** Packages that hold only type declarations: production dependencies in the lock, nothing at run time. */
const TYPES_ONLY = /^(@types\/|csstype$)/

let work = ''
let unpacked = ''
let extracted = ''
let entries: string[] = []
let builderLog = ''
let missing: string | null = null

function needsBuild(ctx: TestContext): void {
  if (missing) ctx.skip(missing)
}

beforeAll(async () => {
  // The stand-in is a Linux distribution folder; release.yml builds each system's real installers.
  if (process.platform !== 'linux') {
    missing = 'the stand-in packaging check builds the Linux app and runs on Linux'
    return
  }
  for (const file of ['out/main/index.js', 'out/cli/gloss.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/icons/icon.png']) {
    if (!existsSync(path.join(root, file))) missing = `${file} is missing: run \`npm run build\` first`
  }
  if (missing) return
  work = await makeTempDir('gloss-packaging-')
  // The stand-in distribution: what electron-builder copies from electronDist on Linux
  // (app-builder-lib's ElectronFramework: the folder's files, `electron` renamed to the
  // executableName, LICENSE renamed, version dropped). No default_app.asar: electron-builder
  // hashes every archive in resources, and an empty file is no archive.
  const standIn = path.join(work, 'electron-dist')
  await mkdir(path.join(standIn, 'resources'), { recursive: true })
  await writeFile(path.join(standIn, 'electron'), '#!/bin/sh\necho "stand-in for Electron: it cannot run" >&2\nexit 1\n')
  await chmod(path.join(standIn, 'electron'), 0o755)
  await writeFile(path.join(standIn, 'LICENSE'), 'Electron is MIT licensed; this folder only stands in for it.\n')
  await writeFile(path.join(standIn, 'version'), 'stand-in\n')
  const cli = path.join(root, 'node_modules', 'electron-builder', 'cli.js')
  const args = [cli, '--linux', 'dir', '--publish', 'never', `--config.electronDist=${standIn}`, `--config.directories.output=${path.join(work, 'dist')}`]
  const { stdout, stderr } = await run(process.execPath, args, { cwd: root, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GLOSS_REQUIRE_FUSES: '' } })
  builderLog = stdout + stderr
  unpacked = path.join(work, 'dist', 'linux-unpacked')
  const asar = path.join(unpacked, 'resources', 'app.asar')
  entries = listPackage(asar, { isPack: false }).map((entry) => entry.split(path.sep).join('/'))
  extracted = path.join(work, 'extracted')
  extractAll(asar, extracted)
}, 240_000)

afterAll(async () => {
  if (work) await removeDir(work)
})

/**
 * Packages in the archive as name@version, from the package.json of each package folder
 * (node_modules/<name>, node_modules/<name>/node_modules/<name>, …). By identity, not by
 * folder: electron-builder may nest a package where npm hoisted it, and either resolves.
 */
function packagedPackages(): string[] {
  const packageRoot = /^((?:\/node_modules\/(?:@[^/]+\/)?[^/]+)+)\/package\.json$/
  return entries.flatMap((entry) => {
    const folder = packageRoot.exec(entry)?.[1]
    if (!folder) return []
    const { name, version } = JSON.parse(readFileSync(path.join(extracted, folder, 'package.json'), 'utf8')) as { name: string; version: string }
    return [`${name}@${version}`]
  })
}

/** Installed production packages as name@version (package-lock.json: not dev, present on disk). */
function productionPackages(): string[] {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean }>
  }
  return Object.entries(lock.packages)
    .filter(([folder, info]) => folder.startsWith('node_modules/') && !info.dev && !info.devOptional)
    .filter(([folder]) => existsSync(path.join(root, folder, 'package.json')))
    .map(([folder, info]) => `${folder.slice(folder.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${info.version}`)
}

const packageName = (id: string): string => id.slice(0, id.lastIndexOf('@'))

describe('the unpacked Linux app (electron-builder --linux dir, stand-in Electron)', () => {
  it('renames the executable to gloss and says the fuses were skipped on a binary without a fuse wire', (ctx) => {
    needsBuild(ctx)
    expect(statSync(path.join(unpacked, 'gloss')).mode & 0o111).not.toBe(0)
    expect(builderLog).toMatch(/gloss fuses: SKIPPED: .*gloss has no Electron fuse wire/)
    expect(builderLog).toMatch(/gloss signing: none on Linux/)
  })

  it('puts only package.json, the built code and production dependencies in app.asar', (ctx) => {
    needsBuild(ctx)
    const top = new Set(entries.map((entry) => entry.split('/')[1]))
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json'])
    const outDirs = new Set(entries.filter((entry) => entry.startsWith('/out/')).map((entry) => entry.split('/')[2]))
    expect([...outDirs].sort()).toEqual(['cli', 'main', 'preload', 'renderer'])
    for (const file of ['/out/main/index.js', '/out/cli/gloss.js', '/out/cli/cli-main.js', '/out/cli/search-worker.js', '/out/main/search-worker.js', '/out/preload/index.cjs', '/out/renderer/index.html']) {
      expect(entries).toContain(file)
    }
    // Our code ships without source maps or tests.
    expect(entries.filter((entry) => entry.startsWith('/out/') && /\.map$|\.test\.|\.spec\./.test(entry))).toEqual([])

    const packaged = packagedPackages()
    const production = productionPackages()
    const devDependencies = Object.keys((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies)
    // Nothing that is not a production dependency (no electron, vitest, electron-builder, …).
    expect(packaged.filter((id) => !production.includes(id))).toEqual([])
    expect(packaged.map(packageName).filter((name) => devDependencies.includes(name))).toEqual([])
    // And every production dependency that is more than type declarations.
    expect(production.filter((id) => !TYPES_ONLY.test(packageName(id)) && !packaged.includes(id))).toEqual([])
  })

  it('has a package.json whose main resolves inside the archive, without scripts or devDependencies', (ctx) => {
    needsBuild(ctx)
    const pkg = JSON.parse(readFileSync(path.join(extracted, 'package.json'), 'utf8')) as Record<string, unknown>
    expect(pkg.main).toBe('out/main/index.js')
    expect(entries).toContain(`/${pkg.main as string}`)
    expect(pkg.type).toBe('module')
    expect(pkg).not.toHaveProperty('devDependencies')
    expect(pkg).not.toHaveProperty('scripts')
  })

  it('carries the sample corpus and the window icon in resources, beside app.asar', async (ctx) => {
    needsBuild(ctx)
    const list = async (dir: string) => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort()
    const shipped = await list(path.join(unpacked, 'resources', 'sample-corpus'))
    expect(shipped).toEqual(await list(path.join(root, 'resources', 'sample-corpus')))
    expect(shipped.length).toBeGreaterThan(3)
    const icon = readFileSync(path.join(unpacked, 'resources', 'icon.png'))
    expect(icon.subarray(1, 4).toString()).toBe('PNG')
  })

  it(`keeps app.asar within its budget (${ASAR_BUDGET_BYTES / 1024 / 1024} MiB)`, (ctx) => {
    needsBuild(ctx)
    const size = statSync(path.join(unpacked, 'resources', 'app.asar')).size
    console.log(`[packaging] app.asar ${(size / 1024 / 1024).toFixed(1)} MiB, ${entries.length} entries`)
    expect(size).toBeLessThanOrEqual(ASAR_BUDGET_BYTES)
  })

  it('runs the packaged CLI (scan --json, search) under plain Node from the extracted archive', async (ctx) => {
    needsBuild(ctx)
    const corpusDir = path.join(work, 'corpus')
    const dataDir = path.join(work, 'data')
    await mkdir(corpusDir)
    const corpus = await buildTestCorpus(corpusDir)
    const cli = path.join(extracted, 'out', 'cli', 'gloss.js')
    // From another folder, so nothing resolves from the repository's node_modules.
    const scan = await run(process.execPath, [cli, 'scan', corpusDir, '--json'], { cwd: work, env: { ...process.env, INIT_CWD: work } })
    const report = JSON.parse(scan.stdout) as { root: string; articles: { title: string }[]; problems: { path: string }[] }
    expect(report.root).toBe(corpusDir)
    expect(report.articles.map((a) => a.title).sort()).toEqual(Object.values(corpus.articles).sort())
    expect(report.problems.map((p) => p.path).sort()).toEqual([...corpus.problemPaths].sort())
    const search = await run(process.execPath, [cli, 'search', corpusDir, 'ferry', '--json', '--data-dir', dataDir], { cwd: work, env: { ...process.env, INIT_CWD: work } })
    expect((JSON.parse(search.stdout) as { total: number }).total).toBeGreaterThan(0)
  })
})
