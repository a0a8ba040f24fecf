// The export dialog in Chromium against the real services (harness): formats and a
// live preview, a custom template previewed as it is typed (and a broken one shown
// inline), the Obsidian folder export and a re-export that keeps the user's edits (an
// edit inside the Gloss region is left alone and reported),
// the JSON export imported into a fresh data folder, and a gloss:// link back.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test, watchPage } from './fixtures'
import { exportDialog, highlight, markById, marks, openArticle, sidePanel } from './helpers'

const LONG_TITLE = 'The Breakwater Survey'
const FAR_PHRASE = 'the last stone of the breakwater'
const longArticle = [
  `# ${LONG_TITLE}`,
  '',
  ...Array.from({ length: 40 }, (_, i) => `Section ${i + 1} of the survey counts the stones, the gulls and the weather on the north side of the harbour wall, one morning after another.\n`),
  `At the very end the surveyors reached ${FAR_PHRASE} and wrote down its number.`,
  ''
].join('\n')

test.use({ extraFiles: { 'survey/breakwater.md': longArticle } })

const preview = (dialog: ReturnType<typeof exportDialog>) => dialog.getByTestId('export-preview')

test('previews every format live, and a custom template as it is typed, with errors inline', async ({ app, gloss }) => {
  const { pairTitle } = gloss.corpus
  await openArticle(app, pairTitle)
  const ferry = await highlight(app, 'the last ferry leaves the pier', 'green')

  const opener = app.getByRole('button', { name: 'Export article…' })
  await opener.click()
  const dialog = exportDialog(app)
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('radio', { name: 'Markdown file' })).toBeFocused()
  await expect(dialog.getByRole('radio', { name: /This article/ })).toBeChecked()

  // Each format, from the main process's engine.
  await expect(preview(dialog)).toContainText('> the last ferry leaves the pier')
  await expect(preview(dialog)).toContainText(`highlight=${ferry}`)
  await expect(dialog.getByRole('heading', { name: /Preview/ })).toContainText(`${pairTitle}.md`)
  await dialog.getByRole('radio', { name: 'JSON (W3C Web Annotations)' }).check()
  await expect(preview(dialog)).toContainText('"type": "AnnotationCollection"')
  await expect(preview(dialog)).toContainText('"exact": "the last ferry leaves the pier"')
  await dialog.getByRole('radio', { name: 'CSV (spreadsheet)' }).check()
  await expect(preview(dialog)).toContainText('kind,article_id,article_title')
  await dialog.getByRole('radio', { name: 'Hypothesis (JSON)' }).check()
  await expect(preview(dialog)).toContainText('"uri": "https://www.example.com/2022/10/5/harbour-libraries-night"')
  await expect(preview(dialog)).toContainText('"exact": "the last ferry leaves the pier"')
  await dialog.getByRole('radio', { name: 'Readwise CSV' }).check()
  await expect(preview(dialog)).toContainText('Highlight,Title,Author,URL,Note,Location,Date')
  await expect(preview(dialog)).toContainText(`the last ferry leaves the pier,${pairTitle}`)
  await expect(dialog.getByRole('radio', { name: 'Custom (Mustache)' })).toHaveCount(0)
  await dialog.getByRole('radio', { name: 'Markdown folder (Obsidian vault)' }).check()
  await expect(preview(dialog)).toContainText('gloss_id: ')
  await expect(preview(dialog)).toContainText('<!-- gloss:begin')
  await expect(dialog.getByRole('button', { name: 'Dry run' })).toBeVisible()

  // A custom template starts from the default and is previewed as it is typed.
  await dialog.getByRole('radio', { name: 'Markdown file' }).check()
  await dialog.getByRole('radio', { name: 'Custom (Mustache)' }).check()
  const editor = dialog.getByRole('textbox', { name: 'Template' })
  await expect(editor).toHaveValue(/^---\n\{\{front_matter\}\}\n---/)
  await editor.fill('')
  await editor.pressSequentially('## {{title}}\n{{#highlights}}\n- {{quote_line}} ({{color}})\n{{/highlights}}\n', { delay: 15 })
  const typed = Date.now()
  await expect(preview(dialog)).toHaveText(`## ${pairTitle}\n- the last ferry leaves the pier (green)\n`)
  const shown = Date.now() - typed
  const roundTrip = Number(await preview(dialog).getAttribute('data-preview-ms'))
  console.log(`export preview: shown ${shown} ms after the last keystroke (200 ms debounce + ${roundTrip} ms round trip)`)
  expect(shown).toBeLessThan(2000)

  // A broken template: the error with its line and column, nothing to export.
  await editor.fill('## {{title}}\n{{#highlights}}\n- {{quote_line}}\n')
  await expect(dialog.getByRole('alert')).toHaveText(/^Template, line 2, column 1: \{\{#highlights\}\} is not closed/)
  await expect(editor).toHaveAttribute('aria-invalid', 'true')
  await expect(preview(dialog)).toHaveText('')
  await expect(dialog.getByRole('button', { name: 'Export…' })).toBeDisabled()
  await editor.fill('## {{titel}}\n')
  await expect(dialog.getByRole('alert')).toHaveText(/^Template, line 1, column 4: unknown variable \{\{titel\}\}/)

  // Focus stays in the dialog; Escape closes it and focus returns to the button.
  for (let i = 0; i < 25; i++) {
    await app.keyboard.press('Tab')
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true)
  }
  await app.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()

  // The choices are remembered (template included) the next time.
  await opener.click()
  await expect(dialog.getByRole('textbox', { name: 'Template' })).toHaveValue('## {{titel}}\n')
})

test('exports an Obsidian folder; a re-export keeps what the user wrote outside the Gloss region', async ({ app, gloss }) => {
  const { pairTitle } = gloss.corpus
  await openArticle(app, pairTitle)
  await highlight(app, 'the last ferry leaves the pier', 'green')
  await openArticle(app, 'Quiet Hours')
  await highlight(app, 'the simplest reading habit there is', 'blue')

  await app.getByRole('button', { name: 'Export all notes…' }).click()
  const dialog = exportDialog(app)
  await dialog.getByRole('radio', { name: 'Markdown folder (Obsidian vault)' }).check()
  await expect(preview(dialog)).toContainText('gloss_id: ')
  const vault = path.join(gloss.exportsDir, 'Clippings notes')

  // Dry run: the lists, nothing written.
  await dialog.getByRole('button', { name: 'Dry run' }).click()
  const report = dialog.getByTestId('folder-report')
  await expect(report).toContainText(`Dry run, nothing written: ${vault}`)
  await expect(report.locator('details[data-section="create"] summary')).toHaveText('Would create 2')
  await expect(report.locator('details[data-section="create"] li')).toHaveText([`${pairTitle}.md`, 'Quiet Hours.md'])
  expect(await readdir(vault).catch(() => 'nothing')).toBe('nothing')

  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(report).toContainText(`Exported to ${vault}`)
  await expect(report.locator('details[data-section="create"] summary')).toHaveText('Created 2')
  expect((await readdir(vault)).sort()).toEqual([`${pairTitle}.md`, 'Quiet Hours.md'])

  // In Obsidian: the user writes around the region.
  const file = path.join(vault, `${pairTitle}.md`)
  const exported = await readFile(file, 'utf8')
  const edited = exported.replace(/\n---\n\n/, '\n---\n\nMy summary, written in Obsidian.\n\n') + '\n## Follow-up\n\nCall the harbour library on Monday.\n'
  expect(edited).not.toBe(exported)
  await writeFile(file, edited)
  await dialog.getByRole('button', { name: 'Close' }).click()

  // Back in Gloss: one more highlight, then export again into the same folder.
  await openArticle(app, pairTitle)
  await highlight(app, 'Three harbour towns', 'pink')
  await app.getByRole('button', { name: 'Export all notes…' }).click()
  await expect(dialog.getByRole('radio', { name: 'Markdown folder (Obsidian vault)' })).toBeChecked()
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(report.locator('details[data-section="update"] summary')).toHaveText('Updated 1')
  await expect(report.locator('details[data-section="unchanged"] summary')).toHaveText('Unchanged 1')
  const after = await readFile(file, 'utf8')
  expect(after).toContain('My summary, written in Obsidian.')
  expect(after.endsWith('\n## Follow-up\n\nCall the harbour library on Monday.\n')).toBe(true)
  expect(after).toContain('> Three harbour towns')
  expect(after).toContain('> the last ferry leaves the pier')

  // A file the user deleted stays deleted, unless asked.
  await rm(path.join(vault, 'Quiet Hours.md'))
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(report.locator('details[data-section="skipped"] summary')).toHaveText('Deleted by you, not recreated 1')
  expect(await readdir(vault)).toEqual([`${pairTitle}.md`])
  await dialog.getByRole('checkbox', { name: 'Recreate deleted files' }).check()
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(report.locator('details[data-section="create"] summary')).toHaveText('Created 1')
  expect((await readdir(vault)).sort()).toEqual([`${pairTitle}.md`, 'Quiet Hours.md'])
  expect(await readFile(file, 'utf8')).toBe(after)

  // The user writes inside the region: that file is left as it is, and the report says why.
  const mine = after.replace('> Three harbour towns', '> Three harbour towns (my correction)')
  expect(mine).not.toBe(after)
  await writeFile(file, mine)
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(report.locator('details[data-section="problems"] summary')).toHaveText('Left alone 1')
  await expect(report.locator('details[data-section="problems"] li')).toHaveText(`${pairTitle}.md: you edited inside the Gloss region (between the gloss:begin and gloss:end markers) since the last export, so Gloss left the file as it is; move your lines above or below the markers, or delete the file, and export again`)
  expect(await readFile(file, 'utf8')).toBe(mine)
})

test('a JSON export imports into a fresh data folder and its highlights are placed', async ({ app, gloss, context }) => {
  const { pairTitle } = gloss.corpus
  await openArticle(app, pairTitle)
  const ferry = await highlight(app, 'the last ferry leaves the pier', 'green')
  const towns = await highlight(app, 'Three harbour towns', 'pink')
  await app.getByRole('button', { name: 'Export all notes…' }).click()
  const dialog = exportDialog(app)
  await dialog.getByRole('radio', { name: 'JSON (W3C Web Annotations)' }).check()
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog.getByTestId('export-outcome')).toContainText(`Saved to ${gloss.exportsDir}`)
  const json = (await gloss.exports()).find((name) => name.endsWith('.json') && name.startsWith('Clippings'))!
  expect(json).toBe('Clippings annotations.json')

  // Gloss with a fresh data folder (a new harness): nothing there until the import.
  const fresh = await gloss.startFresh({ importFile: path.join(gloss.exportsDir, json) })
  const other = await context.newPage()
  const problems = watchPage(other)
  await other.goto(fresh.url)
  await openArticle(other, pairTitle)
  await expect(marks(other)).toHaveCount(0)
  await other.getByRole('button', { name: 'Import annotations…' }).click()
  const report = other.getByRole('dialog', { name: 'Annotations imported' })
  await expect(report.getByLabel('Import summary')).toHaveText('2 imported0 updated0 already here')
  await expect(report).toContainText('Every highlight was placed in its article.')
  await report.getByRole('button', { name: 'Done' }).click()
  await expect(report).toBeHidden()
  await expect(markById(other, ferry)).toHaveText('the last ferry leaves the pier')
  await expect(markById(other, ferry)).toHaveAttribute('data-color', 'green')
  await expect(markById(other, towns)).toHaveAttribute('data-color', 'pink')
  await expect(sidePanel(other).locator('[data-list-highlight-id]')).toHaveCount(2)

  // Importing again adds nothing.
  await other.getByRole('button', { name: 'Import annotations…' }).click()
  await expect(report.getByLabel('Import summary')).toHaveText('0 imported0 updated2 already here')
  await report.getByRole('button', { name: 'Done' }).click()
  await expect(marks(other)).toHaveCount(2)
  expect(problems, 'the second page ran clean').toEqual([])
})

test('a gloss:// link opens the article scrolled to the highlight', async ({ app }) => {
  await openArticle(app, LONG_TITLE)
  const far = await highlight(app, FAR_PHRASE, 'blue')
  // The link is the one the export writes (read from the preview).
  await app.getByRole('button', { name: 'Export article…' }).click()
  const dialog = exportDialog(app)
  await dialog.getByRole('radio', { name: 'Markdown file' }).check()
  await dialog.getByRole('radio', { name: 'Default' }).check()
  await expect(preview(dialog)).toContainText(`highlight=${far}`)
  const link = /\((gloss:\/\/open\?[^)]+)\)/.exec((await preview(dialog).textContent()) ?? '')![1]
  await dialog.getByRole('button', { name: 'Close' }).click()

  // Reading something else, at its top, when the link comes (as the system hands it over at start).
  await openArticle(app, 'Quiet Hours')
  await app.goto(`${app.url()}&link=${encodeURIComponent(link)}`)
  await expect(app.locator('h1#article-title')).toHaveText(LONG_TITLE)
  const mark = markById(app, far)
  await expect(mark).toBeInViewport()
  await expect(mark).toBeFocused()
  expect(await app.evaluate(() => document.querySelector<HTMLElement>('main.reader')!.scrollTop)).toBeGreaterThan(500)
  // The link is not followed again on reload.
  expect(app.url()).not.toContain('link=')
})
