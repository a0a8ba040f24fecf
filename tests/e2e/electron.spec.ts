// The real desktop app through Playwright's _electron: the same core flow as in the
// browser harness, plus what only the app has: the sandboxed preload and exactly the
// contract's methods on window.gloss, a folder from the command line, a highlight found
// again after a restart, a second launch handing its folder and a gloss:// link to the
// first window, the native menu's accelerators, and `--cli` answering without a window.
// (A dropped folder is not here: Playwright cannot make an OS drop that carries a path.)
// Where Electron's binary is not installed (it cannot be downloaded on every machine)
// each test reports itself SKIPPED with the reason; it never passes without running.
// CI runs it on Linux (under xvfb-run), macOS and Windows (.github/workflows/ci.yml).
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { spawn } from 'node:child_process'
import { existsSync, realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { buildTestCorpus, makeTempDir, removeDir, writeCorpus } from '../fixtures/corpus-builder'
import { METHOD_NAMES } from '../../src/shared/channels'
import { acceleratorOn, COMMAND_SPECS, inMenuOn } from '../../src/shared/commands'
import { glossLink } from '../../src/shared/export/gloss-link'
import { highlight, library, markById, marks, openArticle, rowTitles, sidePanel } from './helpers'

const appRoot = path.resolve('.')

/** The Electron executable, or why the desktop app cannot run here. */
function electronBinary(): { path: string } | { reason: string } {
  let binary: unknown
  try {
    binary = createRequire(import.meta.url)('electron')
  } catch (error) {
    return { reason: `Electron binary not installed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` }
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return { reason: `Electron binary not installed: ${String(binary)} does not exist` }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'Electron cannot open a window: no display (DISPLAY/WAYLAND_DISPLAY unset; run under xvfb-run)' }
  }
  return { path: binary }
}

const sandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : []
const appEnv = { ...process.env, ELECTRON_RENDERER_URL: '' }

async function launch(executablePath: string, corpus: string, dataDir: string): Promise<ElectronApplication> {
  return electron.launch({ executablePath, args: [...sandbox, appRoot, corpus, '--data-dir', dataDir], cwd: appRoot, env: appEnv })
}

/** The Electron binary, or the test is skipped with the reason (printed too, for CI logs). */
function requireElectron(): string {
  const binary = electronBinary()
  const missing = 'path' in binary ? null : binary.reason
  if (missing) console.log(`[electron] SKIPPED: ${missing}`)
  test.skip(missing !== null, missing ?? '')
  if (!existsSync(path.join(appRoot, 'out', 'main', 'index.js'))) throw new Error('out/main is missing: run `npm run build` first')
  return (binary as { path: string }).path
}

/** A second `gloss …` started the way the system starts one: it hands its arguments over and exits. */
async function secondLaunch(executablePath: string, args: string[], dataDir: string): Promise<number | null> {
  const child = spawn(executablePath, [...sandbox, appRoot, ...args, '--data-dir', dataDir], { cwd: appRoot, env: appEnv, stdio: 'ignore' })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code) => resolve(code))
  })
}

/** The article's id, asked through the page's own bridge (the contract's library.list). */
async function articleId(window: Page, title: string): Promise<string> {
  const result = (await window.evaluate(
    (query) => (window as unknown as { gloss: Record<string, (input: unknown) => Promise<unknown>> }).gloss['library.list']({ query }),
    title
  )) as { ok: boolean; value: { articles: { id: string; title: string }[] } }
  const article = result.value.articles.find((a) => a.title === title)
  if (!article) throw new Error(`no article titled ${title}`)
  return article.id
}

test('desktop app: open a folder, highlight, and find it again after a restart', async () => {
  // Skipped, with the reason in the report, only where Electron's binary cannot run.
  const binary = { path: requireElectron() }

  const corpusDir = await makeTempDir('gloss-electron-corpus-')
  const dataDir = await makeTempDir('gloss-electron-data-')
  const corpus = await buildTestCorpus(corpusDir)
  let app: ElectronApplication | null = null
  try {
    app = await launch(binary.path, corpusDir, dataDir)
    let window = await app.firstWindow()
    await expect(library(window)).toBeVisible()

    // The page sees the contract's functions and nothing of Node or Electron.
    const bridge = await window.evaluate(() => ({
      gloss: Object.keys((window as unknown as { gloss: object }).gloss),
      events: Object.keys((window as unknown as { glossEvents: object }).glossEvents),
      hasRequire: typeof (window as unknown as { require?: unknown }).require,
      hasProcess: typeof (window as unknown as { process?: unknown }).process
    }))
    expect(bridge).toEqual({ gloss: [...METHOD_NAMES], events: ['onMenuCommand'], hasRequire: 'undefined', hasProcess: 'undefined' })

    await openArticle(window, corpus.pairTitle)
    const id = await highlight(window, 'the last ferry leaves the pier', 'green')
    const note = sidePanel(window).getByRole('textbox', { name: 'Article note' })
    await note.fill('Written in the desktop app.')
    await note.blur()
    await expect(sidePanel(window).getByRole('status').first()).toHaveText('Saved')
    await expect(window.locator('a[target="_blank"]').first()).toHaveAttribute('href', /^https:/)

    await app.close()
    app = await launch(binary.path, corpusDir, dataDir)
    window = await app.firstWindow()
    await expect(window.locator('h1#article-title')).toHaveText(corpus.pairTitle)
    await expect(marks(window)).toHaveCount(1)
    await expect(markById(window, id)).toHaveAttribute('data-color', 'green')
    await expect(sidePanel(window).getByRole('textbox', { name: 'Article note' })).toHaveValue('Written in the desktop app.')
  } finally {
    await app?.close()
    await removeDir(corpusDir)
    await removeDir(dataDir)
  }
})

test('desktop app: a second launch hands its folder to the first window, and a gloss:// link opens the article', async () => {
  const binary = requireElectron()
  const corpusDir = await makeTempDir('gloss-electron-corpus-')
  const otherDir = await makeTempDir('gloss-electron-other-')
  const dataDir = await makeTempDir('gloss-electron-data-')
  const corpus = await buildTestCorpus(corpusDir)
  await writeCorpus(otherDir, {
    'night-ferries.md': '---\ntitle: Night Ferries of the Northern Sound\n---\n\nThe last boat leaves at eleven, and the reading lamps stay on below deck.\n'
  })
  let app: ElectronApplication | null = null
  try {
    app = await launch(binary, corpusDir, dataDir)
    const window = await app.firstWindow()
    await openArticle(window, corpus.pairTitle)
    const highlightId = await highlight(window, 'the last ferry leaves the pier', 'blue')
    const link = glossLink({ corpus: realpathSync(corpusDir), article: await articleId(window, corpus.pairTitle), highlight: highlightId })

    // `gloss <other folder>` while Gloss runs: no second window; the first one opens the folder.
    expect(await secondLaunch(binary, [otherDir], dataDir)).toBe(0)
    await expect.poll(() => rowTitles(window)).toEqual(['Night Ferries of the Northern Sound'])
    expect(app.windows()).toHaveLength(1)

    // A clicked gloss:// link (Windows and Linux start a second instance with it): back to the highlight.
    expect(await secondLaunch(binary, [link], dataDir)).toBe(0)
    await expect(window.locator('h1#article-title')).toHaveText(corpus.pairTitle)
    await expect(markById(window, highlightId)).toBeFocused()
  } finally {
    await app?.close()
    for (const dir of [corpusDir, otherDir, dataDir]) await removeDir(dir)
  }
})

test('desktop app: the native menu carries every command\'s accelerator, and the keys work', async () => {
  const binary = requireElectron()
  const corpusDir = await makeTempDir('gloss-electron-corpus-')
  const dataDir = await makeTempDir('gloss-electron-data-')
  await buildTestCorpus(corpusDir)
  let app: ElectronApplication | null = null
  try {
    app = await launch(binary, corpusDir, dataDir)
    const window = await app.firstWindow()
    await expect(library(window)).toBeVisible()
    const items = await app.evaluate(({ Menu }) => {
      type Item = { label: string; accelerator?: string; submenu?: { items: Item[] } | null }
      const flat = (list: Item[]): { label: string; accelerator: string | null }[] =>
        list.flatMap((item) => [{ label: item.label, accelerator: item.accelerator ?? null }, ...(item.submenu ? flat(item.submenu.items) : [])])
      return flat((Menu.getApplicationMenu()?.items ?? []) as unknown as Item[])
    })
    const platform = await app.evaluate(() => process.platform)
    for (const command of COMMAND_SPECS) {
      if (!command.accelerator || !inMenuOn(command, platform)) continue
      expect(items, command.id).toContainEqual({ label: command.label, accelerator: acceleratorOn(command.accelerator, platform) })
    }
    // Toggle Library (CmdOrCtrl+\\) hides the library and shows it again.
    const toggle = platform === 'darwin' ? 'Meta+Backslash' : 'Control+Backslash'
    await window.keyboard.press(toggle)
    await expect(library(window)).toBeHidden()
    await window.keyboard.press(toggle)
    await expect(library(window)).toBeVisible()
  } finally {
    await app?.close()
    await removeDir(corpusDir)
    await removeDir(dataDir)
  }
})

test('desktop app: `--cli scan <folder> --json` answers in the terminal without a window', async () => {
  const binary = requireElectron()
  const corpusDir = await makeTempDir('gloss-electron-corpus-')
  const corpus = await buildTestCorpus(corpusDir)
  try {
    const child = spawn(binary, [...sandbox, appRoot, '--cli', 'scan', corpusDir, '--json'], { cwd: appRoot, env: appEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject)
      child.on('exit', resolve)
    })
    expect(code).toBe(0)
    // Chromium may log a line of its own; the report is the JSON object.
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { articles: { title: string }[] }
    expect(report.articles.map((a) => a.title).sort()).toEqual(Object.values(corpus.articles).sort())
  } finally {
    await removeDir(corpusDir)
  }
})
