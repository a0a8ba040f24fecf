// The README screenshot: an article with highlights and notes open, at 1280×800.
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { test } from './fixtures'
import { showScreenshotScene } from './helpers'

const SCREENSHOT = path.resolve('docs', 'screenshot.png')

test('README screenshot', async ({ app, gloss }) => {
  await app.setViewportSize({ width: 1280, height: 800 })
  await showScreenshotScene(app, gloss.corpus.pairTitle)
  await app.mouse.move(0, 0)
  await mkdir(path.dirname(SCREENSHOT), { recursive: true })
  await app.screenshot({ path: SCREENSHOT })
})
