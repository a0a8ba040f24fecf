// What a reader does, in Playwright terms: open an article from the library, select a
// phrase with the mouse, work with highlights. Selectors are the renderer's roles and
// labels (see the comment at the top of src/renderer/src/App.tsx).
import { expect, type Locator, type Page } from '@playwright/test'

export const library = (page: Page): Locator => page.getByRole('listbox', { name: 'Articles' })
export const articleRows = (page: Page): Locator => library(page).getByRole('option')
export const body = (page: Page): Locator => page.getByTestId('article-body')
export const sidePanel = (page: Page): Locator => page.getByRole('region', { name: 'Highlights' })
export const marks = (page: Page): Locator => body(page).locator('mark[data-highlight-id]')
export const popover = (page: Page): Locator => page.getByTestId('highlight-popover')
export const toolbar = (page: Page): Locator => page.getByTestId('selection-toolbar')

export async function openArticle(page: Page, title: string): Promise<void> {
  await articleRows(page).filter({ hasText: title }).click()
  await expect(page.locator('h1#article-title')).toHaveText(title)
  await expect(articleRows(page).filter({ hasText: title })).toHaveAttribute('aria-selected', 'true')
}

export async function rowTitles(page: Page): Promise<string[]> {
  return articleRows(page).locator('.row-title').allTextContents()
}

/**
 * Selects `phrase` in the article body by dragging the mouse across it, as a reader
 * would, then checks that the browser selected exactly that text.
 */
export async function selectWithMouse(page: Page, phrase: string): Promise<void> {
  // Scrolled into view, the paragraphs around it are laid out (content-visibility) and
  // the browser's scroll anchoring moves the view again a few frames later: measure only
  // once the phrase has stayed put for three frames, or the drag lands on other words.
  const points = await body(page).evaluate(async (root, phrase) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(phrase)
      if (at < 0) continue
      ;(node.parentElement as HTMLElement).scrollIntoView({ block: 'center' })
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + phrase.length)
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
      let top = range.getBoundingClientRect().top
      for (let still = 0, frames = 0; still < 3 && frames < 120; frames++) {
        await frame()
        const now = range.getBoundingClientRect().top
        still = Math.abs(now - top) < 0.5 ? still + 1 : 0
        top = now
      }
      const rects = [...range.getClientRects()].filter((r) => r.width > 0)
      const first = rects[0]
      const last = rects[rects.length - 1]
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 }
    }
    return null
  }, phrase)
  if (!points) throw new Error(`"${phrase}" is not one text run in the article body`)
  await page.mouse.move(points.x1, points.y1)
  await page.mouse.down()
  await page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 4 })
  await page.mouse.move(points.x2, points.y2, { steps: 4 })
  await page.mouse.up()
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(phrase)
  await expect(toolbar(page)).toBeVisible()
}

/** Selects a phrase and highlights it in a colour; returns the new highlight's id. */
export async function highlight(page: Page, phrase: string, color: 'yellow' | 'green' | 'blue' | 'pink'): Promise<string> {
  const before = new Set(await marks(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.highlightId!)))
  await selectWithMouse(page, phrase)
  await toolbar(page).getByRole('button', { name: `Highlight ${color}` }).click()
  await expect(toolbar(page)).toBeHidden()
  const mark = marks(page).filter({ hasText: phrase }).first()
  await expect(mark).toHaveAttribute('data-color', color)
  const id = await mark.getAttribute('data-highlight-id')
  if (!id || before.has(id)) throw new Error(`no new highlight for "${phrase}"`)
  return id
}

export const markById = (page: Page, id: string): Locator => body(page).locator(`mark[data-highlight-id="${id}"]`)
export const listItemById = (page: Page, id: string): Locator => sidePanel(page).locator(`button[data-list-highlight-id="${id}"]`)

/** Text of each highlight in the side panel, top to bottom. */
export async function panelQuotes(page: Page): Promise<string[]> {
  return sidePanel(page).locator('.hl-item-quote').allTextContents()
}

export const exportDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Export notes' })

/**
 * Opens the export dialog with a header button, optionally picks a format, exports
 * (the harness's save "dialog" writes into <data-dir>/exports) and closes the dialog
 * once the outcome is shown; returns the outcome's text.
 */
export async function exportWithDialog(page: Page, opener: 'Export article…' | 'Export all notes…', format?: string): Promise<string> {
  await page.getByRole('button', { name: opener }).click()
  const dialog = exportDialog(page)
  await expect(dialog).toBeVisible()
  if (format) await dialog.getByRole('radio', { name: format }).check()
  await dialog.getByRole('button', { name: 'Export…' }).click()
  const outcome = dialog.getByTestId('export-outcome')
  await expect(outcome).toBeVisible()
  const text = (await outcome.textContent()) ?? ''
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  return text
}

/**
 * The scene of the README screenshots: the sample's paired article with three coloured
 * highlights, a note on the first, an article note, and no selection left on screen.
 */
export async function showScreenshotScene(app: Page, title: string): Promise<void> {
  await openArticle(app, title)
  const ferry = await highlight(app, 'The reading room stays lit until the last ferry leaves the pier.', 'yellow')
  await highlight(app, 'one extra staff member and a kettle', 'green')
  await highlight(app, 'many of them come back', 'pink')
  await markById(app, ferry).click()
  await popover(app).getByRole('textbox', { name: 'Note' }).fill('Late hours follow the ferry timetable, not the clock.')
  await app.keyboard.press('Escape')
  await expect(popover(app)).toBeHidden()
  const note = sidePanel(app).getByRole('textbox', { name: 'Article note' })
  await note.fill('A cheap way to make a library useful to commuters.')
  await note.blur()
  await expect(sidePanel(app).getByRole('status').first()).toHaveText('Saved')
  await app.evaluate(() => window.getSelection()?.removeAllRanges())
}
