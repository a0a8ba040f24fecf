// "All highlights": the notes workspace across the folder, driven with the keyboard
// only once the highlights exist (they are made through the harness's API, as another
// window or an import would make them). Covers opening the view, newest-first order,
// grouping by article, every filter, search, and Enter on an entry opening the article
// with that highlight in view and focused.
import type { Locator, Page } from '@playwright/test'
import { mkdir, realpath, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { CORPUS_SCHEMA_VERSION, CorpusDataSchema, corpusStoreFile } from '../../src/core/store/corpus-store'
import { expectNoSeriousViolations } from './a11y'
import { expect, test } from './fixtures'
import { body } from './helpers'

/** One long paragraph of numbered sentences, for the 20,000-highlight test. */
const LONG_SENTENCES = Array.from({ length: 400 }, (_, i) => `Sentence ${i + 1} of the long read sits here.`)
const LONG_TEXT = LONG_SENTENCES.join(' ')

test.use({
  extraFiles: {
    'workspace/long-read.md': ['---', 'title: Long Read', 'source: Archive Weekly', '---', '', LONG_TEXT, ''].join('\n'),
    'workspace/tidal-notes.md': [
      '---',
      'title: Tidal Notes',
      'source: Shore Gazette',
      'date: 2024-04-01',
      '---',
      '',
      'Spring tides come twice a month when the sun and moon align.',
      '',
      'Neap tides are the gentle ones in between.',
      ''
    ].join('\n'),
    'workspace/glass-floats.md': [
      '---',
      'title: Glass Floats',
      'source: Beachcomber Monthly',
      '---',
      '',
      'Fishing nets were once held up by hollow glass floats.',
      '',
      'Some still wash ashore after storms.',
      ''
    ].join('\n')
  }
})

/** A contract call through the harness, with the page's token. */
async function rpc<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, input }) => {
      const token = new URL(location.href).searchParams.get('token') ?? ''
      const response = await fetch(`/rpc/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-gloss-token': token },
        body: JSON.stringify(input)
      })
      const result = await response.json()
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
      return result.value
    },
    { method, input }
  )
}

interface Made {
  id: string
  title: string
  quote: string
}

/** Four highlights over three articles, made one after the other (so newest = last). */
async function makeHighlights(page: Page): Promise<Made[]> {
  const { articles } = await rpc<{ articles: Array<{ id: string; title: string }> }>(page, 'library.list', { sort: 'title' })
  const specs: Array<{ title: string; quote: string; color: string; note?: string; tags?: string[] }> = [
    { title: 'Tidal Notes', quote: 'Spring tides come twice a month', color: 'yellow', note: 'Check the almanac' },
    { title: 'Glass Floats', quote: 'hollow glass floats', color: 'blue', tags: ['Objects'] },
    { title: 'A Plain Letter', quote: 'no front matter', color: 'green' },
    { title: 'Tidal Notes', quote: 'Neap tides are the gentle ones', color: 'pink', tags: ['objects', 'Sea'] }
  ]
  const made: Made[] = []
  for (const spec of specs) {
    const articleId = articles.find((a) => a.title === spec.title)!.id
    const article = await rpc<{ text: string }>(page, 'article.get', { articleId })
    const start = article.text.indexOf(spec.quote)
    expect(start, `"${spec.quote}" in ${spec.title}`).toBeGreaterThanOrEqual(0)
    const created = await rpc<{ id: string }>(page, 'highlight.create', { articleId, start, end: start + spec.quote.length, color: spec.color, ...(spec.note ? { note: spec.note } : {}) })
    if (spec.tags) await rpc(page, 'highlight.update', { highlightId: created.id, tags: spec.tags })
    made.push({ id: created.id, title: spec.title, quote: spec.quote })
  }
  return made
}

const workspace = (page: Page): Locator => page.getByRole('region', { name: 'All highlights' })
const quotes = (page: Page): Locator => workspace(page).locator('.ah-quote')
const count = (page: Page): Locator => workspace(page).getByTestId('workspace-count')

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, backwards = false): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  await expect(target).toBeFocused()
}

async function openWorkspace(page: Page): Promise<void> {
  await page.keyboard.press('Control+Shift+H')
  await expect(workspace(page)).toBeVisible()
  await expect(workspace(page).getByRole('searchbox', { name: 'Search highlights' })).toBeFocused()
}

/** The day as a date input takes it from the keyboard in Chromium's en-US locale: MM DD YYYY. */
async function typeDay(page: Page, input: Locator, day: string): Promise<void> {
  await tabTo(page, input)
  const [year, month, date] = day.split('-')
  await page.keyboard.type(`${month}${date}${year}`)
  await expect(input).toHaveValue(day)
}

const dayOffset = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

test('opens from the keyboard, newest first, grouped by article, and Enter opens the article at the highlight', async ({ app: page }) => {
  const made = await makeHighlights(page)
  await openWorkspace(page)
  await expect(page.getByRole('button', { name: 'All highlights' })).toHaveAttribute('aria-pressed', 'true')
  await expect(count(page)).toHaveText('4 highlights')
  await expect(quotes(page)).toHaveText([...made].reverse().map((m) => m.quote))
  // Colour by name, not colour alone; note, tags and article title shown.
  const newest = workspace(page).locator(`[data-highlight-entry="${made[3].id}"]`)
  await expect(newest).toContainText('Pink')
  await expect(newest.getByRole('list', { name: 'Tags' })).toHaveText('objectsSea')
  await expect(newest).toContainText('Tidal Notes · Shore Gazette')
  await expect(workspace(page).locator(`[data-highlight-entry="${made[0].id}"]`)).toContainText('Check the almanac')

  // By article: titles A–Z, each article's highlights in reading order.
  const order = workspace(page).getByLabel('Order')
  await tabTo(page, order)
  await page.keyboard.press('End')
  await expect(order).toHaveValue('article')
  await expect(workspace(page).locator('.ah-group-title')).toHaveText(['A Plain Letter', 'Glass Floats · Beachcomber Monthly', 'Tidal Notes · Shore Gazette'])
  await expect(quotes(page)).toHaveText(['no front matter', 'hollow glass floats', 'Spring tides come twice a month', 'Neap tides are the gentle ones'])
  await page.keyboard.press('Home')
  await expect(order).toHaveValue('newest')
  await expect(quotes(page).first()).toHaveText(made[3].quote)

  // Into the list: one entry in the Tab order, arrows move, Enter opens.
  const openButtons = workspace(page).getByRole('button', { name: 'Open in article' })
  await tabTo(page, openButtons.first())
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(openButtons.nth(2)).toBeFocused()
  await page.keyboard.press('Enter')

  await expect(workspace(page)).toBeHidden()
  await expect(page.getByRole('button', { name: 'Reader' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('h1#article-title')).toHaveText('Glass Floats')
  const mark = body(page).locator(`mark[data-highlight-id="${made[1].id}"]`)
  await expect(mark).toBeFocused()
  await expect(mark).toBeInViewport()

  // The same keys bring the workspace back, at the same place in the filters.
  await openWorkspace(page)
  await expect(quotes(page)).toHaveCount(4)
})

test('filters by colour, tag, source and day, searches, and remembers the filters', async ({ app: page }) => {
  const made = await makeHighlights(page)
  await openWorkspace(page)
  await expect(count(page)).toHaveText('4 highlights')

  // Colour: a toggle button, Space presses it.
  const blue = workspace(page).getByRole('button', { name: /^Blue/ })
  await tabTo(page, blue)
  await page.keyboard.press('Space')
  await expect(blue).toHaveAttribute('aria-pressed', 'true')
  await expect(quotes(page)).toHaveText(['hollow glass floats'])
  await expect(count(page)).toHaveText('1 highlight of 4')
  const green = workspace(page).getByRole('button', { name: /^Green/ })
  await tabTo(page, green)
  await page.keyboard.press('Enter')
  await expect(quotes(page)).toHaveText(['no front matter', 'hollow glass floats'])

  // Leaving and coming back keeps the filters.
  await page.keyboard.press('Control+Shift+H')
  await expect(workspace(page)).toBeHidden()
  // Focus went with the workspace: the reader has it now.
  await expect(page.locator('main#reader')).toBeFocused()
  await openWorkspace(page)
  await expect(blue).toHaveAttribute('aria-pressed', 'true')
  await expect(quotes(page)).toHaveText(['no front matter', 'hollow glass floats'])
  await tabTo(page, blue)
  await page.keyboard.press('Space')
  await tabTo(page, green)
  await page.keyboard.press('Space')
  await expect(quotes(page)).toHaveCount(4)

  // Tag (any case): "objects" is on two highlights, typed two ways.
  const tag = workspace(page).getByLabel('Tag', { exact: true })
  await tabTo(page, tag)
  await expect(tag.locator('option')).toHaveText(['All tags', 'Objects (2)', 'Sea (1)'])
  await page.keyboard.press('ArrowDown')
  await expect(tag).toHaveValue('Objects')
  await expect(quotes(page)).toHaveText(['Neap tides are the gentle ones', 'hollow glass floats'])
  await page.keyboard.press('ArrowUp')
  await expect(quotes(page)).toHaveCount(4)

  // Source.
  const source = workspace(page).getByLabel('Source')
  await tabTo(page, source)
  await expect(source.locator('option')).toHaveText(['All sources', 'Beachcomber Monthly (1)', 'Shore Gazette (2)'])
  await page.keyboard.press('End')
  await expect(quotes(page)).toHaveText(['Neap tides are the gentle ones', 'Spring tides come twice a month'])
  await page.keyboard.press('Home')
  await expect(quotes(page)).toHaveCount(4)

  // Day highlighted: today's highlights are in a range ending today, not one starting tomorrow.
  await typeDay(page, workspace(page).getByLabel('To'), dayOffset(0))
  await expect(quotes(page)).toHaveCount(4)
  await typeDay(page, workspace(page).getByLabel('From'), dayOffset(1))
  await expect(workspace(page).getByTestId('workspace-empty')).toContainText('No highlights match these filters')
  await tabTo(page, workspace(page).getByRole('button', { name: 'Clear filters' }))
  await page.keyboard.press('Enter')
  await expect(quotes(page)).toHaveCount(4)
  await expect(workspace(page).getByLabel('From')).toHaveValue('')

  // Search: quote, note, tag and article title, ignoring case and accents.
  const search = workspace(page).getByRole('searchbox', { name: 'Search highlights' })
  await expect(search).toBeFocused()
  await page.keyboard.type('ALMANAC')
  await expect(quotes(page)).toHaveText(['Spring tides come twice a month'])
  await page.keyboard.press('Control+A')
  await page.keyboard.type('glâss')
  await expect(quotes(page)).toHaveText(['hollow glass floats'])
  await page.keyboard.press('Control+A')
  await page.keyboard.type('tidal')
  await expect(quotes(page)).toHaveText(['Neap tides are the gentle ones', 'Spring tides come twice a month'])
  expect(made).toHaveLength(4)
})

test('shows changes made since it was last shown, and says when there is nothing yet', async ({ app: page }) => {
  await openWorkspace(page)
  await expect(workspace(page).getByTestId('workspace-empty')).toHaveText('No highlights yet — select text in an article to make one.')
  await page.keyboard.press('Control+Shift+H')
  await expect(workspace(page)).toBeHidden()

  const made = await makeHighlights(page)
  await rpc(page, 'highlight.update', { highlightId: made[2].id, note: 'Written after the first look' })
  await rpc(page, 'highlight.delete', { highlightId: made[0].id })
  await openWorkspace(page)
  await expect(count(page)).toHaveText('3 highlights')
  await expect(workspace(page).locator(`[data-highlight-entry="${made[2].id}"]`)).toContainText('Written after the first look')
  await expect(workspace(page).locator(`[data-highlight-entry="${made[0].id}"]`)).toHaveCount(0)
})

test('passes an axe-core audit', async ({ app: page }) => {
  await makeHighlights(page)
  await openWorkspace(page)
  await expect(quotes(page)).toHaveCount(4)
  await expectNoSeriousViolations(page, 'the All highlights view', { include: '.all-highlights' })
  const order = workspace(page).getByLabel('Order')
  await tabTo(page, order)
  await page.keyboard.press('End')
  await expect(workspace(page).locator('.ah-group-title')).toHaveCount(3)
  await expectNoSeriousViolations(page, 'the All highlights view, by article', { include: '.all-highlights' })
})

test('stays quick and small in the page with 20,000 highlights', async ({ app: page, gloss }) => {
  test.slow()
  // Written straight into the folder's store while Gloss is stopped, as months of reading would leave it.
  const { articles } = await rpc<{ articles: Array<{ id: string; title: string }> }>(page, 'library.list', { sort: 'title' })
  const articleId = articles.find((a) => a.title === 'Long Read')!.id
  const root = await realpath(gloss.corpus.root)
  const colors = ['yellow', 'green', 'blue', 'pink'] as const
  const started = Date.UTC(2025, 0, 1)
  const highlights = Array.from({ length: 20_000 }, (_, i) => {
    const sentence = LONG_SENTENCES[i % LONG_SENTENCES.length]
    const start = LONG_TEXT.indexOf(sentence)
    const at = new Date(started + i * 60_000).toISOString()
    return {
      id: `bulk-${i}`,
      articleId,
      articleFingerprint: 'unknown',
      color: colors[i % 4],
      note: i % 10 === 0 ? `Note number ${i}` : '',
      quote: { type: 'TextQuoteSelector', exact: sentence, prefix: LONG_TEXT.slice(Math.max(0, start - 32), start), suffix: LONG_TEXT.slice(start + sentence.length, start + sentence.length + 32) },
      position: { type: 'TextPositionSelector', start, end: start + sentence.length },
      createdAt: at,
      updatedAt: at,
      tags: i % 7 === 0 ? ['Bulk'] : []
    }
  })
  const data = CorpusDataSchema.parse({ schemaVersion: CORPUS_SCHEMA_VERSION, root, highlights, articleNotes: {}, lastArticleId: null })
  const storeFile = corpusStoreFile(gloss.dataDir, root)
  // Nothing is pending in the running Gloss (no article was opened), so stopping it writes nothing over this.
  await mkdir(path.dirname(storeFile), { recursive: true })
  await writeFile(storeFile, JSON.stringify(data))
  await page.goto(await gloss.restart())
  await expect(page.getByRole('listbox', { name: 'Articles' })).toBeVisible()

  const before = Date.now()
  await openWorkspace(page)
  await expect(count(page)).toHaveText('20,000 highlights')
  test.info().annotations.push({ type: 'workspace', description: `20,000 highlights: first page shown ${Date.now() - before} ms after Ctrl+Shift+H` })
  // Only the entries in view (and a few around them) are in the page.
  expect(await workspace(page).locator('li[data-highlight-entry]').count()).toBeLessThan(60)
  await expect(quotes(page).first()).toHaveText(LONG_SENTENCES[19_999 % 400])

  // Keyboard through the list: End goes to the last entry loaded, and more load as it comes into view.
  const openButtons = workspace(page).getByRole('button', { name: 'Open in article' })
  await tabTo(page, openButtons.first())
  await page.keyboard.press('End')
  const focusedEntry = workspace(page).locator('li[data-highlight-entry]:focus-within')
  await expect(focusedEntry).toHaveAttribute('aria-posinset', '200')
  // The last entry loaded came into view: the next page is asked for.
  await expect(workspace(page).getByRole('list', { name: 'Highlights' })).toHaveAttribute('data-loaded', '400')
  await page.keyboard.press('End')
  await expect(focusedEntry).toHaveAttribute('aria-posinset', '400')
  expect(await workspace(page).locator('li[data-highlight-entry]').count()).toBeLessThan(60)

  // Filters and search over all of them.
  const search = workspace(page).getByRole('searchbox', { name: 'Search highlights' })
  await tabTo(page, search, true)
  const typed = Date.now()
  await page.keyboard.type('note number 1990')
  await expect(count(page)).toHaveText('2 highlights of 20,000')
  test.info().annotations.push({ type: 'workspace', description: `search over 20,000 highlights answered ${Date.now() - typed} ms after typing (150 ms of it the typing pause)` })
  await expect(quotes(page)).toHaveText([LONG_SENTENCES[19_900 % 400], LONG_SENTENCES[1_990 % 400]])
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Backspace')
  const tag = workspace(page).getByLabel('Tag', { exact: true })
  await tabTo(page, tag)
  await expect(tag.locator('option')).toHaveText(['All tags', 'Bulk (2,858)'])
  await page.keyboard.press('ArrowDown')
  await expect(count(page)).toHaveText('2,858 highlights of 20,000')
})
