// One writer per data folder, with two real processes: the core (as the app or the
// harness runs it) holds the data folder while the CLI is spawned against it. Before the
// lock the CLI printed "Imported …" and the app's next save overwrote every import.
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startGloss, type Gloss } from '../core/app/gloss'
import { corpusStoreFile } from '../core/store/data-folder'
import { makeAnnotatedCorpus, type AnnotatedCorpus } from '../core/export/test-support/annotated-corpus'
import type { Dialogs } from '../core/ports'

const run = promisify(execFile)
const tsx = path.resolve('node_modules', '.bin', 'tsx')
const noDialogs: Dialogs = {
  chooseFolder: async () => null,
  chooseSavePath: async () => null,
  chooseExportFolder: async () => null,
  chooseOpenFile: async () => null
}

let corpus: AnnotatedCorpus
let gloss: Gloss | null = null
beforeEach(async () => {
  corpus = await makeAnnotatedCorpus()
})
afterEach(async () => {
  await gloss?.close()
  gloss = null
  await corpus.cleanup()
})

const cli = (...args: string[]) => run(tsx, ['src/hosts/gloss.ts', ...args], { env: { ...process.env, INIT_CWD: corpus.base } })
const highlightsIn = async (dataDir: string): Promise<number> =>
  (JSON.parse(await readFile(corpusStoreFile(dataDir, corpus.root), 'utf8')) as { highlights: unknown[] }).highlights.length

describe('one writer per data folder (the CLI spawned while the core holds it)', () => {
  it('refuses a CLI import while Gloss is open, writes nothing, and the app keeps every change; after it closes the import works', async () => {
    const appData = path.join(corpus.base, 'app-data')
    // The annotations to import: the corpus's own, exported as W3C JSON.
    await cli('export', corpus.root, '--format', 'json', '--out', 'notes.json', '--data-dir', corpus.dataDir)

    gloss = await startGloss({ dataDir: appData, sampleRoot: corpus.root, initialFolder: corpus.root, dialogs: noDialogs, log: () => undefined })
    const list = await gloss.dispatch('library.list', {})
    const first = (list as { ok: true; value: { articles: { id: string }[] } }).value.articles[0].id
    const made = await gloss.dispatch('highlight.create', { articleId: first, start: 0, end: 5, color: 'yellow' })
    expect(made.ok).toBe(true)

    const refused = await cli('import', corpus.root, 'notes.json', '--data-dir', 'app-data').then(
      () => null,
      (error: { code: number; stderr: string; stdout: string }) => error
    )
    expect(refused?.code).toBe(1)
    expect(refused?.stderr).toMatch(/Gloss is open on this data folder .*close it or make this change there\. Nothing was changed\./)
    expect(refused?.stdout).not.toMatch(/Imported/)

    // A command that only reads still works while the app is open, and writes no store.
    const exported = await cli('export', corpus.root, '--format', 'json', '--out', 'while-open.json', '--data-dir', 'app-data')
    expect(exported.stdout.trim()).toBe(`Wrote ${path.join(corpus.base, 'while-open.json')}`)

    await gloss.close()
    gloss = null
    expect(await highlightsIn(appData)).toBe(1)

    const imported = await cli('import', corpus.root, 'notes.json', '--data-dir', 'app-data')
    expect(imported.stdout).toMatch(/^Imported [1-9]\d*, /)
    const afterImport = await highlightsIn(appData)
    expect(afterImport).toBeGreaterThan(1)

    // …and the app opened again sees the import and the highlight made before it.
    gloss = await startGloss({ dataDir: appData, sampleRoot: corpus.root, initialFolder: corpus.root, dialogs: noDialogs, log: () => undefined })
    const all = await gloss.dispatch('annotations.list', {})
    expect(all.ok).toBe(true)
    await gloss.close()
    gloss = null
    expect(await highlightsIn(appData)).toBe(afterImport)
  }, 120_000)

  it('a second core on the same data folder (the harness while the app runs) is refused at start', async () => {
    gloss = await startGloss({ dataDir: corpus.dataDir, sampleRoot: corpus.root, initialFolder: corpus.root, dialogs: noDialogs })
    await expect(
      startGloss({ dataDir: corpus.dataDir, sampleRoot: corpus.root, initialFolder: corpus.root, dialogs: noDialogs, lockOwner: 'harness' })
    ).rejects.toThrow(/Gloss is open on this data folder/)
  })

  it('a CLI killed mid-import leaves a stale lock that the next writer takes over', async () => {
    const child = execFile(process.execPath, ['-e', "require('fs').writeFileSync(process.argv[1], JSON.stringify({pid: process.pid, owner: 'cli', host: require('os').hostname(), startedAt: 'then'}))", path.join(corpus.dataDir, 'gloss.lock')])
    await new Promise((resolve) => child.on('exit', resolve))
    gloss = await startGloss({ dataDir: corpus.dataDir, sampleRoot: corpus.root, initialFolder: corpus.root, dialogs: noDialogs })
    expect(JSON.parse(await readFile(path.join(corpus.dataDir, 'gloss.lock'), 'utf8'))).toMatchObject({ pid: process.pid, owner: 'app' })
  })
})
