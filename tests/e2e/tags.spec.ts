// Tags in Chromium against the real services (harness), driven with the keyboard: the
// mouse only selects the text a highlight is made from. Tags are typed and picked from
// autocomplete with the keys, on highlights (popover) and on articles (side panel);
// the library's Tag filter narrows the list; Manage tags merges one tag into another
// across the folder; the export carries the tags.
import type { Locator, Page } from '@playwright/test'
import { expectNoSeriousViolations } from './a11y'
import { expect, test } from './fixtures'
import { articleRows, exportDialog, highlight, listItemById, markById, openArticle, popover, rowTitles, sidePanel } from './helpers'

const SALT = 'Salt Roads of the Sahel'
const MILLS = 'River Mills and Their Calendars'

test.use({
  extraFiles: {
    'tags/salt-roads.md': `---\ntitle: ${SALT}\ndate: 2021-02-03\n---\n\nThe caravans carried salt across the dunes for a thousand years.\n\nEvery oasis kept a ledger of the loads that passed its wells.\n`,
    'tags/river-mills.md': `---\ntitle: ${MILLS}\ndate: 2020-06-07\n---\n\nThe mill wheel turned only when the spring floods came down.\n\nMillers kept a calendar of the water instead of the sun.\n`
  }
})

/** Presses Tab until the target has focus (the way a keyboard user gets there). */
async function tabTo(page: Page, target: Locator, max = 20): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  await expect(target).toBeFocused()
}

/** Opens a highlight's popover from the keyboard: focus its mark, Enter. */
async function openPopover(page: Page, id: string): Promise<void> {
  await markById(page, id).first().focus()
  await page.keyboard.press('Enter')
  await expect(popover(page)).toHaveAttribute('data-highlight-id', id)
}

const chips = (scope: Locator, label: string) => scope.getByRole('list', { name: label, exact: true }).getByRole('listitem')

test('tags on highlights and articles with the keyboard: autocomplete, filter, merge, export', async ({ app }) => {
  await openArticle(app, SALT)
  const caravans = await highlight(app, 'The caravans carried salt', 'yellow')

  // Typed tags: Enter adds one, a comma another.
  await openPopover(app, caravans)
  const tagBox = popover(app).getByRole('combobox', { name: 'Tags' })
  await tabTo(app, tagBox)
  await app.keyboard.type('Trade   routes')
  await app.keyboard.press('Enter')
  await app.keyboard.type('history,')
  await expect(chips(popover(app), 'Tags')).toHaveText(['Trade routes×', 'history×'])
  await expect(popover(app).getByTestId('tag-input-status')).toHaveText('Added tag history')
  // Backspace in the empty box takes the last one off; type it again.
  await app.keyboard.press('Backspace')
  await expect(chips(popover(app), 'Tags')).toHaveText(['Trade routes×'])
  await app.keyboard.type('history')
  await app.keyboard.press('Enter')
  await app.keyboard.press('Escape')
  await expect(popover(app)).toBeHidden()
  await expect(listItemById(app, caravans).locator('.tag-list')).toHaveAttribute('data-tags', 'Trade routes,history')

  // Another article: autocomplete offers the folder's tags, in any case, picked with the arrows.
  await openArticle(app, MILLS)
  const wheel = await highlight(app, 'The mill wheel turned', 'green')
  await openPopover(app, wheel)
  const wheelBox = popover(app).getByRole('combobox', { name: 'Tags' })
  await tabTo(app, wheelBox)
  await app.keyboard.type('HIS')
  const suggestions = popover(app).getByRole('listbox', { name: 'Tags: suggestions' })
  await expect(suggestions.getByRole('option')).toHaveText(['history'])
  await app.keyboard.press('ArrowDown')
  await expect(suggestions.getByRole('option', { name: 'history' })).toHaveAttribute('aria-selected', 'true')
  await expect(wheelBox).toHaveAttribute('aria-activedescendant', /.+/)
  await app.keyboard.press('Enter')
  await expect(chips(popover(app), 'Tags')).toHaveText(['history×'])
  // The first Escape closes the suggestions only; the second closes the popover.
  await app.keyboard.type('tr')
  await expect(suggestions.getByRole('option')).toHaveText(['Trade routes'])
  await expectNoSeriousViolations(app, 'highlight popover with tag suggestions')
  await app.keyboard.press('Escape')
  await expect(suggestions).toBeHidden()
  await expect(popover(app)).toBeVisible()
  await app.keyboard.press('Control+A')
  await app.keyboard.press('Delete')
  await app.keyboard.press('Escape')
  await expect(popover(app)).toBeHidden()
  await expect(listItemById(app, wheel)).toContainText('history')

  // A tag for the whole article, next to the article note.
  const articleNote = sidePanel(app).getByRole('textbox', { name: 'Article note' })
  await articleNote.focus()
  const articleTags = sidePanel(app).getByRole('combobox', { name: 'Article tags' })
  await tabTo(app, articleTags)
  await app.keyboard.type('Water power')
  await app.keyboard.press('Enter')
  await expect(chips(sidePanel(app), 'Article tags')).toHaveText(['Water power×'])
  // The library row shows the article's own tags.
  await expect(articleRows(app).filter({ hasText: MILLS }).locator('.tag-list')).toHaveAttribute('data-tags', 'Water power')

  // The library's "Your tag" filter: the article's own tags and its highlights' tags, any case.
  const tagFilter = app.getByLabel('Your tag', { exact: true })
  await tagFilter.focus()
  await expect(tagFilter.locator('option')).toHaveText(['All tags', 'history', 'Trade routes', 'Water power'])
  await tagFilter.selectOption('Water power')
  await expect.poll(() => rowTitles(app)).toEqual([MILLS])
  await tagFilter.selectOption('Trade routes')
  await expect.poll(() => rowTitles(app)).toEqual([SALT])
  await tagFilter.selectOption('history')
  await expect.poll(() => rowTitles(app)).toEqual([SALT, MILLS])
  await tagFilter.selectOption('')

  // Manage tags: renaming "Trade routes" to an existing tag says it will merge, then merges.
  const manage = app.getByRole('button', { name: 'Manage tags…' })
  await manage.focus()
  await app.keyboard.press('Enter')
  const dialog = app.getByRole('dialog', { name: 'Manage tags' })
  await expect(dialog).toBeVisible()
  await expect(dialog.locator('li[data-tag="history"]')).toContainText('2 highlights')
  await dialog.getByRole('button', { name: 'Rename Trade routes' }).focus()
  await app.keyboard.press('Enter')
  const newName = dialog.getByRole('textbox', { name: 'New name for “Trade routes”' })
  await expect(newName).toBeFocused()
  await app.keyboard.press('Control+A')
  await app.keyboard.type('History')
  await expect(dialog.getByTestId('manage-tags-note')).toContainText('already exists: the two tags will be merged into “History”')
  // The caravans highlight carries both tags: counted once (the core's tags.mergePreview), not "2 highlights + 1 highlight".
  await expect(dialog.getByTestId('manage-tags-note')).toContainText('on 2 highlights in all.')
  await expect(dialog.getByRole('button', { name: 'Merge' })).toBeEnabled()
  await expectNoSeriousViolations(app, 'Manage tags dialog')
  await app.keyboard.press('Enter')
  await expect(dialog.getByRole('status').filter({ hasText: 'Merged “Trade routes” into “History”' })).toBeVisible()
  await expect(dialog.locator('li[data-tag]')).toHaveCount(2)
  await expect(dialog.locator('li[data-tag="History"]')).toContainText('2 highlights')
  await app.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  // Across the folder: the open article's highlight shows the merged spelling, and the other article's too.
  await expect(listItemById(app, wheel).locator('.tag-list')).toHaveAttribute('data-tags', 'History')
  await openArticle(app, SALT)
  await expect(listItemById(app, caravans).locator('.tag-list')).toHaveAttribute('data-tags', 'History')

  // The export carries them: Obsidian #tags under each quote, article tags in the front matter.
  await openArticle(app, MILLS)
  await app.getByRole('button', { name: 'Export article…' }).focus()
  await app.keyboard.press('Enter')
  const exporting = exportDialog(app)
  const preview = exporting.getByTestId('export-preview')
  await expect(preview).toContainText('> The mill wheel turned')
  await expect(preview).toContainText('#History')
  await expect(preview).toContainText('- "Water-power"')
  await app.keyboard.press('Escape')
  await expect(exporting).toBeHidden()
})
