// Undo and redo from the keyboard: Ctrl+Z takes back the last highlight or note edit,
// Shift+Ctrl+Z / Ctrl+Y does it again, a deletion offers Undo in its toast, and inside
// a text field Ctrl+Z stays the field's own text undo. Restored highlights are saved.
import type { Page } from '@playwright/test'
import { expectNoSeriousViolations } from './a11y'
import { expect, test } from './fixtures'
import { highlight, listItemById, markById, openArticle, popover, selectWithMouse, toolbar } from './helpers'

const toast = (page: Page, text: string) => page.locator('.toasts').getByRole('status').filter({ hasText: text })

/** Counts the page's calls to a contract method (the harness answers POST /rpc/<method>). */
function countCalls(page: Page, method: string): () => number {
  let count = 0
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === `/rpc/${method}`) count++
  })
  return () => count
}

test('Ctrl+Z takes back a new highlight; Shift+Ctrl+Z and Ctrl+Y bring it back', async ({ app, gloss }) => {
  await openArticle(app, gloss.corpus.pairTitle)
  const id = await highlight(app, 'Three harbour towns', 'green')

  await app.keyboard.press('Control+z')
  await expect(markById(app, id)).toHaveCount(0)
  await expect(toast(app, 'Undid: Create highlight')).toBeVisible()

  await app.keyboard.press('Control+Shift+z')
  await expect(markById(app, id)).toHaveAttribute('data-color', 'green')
  await expect(toast(app, 'Redid: Create highlight')).toBeVisible()
  // The highlight brought back is scrolled to and focused.
  await expect(markById(app, id)).toBeFocused()

  await app.keyboard.press('Control+z')
  await expect(markById(app, id)).toHaveCount(0)
  await app.keyboard.press('Control+y')
  await expect(markById(app, id)).toHaveAttribute('data-color', 'green')
  await app.keyboard.press('Control+y')
  await expect(toast(app, 'Nothing to redo')).toBeVisible()
})

test('a deleted highlight comes back from the toast\'s Undo or Ctrl+Z, with its note and colour, and stays after a reload', async ({ app, gloss }) => {
  await openArticle(app, gloss.corpus.pairTitle)
  const id = await highlight(app, 'the last ferry leaves the pier', 'pink')
  await markById(app, id).click()
  await popover(app).getByRole('textbox', { name: 'Note' }).fill('Ferries set the hours.')
  await popover(app).getByRole('button', { name: 'Save' }).click()
  await expect(popover(app).getByRole('status')).toHaveText('Saved')

  await popover(app).getByRole('button', { name: 'Delete' }).click()
  await expect(markById(app, id)).toHaveCount(0)
  const deleted = toast(app, 'Highlight deleted')
  await expect(deleted).toBeVisible()
  // Focus went with the popover: it is on the toast's Undo, so Enter undoes.
  const undo = deleted.getByRole('button', { name: 'Undo' })
  await expect(undo).toBeFocused()
  await expectNoSeriousViolations(app, 'the "Highlight deleted" toast with its Undo button')
  await app.keyboard.press('Enter')
  await expect(markById(app, id)).toHaveAttribute('data-color', 'pink')
  await expect(markById(app, id)).toHaveAttribute('title', 'Pink highlight with note')
  await expect(listItemById(app, id)).toContainText('Ferries set the hours.')

  // Again, this time undone with Ctrl+Z.
  await markById(app, id).click()
  await popover(app).getByRole('button', { name: 'Delete' }).click()
  await expect(markById(app, id)).toHaveCount(0)
  await app.keyboard.press('Control+z')
  await expect(markById(app, id)).toHaveAttribute('data-color', 'pink')
  await expect(listItemById(app, id)).toContainText('Ferries set the hours.')

  await app.reload()
  await expect(markById(app, id)).toHaveAttribute('data-color', 'pink')
  await expect(markById(app, id)).toHaveText('the last ferry leaves the pier')
  await expect(listItemById(app, id)).toContainText('Ferries set the hours.')
})

test('Ctrl+Z inside a note is the field\'s text undo; outside it restores the previous note', async ({ app, gloss }) => {
  const undoCalls = countCalls(app, 'history.undo')
  await openArticle(app, gloss.corpus.pairTitle)
  await selectWithMouse(app, 'Three harbour towns')
  await toolbar(app).getByRole('button', { name: 'Add note' }).click()
  const note = popover(app).getByRole('textbox', { name: 'Note' })
  await expect(note).toBeFocused()
  await app.keyboard.type('First thought')
  await app.keyboard.press('Control+Enter')
  await expect(popover(app).getByRole('status')).toHaveText('Saved')
  const id = (await popover(app).getAttribute('data-highlight-id'))!

  // Inside the field: the browser's own undo of what was just typed (one insertion, one
  // text undo step); the history is untouched.
  await app.keyboard.insertText(', revised')
  await expect(note).toHaveValue('First thought, revised')
  await app.keyboard.press('Control+z')
  await expect(note).toHaveValue('First thought')
  expect(undoCalls()).toBe(0)

  // Edits of one note within 2 s are one undo step: this one comes later.
  await app.waitForTimeout(2_100)
  await app.keyboard.press('Control+a')
  await app.keyboard.type('Second thought')
  await app.keyboard.press('Control+Enter')
  await expect(popover(app).getByRole('status')).toHaveText('Saved')
  await app.keyboard.press('Escape')
  await expect(popover(app)).toBeHidden()
  await expect(listItemById(app, id)).toContainText('Second thought')

  await app.keyboard.press('Control+z')
  await expect(toast(app, 'Undid: Edit note')).toBeVisible()
  await expect(listItemById(app, id)).toContainText('First thought')
  expect(undoCalls()).toBe(1)

  await app.reload()
  await expect(listItemById(app, id)).toContainText('First thought')
})

test('a tag added from the keyboard is taken back with Ctrl+Z and comes back with Shift+Ctrl+Z', async ({ app, gloss }) => {
  await openArticle(app, gloss.corpus.pairTitle)
  const id = await highlight(app, 'Three harbour towns', 'yellow')
  await markById(app, id).first().focus()
  await app.keyboard.press('Enter')
  await expect(popover(app)).toHaveAttribute('data-highlight-id', id)
  const tagBox = popover(app).getByRole('combobox', { name: 'Tags' })
  await tagBox.focus()
  await app.keyboard.type('night opening')
  await app.keyboard.press('Enter')
  await app.keyboard.press('Escape')
  await expect(popover(app)).toBeHidden()
  const tags = listItemById(app, id).locator('.tag-list')
  await expect(tags).toHaveAttribute('data-tags', 'night opening')

  await app.keyboard.press('Control+z')
  await expect(toast(app, 'Undid: Edit tags')).toBeVisible()
  await expect(tags).toHaveCount(0)
  await app.keyboard.press('Control+Shift+z')
  await expect(tags).toHaveAttribute('data-tags', 'night opening')
})
