// A whole session with the keyboard only (page.keyboard, no mouse, no clicks): open
// articles with j/k, select text with s/e/Shift+arrows, highlight with h and 2, write
// a note with n, move between highlights with [ ], recolour with 3, the "?" sheet,
// search with / and Ctrl+F, the export dialog with Ctrl+E; focus is always visible and
// comes back where it was when something closes.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { articleRows, body, library, marks, popover, sidePanel, toolbar } from './helpers'

const title = (page: Page) => page.locator('h1#article-title')
const selected = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '')

/**
 * The focused element and whether its focus ring shows: a real outline on it, or on the
 * field box around it (an input drawn inside a :focus-within box, like the tag input).
 */
async function focusRing(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { tag: 'BODY', visible: false, label: '' }
    const ringed = (node: Element) => {
      const style = getComputedStyle(node)
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    }
    const box = el.parentElement?.closest(':focus-within')
    const visible = ringed(el) || (el.tagName === 'INPUT' && !!box && box !== document.body && ringed(box))
    return { tag: el.tagName, visible, label: el.getAttribute('aria-label') ?? el.textContent?.slice(0, 40) ?? '' }
  })
}

async function expectVisibleFocus(page: Page, tag?: string) {
  const ring = await focusRing(page)
  if (tag) expect(ring.tag).toBe(tag)
  expect(ring.visible, `focus ring on ${ring.tag} "${ring.label}"`).toBe(true)
}

test('a reading session with the keyboard only', async ({ app, gloss }) => {
  const keys = app.keyboard
  const { pairTitle } = gloss.corpus

  // The first Tab stop skips to the article.
  await keys.press('Tab')
  await expect(app.getByRole('link', { name: 'Skip to article' })).toBeFocused()
  await expectVisibleFocus(app, 'A')

  // j / k walk the library in its order (newest first): Quiet Hours, then the pair.
  const order = await articleRows(app).locator('.row-title').allTextContents()
  const at = order.indexOf(pairTitle)
  expect(at).toBeGreaterThan(0)
  for (let i = 0; i <= at; i++) await keys.press('j')
  await expect(title(app)).toHaveText(pairTitle)
  await keys.press('k')
  await expect(title(app)).toHaveText(order[at - 1])
  await keys.press('j')
  await expect(title(app)).toHaveText(pairTitle)
  await expect(library(app).getByRole('option', { selected: true })).toContainText(pairTitle)

  await keys.press('Enter')
  await expect(body(app)).toBeFocused()
  await expectVisibleFocus(app, 'DIV')

  // s selects the first sentence in view; h highlights it (yellow).
  await keys.press('s')
  expect(await selected(app)).toBe('Three harbour towns have started keeping their libraries open late on weekdays.')
  await expect(toolbar(app)).toBeVisible()
  await keys.press('h')
  await expect(toolbar(app)).toBeHidden()
  await expect(marks(app).filter({ hasText: 'Three harbour towns' })).toHaveAttribute('data-color', 'yellow')

  // s s: the next sentence; Shift+Left trims the full stop; 2 highlights it green.
  await keys.press('s')
  await keys.press('s')
  expect(await selected(app)).toBe('The reading room stays lit until the last ferry leaves the pier.')
  await keys.press('Shift+ArrowLeft')
  expect(await selected(app)).toBe('The reading room stays lit until the last ferry leaves the pier')
  await expect(app.getByTestId('selection-announcer')).toHaveText('Selected: The reading room stays lit until the last ferry leaves the pier')
  await keys.press('2')
  const ferry = marks(app).filter({ hasText: 'the last ferry leaves the pier' })
  await expect(ferry).toHaveAttribute('data-color', 'green')
  await expect(ferry).toHaveAttribute('aria-describedby', 'hl-desc-green')

  // e grows a selection by a sentence; n highlights it (in the colour used last, green) and opens the note.
  await keys.press('p')
  expect(await selected(app)).toContain('Three harbour towns')
  await keys.press('Escape')
  await expect(toolbar(app)).toBeHidden()
  await keys.press('Tab') // the first highlight in the text
  await keys.press('s')
  expect(await selected(app)).toBe('Three harbour towns have started keeping their libraries open late on weekdays.')
  await keys.press('s')
  await keys.press('s')
  await keys.press('e')
  expect(await selected(app)).toMatch(/^Most visitors are commuters.*come back\.\s+Librarians say the late hours cost little: one extra staff member and a kettle\.$/)
  await keys.press('n')
  await expect(popover(app)).toBeVisible()
  const note = popover(app).getByRole('textbox', { name: 'Note' })
  await expect(note).toBeFocused()
  await keys.type('Late hours, cheap kettle.')
  await keys.press('Control+Enter')
  await expect(popover(app).locator('.save-status')).toHaveText('Saved')
  // Tab stays inside the popover.
  for (let i = 0; i < 8; i++) {
    await keys.press('Tab')
    expect(await popover(app).evaluate((el) => el.contains(document.activeElement))).toBe(true)
    await expectVisibleFocus(app)
  }
  await keys.press('Escape')
  await expect(popover(app)).toBeHidden()
  const kettleId = await app.evaluate(() => (document.activeElement as HTMLElement).dataset.highlightId)
  expect(kettleId).toBeTruthy()
  await expectVisibleFocus(app, 'MARK')
  await expect(body(app).locator(`mark[data-highlight-id="${kettleId}"]`).first()).toHaveAttribute('aria-describedby', 'hl-desc-green-note')

  // [ and ] move between highlights in reading order (from the focused one).
  await expect(app.locator(':focus')).toHaveAttribute('data-highlight-id', kettleId!)
  await keys.press('[')
  await expect(app.locator(':focus')).toHaveText('The reading room stays lit until the last ferry leaves the pier')
  await keys.press('[')
  await expect(app.locator(':focus')).toContainText('Three harbour towns')
  await keys.press(']')
  await expect(app.locator(':focus')).toHaveText('The reading room stays lit until the last ferry leaves the pier')
  await expectVisibleFocus(app, 'MARK')

  // Enter opens the focused highlight; 3 makes it blue; Esc gives focus back to it.
  await keys.press('Enter')
  await expect(popover(app)).toBeVisible()
  await keys.press('3')
  await expect(ferry).toHaveAttribute('data-color', 'blue')
  await expect(popover(app).getByRole('button', { name: 'Blue' })).toHaveAttribute('aria-pressed', 'true')
  await keys.press('Escape')
  await expect(popover(app)).toBeHidden()
  await expect(app.locator(':focus')).toHaveText('The reading room stays lit until the last ferry leaves the pier')
  // A number on a focused highlight recolours it too.
  await keys.press('4')
  await expect(ferry).toHaveAttribute('data-color', 'pink')
  await expect(sidePanel(app).locator('[data-list-highlight-id]')).toHaveCount(3)

  // ] with the popover open closes it and goes on to the next highlight; [ likewise back.
  await keys.press('Enter')
  await expect(popover(app)).toBeVisible()
  await expect(popover(app).getByRole('button', { name: 'Pink' })).toBeFocused()
  await keys.press(']')
  await expect(popover(app)).toBeHidden()
  await expect(app.locator(':focus')).toHaveAttribute('data-highlight-id', kettleId!)
  await keys.press('Enter')
  await expect(popover(app)).toBeVisible()
  await keys.press('[')
  await expect(popover(app)).toBeHidden()
  await expect(app.locator(':focus')).toHaveText('The reading room stays lit until the last ferry leaves the pier')
  await expectVisibleFocus(app, 'MARK')

  // ? lists every shortcut; Tab stays inside; Esc closes and focus comes back.
  await keys.press('?')
  const sheet = app.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  for (const text of ['Open the next article in the library', 'Select the next sentence', 'Go to the next highlight in the article', 'Find: search all text', 'Zoom in', 'Full screen']) {
    await expect(sheet).toContainText(text)
  }
  await keys.press('Tab')
  await keys.press('Tab')
  expect(await sheet.evaluate((el) => el.contains(document.activeElement))).toBe(true)
  await expectVisibleFocus(app)
  await keys.press('Escape')
  await expect(sheet).toBeHidden()
  await expect(app.locator(':focus')).toHaveText('The reading room stays lit until the last ferry leaves the pier')

  // Ctrl+E opens the export dialog; Esc closes it and focus comes back.
  await keys.press('Control+e')
  const exportDialog = app.getByRole('dialog', { name: 'Export notes' })
  await expect(exportDialog).toBeVisible()
  await expectVisibleFocus(app)
  await keys.press('Escape')
  await expect(exportDialog).toBeHidden()
  await expect(app.locator(':focus')).toHaveText('The reading room stays lit until the last ferry leaves the pier')

  // / and Ctrl+F go to the search box.
  const search = app.getByRole('searchbox', { name: 'Search all text' })
  await keys.press('/')
  await expect(search).toBeFocused()
  await expectVisibleFocus(app, 'INPUT')
  // Letters typed into the search box are text, not shortcuts.
  await keys.type('kettle')
  await expect(search).toHaveValue('kettle')
  await expect(title(app)).toHaveText(pairTitle)
  await keys.press('Shift+Tab')
  expect(await app.evaluate(() => document.activeElement?.tagName)).not.toBe('INPUT')
  await keys.press('Control+f')
  await expect(search).toBeFocused()
})

const MANY = Object.fromEntries(
  Array.from({ length: 40 }, (_, i) => {
    const n = String(i + 1).padStart(2, '0')
    return [`many/log-${n}.md`, `---\ntitle: Ship log ${n}\ndate: 2030-01-${String(28 - (i % 28)).padStart(2, '0')}T${String(10 + Math.floor(i / 28)).padStart(2, '0')}:00:00Z\n---\n\nEntry ${n}: the wind held from the west.\n`]
  })
)

test.describe('a long library', () => {
  test.use({ extraFiles: MANY })

  test('j walks down the virtual list and keeps the open row in view', async ({ app }) => {
    const keys = app.keyboard
    for (let i = 0; i < 30; i++) {
      await keys.press('j')
      await expect(library(app).getByRole('option', { selected: true })).toHaveCount(1)
    }
    const row = library(app).getByRole('option', { selected: true })
    await expect(row).toBeInViewport()
    const name = (await row.locator('.row-title').textContent()) ?? ''
    await expect(app.locator('h1#article-title')).toHaveText(name)
    await keys.press('k')
    await expect(app.locator('h1#article-title')).not.toHaveText(name)
    await expect(library(app).getByRole('option', { selected: true })).toBeInViewport()
  })
})

// Far more rows than the list fetches (200 a page): an article opened from search near the
// end sits in rows never fetched, and j/k still step from where it is in the list's order.
const FAR_COUNT = 3000
const FAR = Object.fromEntries(
  Array.from({ length: FAR_COUNT }, (_, i) => {
    const n = String(i + 1).padStart(4, '0')
    // One hour apart, newest first in the default (date) order: log 0001 first.
    const date = new Date(Date.UTC(2000, 5, 1) - i * 3_600_000).toISOString()
    const words = n === '2990' ? 'the quillwort drifted past the breakwater' : 'the wind held from the west'
    return [`far/log-${n}.md`, `---\ntitle: Far log ${n}\ndate: ${date}\n---\n\nEntry ${n}: ${words}.\n`]
  })
)

test.describe('a library longer than the rows fetched', () => {
  test.use({ extraFiles: FAR })

  test('j and k step from an article opened far down the list, not from the top', async ({ app }) => {
    const keys = app.keyboard
    await keys.press('/')
    await keys.type('quillwort')
    await expect(app.locator('button[data-search-result]').first()).toBeVisible()
    await keys.press('Enter')
    await expect(title(app)).toHaveText('Far log 2990')
    // Its row was never fetched: the list shows the top of 3,000 rows.
    await expect(library(app).getByRole('option', { name: /Far log 2990/ })).toHaveCount(0)
    if ((await app.evaluate(() => document.activeElement?.tagName)) === 'INPUT') await keys.press('Shift+Tab')
    await keys.press('j')
    await expect(title(app)).toHaveText('Far log 2991')
    await keys.press('j')
    await expect(title(app)).toHaveText('Far log 2992')
    await keys.press('k')
    await expect(title(app)).toHaveText('Far log 2991')
  })
})
