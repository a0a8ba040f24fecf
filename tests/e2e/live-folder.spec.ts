// The folder is live: files edited, added and deleted on disk while Gloss is open show
// up by themselves. The open article refreshes in place and keeps the reading position
// and its highlights; a highlight whose text went away becomes an orphan the reader can
// re-attach; a deleted article's annotations wait under Missing articles.
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from './fixtures'
import { articleRows, body, highlight, markById, marks, openArticle, selectWithMouse, sidePanel, toolbar } from './helpers'

const PARAGRAPHS = Array.from(
  { length: 50 },
  (_, i) => `Stop ${i + 1} on the coastal walk passes cairn number ${i + 1}, where the path turns toward the dunes.`
)
const LONG_WALK = ['# The Coastal Walk', '', ...PARAGRAPHS.flatMap((p) => [p, '']), 'The walk ends at the old signal station.', ''].join('\n')
const LIGHTHOUSE = ['# Lighthouse Keepers', '', 'The keeper wound the clockwork every four hours.', '', 'Oil for the lamp came by boat once a month.', ''].join('\n')

test.use({ extraFiles: { 'coastal-walk.md': LONG_WALK, 'lighthouse.md': LIGHTHOUSE } })

/** Milliseconds from `since` until `check` passes (polled), for the report. */
async function timeUntil(since: number, check: () => Promise<void>): Promise<number> {
  await check()
  return Date.now() - since
}

function report(name: string, ms: number): void {
  test.info().annotations.push({ type: 'timing', description: `${name}: ${ms} ms` })
  console.log(`live folder: ${name} in ${ms} ms`)
}

test('an edited article refreshes in place, keeping its highlight and the reading position', async ({ app, gloss }) => {
  const file = path.join(gloss.corpus.root, 'coastal-walk.md')
  await openArticle(app, 'The Coastal Walk')
  const cairn = await highlight(app, 'passes cairn number 30,', 'green')
  const reader = app.locator('main.reader')
  await markById(app, cairn).evaluate((mark) => mark.scrollIntoView({ block: 'center' }))
  const before = await reader.evaluate((el) => el.scrollTop)
  expect(before).toBeGreaterThan(200)

  const written = Date.now()
  await appendFile(file, '\nA paragraph written on disk while the article was open.\n')
  const ms = await timeUntil(written, () =>
    expect(body(app).getByText('A paragraph written on disk while the article was open.')).toBeAttached({ timeout: 10_000 })
  )
  report('edited article refreshed in the reader', ms)
  expect(ms).toBeLessThan(5_000)

  await expect(markById(app, cairn)).toHaveText('passes cairn number 30,')
  await expect(markById(app, cairn)).toHaveAttribute('data-color', 'green')
  expect(Math.abs((await reader.evaluate((el) => el.scrollTop)) - before)).toBeLessThanOrEqual(2)
  await expect(markById(app, cairn)).toBeInViewport()
  await expect(app.locator('h1#article-title')).toHaveText('The Coastal Walk')
  await expect(app.getByTestId('orphan-banner')).toHaveCount(0)
})

test('a new file appears in the library', async ({ app, gloss }) => {
  await expect(articleRows(app).filter({ hasText: 'Salt Marsh Birds' })).toHaveCount(0)
  const written = Date.now()
  await writeFile(path.join(gloss.corpus.root, 'salt-marsh.md'), '# Salt Marsh Birds\n\nRedshanks call before the tide comes in.\n')
  const ms = await timeUntil(written, () => expect(articleRows(app).filter({ hasText: 'Salt Marsh Birds' })).toBeVisible({ timeout: 10_000 }))
  report('new file listed in the library', ms)
  expect(ms).toBeLessThan(5_000)
  await openArticle(app, 'Salt Marsh Birds')
  await expect(body(app)).toContainText('Redshanks call before the tide comes in.')
})

test('a highlight whose text was edited away is kept as an orphan and can be re-attached', async ({ app, gloss }) => {
  const file = path.join(gloss.corpus.root, 'lighthouse.md')
  await openArticle(app, 'Lighthouse Keepers')
  const oil = await highlight(app, 'came by boat once a month', 'pink')
  await markById(app, oil).click()
  await app.getByTestId('highlight-popover').getByRole('textbox', { name: 'Note' }).fill('Supply runs')
  await app.keyboard.press('Escape')
  await expect(sidePanel(app).locator(`button[data-list-highlight-id="${oil}"]`)).toContainText('Supply runs')

  const text = await readFile(file, 'utf8')
  await writeFile(file, text.replace('Oil for the lamp came by boat once a month.', 'Paraffin arrived on the supply tender every spring.'))
  const banner = app.getByTestId('orphan-banner')
  await expect(banner).toContainText('1 highlight could not be placed', { timeout: 10_000 })
  await expect(body(app)).toContainText('Paraffin arrived on the supply tender every spring.')
  await expect(markById(app, oil)).toHaveCount(0)
  const orphans = sidePanel(app).getByTestId('orphans')
  await expect(orphans).toContainText('Could not be placed (1)')
  await expect(orphans).toContainText('came by boat once a month')
  await expect(orphans).toContainText('Supply runs')

  await selectWithMouse(app, 'on the supply tender')
  await orphans.getByRole('button', { name: 'Re-attach to selection' }).click()
  await expect(markById(app, oil)).toHaveText('on the supply tender')
  await expect(markById(app, oil)).toHaveAttribute('data-color', 'pink')
  await expect(banner).toHaveCount(0)
  await expect(sidePanel(app).getByTestId('orphans')).toHaveCount(0)
  await expect(sidePanel(app).locator(`button[data-list-highlight-id="${oil}"]`)).toContainText('Supply runs')

  // It stays re-attached after a reload: the main process stored the new place.
  await app.reload()
  await expect(markById(app, oil)).toHaveText('on the supply tender')
})

test('a highlight whose words were edited shows the words it covers now, in the side panel and All highlights', async ({ app, gloss }) => {
  const file = path.join(gloss.corpus.root, 'lighthouse.md')
  await openArticle(app, 'Lighthouse Keepers')
  const oil = await highlight(app, 'came by boat once a month', 'blue')
  const row = sidePanel(app).locator(`button[data-list-highlight-id="${oil}"]`)
  await expect(row).toContainText('came by boat once a month')
  await expect(row.locator('[data-edited-since]')).toHaveCount(0)

  const text = await readFile(file, 'utf8')
  await writeFile(file, text.replace('came by boat once a month', 'came by ship once a month'))
  await expect(markById(app, oil)).toHaveText('came by ship once a month', { timeout: 10_000 })
  await expect(row.locator('.hl-item-quote')).toHaveText('came by ship once a month')
  const edited = row.locator('[data-edited-since]')
  await expect(edited).toContainText('edited since you highlighted it')
  await expect(edited).toHaveAttribute('title', 'First highlighted: “came by boat once a month”')

  await app.getByRole('button', { name: 'All highlights' }).click()
  const workspace = app.getByRole('region', { name: 'All highlights' })
  await workspace.getByRole('searchbox', { name: 'Search highlights' }).fill('by ship')
  const entry = workspace.locator(`[data-highlight-entry="${oil}"]`)
  await expect(entry.locator('.ah-quote')).toHaveText('came by ship once a month')
  await expect(entry.locator('[data-edited-since]')).toContainText('edited since you highlighted it')
  await expect(workspace.locator('[data-highlight-entry]')).toHaveCount(1)
})

test('a deleted article keeps its highlights under Missing articles until they are removed', async ({ app, gloss }) => {
  await openArticle(app, 'Lighthouse Keepers')
  await highlight(app, 'wound the clockwork', 'blue')
  await highlight(app, 'once a month', 'yellow')
  await expect(marks(app)).toHaveCount(2)

  await rm(path.join(gloss.corpus.root, 'lighthouse.md'))
  await expect(app.getByTestId('article-gone')).toContainText('“Lighthouse Keepers” is no longer in the folder', { timeout: 10_000 })
  await expect(articleRows(app).filter({ hasText: 'Lighthouse Keepers' })).toHaveCount(0)
  const missing = app.getByTestId('missing-articles')
  await expect(missing.locator('summary')).toHaveText('Missing articles (1)')
  await missing.locator('summary').click()
  const item = missing.getByRole('listitem', { name: 'Lighthouse Keepers' })
  await expect(item).toContainText('lighthouse.md')
  await expect(item).toContainText('2 highlights')
  await expect(item).toContainText('wound the clockwork')

  await item.getByRole('button', { name: 'Remove' }).click()
  await item.getByRole('button', { name: 'Remove for good' }).click()
  await expect(missing).toHaveCount(0)
  await expect(app.getByRole('status').filter({ hasText: 'Removed 2 annotations' })).toBeVisible()

  // Gone for good: the file coming back brings no highlights with it.
  await writeFile(path.join(gloss.corpus.root, 'lighthouse.md'), LIGHTHOUSE)
  await expect(articleRows(app).filter({ hasText: 'Lighthouse Keepers' })).toBeVisible({ timeout: 10_000 })
  await openArticle(app, 'Lighthouse Keepers')
  await expect(marks(app)).toHaveCount(0)
})

test('a deleted file that comes back brings its highlights with it', async ({ app, gloss }) => {
  const file = path.join(gloss.corpus.root, 'lighthouse.md')
  await openArticle(app, 'Lighthouse Keepers')
  const clock = await highlight(app, 'wound the clockwork', 'blue')
  await rm(file)
  await expect(app.getByTestId('missing-articles')).toBeVisible({ timeout: 10_000 })
  await writeFile(file, LIGHTHOUSE)
  await expect(app.getByTestId('missing-articles')).toHaveCount(0, { timeout: 10_000 })
  await openArticle(app, 'Lighthouse Keepers')
  await expect(markById(app, clock)).toHaveText('wound the clockwork')
})

test('a text selection waiting to be highlighted survives the folder changing on disk', async ({ app, gloss }) => {
  await openArticle(app, 'Lighthouse Keepers')
  await selectWithMouse(app, 'wound the clockwork')
  await expect(toolbar(app)).toBeVisible()
  await writeFile(path.join(gloss.corpus.root, 'tide-tables.md'), '# Tide Tables\n\nHigh water comes fifty minutes later each day.\n')
  await expect(articleRows(app).filter({ hasText: 'Tide Tables' })).toBeVisible({ timeout: 10_000 })
  expect(await app.evaluate(() => window.getSelection()?.toString())).toBe('wound the clockwork')
  await toolbar(app).getByRole('button', { name: 'Highlight blue' }).click()
  await expect(body(app).locator('mark[data-color="blue"]')).toHaveText('wound the clockwork')
})
