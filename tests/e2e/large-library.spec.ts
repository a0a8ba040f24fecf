// A library of a few thousand articles in the seeds' format: opening it shows a
// progress bar while the files are read, the list is virtual (only rows in view are
// in the page), and scrolling to the end fetches and shows the last article, which
// opens like any other.
import { expect, test, type Page } from '@playwright/test'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { makeTempDir, removeDir, seedStylePair } from '../fixtures/corpus-builder'
import { startHarness, type Harness } from '../../src/hosts/web'
import { library } from './helpers'

const COUNT = 3000
const PER_FOLDER = 500
const WORDS = 'tide harbour lantern archive ledger meadow quarry orchard signal ferry copper willow'.split(' ')

const titleOf = (i: number): string => `Dispatch ${String(i).padStart(4, '0')} on the ${WORDS[i % WORDS.length]}`

async function writeLargeCorpus(dir: string): Promise<void> {
  for (let i = 0; i < COUNT; i++) {
    const paragraphs = Array.from({ length: 5 }, (_, p) =>
      Array.from({ length: 60 }, (_, w) => WORDS[(i * 5 + p * 3 + w) % WORDS.length]).join(' ').replace(/^\w/, (c) => c.toUpperCase()) + '.'
    )
    const pair = seedStylePair({
      title: titleOf(i),
      paragraphs,
      published: `20${String(10 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}T08:00:00Z`,
      index: (i % PER_FOLDER) * 2,
      folder: `shelf-${Math.floor(i / PER_FOLDER) + 1}`
    })
    for (const [relative, text] of Object.entries(pair.files)) {
      const file = path.join(dir, ...relative.split('/'))
      if (i % PER_FOLDER === 0) await mkdir(path.dirname(file), { recursive: true })
      await writeFile(file, text)
    }
  }
}

function failOnPageProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
  })
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') problems.push(`request left the machine: ${request.url()}`)
  })
  return problems
}

test('a few thousand articles: progress bar while reading, a virtual list scrolled to the end, the last article opens', async ({ page }) => {
  test.setTimeout(180_000)
  const parent = await makeTempDir('gloss-e2e-large-')
  const large = path.join(parent, 'Large Clippings')
  const small = path.join(parent, 'Small')
  const dataDir = path.join(parent, 'data')
  let harness: Harness | null = null
  try {
    await mkdir(large)
    await mkdir(small)
    await writeLargeCorpus(large)
    await writeFile(path.join(small, 'moss.md'), '# Moss\n\nMoss grows on the north side of the old wall.\n')
    // A first run puts the large folder in the recent list; without its cache the
    // second open reads every file again, as a first open does.
    harness = await startHarness({ corpus: large, dataDir })
    await harness.close()
    harness = null
    await rm(path.join(dataDir, 'cache'), { recursive: true, force: true })
    harness = await startHarness({ corpus: small, dataDir })

    const problems = failOnPageProblems(page)
    await page.goto(harness.url)
    await expect(library(page).getByRole('option')).toHaveCount(1)

    await page.getByRole('button', { name: /Recent/ }).click()
    await page.getByRole('menuitem', { name: /Large Clippings/ }).click()

    // The bar shows files read of those found, and the folder being read.
    const progress = page.getByRole('status').filter({ hasText: 'Reading files' })
    await expect(progress).toBeVisible()
    await expect(progress.getByRole('progressbar', { name: 'Reading the folder' })).toHaveAttribute('max', String(COUNT * 2))
    await expect(progress).toContainText(/of 6,000/)
    // Rows are there to read before the scan ends.
    await expect(library(page).locator('[data-article-id]').first()).toBeVisible()

    await expect(progress).toBeHidden({ timeout: 60_000 })
    await expect(page.locator('.panel-title .count')).toHaveText('3,000')
    // Virtual: a window's worth of rows, not three thousand.
    expect(await library(page).getByRole('option').count()).toBeLessThan(200)

    // Newest first: the oldest article is the last row.
    const oldest = (i: number) => `20${String(10 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`
    const expectedLast = Array.from({ length: COUNT }, (_, i) => i).sort(
      (a, b) => oldest(a).localeCompare(oldest(b)) || titleOf(b).localeCompare(titleOf(a), undefined, { numeric: true })
    )[0]
    const scroller = page.locator('.library-scroll')
    // Scroll down as a reader would, a few screens at a time, to the very end.
    await scroller.hover()
    for (let i = 0; i < 8; i++) await page.mouse.wheel(0, 4000)
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
    const lastRow = library(page).locator(`[aria-posinset="${COUNT}"][data-article-id]`)
    await expect(lastRow).toBeVisible()
    await expect(lastRow.locator('.row-title')).toHaveText(titleOf(expectedLast))
    await lastRow.click()
    await expect(page.locator('h1#article-title')).toHaveText(titleOf(expectedLast))
    await expect(lastRow).toHaveAttribute('aria-selected', 'true')

    // The keyboard reaches both ends too.
    await lastRow.focus()
    await page.keyboard.press('Home')
    await expect(library(page).locator('[aria-posinset="1"]')).toBeFocused()
    await page.keyboard.press('End')
    await expect(library(page).locator(`[aria-posinset="${COUNT}"]`)).toBeFocused()
    expect(problems).toEqual([])
  } finally {
    await harness?.close()
    await removeDir(parent)
  }
})
