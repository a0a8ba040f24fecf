// The real desktop app through Playwright's _electron: the same core flow as in the
// browser harness, plus what only the app has (the preload bridge, isolation). Where
// Electron's binary is not installed (it cannot be downloaded on every machine) the
// test reports itself SKIPPED with the reason; it never passes without running.
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { buildTestCorpus, makeTempDir, removeDir } from '../fixtures/corpus-builder'
import { METHOD_NAMES } from '../../src/shared/channels'
import { highlight, library, markById, marks, openArticle, sidePanel } from './helpers'

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

async function launch(executablePath: string, corpus: string, dataDir: string): Promise<ElectronApplication> {
  const sandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : []
  return electron.launch({
    executablePath,
    args: [...sandbox, appRoot, corpus, '--data-dir', dataDir],
    cwd: appRoot,
    env: { ...process.env, ELECTRON_RENDERER_URL: '' }
  })
}

test('desktop app: open a folder, highlight, and find it again after a restart', async () => {
  const binary = electronBinary()
  const missing = 'path' in binary ? null : binary.reason
  if (missing) console.log(`[electron] SKIPPED: ${missing}`)
  // Skipped, with the reason in the report, only where Electron's binary cannot run.
  test.skip(missing !== null, missing ?? '')
  if (!('path' in binary)) return
  if (!existsSync(path.join(appRoot, 'out', 'main', 'index.js'))) throw new Error('out/main is missing: run `npm run build` first')

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
