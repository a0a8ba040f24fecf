// Opening a large folder: the open answers with the first rows while the rest is read
// in the background, scan-progress events report the way to the end (the list growing
// with them), another open stops the scan, and a reopen uses the cache.
import { readFile, readdir, realpath, stat } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { makeTempDir, removeDir, writeCorpus } from '../../../tests/fixtures/corpus-builder'
import type { GlossEvent, ScanProgress } from '../../shared/events'
import { glossLink } from '../../shared/export/gloss-link'
import { articleIdFor } from '../corpus/article-id'
import { scanCacheFile } from '../store/data-folder'
import { startGloss, type Gloss } from './gloss'
import { callThrough, cancelledDialogs } from '../test-support/gloss-client'

const cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

async function tempDir(prefix: string): Promise<string> {
  const dir = await realpath(await makeTempDir(`gloss-scan-${prefix}-`))
  cleanup.push(() => removeDir(dir))
  return dir
}

/** Several batches of files (16 are read at once): the open shows the first batch (firstRowsMs: 0) and reads on. */
async function largeCorpus(count: number): Promise<string> {
  const dir = await tempDir('corpus')
  const files: Record<string, string> = {}
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(5, '0')
    files[`shelf-${Math.floor(i / 100)}/note-${n}.md`] = `---\ntitle: Note ${n}\ndate: 2021-01-01\n---\n\n${'Words about the sea and its tides. '.repeat(40)}\n`
  }
  await writeCorpus(dir, files)
  return dir
}

const dialogs = cancelledDialogs()
/** Files in the large folder: many batches, few seconds even on a loaded machine. */
const COUNT = 400

async function start(dataDir?: string) {
  dataDir ??= await tempDir('data')
  const sampleRoot = await tempDir('sample')
  await writeCorpus(sampleRoot, { 'welcome.md': '# Welcome\n\nA sample.\n' })
  const gloss: Gloss = await startGloss({ dataDir, sampleRoot, validateOutput: true, log: () => undefined, backgroundScan: true, firstRowsMs: 0, dialogs })
  cleanup.push(() => gloss.close())
  const progress: ScanProgress[] = []
  const events: GlossEvent[] = []
  gloss.onEvent((event: GlossEvent) => {
    events.push(event)
    if (event.type === 'scan-progress') progress.push(event.progress)
  })
  const call = callThrough(gloss)
  return { gloss, call, progress, events, dataDir }
}

describe('opening a large folder', () => {
  it('answers with the first rows, reports progress, and lists everything when done', async () => {
    const corpus = await largeCorpus(COUNT)
    const { gloss, call, progress, events } = await start()
    const opened = await call('library.open', { root: corpus })
    expect(opened.articleCount).toBeGreaterThan(0)
    expect(opened.articleCount).toBeLessThan(COUNT)
    // Readable before the scan ends.
    const first = await call('library.list', { sort: 'title' })
    expect(first.total).toBeLessThan(COUNT)
    expect((await call('article.get', { articleId: first.articles[0].id })).text).toContain('tides')

    await gloss.watchReady()
    expect((await call('library.list', { sort: 'title' })).total).toBe(COUNT)
    const mine = progress.filter((p) => p.root === corpus)
    expect(mine.at(-1)).toMatchObject({ scanned: COUNT, total: COUNT, done: true })
    expect(mine.slice(0, -1).every((p) => !p.done && p.total === COUNT && p.scanned < COUNT)).toBe(true)
    expect(mine.slice(0, -1).some((p) => p.currentFolder.startsWith('shelf-'))).toBe(true)

    // The open is one change (the whole folder), and every report after it that grew
    // the list is followed by exactly one scan change; the last one says the missing
    // list is known now.
    const ofCorpus = events.filter((e) => (e.type === 'changed' ? e.change.root : e.progress.root) === corpus)
    const opens = ofCorpus.flatMap((e, i) => (e.type === 'changed' && e.change.cause === 'open' ? [i] : []))
    expect(opens).toHaveLength(1)
    const after = ofCorpus.slice(opens[0] + 1)
    const reports = after.filter((e) => e.type === 'scan-progress')
    expect(reports.length).toBeGreaterThan(0)
    after.forEach((e, i) => {
      if (e.type === 'scan-progress') expect(after[i + 1]).toMatchObject({ type: 'changed', change: { cause: 'scan', library: true, missing: e.progress.done } })
    })
    expect(after.filter((e) => e.type === 'changed')).toHaveLength(reports.length)
  })

  it('stops reading a folder when another one is opened', async () => {
    const corpus = await largeCorpus(COUNT)
    const other = await tempDir('other')
    await writeCorpus(other, { 'moss.md': '# Moss\n\nMoss grows in the shade.\n' })
    const { gloss, call, progress } = await start()
    await call('library.open', { root: corpus })
    const reopened = await call('library.open', { root: other })
    expect(reopened.articleCount).toBe(1)
    await gloss.watchReady()
    expect(progress.filter((p) => p.root === corpus && p.done)).toEqual([])
    expect((await call('library.list', { sort: 'title' })).articles.map((a) => a.title)).toEqual(['Moss'])
  })

  it('follows a link into a large folder to an article its first rows do not include', async () => {
    const corpus = await largeCorpus(COUNT)
    const other = await tempDir('other')
    await writeCorpus(other, { 'moss.md': '# Moss\n\nMoss grows in the shade.\n' })
    const { gloss, call } = await start()
    await call('library.open', { root: corpus })
    await gloss.watchReady()
    await call('library.open', { root: other })
    const last = articleIdFor(`shelf-${Math.floor((COUNT - 1) / 100)}/note-${String(COUNT - 1).padStart(5, '0')}.md`)
    const followed = await call('app.openLink', { url: glossLink({ corpus, article: last }) })
    expect(followed).toMatchObject({ articleId: last, library: { root: corpus, articleCount: COUNT } })
  })

  it('keeps its cache in the data folder, and a reopen lists the same articles', async () => {
    const corpus = await largeCorpus(COUNT)
    const before = (await readdir(corpus, { recursive: true })).sort()
    const { gloss, call, dataDir } = await start()
    await call('library.open', { root: corpus })
    await gloss.watchReady()
    const listed = await call('library.list', { sort: 'title' })
    await gloss.close()
    expect((await stat(scanCacheFile(dataDir, corpus))).isFile()).toBe(true)
    expect((await readdir(corpus, { recursive: true })).sort()).toEqual(before)

    const again = await start(dataDir)
    await again.call('library.open', { root: corpus })
    await again.gloss.watchReady()
    expect(await again.call('library.list', { sort: 'title' })).toEqual(listed)
  })

  it('leaves its cache behind even when closed right after the first scan', async () => {
    const corpus = await largeCorpus(COUNT)
    const { gloss, call, dataDir } = await start()
    await call('library.open', { root: corpus })
    await gloss.watchReady()
    await gloss.close()
    const cache = await readFile(scanCacheFile(dataDir, corpus), 'utf8')
    expect(cache).toContain(`note-${String(COUNT - 1).padStart(5, '0')}.md`)
  })
})
