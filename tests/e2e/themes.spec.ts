// Themes as a reader sees them: light, dark and sepia each repaint the reader, pass the
// axe audit (colour contrast included) with highlights and a note on screen, and
// survive a reload; each one's screenshot goes to docs/screenshots/ for the README.
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expectNoSeriousViolations } from './a11y'
import { expect, test } from './fixtures'
import { showScreenshotScene } from './helpers'

const SHOTS = path.resolve('docs', 'screenshots')

/** The page colour each theme paints (themes.css / styles.css --paper). */
const PAPER: Record<'light' | 'dark' | 'sepia', string> = {
  light: 'rgb(255, 254, 251)',
  dark: 'rgb(23, 24, 27)',
  sepia: 'rgb(248, 241, 224)'
}

const readerBackground = (page: Page) => page.locator('main.reader').evaluate((el) => getComputedStyle(el).backgroundColor)
const readerText = (page: Page) => page.locator('article.reading').evaluate((el) => getComputedStyle(el).color)
const settings = (page: Page) => page.getByRole('dialog', { name: 'Reading settings' })

async function chooseTheme(page: Page, name: 'System' | 'Light' | 'Dark' | 'Sepia'): Promise<void> {
  await page.getByRole('button', { name: 'Reading settings' }).click()
  await settings(page).getByRole('radio', { name }).check()
  await settings(page).getByRole('button', { name: 'Done' }).click()
  await expect(settings(page)).toBeHidden()
}

test('light, dark and sepia: each repaints the reader, passes axe, is remembered, and is photographed', async ({ app, gloss }) => {
  await app.setViewportSize({ width: 1280, height: 800 })
  await showScreenshotScene(app, gloss.corpus.pairTitle)

  const texts = new Set<string>()
  for (const [theme, label] of [
    ['light', 'Light'],
    ['dark', 'Dark'],
    ['sepia', 'Sepia']
  ] as const) {
    await chooseTheme(app, label)
    await expect(app.locator('html')).toHaveAttribute('data-theme', theme)
    await expect.poll(() => readerBackground(app)).toBe(PAPER[theme])
    texts.add(await readerText(app))
    await expectNoSeriousViolations(app, `the reader in the ${theme} theme`)
    await app.mouse.move(0, 0)
    await mkdir(SHOTS, { recursive: true })
    await app.screenshot({ path: path.join(SHOTS, `${theme}.png`) })
  }
  // The text colour changes with the page, not only the background.
  expect(texts.size).toBe(3)

  // The Reading settings dialog over the article, for the README.
  await app.getByRole('button', { name: 'Reading settings' }).click()
  await expect(settings(app).getByRole('radio', { name: 'Sepia' })).toBeChecked()
  await app.screenshot({ path: path.join(SHOTS, 'reading-settings.png') })
  await app.keyboard.press('Escape')
  await expect(settings(app)).toBeHidden()

  // Remembered: settings.json holds it, so a reload (and a restart) comes back in sepia.
  await app.reload()
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'sepia')
  await expect(app.locator('h1#article-title')).toHaveText(gloss.corpus.pairTitle)
  expect(await readerBackground(app)).toBe(PAPER.sepia)
  await app.goto(await gloss.restart())
  await expect(app.locator('h1#article-title')).toHaveText(gloss.corpus.pairTitle)
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'sepia')
})

test('System follows the OS colour scheme, also when it changes', async ({ app }) => {
  await app.emulateMedia({ colorScheme: 'light' })
  await expect(app.locator('html')).toHaveAttribute('data-theme-choice', 'system')
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'light')
  await app.emulateMedia({ colorScheme: 'dark' })
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect.poll(() => readerBackground(app)).toBe(PAPER.dark)
  // An explicit choice wins over the OS.
  await chooseTheme(app, 'Sepia')
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'sepia')
  await app.emulateMedia({ colorScheme: 'light' })
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'sepia')
})
