// Playwright fixtures: every test gets its own corpus (tests/fixtures/corpus-builder),
// its own data folder and its own harness (src/hosts/web.ts, in process) serving the
// built renderer, and a page opened at the harness URL. Page errors, CSP violations
// and browser dialogs fail the test: the app must run clean.
import { test as base, expect, type Page } from '@playwright/test'
import { mkdir, readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { buildTestCorpus, makeTempDir, removeDir, writeCorpus, type TestCorpus } from '../fixtures/corpus-builder'
import { startHarness, type Harness } from '../../src/hosts/web'

export interface GlossFixture {
  corpus: TestCorpus
  dataDir: string
  exportsDir: string
  /** The harness URL, token included. */
  url: string
  /** Stops the harness and starts a new one on the same data folder (an app restart). */
  restart(): Promise<string>
  /**
   * Starts another harness on the same corpus with a fresh data folder (Gloss on another
   * computer, say), its open-file "dialog" answering importFile; stopped after the test.
   */
  startFresh(options?: { importFile?: string }): Promise<{ url: string; dataDir: string }>
  /** Files written into <data-dir>/exports, sorted. */
  exports(): Promise<string[]>
  readExport(name: string): Promise<string>
}

export interface GlossOptions {
  /** Extra corpus files for a test, by '/'-separated path. */
  extraFiles: Record<string, string>
}

export const test = base.extend<GlossOptions & { gloss: GlossFixture; app: Page }>({
  extraFiles: [{}, { option: true }],

  gloss: async ({ extraFiles }, use) => {
    // The folder's name shows in the header (and in the README screenshot).
    const corpusParent = await makeTempDir('gloss-e2e-corpus-')
    const corpusDir = path.join(corpusParent, 'Clippings')
    await mkdir(corpusDir)
    const dataDir = await makeTempDir('gloss-e2e-data-')
    const corpus = await buildTestCorpus(corpusDir)
    await writeCorpus(corpusDir, extraFiles)
    let harness: Harness = await startHarness({ corpus: corpusDir, dataDir })
    const exportsDir = path.join(dataDir, 'exports')
    const others: Array<{ harness: Harness; dataDir: string }> = []
    const fixture: GlossFixture = {
      corpus,
      dataDir,
      exportsDir,
      url: harness.url,
      async restart() {
        await harness.close()
        harness = await startHarness({ corpus: corpusDir, dataDir })
        fixture.url = harness.url
        return harness.url
      },
      async startFresh(options = {}) {
        const freshDir = await makeTempDir('gloss-e2e-fresh-')
        const fresh = await startHarness({ corpus: corpusDir, dataDir: freshDir, importFile: options.importFile ?? null })
        others.push({ harness: fresh, dataDir: freshDir })
        return { url: fresh.url, dataDir: freshDir }
      },
      exports: async () => (await readdir(exportsDir).catch(() => [] as string[])).sort(),
      readExport: (name) => readFile(path.join(exportsDir, name), 'utf8')
    }
    try {
      await use(fixture)
    } finally {
      for (const other of others) {
        await other.harness.close()
        await removeDir(other.dataDir)
      }
      await harness.close()
      await removeDir(corpusParent)
      await removeDir(dataDir)
    }
  },

  app: async ({ page, gloss }, use) => {
    const problems = watchPage(page)
    await page.goto(gloss.url)
    await expect(page.getByRole('listbox', { name: 'Articles' })).toBeVisible()
    await use(page)
    expect(problems, 'the page ran clean').toEqual([])
  }
})

/**
 * What went wrong in a page: page errors, console errors, browser dialogs, and requests
 * that leave 127.0.0.1 (offline means offline). The list fills as the page runs.
 */
export function watchPage(page: Page): string[] {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
  })
  page.on('dialog', (dialog) => {
    problems.push(`unexpected ${dialog.type()} dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') problems.push(`request left the machine: ${request.url()}`)
  })
  return problems
}

export { expect }
