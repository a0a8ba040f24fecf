// Failures are told: a save that fails reaches the page at once (a `changed` event with
// `saving`, then app.saveStatus), the edit stays acknowledged in memory and is written by
// the retry; a repaired settings.json is told like a repaired folder store.
import { mkdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { writeCorpus } from '../../../tests/fixtures/corpus-builder'
import type { DataChange } from '../../shared/events'
import type { Gloss } from './gloss'
import { corpusStoreFile, settingsFile } from '../store/data-folder'
import { articleTitled, callThrough, rangeOf, startTestGloss, tempDirs } from '../test-support/gloss-client'

const tempDir = tempDirs('save-status')
const running: Gloss[] = []
afterEach(async () => {
  for (const gloss of running.splice(0)) await gloss.close().catch(() => undefined)
})

async function start(dataDir?: string) {
  const corpus = await tempDir('corpus')
  await writeCorpus(corpus, { 'tides.md': '# Tides\n\nThe sea rises twice a day, pulled by the moon.\n' })
  const data = dataDir ?? (await tempDir('data'))
  const gloss = await startTestGloss(tempDir, { dataDir: data, initialFolder: corpus })
  running.push(gloss)
  const changes: DataChange[] = []
  gloss.onEvent((event) => {
    if (event.type === 'changed') changes.push(event.change)
  })
  return { gloss, call: callThrough(gloss), changes, corpus, dataDir: data }
}

describe('a save that fails is told at once and kept', () => {
  it('an edit whose save fails: the page hears `saving`, app.saveStatus says why, the retry writes it and clears it', async () => {
    const { call, changes, corpus, dataDir } = await start()
    expect(await call('app.saveStatus', {})).toEqual({ problem: null })
    const article = await articleTitled(call, 'Tides')
    // The folder's store cannot be written: its folder is gone and a file sits in its place.
    const folder = path.dirname(corpusStoreFile(dataDir, await realpath(corpus)))
    await rename(folder, `${folder}-away`)
    await writeFile(folder, 'not a folder')

    const made = await call('highlight.create', { articleId: article.id, ...rangeOf(article, 'pulled by the moon'), color: 'yellow' })
    await expect.poll(() => changes.some((c) => c.cause === 'save' && c.saving), { timeout: 10_000 }).toBe(true)
    const status = await call('app.saveStatus', {})
    expect(status.problem?.message).toMatch(/^Your last changes are not saved: writing .*\.json failed \(ENOTDIR\)\. They are kept in memory and in /)

    await rm(folder, { force: true })
    await rename(`${folder}-away`, folder)
    await expect.poll(async () => (await call('app.saveStatus', {})).problem, { timeout: 10_000 }).toBeNull()
    const stored = JSON.parse(await readFile(corpusStoreFile(dataDir, await realpath(corpus)), 'utf8')) as { highlights: { id: string }[] }
    expect(stored.highlights.map((h) => h.id)).toEqual([made.id])
    expect(changes.filter((c) => c.cause === 'save')).toHaveLength(2)
  })

  it('says that a damaged settings.json was repaired', async () => {
    const dataDir = await tempDir('data')
    await mkdir(dataDir, { recursive: true })
    await writeFile(settingsFile(dataDir), '{ "schemaVersion": 1, "recentFolders": [')
    const { call } = await start(dataDir)
    const summary = await call('library.current', {})
    expect(summary?.storeNotice).toMatch(/^Your Gloss settings was damaged .* The damaged file was kept at .*settings\.json\.corrupt-/)
  })
})

