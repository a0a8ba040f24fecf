// The application core with the folder watched, through the dispatcher: what the
// renderer sees when files are added, edited, renamed and deleted while Gloss runs.
import { mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeTempDir, removeDir, writeCorpus } from '../../../tests/fixtures/corpus-builder'
import type { DataChange, GlossEvent } from '../../shared/events'

/** What changed on disk, over one or more change events. */
type DiskChange = DataChange['articles'] & { root: string }
import { articleIdFor } from '../corpus/article-id'
import { startGloss, type Gloss } from './gloss'
import { callThrough, cancelledDialogs } from '../test-support/gloss-client'

const cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

async function tempDir(prefix: string): Promise<string> {
  const dir = await realpath(await makeTempDir(`gloss-live-${prefix}-`))
  cleanup.push(() => removeDir(dir))
  return dir
}

const CORPUS = {
  'harbour.md': '---\ntitle: The Harbour Ledger\ndate: 2023-05-01\n---\n\nThe harbour master kept a ledger of every ship.\n\nEach entry named the cargo and the weather.\n',
  'bees.md': '# Bees in Winter\n\nA hive keeps warm by shivering together.\n'
}

/** Short batching windows keep the tests quick. */
const QUICK_WATCH = { debounceMs: 100, writeSettleMs: 50 }

async function start(files: Record<string, string> = CORPUS) {
  const corpus = await tempDir('corpus')
  const dataDir = await tempDir('data')
  const sampleRoot = await tempDir('sample')
  await writeCorpus(corpus, files)
  await writeCorpus(sampleRoot, { 'welcome.md': '# Welcome\n\nA sample.\n' })
  const gloss: Gloss = await startGloss({
    dataDir,
    sampleRoot,
    initialFolder: corpus,
    validateOutput: true,
    log: () => undefined,
    watch: QUICK_WATCH,
    dialogs: cancelledDialogs()
  })
  cleanup.push(() => gloss.close())
  await gloss.watchReady()
  // Changes on disk (the folder's open and scan have their own change events).
  const events: Array<Extract<GlossEvent, { type: 'changed' }>> = []
  gloss.onEvent((event) => {
    if (event.type === 'changed' && event.change.cause === 'disk') events.push(event)
  })
  const call = callThrough(gloss)
  /** The next library change, merged over however many batches it takes `until` to hold. */
  const change = async (until: (c: DiskChange) => boolean): Promise<DiskChange> => {
    let merged: DiskChange | null = null
    await expect
      .poll(
        () => {
          const changes = events.map((e) => e.change)
          merged = changes.length
            ? {
                root: changes[0].root,
                changed: changes.flatMap((c) => c.articles.changed),
                added: changes.flatMap((c) => c.articles.added),
                removed: changes.flatMap((c) => c.articles.removed),
                moved: changes.flatMap((c) => c.articles.moved)
              }
            : null
          return merged !== null && until(merged)
        },
        { timeout: 10_000 }
      )
      .toBe(true)
    events.length = 0
    return merged!
  }
  return { corpus, gloss, call, events, change }
}

const id = (relative: string) => articleIdFor(relative)
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('live folder', () => {
  it('lists an added file, and tells listeners which article it is', async () => {
    const { corpus, call, change } = await start()
    const at = Date.now()
    await writeCorpus(corpus, { 'owls.md': '# Owls at Dusk\n\nOwls hunt by ear.\n' })
    const seen = await change((c) => c.added.length > 0)
    expect(seen).toMatchObject({ root: corpus, added: [id('owls.md')], removed: [], changed: [] })
    expect(Date.now() - at).toBeLessThan(5_000)
    expect((await call('library.list', { sort: 'title' })).articles.map((a) => a.title)).toEqual(['Bees in Winter', 'Owls at Dusk', 'The Harbour Ledger'])
    expect((await call('library.current', {}))!.articleCount).toBe(3)
  })

  it('re-anchors highlights of an edited article; an orphan can be re-attached or deleted', async () => {
    const { corpus, call, change } = await start()
    const article = await call('article.get', { articleId: id('harbour.md') })
    const range = (text: string, phrase: string) => ({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length })
    const ledger = await call('highlight.create', { articleId: article.id, ...range(article.text, 'ledger of every ship'), color: 'green' })
    const cargo = await call('highlight.create', { articleId: article.id, ...range(article.text, 'named the cargo'), color: 'pink', note: 'Manifests' })

    await writeFile(
      path.join(corpus, 'harbour.md'),
      '---\ntitle: The Harbour Ledger\ndate: 2023-05-01\n---\n\nIn 1850 the harbour master kept a ledger of every ship.\n\nNothing else was written down.\n'
    )
    expect(await change((c) => c.changed.length > 0)).toMatchObject({ changed: [article.id] })
    const edited = await call('article.get', { articleId: article.id })
    const placed = edited.highlights.find((h) => h.id === ledger.id)!
    expect(edited.text.slice(placed.anchor!.start, placed.anchor!.end)).toBe('ledger of every ship')
    expect(edited.highlights.find((h) => h.id === cargo.id)!.anchor).toBeNull()

    const again = await call('highlight.reattach', { highlightId: cargo.id, ...range(edited.text, 'Nothing else was written') })
    expect(again).toMatchObject({ id: cargo.id, note: 'Manifests', color: 'pink', quote: { exact: 'Nothing else was written' } })
    expect((await call('article.get', { articleId: article.id })).highlights.every((h) => h.anchor !== null)).toBe(true)
    expect(await call('highlight.delete', { highlightId: cargo.id })).toEqual({ deleted: true })
  })

  it('keeps a deleted article’s annotations under missing articles until removed, and follows a rename', async () => {
    const { corpus, call, change } = await start()
    const bees = await call('article.get', { articleId: id('bees.md') })
    const start_ = bees.text.indexOf('shivering together')
    await call('highlight.create', { articleId: bees.id, start: start_, end: start_ + 18, color: 'yellow', note: 'Thermoregulation' })

    await mkdir(path.join(corpus, 'insects'))
    await rename(path.join(corpus, 'bees.md'), path.join(corpus, 'insects', 'bees.md'))
    const moved = await change((c) => c.moved.length > 0)
    expect(moved.moved).toEqual([{ from: bees.id, to: id('insects/bees.md') }])
    expect((await call('article.get', { articleId: id('insects/bees.md') })).highlights).toHaveLength(1)
    expect(await call('library.missing', {})).toEqual([])

    await rm(path.join(corpus, 'insects', 'bees.md'))
    await change((c) => c.removed.length > 0)
    const missing = await call('library.missing', {})
    expect(missing).toEqual([
      {
        articleId: id('insects/bees.md'),
        title: 'Bees in Winter',
        path: 'insects/bees.md',
        highlights: [{ id: expect.any(String), quote: 'shivering together', note: 'Thermoregulation', color: 'yellow' }],
        note: ''
      }
    ])
    expect(await call('annotations.removeMissing', { articleId: id('insects/bees.md') })).toEqual({ removed: 1 })
    expect(await call('library.missing', {})).toEqual([])
  })

  it('takes a burst of 200 new files in a few batches and lists them all', async () => {
    // The burst arrives as one, as a sync client or an unzip delivers it: the files are
    // written in a staging folder beside the corpus and moved in with a single rename.
    // Written one by one into the corpus, a loaded machine wrote them slower than the
    // batching window and the count measured the machine, not the batching.
    const { corpus, call, events } = await start()
    const staging = await tempDir('staging')
    const files = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`clip-${i}.txt`, `Clip ${i}\n\nBody of clip ${i}.\n`]))
    await writeCorpus(staging, files)
    const at = Date.now()
    await rename(staging, path.join(corpus, 'inbox'))
    await expect.poll(async () => (await call('library.current', {}))!.articleCount, { timeout: 15_000 }).toBe(202)
    const took = Date.now() - at
    await settle(500)
    expect(events.length).toBeLessThanOrEqual(3)
    expect(events.flatMap((e) => e.change.articles.added)).toHaveLength(200)
    expect(took).toBeLessThan(10_000)
  })

  it('stops watching a folder when another one opens, and on close; never writes into the folder', async () => {
    const { corpus, gloss, call, events } = await start()
    const other = await tempDir('other')
    await writeCorpus(other, { 'moss.md': '# Moss\n\nMoss grows in the shade.\n' })
    await call('library.open', { root: other })
    await gloss.watchReady()
    await writeCorpus(corpus, { 'late.md': '# Late\n\nToo late to be seen.\n' })
    await settle(800)
    expect(events).toEqual([])

    await writeCorpus(other, { 'fern.md': '# Fern\n\nFerns unroll in spring.\n' })
    await expect.poll(() => events.length, { timeout: 10_000 }).toBeGreaterThan(0)
    expect(events[0].change.root).toBe(other)

    await gloss.close()
    const count = events.length
    await writeCorpus(other, { 'after.md': '# After\n\nWritten after close.\n' })
    await settle(800)
    expect(events).toHaveLength(count)
    // Exactly what the test wrote, nothing from Gloss.
    expect((await readdir(other)).sort()).toEqual(['after.md', 'fern.md', 'moss.md'])
    expect((await readdir(corpus)).sort()).toEqual(['bees.md', 'harbour.md', 'late.md'])
    expect(await readFile(path.join(corpus, 'bees.md'), 'utf8')).toBe(CORPUS['bees.md'])
    expect((await stat(path.join(corpus, 'bees.md'))).isFile()).toBe(true)
  })
})
