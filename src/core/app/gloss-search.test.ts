// Search through the application core: what the search box finds as the user writes
// notes and as files change on disk while Gloss watches the folder.
import { realpath, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeTempDir, removeDir, writeCorpus } from '../../../tests/fixtures/corpus-builder'
import { startGloss } from './gloss'
import { callThrough, cancelledDialogs } from '../test-support/gloss-client'

const cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

async function tempDir(prefix: string): Promise<string> {
  const dir = await realpath(await makeTempDir(`gloss-search-${prefix}-`))
  cleanup.push(() => removeDir(dir))
  return dir
}

async function start(watch: boolean) {
  const corpus = await tempDir('corpus')
  const dataDir = await tempDir('data')
  const sampleRoot = await tempDir('sample')
  await writeCorpus(corpus, {
    'harbour.md': '---\ntitle: The Harbour Ledger\n---\n\nThe harbour master kept a ledger of every ship.\n\nEach entry named the cargo and the weather.\n',
    'bees.md': '# Bees in Winter\n\nA hive keeps warm by shivering together.\n'
  })
  await writeCorpus(sampleRoot, { 'welcome.md': '# Welcome\n\nA sample.\n' })
  const gloss = await startGloss({
    dataDir,
    sampleRoot,
    initialFolder: corpus,
    validateOutput: true,
    log: () => undefined,
    watch: watch ? { debounceMs: 100, writeSettleMs: 50 } : false,
    dialogs: cancelledDialogs()
  })
  cleanup.push(() => gloss.close())
  await gloss.watchReady()
  const call = callThrough(gloss)
  const titles = async (query: string): Promise<string[]> => (await call('search.query', { query })).results.map((r) => `${r.title}/${r.kind}`)
  return { corpus, call, titles }
}

describe('search.query', () => {
  it('finds article text, then highlights and notes as soon as they are written', async () => {
    const { call, titles } = await start(false)
    const response = await call('search.query', { query: 'cargo', limit: 5 })
    expect(response.total).toBe(1)
    const [hit] = response.results
    const article = await call('article.get', { articleId: hit.articleId })
    expect(article.text.slice(hit.offset!, hit.offset! + 5)).toBe('cargo')
    expect(hit.snippet.marks.map((m) => hit.snippet.text.slice(m.start, m.end))).toEqual(['cargo'])

    expect(await titles('albatross')).toEqual([])
    const at = article.text.indexOf('ledger')
    const highlight = await call('highlight.create', { articleId: article.id, start: at, end: at + 6, color: 'yellow', note: 'an albatross?' })
    expect(await titles('albatross')).toEqual(['The Harbour Ledger/highlight'])
    const [fromHighlight] = (await call('search.query', { query: 'albatross' })).results
    expect([fromHighlight.highlightId, fromHighlight.offset]).toEqual([highlight.id, at])

    await call('article.setNote', { articleId: article.id, note: 'Compare with the lighthouse logbooks.' })
    expect(await titles('logbooks')).toEqual(['The Harbour Ledger/note'])
    await call('highlight.delete', { highlightId: highlight.id })
    expect(await titles('albatross')).toEqual([])
  }, 30_000)

  it('follows files edited, added and removed while the folder is watched', async () => {
    const { corpus, titles } = await start(true)
    expect(await titles('shivering')).toEqual(['Bees in Winter/article'])
    await writeFile(path.join(corpus, 'bees.md'), '# Bees in Winter\n\nA hive keeps warm by trembling together.\n')
    await writeFile(path.join(corpus, 'moths.md'), '# Moths\n\nMoths are shivering too.\n')
    await expect.poll(() => titles('trembling'), { timeout: 10_000 }).toEqual(['Bees in Winter/article'])
    await expect.poll(() => titles('shivering'), { timeout: 10_000 }).toEqual(['Moths/article'])
    await rm(path.join(corpus, 'moths.md'))
    await expect.poll(() => titles('shivering'), { timeout: 10_000 }).toEqual([])
  }, 30_000)
})
