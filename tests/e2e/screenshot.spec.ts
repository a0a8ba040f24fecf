// The README screenshot: an article with highlights and notes open, at 1280×800.
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from './fixtures'
import { highlight, markById, openArticle, popover, sidePanel } from './helpers'

const SCREENSHOT = path.resolve('docs', 'screenshot.png')

test('README screenshot', async ({ app, gloss }) => {
  await app.setViewportSize({ width: 1280, height: 800 })
  await openArticle(app, gloss.corpus.pairTitle)
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
  await app.mouse.move(0, 0)
  await mkdir(path.dirname(SCREENSHOT), { recursive: true })
  await app.screenshot({ path: SCREENSHOT })
})
