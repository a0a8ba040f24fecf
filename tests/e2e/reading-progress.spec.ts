// Reading progress: scroll half-way through a long article, open another, come back —
// the reader is at the same block; the library row says how far (as text, updated once
// the reader moves on), and so it stays after a reload of the page. The reading time shows in the header and the row.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { articleRows, body, openArticle } from './helpers'

const LONG_TITLE = 'The Keeper of the North Light'

/** About 4,000 words of our own: 80 numbered paragraphs, so each block is easy to tell apart. */
function longArticle(): string {
  const paragraphs: string[] = []
  for (let i = 1; i <= 80; i++) {
    paragraphs.push(
      `Entry ${i}. The keeper climbed the spiral stair before the light faded and wiped the salt from the great lens. ` +
        `He wrote the wind, the swell and the ships he had counted into the log, the same columns every evening. ` +
        `On the shelf below the lamp sat the almanac, the oil ledger and a tin of biscuits that lasted the winter.` +
        (i === 6 ? ' A periwinkle shell held the door of the lamp room open.' : '')
    )
  }
  return ['---', `title: ${LONG_TITLE}`, 'date: 2021-03-09', '---', '', ...paragraphs.flatMap((p) => [p, '']), ''].join('\n')
}

test.use({ extraFiles: { 'long/north-light.md': longArticle() } })

const reader = (page: Page) => page.locator('main.reader')
const row = (page: Page, title: string) => articleRows(page).filter({ hasText: title })

/** The first paragraph in view once scrolling has settled and the position had time to be stored. */
async function settledEntry(page: Page): Promise<string> {
  await expect.poll(() => firstVisibleEntry(page)).not.toBe('')
  // Past the report interval (1 s): what is on screen now is what was stored.
  await page.waitForTimeout(1500)
  return firstVisibleEntry(page)
}

/** The text of the first paragraph in view at the top of the reader. */
async function firstVisibleEntry(page: Page): Promise<string> {
  return reader(page).evaluate((scroller) => {
    const top = scroller.getBoundingClientRect().top
    for (const block of scroller.querySelectorAll<HTMLElement>('[data-testid="article-body"] [data-start]')) {
      if (block.getBoundingClientRect().bottom > top + 2) return /^Entry \d+/.exec(block.textContent ?? '')?.[0] ?? ''
    }
    return ''
  })
}

test('a long article reopens where the reader stopped; the library shows how far', async ({ app, gloss }) => {
  await openArticle(app, LONG_TITLE)
  // About 4,900 words at 230 a minute (21.2).
  await expect(app.getByTestId('reading-time')).toHaveText('21 min read')
  await expect(row(app, LONG_TITLE).locator('.row-reading-time')).toHaveText('21 min read')
  await expect(row(app, LONG_TITLE).getByTestId('row-progress')).toHaveCount(0)

  // Half-way down, as a reader scrolling would (wheel events, in steps).
  await reader(app).hover()
  const half = await reader(app).evaluate((el) => (el.scrollHeight - el.clientHeight) / 2)
  while ((await reader(app).evaluate((el) => el.scrollTop)) < half - 400) await app.mouse.wheel(0, 400)
  await reader(app).evaluate((el, half) => el.scrollTo({ top: half }), half)
  const stoppedAt = await settledEntry(app)
  const stoppedNumber = Number(stoppedAt.split(' ')[1])
  expect(stoppedNumber).toBeGreaterThan(20)
  expect(stoppedNumber).toBeLessThan(60)

  // Another article: it starts at its top, and the long one's row says how far, as text
  // (not colour alone): the share of the text that has been on screen.
  await openArticle(app, gloss.corpus.pairTitle)
  await expect.poll(() => reader(app).evaluate((el) => el.scrollTop)).toBe(0)
  const progress = row(app, LONG_TITLE).getByTestId('row-progress')
  await expect(progress).toHaveText(/^\d+% read$/)
  const percent = Number.parseInt((await progress.textContent()) ?? '', 10)
  expect(percent).toBeGreaterThan(stoppedNumber * (100 / 80))
  expect(percent).toBeLessThan(80)

  // Back: the same paragraph is at the top.
  await openArticle(app, LONG_TITLE)
  await expect(body(app)).toContainText('Entry 80.')
  await expect.poll(() => firstVisibleEntry(app)).toBe(stoppedAt)

  // A reload of the page (the app restarting) comes back to it as well.
  await app.reload()
  await expect(app.locator('h1#article-title')).toHaveText(LONG_TITLE)
  await expect.poll(() => firstVisibleEntry(app)).toBe(stoppedAt)
  await expect(row(app, LONG_TITLE).getByTestId('row-progress')).toHaveText(`${percent}% read`)

  // To the end (again as paragraphs laid out on the way grow the page), then away: "Read".
  await expect
    .poll(async () => {
      await reader(app).evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
      await app.waitForTimeout(100)
      return reader(app).evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop)
    })
    .toBeLessThan(2)
  // The end stays in view a moment (END_DWELL_MS): only then is it read, without another scroll.
  await expect(row(app, LONG_TITLE).getByTestId('row-progress')).toHaveText('Read')
  await openArticle(app, gloss.corpus.pairTitle)
  await expect(row(app, LONG_TITLE).getByTestId('row-progress')).toHaveText('Read')
})

test('a different font size keeps the place: the restore point is a block, not pixels', async ({ app }) => {
  await openArticle(app, LONG_TITLE)
  await reader(app).evaluate((el) => el.scrollTo({ top: (el.scrollHeight - el.clientHeight) * 0.3 }))
  const stoppedAt = await settledEntry(app)
  await app.getByRole('button', { name: 'Reading settings' }).click()
  const dialog = app.getByRole('dialog', { name: 'Reading settings' })
  await dialog.getByRole('slider', { name: 'Font size' }).focus()
  await app.keyboard.press('End')
  await expect(dialog.getByTestId('value-fontSize')).toHaveText('32 px')
  // The same paragraph stays at the top while the type grows.
  await expect.poll(() => firstVisibleEntry(app)).toBe(stoppedAt)
  await app.keyboard.press('Escape')
  await app.waitForTimeout(1500)
  await app.reload()
  await expect(app.locator('h1#article-title')).toHaveText(LONG_TITLE)
  await expect.poll(() => firstVisibleEntry(app)).toBe(stoppedAt)
})

test('a search result opens the article at the match, not at the saved place', async ({ app, gloss }) => {
  await openArticle(app, LONG_TITLE)
  await reader(app).evaluate((el) => el.scrollTo({ top: (el.scrollHeight - el.clientHeight) * 0.7 }))
  const saved = await settledEntry(app)
  expect(Number(saved.split(' ')[1])).toBeGreaterThan(30)
  await openArticle(app, gloss.corpus.pairTitle)

  const search = app.getByRole('searchbox', { name: 'Search all text' })
  await search.fill('periwinkle')
  const results = app.getByTestId('search-results').locator('button[data-search-result]')
  await expect(results).toHaveCount(1, { timeout: 30_000 })
  await results.first().click()
  await expect(app.locator('h1#article-title')).toHaveText(LONG_TITLE)
  await expect.poll(() => app.evaluate(() => window.getSelection()?.toString())).toBe('periwinkle')
  // Still there a moment later: the saved place did not pull the reader away.
  await app.waitForTimeout(800)
  const inView = await app.evaluate(() => {
    const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect()
    return rect.height > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight
  })
  expect(inView).toBe(true)
})
