// The window as the user arranged it: side bars resized and hidden from the keyboard
// and kept across a reload, a folder dropped on the window opened, the open article
// back after a reload and a restart. (Window bounds and the single instance are the
// desktop app's: tests/unit/electron-main.test.ts and src/core/store/window-state.test.ts.)
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Locator, Page } from '@playwright/test'
import { makeTempDir, removeDir, writeCorpus } from '../fixtures/corpus-builder'
import { expectNoSeriousViolations } from './a11y'
import { expect, test } from './fixtures'
import { openArticle } from './helpers'

const librarySplitter = (page: Page) => page.getByRole('separator', { name: 'Resize library' })
const panelSplitter = (page: Page) => page.getByRole('separator', { name: 'Resize notes panel' })
const libraryRegion = (page: Page) => page.getByRole('region', { name: 'Library' })
const notesRegion = (page: Page) => page.getByRole('region', { name: 'Highlights' })

/** Presses Tab until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, maxPresses = 120): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error('Tab never reached the element')
}

async function storedPrefs(dataDir: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8')).prefs ?? {}
  } catch {
    return {}
  }
}

const widthOf = async (locator: Locator) => Math.round((await locator.boundingBox())?.width ?? -1)

test('the side bars are resized from the keyboard and keep their width across a reload', async ({ app, gloss }) => {
  const library = librarySplitter(app)
  await expect(library).toHaveAttribute('aria-orientation', 'vertical')
  await expect(library).toHaveAttribute('aria-valuenow', '300')
  await expect(library).toHaveAttribute('aria-valuemin', '180')
  // A side bar takes at most 40% of the window: 512 of these 1280 pixels.
  await expect(library).toHaveAttribute('aria-valuemax', '512')
  expect(await widthOf(libraryRegion(app))).toBe(300)

  await tabTo(app, library)
  await app.keyboard.press('ArrowRight')
  await app.keyboard.press('ArrowRight')
  await expect(library).toHaveAttribute('aria-valuenow', '332')
  await expect.poll(() => widthOf(libraryRegion(app))).toBe(332)
  await app.keyboard.press('ArrowLeft')
  await expect(library).toHaveAttribute('aria-valuenow', '316')

  // The notes panel's splitter is further on; ArrowLeft moves it left, widening the panel.
  const panel = panelSplitter(app)
  await tabTo(app, panel)
  await app.keyboard.press('ArrowLeft')
  await expect(panel).toHaveAttribute('aria-valuenow', '336')
  await expect.poll(() => widthOf(notesRegion(app))).toBe(336)
  await app.keyboard.press('Home')
  await expect(panel).toHaveAttribute('aria-valuenow', '200')

  // Saved in settings.json, and so still there after a reload.
  await expect.poll(() => storedPrefs(gloss.dataDir)).toMatchObject({ libraryWidth: 316, panelWidth: 200 })
  await app.reload()
  await expect(librarySplitter(app)).toHaveAttribute('aria-valuenow', '316')
  await expect(panelSplitter(app)).toHaveAttribute('aria-valuenow', '200')
  await expect.poll(() => widthOf(libraryRegion(app))).toBe(316)
  await expect.poll(() => widthOf(notesRegion(app))).toBe(200)

  // End: as wide as the window allows, which grows with the window (up to 640).
  await tabTo(app, librarySplitter(app))
  await app.keyboard.press('End')
  await expect(librarySplitter(app)).toHaveAttribute('aria-valuenow', '512')
  await expect.poll(() => widthOf(libraryRegion(app))).toBe(512)
  await app.setViewportSize({ width: 1700, height: 800 })
  await expect(librarySplitter(app)).toHaveAttribute('aria-valuemax', '640')
  await librarySplitter(app).press('End')
  await expect.poll(() => widthOf(libraryRegion(app))).toBe(640)
})

test('Ctrl+\\ hides the library and shows it again; Ctrl+Shift+\\ the notes panel; both are remembered', async ({ app, gloss }) => {
  const toggleLibrary = app.getByRole('button', { name: 'Library panel' })
  const toggleNotes = app.getByRole('button', { name: 'Notes panel' })
  await expect(toggleLibrary).toHaveAttribute('aria-expanded', 'true')
  const readerBefore = await widthOf(app.locator('main.reader'))

  await tabTo(app, app.getByLabel('Filter by title'))
  await app.keyboard.press('Control+Backslash')
  await expect(libraryRegion(app)).toBeHidden()
  await expect(librarySplitter(app)).toBeHidden()
  await expect(toggleLibrary).toHaveAttribute('aria-expanded', 'false')
  expect(await widthOf(app.locator('main.reader'))).toBeGreaterThan(readerBefore + 250)
  // The focus was in the library: it moves on (to the reader) instead of falling to the page.
  expect(await app.evaluate(() => document.activeElement !== document.body && document.activeElement?.closest('.library') === null)).toBe(true)

  await app.keyboard.press('Control+Backslash')
  await expect(libraryRegion(app)).toBeVisible()
  await expect(toggleLibrary).toHaveAttribute('aria-expanded', 'true')

  await app.keyboard.press('Control+Shift+Backslash')
  await expect(notesRegion(app)).toBeHidden()
  await expect(toggleNotes).toHaveAttribute('aria-expanded', 'false')
  await expect.poll(() => storedPrefs(gloss.dataDir)).toMatchObject({ libraryHidden: false, panelHidden: true })
  await app.reload()
  await expect(notesRegion(app)).toBeHidden()
  await expect(libraryRegion(app)).toBeVisible()

  // The header button does the same, from the keyboard.
  await tabTo(app, toggleNotes)
  await app.keyboard.press('Enter')
  await expect(notesRegion(app)).toBeVisible()
  await expect(toggleNotes).toHaveAttribute('aria-expanded', 'true')
})

test('each splitter sits inside the landmark it resizes, on the border with the reader, and stays there when the panel scrolls', async ({ app, gloss }) => {
  await openArticle(app, gloss.corpus.pairTitle)
  const reader = app.locator('main#reader')
  const check = async () => {
    const readerBox = (await reader.boundingBox())!
    const library = (await librarySplitter(app).boundingBox())!
    const panel = (await panelSplitter(app).boundingBox())!
    // The 9px grab area is centred on each border (within a pixel), the full height of the reader.
    expect(Math.abs(library.x + library.width / 2 - readerBox.x)).toBeLessThanOrEqual(1.5)
    expect(Math.abs(panel.x + panel.width / 2 - (readerBox.x + readerBox.width))).toBeLessThanOrEqual(1.5)
    expect(Math.round(library.height)).toBe(Math.round(readerBox.height))
    expect(Math.round(panel.y)).toBe(Math.round(readerBox.y))
  }
  await expect(libraryRegion(app).getByRole('separator', { name: 'Resize library' })).toHaveCount(1)
  await expect(notesRegion(app).getByRole('separator', { name: 'Resize notes panel' })).toHaveCount(1)
  await check()
  await notesRegion(app).evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await check()
})

test('the splitters and side bar buttons pass the axe audit, shown and hidden', async ({ app }) => {
  const mine = { include: ['.workspace .splitter', '.side-bar-toggles'] }
  await expectNoSeriousViolations(app, 'side bars shown', mine)
  await app.keyboard.press('Control+Shift+Backslash')
  await expect(notesRegion(app)).toBeHidden()
  await expectNoSeriousViolations(app, 'notes panel hidden', { include: ['.workspace .splitter-library', '.side-bar-toggles'] })
})

/** Drags `uriList` over the reader and drops it there, as a file manager would. */
async function dropUriList(page: Page, uriList: string, type = 'text/uri-list'): Promise<void> {
  await page.evaluate(
    ({ uriList, type }) => {
      const data = new DataTransfer()
      data.setData(type, uriList)
      const target = document.querySelector('main.reader')!
      target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: data }))
      target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }))
      ;(window as unknown as { __dropData: DataTransfer }).__dropData = data
    },
    { uriList, type }
  )
  await expect(page.getByTestId('drop-overlay')).toBeVisible()
  await expect(page.getByTestId('drop-overlay')).toHaveText('Drop a folder to open it')
  await page.evaluate(() => {
    const data = (window as unknown as { __dropData: DataTransfer }).__dropData
    document.querySelector('main.reader')!.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }))
  })
  await expect(page.getByTestId('drop-overlay')).toBeHidden()
}

test('a folder dropped on the window opens; a file or plain text is refused with a message', async ({ app }) => {
  const parent = await makeTempDir('gloss-e2e-drop-')
  const dropped = path.join(parent, 'Dropped Papers')
  try {
    await writeCorpus(dropped, {
      'tidal-mills.md': '---\ntitle: Tidal Mills of the Estuary\n---\n\nThe mill wheel turned only when the tide went out.\n'
    })
    await dropUriList(app, `# from a file manager\r\n${pathToFileURL(dropped).href}\r\n`)
    await expect(app.getByTestId('folder-name')).toHaveText('Dropped Papers')
    await expect(app.getByRole('listbox', { name: 'Articles' }).getByRole('option')).toHaveText([/Tidal Mills of the Estuary/])

    // A file is not a folder: said so, and the open folder stays.
    await dropUriList(app, pathToFileURL(path.join(dropped, 'tidal-mills.md')).href, 'text/plain')
    await expect(app.getByRole('alert').filter({ hasText: 'is not a folder' })).toBeVisible()
    await expect(app.getByTestId('folder-name')).toHaveText('Dropped Papers')

    await dropUriList(app, 'https://example.org/not-a-folder')
    await expect(app.getByRole('alert').filter({ hasText: 'Drop a folder to open it.' })).toBeVisible()
  } finally {
    await removeDir(parent)
  }
})

test('the open article is back after a reload and after a restart', async ({ app, gloss }) => {
  await openArticle(app, 'Quiet Hours')
  await app.reload()
  await expect(app.locator('h1#article-title')).toHaveText('Quiet Hours')
  await expect(app.getByRole('option', { name: /Quiet Hours/ })).toHaveAttribute('aria-selected', 'true')
  await app.goto(await gloss.restart())
  await expect(app.locator('h1#article-title')).toHaveText('Quiet Hours')
})
