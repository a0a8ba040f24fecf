// Warm open: a second scanner of the same folder, given the first one's cache file,
// reuses the summaries of files whose size and modification time are unchanged and
// reads the rest; it always ends where a fresh scan of the folder does.
import { readdir, readFile, realpath, rm, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir, removeDir, writeCorpus } from '../../../tests/fixtures/corpus-builder'
import { CorpusScanner, scanCorpus, type ScanCount, type ScanResult } from './scan'
import { scanCacheFile } from '../store/data-folder'

let dir: string
let dataDir: string
beforeEach(async () => {
  dir = await realpath(await makeTempDir('gloss-scan-cache-'))
  dataDir = await realpath(await makeTempDir('gloss-scan-cache-data-'))
})
afterEach(async () => {
  await removeDir(dir)
  await removeDir(dataDir)
})

const BASE = {
  'tides.md': '# Tides\n\nThe tide turns twice a day.\n',
  'notes/lamps.txt': 'Lamps\n\nA lamp was lit at dusk in every window.\n',
  'notes/kites.txt': 'Kites\n\nThe kites rose over the dunes by noon.\n'
}

const file = (relative: string) => path.join(dir, ...relative.split('/'))
const titles = (result: ScanResult) => result.articles.map((a) => a.title).sort()
const cacheFile = () => scanCacheFile(dataDir, dir)

async function scanWithCache(): Promise<ScanResult> {
  const scanner = await CorpusScanner.open(dir, { cacheFile: cacheFile() })
  const result = await scanner.scan()
  await scanner.flushCache()
  return result
}

/** Rewrites a file with other words of the same length and puts its old mtime back: only a cache can still see the old words. */
async function swapWordsKeepingStamp(relative: string, from: string, to: string): Promise<void> {
  const text = await readFile(file(relative), 'utf8')
  expect(to).toHaveLength(from.length)
  await writeFile(file(relative), text.replace(from, to))
  await utimes(file(relative), ROUND_STAMP, ROUND_STAMP)
}

// Whole seconds: a stamp that survives being set again exactly (utimes drops nanoseconds).
const ROUND_STAMP = 1_700_000_000

describe('scan cache (warm open)', () => {
  it('reuses unchanged files without reading them, and lists the same articles as a fresh scan', async () => {
    await writeCorpus(dir, BASE)
    await utimes(file('notes/lamps.txt'), ROUND_STAMP, ROUND_STAMP)
    const cold = await scanWithCache()
    await swapWordsKeepingStamp('notes/lamps.txt', 'Lamps', 'Ropes')
    const warm = await scanWithCache()
    // Same size and mtime: the cached summary is used, so the title is the old one.
    expect(titles(warm)).toEqual(titles(cold))
    expect(titles(warm)).toContain('Lamps')
  })

  it.each<[string, (write: typeof writeFile) => Promise<unknown>, string[]]>([
    ['a changed file is read again', (write) => write(file('tides.md'), '# Tides and Moons\n\nThe moon pulls the sea, some more than others.\n'), ['Kites', 'Lamps', 'Tides and Moons']],
    ['an added file is read', (write) => write(file('notes/owls.txt'), 'Owls\n\nOwls hunt at night.\n'), ['Kites', 'Lamps', 'Owls', 'Tides']],
    ['a deleted file drops out', () => rm(file('notes/kites.txt')), ['Lamps', 'Tides']]
  ])('%s', async (_name, change, expected) => {
    await writeCorpus(dir, BASE)
    await scanWithCache()
    await change(writeFile)
    // A changed mtime must be seen even on file systems with coarse timestamps.
    const later = new Date(Date.now() + 5_000)
    for (const relative of ['tides.md', 'notes/owls.txt']) await utimes(file(relative), later, later).catch(() => undefined)
    const warm = await scanWithCache()
    expect(titles(warm)).toEqual(expected)
    expect(warm).toEqual(await scanCorpus(dir))
  })

  it('reads bodies from the files on demand (the cache holds no text)', async () => {
    await writeCorpus(dir, BASE)
    await scanWithCache()
    const cached = await readFile(cacheFile(), 'utf8')
    expect(cached).not.toContain('lit at dusk')
    const warm = await scanWithCache()
    expect(warm.articles.find((a) => a.title === 'Lamps')?.body).toBe('A lamp was lit at dusk in every window.')
  })

  it.each([
    ['garbage', 'not json {'],
    ['another shape', JSON.stringify({ version: 1, root: '/elsewhere', files: {} })],
    ['damaged entries', JSON.stringify({ version: 1, root: '<root>', files: { 'tides.md': { size: 'big' }, 'notes/lamps.txt': null } })],
    ['empty', '']
  ])('ignores a corrupted cache (%s) and rebuilds it', async (_name, content) => {
    await writeCorpus(dir, BASE)
    await scanWithCache()
    await writeFile(cacheFile(), content.replace('<root>', dir))
    const warm = await scanWithCache()
    expect(warm).toEqual(await scanCorpus(dir))
    const rebuilt = JSON.parse(await readFile(cacheFile(), 'utf8')) as { files: Record<string, unknown> }
    expect(Object.keys(rebuilt.files).sort()).toEqual(['notes/kites.txt', 'notes/lamps.txt', 'tides.md'])
  })

  it('writes nothing into the corpus folder', async () => {
    await writeCorpus(dir, BASE)
    const before = await readdir(dir, { recursive: true })
    await scanWithCache()
    expect((await readdir(dir, { recursive: true })).sort()).toEqual(before.sort())
    expect(cacheFile().startsWith(dataDir)).toBe(true)
  })
})

describe('CorpusScanner.scan progress and cancelling', () => {
  it('reports progress by batch up to the total, and snapshot lists what is read so far', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 600; i++) files[`box${i % 3}/note-${String(i).padStart(4, '0')}.txt`] = `Note ${i}\n\nWords of note ${i}.\n`
    await writeCorpus(dir, files)
    const scanner = await CorpusScanner.open(dir)
    const seen: Array<ScanCount & { listed: number }> = []
    const result = await scanner.scan({ onProgress: (progress) => seen.push({ ...progress, listed: scanner.snapshot().articles.length }) })
    expect(result.articles).toHaveLength(600)
    expect(seen.length).toBeGreaterThan(1)
    expect(seen.at(-1)).toMatchObject({ scanned: 600, total: 600 })
    expect(seen[0].listed).toBeLessThan(600)
    expect(seen.map((p) => p.scanned)).toEqual([...seen.map((p) => p.scanned)].sort((a, b) => a - b))
    expect(seen[0].currentFolder).toMatch(/^box\d$/)
  })

  it('stops when the signal is aborted', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 600; i++) files[`n${i}.txt`] = `Note ${i}\n\nBody.\n`
    await writeCorpus(dir, files)
    const scanner = await CorpusScanner.open(dir)
    const controller = new AbortController()
    let reports = 0
    const scanning = scanner.scan({
      signal: controller.signal,
      onProgress: () => {
        reports++
        controller.abort(new Error('another folder was opened'))
      }
    })
    await expect(scanning).rejects.toThrow('another folder was opened')
    expect(reports).toBe(1)
  })
})
