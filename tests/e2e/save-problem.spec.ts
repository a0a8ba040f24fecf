// When Gloss's data cannot be written the user is told at once, by a banner that stays
// until a save lands again; the change is kept and written then (issue 13).
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from './fixtures'
import { highlight, openArticle } from './helpers'

test('a save that fails shows a banner until the retry lands, and the highlight is kept', async ({ app, gloss }) => {
  await openArticle(app, gloss.corpus.pairTitle)
  const corpora = path.join(gloss.dataDir, 'corpora')
  await mkdir(corpora, { recursive: true })
  const banner = app.getByRole('alert').filter({ hasText: 'Your last changes are not saved' })
  await expect(banner).toHaveCount(0)

  // The folder's store cannot be written: its folder is replaced by a file.
  await rename(corpora, `${corpora}-away`)
  await writeFile(corpora, 'not a folder')
  // A note typed from the keyboard is the first change that cannot be written (opening
  // the article may have left a write of its own pending: it fails the same way). The
  // banner is up before the mouse selects anything, so it cannot move the text mid-drag.
  await app.getByRole('textbox', { name: 'Article note' }).fill('Kept while the disk is away.')
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('They are kept in memory')
  const ferry = await highlight(app, 'the last ferry leaves the pier', 'green')

  // The disk is back: the next retry writes it and the banner goes by itself.
  await rm(corpora)
  await rename(`${corpora}-away`, corpora)
  await expect(banner).toHaveCount(0, { timeout: 15_000 })
  const [store] = (await readdir(corpora)).filter((name) => name.endsWith('.json'))
  const saved = JSON.parse(await readFile(path.join(corpora, store), 'utf8')) as { highlights: { id: string }[]; articleNotes: Record<string, { note: string }> }
  expect(saved.highlights.map((h) => h.id)).toContain(ferry)
  expect(Object.values(saved.articleNotes).map((n) => n.note)).toContain('Kept while the disk is away.')
})
