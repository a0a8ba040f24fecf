// The Reading settings dialog with the keyboard only: Tab to "Aa", Enter, arrow keys in
// the theme radios and on the sliders, Escape back to the button. The reader changes
// as the values do, and the values are there again after a reload.
import type { Page } from '@playwright/test'
import { expectNoSeriousViolations } from './a11y'
import { expect, test } from './fixtures'
import { openArticle } from './helpers'

const settings = (page: Page) => page.getByRole('dialog', { name: 'Reading settings' })
const reading = (page: Page) => page.locator('article.reading')
const px = (value: string) => Number.parseFloat(value)

/** Presses Tab until `target` has focus (keyboard only); fails after `max` presses. */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error('could not reach the element with Tab')
}

test('theme, font size and column width change with the keyboard alone, live, and are kept', async ({ app, gloss }) => {
  await openArticle(app, gloss.corpus.pairTitle)
  const before = await reading(app).evaluate((el) => ({ size: getComputedStyle(el).fontSize, width: el.getBoundingClientRect().width }))
  expect(px(before.size)).toBe(18)

  const opener = app.getByRole('button', { name: 'Reading settings' })
  await tabTo(app, opener)
  await app.keyboard.press('Enter')
  const dialog = settings(app)
  await expect(dialog).toBeVisible()
  // Focus starts on the theme in use; arrows move through System → Light → Dark.
  const system = dialog.getByRole('radio', { name: 'System' })
  await expect(system).toBeFocused()
  await app.keyboard.press('ArrowDown')
  await app.keyboard.press('ArrowDown')
  await expect(dialog.getByRole('radio', { name: 'Dark' })).toBeChecked()
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expectNoSeriousViolations(app, 'the Reading settings dialog in the dark theme', { include: '[data-testid="reading-settings"]' })

  const fontSize = dialog.getByRole('slider', { name: 'Font size' })
  await tabTo(app, fontSize)
  for (let i = 0; i < 4; i++) await app.keyboard.press('ArrowRight')
  await expect(dialog.getByTestId('value-fontSize')).toHaveText('22 px')
  await expect.poll(async () => px(await reading(app).evaluate((el) => getComputedStyle(el).fontSize))).toBe(22)

  const column = dialog.getByRole('slider', { name: 'Column width' })
  await tabTo(app, column)
  await app.keyboard.press('Home')
  await expect(dialog.getByTestId('value-columnWidth')).toHaveText('40 ch')
  const narrow = await reading(app).evaluate((el) => el.getBoundingClientRect().width)
  expect(narrow).toBeLessThan(before.width)

  // Escape closes and hands focus back to the button that opened the dialog.
  await app.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()

  // Saved (the slider saves once it settles): the same after a reload.
  await expect.poll(async () => (await (await fetchPrefs(app)).json()).value).toMatchObject({ theme: 'dark', fontSize: 22, columnWidth: 40 })
  await app.reload()
  await expect(app.locator('h1#article-title')).toHaveText(gloss.corpus.pairTitle)
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect.poll(async () => px(await reading(app).evaluate((el) => getComputedStyle(el).fontSize))).toBe(22)

  // Reset, by keyboard too: back to the defaults.
  await tabTo(app, opener)
  await app.keyboard.press('Enter')
  await tabTo(app, settings(app).getByRole('button', { name: 'Reset' }))
  await app.keyboard.press('Enter')
  await expect(settings(app).getByTestId('value-fontSize')).toHaveText('18 px')
  await expect(settings(app).getByRole('radio', { name: 'System' })).toBeChecked()
  await app.keyboard.press('Escape')
  await expect.poll(async () => px(await reading(app).evaluate((el) => getComputedStyle(el).fontSize))).toBe(18)
})

test('Tab stays inside the dialog', async ({ app }) => {
  await app.getByRole('button', { name: 'Reading settings' }).focus()
  await app.keyboard.press('Enter')
  const dialog = settings(app)
  await expect(dialog).toBeVisible()
  for (let i = 0; i < 14; i++) {
    await app.keyboard.press('Tab')
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true)
  }
  await app.keyboard.press('Shift+Tab')
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true)
})

/** The stored preferences, asked of the harness the way the page asks. */
async function fetchPrefs(page: Page) {
  const url = new URL(page.url())
  const token = url.searchParams.get('token') ?? ''
  return page.request.post(`${url.origin}/rpc/prefs.get`, { data: {}, headers: { 'x-gloss-token': token } })
}
