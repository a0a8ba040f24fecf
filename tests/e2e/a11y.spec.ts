// The axe-core audit (WCAG 2.0/2.1 A and AA plus best practices): no serious or
// critical violation in the library and reader with highlights, nor in each transient
// part of the interface — selection toolbar, highlight popover, export dialog, the
// keyboard shortcuts sheet, search results, the problems list.
import { expect, test } from './fixtures'
import { expectNoSeriousViolations } from './a11y'
import { exportDialog, highlight, markById, openArticle, popover, selectWithMouse, toolbar } from './helpers'

test('library and reader with highlights, toolbar, popover and problems pass axe', async ({ app, gloss }) => {
  await openArticle(app, gloss.corpus.pairTitle)
  const ferry = await highlight(app, 'the last ferry leaves the pier', 'green')
  await highlight(app, 'Three harbour towns', 'pink')
  await expectNoSeriousViolations(app, 'library + reader with highlights')

  await selectWithMouse(app, 'one extra staff member and a kettle')
  await expect(toolbar(app)).toBeVisible()
  await expectNoSeriousViolations(app, 'selection toolbar')
  await app.keyboard.press('Escape')

  await markById(app, ferry).click()
  await expect(popover(app)).toBeVisible()
  await popover(app).getByRole('textbox', { name: 'Note' }).fill('Late boats, late books.')
  await expectNoSeriousViolations(app, 'highlight popover')
  await app.keyboard.press('Escape')
  await expect(popover(app)).toBeHidden()

  await app.getByTestId('problems').locator('summary').click()
  await expect(app.getByTestId('problems').locator('li').first()).toBeVisible()
  await expectNoSeriousViolations(app, 'problems list open')
})

test('export dialog, shortcuts sheet and search results pass axe', async ({ app, gloss }) => {
  await openArticle(app, gloss.corpus.pairTitle)
  await highlight(app, 'Three harbour towns', 'yellow')

  await app.getByRole('button', { name: 'Export article…' }).click()
  await expect(exportDialog(app)).toBeVisible()
  await expect(app.getByTestId('export-preview')).not.toBeEmpty()
  await expectNoSeriousViolations(app, 'export dialog')
  await app.keyboard.press('Escape')
  await expect(exportDialog(app)).toBeHidden()

  await app.locator('body').press('?')
  const sheet = app.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  await expectNoSeriousViolations(app, 'keyboard shortcuts sheet')
  await app.keyboard.press('Escape')
  await expect(sheet).toBeHidden()

  const search = app.getByRole('searchbox', { name: 'Search all text' })
  await search.fill('harbour')
  await expect(app.getByTestId('search-results').locator('button[data-search-result]').first()).toBeVisible()
  await expectNoSeriousViolations(app, 'search results')
})
