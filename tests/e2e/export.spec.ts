// Exporting notes: one article or the whole folder in the built-in Markdown format
// through the export dialog and the save "dialog" (the harness writes into
// <data-dir>/exports), and one article's notes to the clipboard. The dialog's other
// formats, templates and the folder export are in export-dialog.spec.ts.
import { fromMarkdown } from 'mdast-util-from-markdown'
import { expect, test } from './fixtures'
import { exportWithDialog, highlight, markById, openArticle, popover, sidePanel } from './helpers'

// Notes are the user's own Markdown and are exported as written; quotes are article
// text and must come back from a Markdown parser exactly as they were.
const NOTE = 'A *note* with a [link](https://example.org/ref) and `code`'
const SPECIAL_QUOTE = 'rose 5 *per cent* since [note 2] on #budget_2024 <b>'

test.use({
  extraFiles: {
    'prices.md': '# Prices and Symbols\n\nPrices rose 5 \\*per cent\\* since \\[note 2\\] on #budget\\_2024 \\<b> says the report.\n'
  }
})
/** The plain text of each blockquote as a Markdown parser reads it. */
function blockquoteTexts(markdown: string): string[] {
  type Node = { type: string; value?: string; children?: Node[] }
  const text = (node: Node): string =>
    node.type === 'text' || node.type === 'inlineCode' || node.type === 'html' ? (node.value ?? '') : node.type === 'break' ? '\n' : (node.children ?? []).map(text).join('')
  const out: string[] = []
  const walk = (node: Node) => (node.type === 'blockquote' ? out.push(text(node)) : (node.children ?? []).forEach(walk))
  walk(fromMarkdown(markdown) as Node)
  return out
}
const withoutExportedLine = (markdown: string) => markdown.replace(/^exported: .*$/m, 'exported: <time>')

test('exports one article and the whole folder as Markdown, and copies notes to the clipboard', async ({ app, gloss, context }) => {
  const { pairTitle } = gloss.corpus
  await openArticle(app, pairTitle)
  const ferry = await highlight(app, 'the last ferry leaves the pier', 'green')
  await markById(app, ferry).click()
  await popover(app).getByRole('textbox', { name: 'Note' }).fill(NOTE)
  await popover(app).getByRole('button', { name: 'Save' }).click()
  await expect(popover(app).getByRole('status')).toHaveText('Saved')
  await app.keyboard.press('Escape')
  await highlight(app, 'Three harbour towns', 'pink')
  const articleNote = sidePanel(app).getByRole('textbox', { name: 'Article note' })
  await articleNote.fill('Read this before the meeting.')
  await articleNote.blur()
  await expect(sidePanel(app).getByRole('status').first()).toHaveText('Saved')

  // One article.
  expect(await exportWithDialog(app, 'Export article…')).toContain(`Saved to ${gloss.exportsDir}`)
  const [articleFile] = await gloss.exports()
  expect(articleFile).toMatch(/\.md$/)
  const markdown = await gloss.readExport(articleFile)
  expect(markdown.startsWith('---\n')).toBe(true)
  expect(markdown).toContain(`title: "${pairTitle}"`)
  expect(markdown).toContain('source: "Example Harbour Times"')
  expect(markdown).toContain('url: "https://www.example.com/2022/10/5/harbour-libraries-night"')
  expect(markdown).toMatch(/^exported: /m)
  expect(markdown).toContain(`# ${pairTitle}`)
  expect(markdown).toContain('Read this before the meeting.')
  // Reading order: the earlier quote first, each with its block id.
  const towns = markdown.indexOf('> Three harbour towns')
  const ferryQuote = markdown.indexOf('> the last ferry leaves the pier')
  expect(towns).toBeGreaterThan(0)
  expect(ferryQuote).toBeGreaterThan(towns)
  expect(markdown.match(/\^hl-[\w-]+/g)).toHaveLength(2)
  expect(markdown).toContain(NOTE)
  expect(blockquoteTexts(markdown)).toEqual(['Three harbour towns', 'the last ferry leaves the pier'])

  // Exporting again never overwrites the first file.
  await exportWithDialog(app, 'Export article…')
  await expect.poll(() => gloss.exports()).toHaveLength(2)

  // The whole folder.
  await exportWithDialog(app, 'Export all notes…')
  await expect.poll(() => gloss.exports()).toHaveLength(3)
  const corpusFile = (await gloss.exports()).find((name) => name !== articleFile && !name.startsWith(articleFile.replace(/\.md$/, '')))
  expect(corpusFile).toBeTruthy()
  const corpusMarkdown = await gloss.readExport(corpusFile!)
  expect(corpusMarkdown).toContain(pairTitle)
  expect(corpusMarkdown).toContain('> the last ferry leaves the pier')
  // Articles without highlights have no section.
  expect(corpusMarkdown).not.toContain('Quiet Hours')

  // The clipboard gets the same Markdown as the article file.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(gloss.url).origin })
  await app.getByRole('button', { name: 'Copy notes' }).click()
  await expect(app.getByRole('status').filter({ hasText: 'Notes copied' })).toBeVisible()
  const copied = await app.evaluate(() => navigator.clipboard.readText())
  expect(withoutExportedLine(copied)).toBe(withoutExportedLine(markdown))
})

test('a quote full of Markdown characters comes back from a Markdown parser as it was', async ({ app, gloss }) => {
  await openArticle(app, 'Prices and Symbols')
  await highlight(app, SPECIAL_QUOTE, 'yellow')
  await exportWithDialog(app, 'Export article…')
  await expect.poll(() => gloss.exports()).toHaveLength(1)
  const [file] = await gloss.exports()
  const markdown = await gloss.readExport(file)
  expect(blockquoteTexts(markdown)).toEqual([SPECIAL_QUOTE])
})
