// The axe-core audit (WCAG 2.0/2.1 A and AA plus best practices): no serious or
// critical violation in the library and reader with highlights, nor in each transient
// part of the interface — selection toolbar, highlight popover, export dialog, the
// keyboard shortcuts sheet, search results, the problems and missing-articles lists —
// and the reader in each theme, where contrast changes.
import { rm } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test, type GlossFixture } from './fixtures'
import { auditPage, describeFindings, expectNoSeriousViolations } from './a11y'
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

  // An article with a highlight whose file goes: the missing-articles list.
  await openArticle(app, 'Quiet Hours')
  await highlight(app, 'the simplest reading habit', 'blue')
  await rm(path.join(gloss.corpus.root, 'notes', 'quiet-hours.md'))
  const missing = app.getByTestId('missing-articles')
  await expect(missing).toBeVisible({ timeout: 15_000 })
  await missing.locator('summary').click()
  await expect(missing.getByRole('button', { name: 'Remove' })).toBeVisible()
  await expectNoSeriousViolations(app, 'missing articles list open')
})

test('the whole page with an article open has no axe violation of any impact (every control in a landmark)', async ({ app, gloss }) => {
  await openArticle(app, gloss.corpus.pairTitle)
  await highlight(app, 'the last ferry leaves the pier', 'green')
  const all = await auditPage(app)
  expect(all, `axe: violations in the whole page:\n${describeFindings(all)}`).toEqual([])
  // The parts that used to sit outside landmarks are inside one now.
  for (const selector of ['.view-switch', '.splitter-library', '.splitter-panel']) {
    const landmark = await app.locator(selector).evaluate((el) => el.parentElement?.closest('nav, main, aside, header, footer, section[aria-label], [role="search"], [role="region"]')?.tagName ?? null)
    expect(landmark, selector).not.toBeNull()
  }
})

/** Sets a reading preference through the harness, as the settings dialog would, and reloads. */
async function useTheme(page: Page, gloss: GlossFixture, theme: 'light' | 'dark' | 'sepia') {
  const url = new URL(gloss.url)
  const response = await page.request.post(`${url.origin}/rpc/prefs.set`, {
    headers: { 'x-gloss-token': url.searchParams.get('token') ?? '' },
    data: { theme }
  })
  expect(response.ok()).toBe(true)
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
}

for (const theme of ['light', 'dark', 'sepia'] as const) {
  test(`the reader, a highlight popover and the shortcuts sheet pass axe in the ${theme} theme`, async ({ app, gloss }) => {
    await useTheme(app, gloss, theme)
    await openArticle(app, gloss.corpus.pairTitle)
    const ferry = await highlight(app, 'the last ferry leaves the pier', 'blue')
    await highlight(app, 'Three harbour towns', 'yellow')
    await expectNoSeriousViolations(app, `reader (${theme})`)
    await markById(app, ferry).click()
    await expect(popover(app)).toBeVisible()
    await expectNoSeriousViolations(app, `highlight popover (${theme})`)
    await app.keyboard.press('Escape')
    await app.keyboard.press('?')
    await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    await expectNoSeriousViolations(app, `shortcuts sheet (${theme})`)
  })
}

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
