// Gloss at the window sizes people use: a laptop split screen (900×700), 200 % zoom
// (emulated as a 640×400 CSS viewport drawn at device scale 2, which is what Chromium's
// zoom does to the layout) and a 320 px wide window (WCAG 2.1 reflow, 1.4.10). Below the
// width where three columns fit, the library and the notes panel open as overlays over
// the reader, the header's actions fold into a menu, and the reader keeps ≥ 45 characters.
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expectNoSeriousViolations } from './a11y'
import { expect, test } from './fixtures'
import { articleRows, openArticle, showScreenshotScene, sidePanel } from './helpers'

const SHOTS = path.resolve('docs', 'screenshots')

/** How many characters of the reader's own font fit on one line of the article. */
const readerMeasure = (page: Page) =>
  page.locator('article.reading').evaluate((el) => {
    const probe = document.createElement('span')
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre'
    probe.textContent = 'abcdefghijklmnopqrstuvwxyz'.repeat(4)
    el.appendChild(probe)
    const perChar = probe.getBoundingClientRect().width / probe.textContent.length
    probe.remove()
    const style = getComputedStyle(el)
    const inner = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
    return Math.floor(inner / perChar)
  })

/** The header's controls all sit on one row. */
const headerRows = (page: Page) =>
  page.locator('header.app-header').evaluate((header) => {
    const centres = [...header.querySelectorAll<HTMLElement>('button, .folder')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2))
    return new Set(centres.map((c) => Math.round(c / 12))).size
  })

const overflowsSideways = (page: Page) =>
  page.evaluate(() => {
    const wide = [document.documentElement, ...document.querySelectorAll<HTMLElement>('.app, .workspace, main.reader, .search-bar, header')].filter(
      (el) => el.scrollWidth > el.clientWidth + 1
    )
    return wide.map((el) => el.className || el.tagName)
  })

const libraryToggle = (page: Page) => page.getByRole('button', { name: 'Library panel' })
const notesToggle = (page: Page) => page.getByRole('button', { name: 'Notes panel' })
const libraryRegion = (page: Page) => page.getByRole('region', { name: 'Library' })

async function chooseTheme(page: Page, name: 'Light' | 'Dark' | 'Sepia'): Promise<void> {
  const settings = page.getByRole('dialog', { name: 'Reading settings' })
  await page.getByRole('button', { name: 'Reading settings' }).click()
  await settings.getByRole('radio', { name }).check()
  await settings.getByRole('button', { name: 'Done' }).click()
  await expect(settings).toBeHidden()
}

test('900×700: the reader keeps its measure, the side bars open over it and give focus back, the header stays on one row', async ({ app, gloss }) => {
  await app.setViewportSize({ width: 900, height: 700 })
  // The library is an overlay now, closed: its toggle opens it with focus inside.
  await expect(libraryRegion(app)).toBeHidden()
  await libraryToggle(app).click()
  await expect(libraryRegion(app)).toBeVisible()
  await expect.poll(() => app.evaluate(() => !!document.activeElement?.closest('section.library'))).toBe(true)
  await app.keyboard.press('Escape')
  await expect(libraryRegion(app)).toBeHidden()
  await expect(libraryToggle(app)).toBeFocused()
  await expect(libraryToggle(app)).toHaveAttribute('aria-expanded', 'false')

  // Choosing an article closes the overlay and shows it.
  await libraryToggle(app).click()
  await articleRows(app).filter({ hasText: gloss.corpus.pairTitle }).click()
  await expect(app.locator('h1#article-title')).toHaveText(gloss.corpus.pairTitle)
  await expect(app.locator('main.reader')).toBeFocused()
  await expect(libraryRegion(app)).toBeHidden()
  expect(await readerMeasure(app)).toBeGreaterThanOrEqual(45)
  expect(await headerRows(app)).toBe(1)
  expect(await overflowsSideways(app)).toEqual([])

  // Headings wrap between words, never inside one.
  const title = await app.locator('h1#article-title').evaluate((el) => {
    const s = getComputedStyle(el)
    return { wrap: s.overflowWrap, hyphens: s.hyphens, wordBreak: s.wordBreak }
  })
  expect(title).toEqual({ wrap: 'break-word', hyphens: 'manual', wordBreak: 'normal' })

  // The notes panel the same way; Esc in its note box closes it too, focus back on the toggle.
  await notesToggle(app).click()
  await expect(sidePanel(app)).toBeVisible()
  await expect.poll(() => app.evaluate(() => !!document.activeElement?.closest('.side'))).toBe(true)
  await app.keyboard.press('Escape')
  await expect(sidePanel(app)).toBeHidden()
  await expect(notesToggle(app)).toBeFocused()

  // The export and import actions are in the header's menu.
  const menuButton = app.getByRole('button', { name: 'More actions' })
  await menuButton.click()
  const menu = app.getByRole('menu', { name: 'More actions' })
  await expect(menu.getByRole('menuitem', { name: 'Open Folder…' })).toBeFocused()
  await app.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem', { name: 'Export article…' })).toBeFocused()
  await app.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem', { name: 'Export all notes…' })).toBeFocused()
  await app.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(menuButton).toBeFocused()
  await menuButton.click()
  await menu.getByRole('menuitem', { name: 'Export all notes…' }).click()
  await expect(app.getByRole('dialog', { name: 'Export notes' })).toBeVisible()
})

test('320 px wide (400 % zoom): nothing scrolls sideways, in the reader or with a side bar open', async ({ app, gloss }) => {
  await openArticle(app, gloss.corpus.pairTitle)
  await app.setViewportSize({ width: 320, height: 800 })
  await expect(articleRows(app).first()).toBeHidden()
  expect(await overflowsSideways(app)).toEqual([])
  await libraryToggle(app).click()
  await expect(libraryRegion(app)).toBeVisible()
  expect(await overflowsSideways(app)).toEqual([])
  await app.keyboard.press('Escape')
  await notesToggle(app).click()
  await expect(sidePanel(app)).toBeVisible()
  expect(await overflowsSideways(app)).toEqual([])
})

test('screenshots at 1280×800, 900×700 and 200 % zoom in each theme, each passing axe', async ({ app, gloss, browser }) => {
  test.setTimeout(120_000)
  await showScreenshotScene(app, gloss.corpus.pairTitle)
  await mkdir(SHOTS, { recursive: true })
  // 200 %: half the CSS pixels, each drawn twice as large (a page of its own: the scale is fixed per context).
  const zoomedContext = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 })
  const zoomed = await zoomedContext.newPage()
  try {
    for (const theme of ['Light', 'Dark', 'Sepia'] as const) {
      await chooseTheme(app, theme)
      for (const size of [
        { name: '1280x800', width: 1280, height: 800 },
        { name: '900x700', width: 900, height: 700 }
      ]) {
        await app.setViewportSize(size)
        await app.mouse.move(0, 0)
        await expect(app.locator('h1#article-title')).toBeVisible()
        await expectNoSeriousViolations(app, `${theme} at ${size.name}`)
        await app.screenshot({ path: path.join(SHOTS, `layout-${size.name}-${theme.toLowerCase()}.png`) })
      }
      // The zoomed page reads the same data folder: the theme and the open article come with it.
      await zoomed.goto(gloss.url)
      await expect(zoomed.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase())
      await expect(zoomed.locator('h1#article-title')).toHaveText(gloss.corpus.pairTitle)
      await expectNoSeriousViolations(zoomed, `${theme} at 200 %`)
      await zoomed.screenshot({ path: path.join(SHOTS, `layout-zoom200-${theme.toLowerCase()}.png`) })
    }
  } finally {
    await zoomedContext.close()
  }
})

test('toasts: one on screen with the rest counted, never over the article’s last lines', async ({ app, gloss }) => {
  await app.setViewportSize({ width: 900, height: 700 })
  await libraryToggle(app).click()
  await articleRows(app).filter({ hasText: gloss.corpus.pairTitle }).click()
  await expect(app.locator('main.reader')).toBeFocused()
  // h with nothing selected says so, four times over.
  for (let i = 0; i < 4; i++) await app.keyboard.press('h')
  await expect(app.locator('.toast')).toHaveCount(1)
  await expect(app.getByText('3 more messages')).toBeVisible()
  await app.locator('main.reader').evaluate((el) => el.scrollTo(0, el.scrollHeight))
  const gap = await app.evaluate(() => {
    const paragraphs = document.querySelectorAll('[data-testid="article-body"] p')
    const last = paragraphs[paragraphs.length - 1].getBoundingClientRect()
    const toasts = [...document.querySelectorAll('.toast, .toast-count')].map((el) => el.getBoundingClientRect().top)
    return Math.min(...toasts) - last.bottom
  })
  expect(gap).toBeGreaterThanOrEqual(0)
})

test('the selection toolbar stays inside the reader: below a selection at the top of the view, never over the header', async ({ app, gloss }) => {
  // A short window, so the article scrolls far enough to bring its first paragraph to the top.
  await openArticle(app, gloss.corpus.pairTitle)
  await app.setViewportSize({ width: 1280, height: 300 })
  const phrase = 'Three harbour towns'
  // The phrase just under the top of the reader, then selected.
  const where = await app.evaluate(async (phrase) => {
    const reader = document.querySelector('main.reader')!
    const walker = document.createTreeWalker(document.querySelector('[data-testid="article-body"]')!, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(phrase)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + phrase.length)
      reader.scrollTop += range.getBoundingClientRect().top - reader.getBoundingClientRect().top - 6
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
      window.getSelection()!.removeAllRanges()
      window.getSelection()!.addRange(range)
      return { top: range.getBoundingClientRect().top, bottom: range.getBoundingClientRect().bottom, readerTop: reader.getBoundingClientRect().top }
    }
    return null
  }, phrase)
  if (!where) throw new Error('phrase not found')
  // There is no room for the toolbar between the reader's top and the selection.
  expect(where.top - where.readerTop).toBeLessThan(40)
  const toolbar = app.getByTestId('selection-toolbar')
  await expect(toolbar).toBeVisible()
  await expect.poll(async () => (await toolbar.boundingBox())!.y).toBeGreaterThanOrEqual(where.bottom)
})

test('900×700: n opens the notes over the reader at the end of the article note; Esc goes back to the reader, / to search', async ({ app, gloss }) => {
  await openArticle(app, gloss.corpus.pairTitle)
  const note = sidePanel(app).getByRole('textbox', { name: 'Article note' })
  await note.fill('Ferries set the hours.')
  await note.blur()
  await app.setViewportSize({ width: 900, height: 700 })
  await expect(sidePanel(app)).toBeHidden()
  await app.locator('main.reader').focus()
  await app.keyboard.press('n')
  await expect(note).toBeFocused()
  expect(await note.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.value.length])).toEqual([22, 22])
  await app.keyboard.press('Escape')
  await expect(sidePanel(app)).toBeHidden()
  await app.keyboard.press('/')
  await expect(app.getByRole('searchbox', { name: 'Search all text' })).toBeFocused()
})
