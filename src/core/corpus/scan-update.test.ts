// CorpusScanner.update: bringing a scan up to date from the watcher's changed paths.
// Each case ends where a fresh scanCorpus of the same folder would, and files that
// did not change are not read again (their articles are the very same objects).
import { realpath, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir, removeDir, seedStylePair, writeCorpus } from '../../../tests/fixtures/corpus-builder'
import { articleIdFor } from './article-id'
import { CorpusScanner, scanCorpus, type CorpusChanges, type ScanResult } from './scan'

let dir: string
beforeEach(async () => {
  dir = await realpath(await makeTempDir('gloss-scan-update-'))
})
afterEach(async () => {
  await removeDir(dir)
})

const BASE = {
  'tides.md': '# Tides\n\nThe tide turns twice a day.\n',
  'notes/lamps.txt': 'Lamps\n\nA lamp was lit at dusk in every window.\n',
  'broken.md': '---\ntitle: [unclosed\n---\nbody\n'
}

async function start(files: Record<string, string> = BASE): Promise<{ scanner: CorpusScanner; first: ScanResult }> {
  await writeCorpus(dir, files)
  const scanner = await CorpusScanner.open(dir)
  return { scanner, first: await scanner.scan() }
}

const file = (relative: string) => path.join(dir, ...relative.split('/'))
const titles = (result: ScanResult) => result.articles.map((a) => a.title)
const byPath = (result: ScanResult, relative: string) => result.articles.find((a) => a.files[0] === relative)

/** The update must end exactly where a fresh scan of the folder does. */
async function expectFresh(result: ScanResult): Promise<void> {
  expect(result).toEqual(await scanCorpus(dir))
}

describe('CorpusScanner.update', () => {
  it('scans like scanCorpus to begin with', async () => {
    const { first } = await start()
    await expectFresh(first)
    expect(first.problems.map((p) => p.path)).toEqual(['broken.md'])
  })

  it('re-reads an edited file and nothing else', async () => {
    const { scanner, first } = await start()
    await writeFile(file('tides.md'), '# Tides\n\nThe tide turns twice a day, and the moon is to blame.\n')
    const next = await scanner.update({ paths: ['tides.md'], structural: false })
    await expectFresh(next)
    expect(byPath(next, 'tides.md')!.body).toContain('the moon is to blame')
    expect(byPath(next, 'tides.md')).not.toBe(byPath(first, 'tides.md'))
    expect(byPath(next, 'notes/lamps.txt')).toBe(byPath(first, 'notes/lamps.txt'))
  })

  it('adds a new file, drops a deleted one, and follows a rename to a new id with the same fingerprint', async () => {
    const { scanner, first } = await start()
    await writeCorpus(dir, { 'new/harbour.md': '# Harbour\n\nBoats came in at noon.\n' })
    const added = await scanner.update({ paths: ['new', 'new/harbour.md'], structural: true })
    await expectFresh(added)
    expect(titles(added)).toContain('Harbour')
    expect(byPath(added, 'tides.md')).toBe(byPath(first, 'tides.md'))

    await rm(file('tides.md'))
    const removed = await scanner.update({ paths: ['tides.md'], structural: true })
    await expectFresh(removed)
    expect(titles(removed)).not.toContain('Tides')

    await rename(file('notes/lamps.txt'), file('lamps-moved.txt'))
    const moved = await scanner.update({ paths: ['lamps-moved.txt', 'notes/lamps.txt'], structural: true })
    await expectFresh(moved)
    const lamp = byPath(moved, 'lamps-moved.txt')!
    expect(lamp.id).toBe(articleIdFor('lamps-moved.txt'))
    expect(lamp.fingerprint).toBe(byPath(first, 'notes/lamps.txt')!.fingerprint)
  })

  it('pairs the two halves of a clipping that arrive one after the other', async () => {
    const { scanner } = await start()
    const pair = seedStylePair({ title: 'Night Ferries Return', paragraphs: ['The night ferry runs again from May.', 'Tickets cost the same.'], folder: 'clips' })
    await writeCorpus(dir, { [pair.metadataPath]: pair.metadata })
    const half = await scanner.update({ paths: [pair.metadataPath], structural: true })
    await expectFresh(half)
    expect(byPath(half, pair.metadataPath)).toMatchObject({ title: 'Night Ferries Return', words: 0 })

    await writeCorpus(dir, { [pair.bodyPath]: pair.body })
    const whole = await scanner.update({ paths: [pair.bodyPath], structural: true })
    await expectFresh(whole)
    const article = byPath(whole, pair.bodyPath)!
    expect(article.files).toEqual([pair.bodyPath, pair.metadataPath])
    expect(article.source).toBe('Example News')
    expect(whole.articles.filter((a) => a.title === 'Night Ferries Return')).toHaveLength(1)

    // The metadata half goes away: the body stands alone again.
    await rm(file(pair.metadataPath))
    const alone = await scanner.update({ paths: [pair.metadataPath], structural: true })
    await expectFresh(alone)
    expect(byPath(alone, pair.bodyPath)!.files).toEqual([pair.bodyPath])
  })

  it('turns a file that became unreadable into a problem and back', async () => {
    const { scanner } = await start()
    await writeFile(file('tides.md'), '---\ntitle: [broken now\n---\n\nText.\n')
    const broken = await scanner.update({ paths: ['tides.md'], structural: false })
    await expectFresh(broken)
    expect(broken.problems.map((p) => p.path)).toEqual(['broken.md', 'tides.md'])
    await writeFile(file('tides.md'), '# Tides\n\nFixed.\n')
    const fixed = await scanner.update({ paths: ['tides.md'], structural: false })
    await expectFresh(fixed)
    expect(fixed.problems.map((p) => p.path)).toEqual(['broken.md'])
  })

  it.each<[string, CorpusChanges]>([
    ['a change to a file it never saw (a missed addition)', { paths: ['late.md'], structural: false }],
    ['a rescan', { paths: [], structural: false, rescan: true }]
  ])('walks the folder again after %s', async (_name, changes) => {
    const { scanner } = await start()
    await writeCorpus(dir, { 'late.md': '# Late\n\nArrived without an add event.\n' })
    const next = await scanner.update(changes)
    await expectFresh(next)
    expect(titles(next)).toContain('Late')
  })

  it('finds every file of a folder even when the watcher reported only the folder', async () => {
    const { scanner } = await start()
    const files = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`inbox/clip-${i}.txt`, `Clip ${i}\n\nBody ${i}.\n`]))
    await writeCorpus(dir, files)
    const next = await scanner.update({ paths: ['inbox'], structural: true })
    await expectFresh(next)
    expect(next.articles).toHaveLength(202)
  })

  it('ignores changes in hidden folders and to files that are not articles', async () => {
    const { scanner, first } = await start()
    await writeCorpus(dir, { '.obsidian/app.json': '{}', 'cover.png': 'png' })
    const next = await scanner.update({ paths: ['.obsidian/app.json', 'cover.png'], structural: false })
    expect(next.articles).toEqual(first.articles)
    expect(next.articles.every((a, i) => a === first.articles[i])).toBe(true)
  })
})
