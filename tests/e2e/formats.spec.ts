// Articles as they were saved: a web page (extracted from its chrome, nothing of it
// run or fetched), TOML and JSON front matter, dates shown as the source's day in a
// time zone far from UTC, Arabic and Hebrew laid out right to left and highlighted
// with the mouse, and Chinese words found inside sentences.
import { articleParagraphs, savedPage } from '../fixtures/saved-pages'
import { expect, test } from './fixtures'
import { articleRows, body, highlight, openArticle, panelQuotes, sidePanel } from './helpers'

const PAGE_TITLE = 'Two clocks on one quay'
const ARABIC_TITLE = 'مكتبة الميناء'
const ARABIC = 'قرأت المقالة في المكتبة العامة قرب الميناء القديم.'
const HEBREW = 'הספרייה פתוחה עד השעה שמונה בערב.'
const CHINESE_TITLE = '城市笔记'

test.use({
  // Far east of UTC: 20:48 UTC on 26 August is already the 27th here.
  timezoneId: 'Pacific/Auckland',
  extraFiles: {
    'saved/Two clocks.html': savedPage({ title: PAGE_TITLE, paragraphs: articleParagraphs(6) }),
    'saved/Two clocks_files/frame.html': savedPage({ title: 'A frame inside the page', paragraphs: articleParagraphs(6, 2) }),
    'hugo/tides.md': '+++\ntitle = "Tidal Clocks in TOML"\ndate = 2020-08-26T20:48:00Z\nauthors = ["[[Rosa Vidal]]"]\n+++\n\nThe harbour keeps two times, and the tide keeps a third.\n',
    'hugo/braces.md': '{\n  "title": "Braces First in JSON",\n  "date": "2024-05-01T00:30:00 (UTC +02:00)"\n}\n\nA paragraph under JSON front matter.\n',
    'scripts/arabic.md': `---\ntitle: ${ARABIC_TITLE}\n---\n\n${ARABIC}\n\nAn English paragraph between them keeps its own direction.\n\n${HEBREW}\n`,
    'scripts/chinese.md': `---\ntitle: ${CHINESE_TITLE}\n---\n\n周末我们在图书馆读书，然后去公园散步。老师说阅读让人安静。\n`
  }
})

test('a saved web page opens as its article: chrome left out, metadata from its head, highlightable', async ({ app }) => {
  await expect(articleRows(app).filter({ hasText: PAGE_TITLE })).toHaveCount(1)
  // The page's _files folder holds parts of it, never articles.
  await expect(articleRows(app).filter({ hasText: 'A frame inside the page' })).toHaveCount(0)
  await openArticle(app, PAGE_TITLE)
  await expect(app.locator('.article-meta')).toContainText('The Harbour Ledger')
  await expect(app.locator('.article-meta')).toContainText('Maren Ostby')
  // The source's day (00:30 at +02:00 on 1 May), not Auckland's or UTC's.
  await expect(app.locator('.meta-date')).toHaveText(/May 1, 2024|1 May 2024/)
  await expect(body(app)).toContainText(articleParagraphs(6)[3])
  for (const chrome of ['We use cookies', 'Most read', 'All rights reserved', 'Search the Ledger']) await expect(body(app)).not.toContainText(chrome)
  expect(await app.evaluate(() => (window as unknown as { __savedPageRan?: boolean }).__savedPageRan)).toBeUndefined()
  await highlight(app, 'the harbour kept two times', 'yellow')
  expect(await panelQuotes(app)).toEqual(['the harbour kept two times'])
})

test('TOML and JSON front matter give titles, authors and dates shown as the source’s day', async ({ app }) => {
  await openArticle(app, 'Tidal Clocks in TOML')
  await expect(app.locator('.article-meta')).toContainText('Rosa Vidal')
  await expect(app.locator('.article-meta')).not.toContainText('[[')
  await expect(app.locator('.meta-date')).toHaveText(/Aug 26, 2020|26 Aug 2020/)
  await openArticle(app, 'Braces First in JSON')
  await expect(app.locator('.meta-date')).toHaveText(/May 1, 2024|1 May 2024/)
  await expect(body(app)).toHaveText('A paragraph under JSON front matter.')
})

test('Arabic and Hebrew paragraphs lay out right to left beside English, and highlight with the mouse', async ({ app }) => {
  await openArticle(app, ARABIC_TITLE)
  const direction = (text: string) => body(app).locator('p', { hasText: text }).evaluate((el) => getComputedStyle(el).direction)
  expect(await direction(ARABIC)).toBe('rtl')
  expect(await direction(HEBREW)).toBe('rtl')
  expect(await direction('An English paragraph')).toBe('ltr')
  await expect(app.locator('h1#article-title')).toHaveJSProperty('dir', 'auto')
  await highlight(app, 'المكتبة العامة', 'green')
  await highlight(app, 'פתוחה עד השעה', 'blue')
  expect(await panelQuotes(app)).toEqual(['المكتبة العامة', 'פתוחה עד השעה'])
  const quoteDirection = await sidePanel(app).locator('.hl-item-quote').first().evaluate((el) => getComputedStyle(el).direction)
  expect(quoteDirection).toBe('rtl')
})

test('search finds a Chinese word inside a sentence', async ({ app }) => {
  const search = app.getByRole('searchbox', { name: 'Search all text' })
  const results = app.getByTestId('search-results').locator('button[data-search-result]')
  await search.fill('公园')
  await expect(results).toHaveCount(1, { timeout: 60_000 })
  await expect(results.first()).toContainText(CHINESE_TITLE)
  await expect(results.first().locator('mark')).toHaveText(['公园'])
  await results.first().click()
  await expect(app.locator('h1#article-title')).toHaveText(CHINESE_TITLE)
})
