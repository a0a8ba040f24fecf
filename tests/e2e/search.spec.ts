// Full-text search in Chromium against the real services: a folder of a few thousand
// seed-style articles, a word found only in one body, a word found only in a note the
// reader writes, and a result that opens its article at the match.
import { seedStylePair } from '../fixtures/corpus-builder'
import { textGenerator } from '../../scripts/search-bench/synthetic-text'
import { expect, test } from './fixtures'
import { sidePanel } from './helpers'

const ARTICLES = 2_500
const TARGET = 1_234
const TARGET_TITLE = 'Salt Marsh Survey Finds Rare Plants'
// Neither word can come out of the synthetic vocabulary (common words + generated syllables).
const BODY_WORD = 'quillwort'
const NOTE_WORD = 'kumquat'

function bigCorpus(): Record<string, string> {
  const gen = textGenerator(7, 4_000)
  const files: Record<string, string> = {}
  for (let i = 0; i < ARTICLES; i++) {
    const paragraphs = gen.body(1_500)
    if (i === TARGET) paragraphs.splice(2, 0, `Volunteers counted ${BODY_WORD} along the northern channel at low tide.`)
    const pair = seedStylePair({
      title: i === TARGET ? TARGET_TITLE : `${gen.title()} ${i}`,
      paragraphs,
      index: 0,
      folder: `batch-${Math.floor(i / 250)}/item-${i}`
    })
    Object.assign(files, pair.files)
  }
  return files
}

test.use({ extraFiles: bigCorpus() })
test.setTimeout(120_000)

test('finds an article by a word only in its body, and by a word only in a note written in the app', async ({ app }) => {
  const search = app.getByRole('searchbox', { name: 'Search all text' })
  const results = app.getByTestId('search-results').locator('button[data-search-result]')

  // `/` reaches the box from anywhere outside a text field.
  await app.locator('body').press('/')
  await expect(search).toBeFocused()
  await search.fill(BODY_WORD)
  // The first query may wait for the index to be built in the worker.
  await expect(results).toHaveCount(1, { timeout: 60_000 })
  await expect(results.first()).toContainText(TARGET_TITLE)
  await expect(results.first().locator('mark')).toHaveText([BODY_WORD])
  await expect(results.first()).toHaveAttribute('data-kind', 'article')

  await results.first().click()
  await expect(app.locator('h1#article-title')).toHaveText(TARGET_TITLE)
  // Opened at the match: the word is selected and in view.
  await expect.poll(() => app.evaluate(() => window.getSelection()?.toString())).toBe(BODY_WORD)
  const inView = await app.evaluate(() => {
    const range = window.getSelection()!.getRangeAt(0)
    const rect = range.getBoundingClientRect()
    return rect.height > 0 && rect.top >= 0 && rect.bottom <= window.innerHeight
  })
  expect(inView).toBe(true)

  // A note written through the UI becomes searchable.
  await search.fill(NOTE_WORD)
  await expect(app.getByTestId('search-results').getByRole('status')).toHaveText('No matches')
  await search.press('Escape')
  const note = sidePanel(app).getByRole('textbox', { name: 'Article note' })
  await note.fill(`Bring ${NOTE_WORD} for the survey team.`)
  await expect(sidePanel(app).getByRole('status').first()).toHaveText('Saved')

  // Go elsewhere first, so that the result has to open the article.
  await app.getByRole('listbox', { name: 'Articles' }).getByRole('option').first().click()
  await expect(app.locator('h1#article-title')).not.toHaveText(TARGET_TITLE)
  await search.fill(NOTE_WORD)
  await expect(results).toHaveCount(1)
  await expect(results.first()).toHaveAttribute('data-kind', 'note')
  await expect(results.first().locator('mark')).toHaveText([NOTE_WORD])
  await results.first().click()
  await expect(app.locator('h1#article-title')).toHaveText(TARGET_TITLE)
})
