// The core reading flow: select text with the mouse, highlight it, write notes, change
// and delete highlights, and find everything again after a reload and after the app
// (here: the harness) restarts on the same data folder.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { articleRows, highlight, listItemById, markById, marks, openArticle, panelQuotes, popover, selectWithMouse, sidePanel, toolbar } from './helpers'

const LONG_PARAGRAPHS = Array.from(
  { length: 60 },
  (_, i) => `Paragraph ${i + 1} of the long read follows the river past mill number ${i + 1}, where the water is slow and brown.`
)

test.use({
  extraFiles: {
    'long-read.md': ['# The Long Read', '', ...LONG_PARAGRAPHS.flatMap((p) => [p, '']), 'The very last sentence names the estuary.', ''].join('\n')
  }
})

test('highlight, note, recolour and delete; all of it survives a reload and a restart', async ({ app, gloss }) => {
  const { pairTitle } = gloss.corpus
  await openArticle(app, pairTitle)

  const ferry = await highlight(app, 'the last ferry leaves the pier', 'green')
  const towns = await highlight(app, 'Three harbour towns', 'yellow')
  // Reading order, not creation order.
  expect(await panelQuotes(app)).toEqual(['Three harbour towns', 'the last ferry leaves the pier'])

  // Add note straight from the selection toolbar.
  await selectWithMouse(app, 'one extra staff member and a kettle')
  await toolbar(app).getByRole('button', { name: 'Add note' }).click()
  await expect(popover(app)).toBeVisible()
  const note = popover(app).getByRole('textbox', { name: 'Note' })
  await expect(note).toBeFocused()
  await note.fill('Cheap *and* cheerful > a new building')
  await popover(app).getByRole('button', { name: 'Save' }).click()
  await expect(popover(app).getByRole('status')).toHaveText('Saved')
  const kettle = await popover(app).getAttribute('data-highlight-id')
  expect(kettle).toBeTruthy()
  await app.keyboard.press('Escape')
  await expect(popover(app)).toBeHidden()
  await expect(markById(app, kettle!)).toHaveAttribute('title', 'Yellow highlight with note')

  // Click an existing highlight: change its colour and write a note.
  await markById(app, ferry).click()
  await expect(popover(app)).toHaveAttribute('data-highlight-id', ferry)
  await popover(app).getByRole('button', { name: 'Blue' }).click()
  await expect(markById(app, ferry)).toHaveAttribute('data-color', 'blue')
  await expect(popover(app).getByRole('button', { name: 'Blue' })).toHaveAttribute('aria-pressed', 'true')
  await popover(app).getByRole('textbox', { name: 'Note' }).fill('Ferries set the opening hours.')
  // Closing without Save must not lose the note.
  await app.keyboard.press('Escape')
  await expect(popover(app)).toBeHidden()
  await expect(listItemById(app, ferry)).toContainText('Ferries set the opening hours.')

  // Delete one.
  await markById(app, towns).click()
  await popover(app).getByRole('button', { name: 'Delete' }).click()
  await expect(markById(app, towns)).toHaveCount(0)
  await expect(app.getByRole('status').filter({ hasText: 'Highlight deleted' })).toBeVisible()

  // A note for the whole article.
  const articleNote = sidePanel(app).getByRole('textbox', { name: 'Article note' })
  await articleNote.fill('Worth sending to the town council.')
  await articleNote.blur()
  await expect(sidePanel(app).getByRole('status').first()).toHaveText('Saved')
  await expect(articleRows(app).filter({ hasText: pairTitle }).locator('.badge')).toContainText('2')

  const expectSaved = async (page: Page) => {
    await expect(page.locator('h1#article-title')).toHaveText(pairTitle)
    await expect(marks(page)).toHaveCount(2)
    await expect(markById(page, ferry)).toHaveAttribute('data-color', 'blue')
    await expect(markById(page, ferry)).toHaveText('the last ferry leaves the pier')
    await expect(markById(page, kettle!)).toHaveAttribute('data-color', 'yellow')
    await expect(markById(page, towns)).toHaveCount(0)
    expect(await panelQuotes(page)).toEqual(['the last ferry leaves the pier', 'one extra staff member and a kettle'])
    await expect(listItemById(page, ferry)).toContainText('Ferries set the opening hours.')
    // The side panel shows the note as Markdown: the asterisks make emphasis.
    await expect(listItemById(page, kettle!)).toContainText('Cheap and cheerful > a new building')
    await expect(listItemById(page, kettle!).locator('em')).toHaveText('and')
    await expect(sidePanel(page).getByRole('textbox', { name: 'Article note' })).toHaveValue('Worth sending to the town council.')
  }

  // Reload the page: the last-read article opens by itself, with everything on it.
  await app.reload()
  await expectSaved(app)

  // Restart the harness on the same data folder: the same again.
  await app.goto(await gloss.restart())
  await expectSaved(app)
})

test('the side panel lists highlights in reading order and clicking one scrolls to it', async ({ app }) => {
  await openArticle(app, 'The Long Read')
  const last = await highlight(app, 'names the estuary', 'pink')
  const first = await highlight(app, 'Paragraph 1 of the long read', 'green')
  const middle = await highlight(app, 'past mill number 30,', 'blue')
  expect(await panelQuotes(app)).toEqual(['Paragraph 1 of the long read', 'past mill number 30,', 'names the estuary'])

  // Back to the top: the first highlight is in view, the last one far below.
  await app.locator('main.reader').evaluate((reader) => reader.scrollTo({ top: 0 }))
  await expect(markById(app, first)).toBeInViewport()
  await expect(markById(app, last)).not.toBeInViewport()
  await listItemById(app, last).click()
  await expect(markById(app, last)).toBeInViewport()
  await expect(markById(app, first)).not.toBeInViewport()
  await listItemById(app, middle).click()
  await expect(markById(app, middle)).toBeInViewport()
})
