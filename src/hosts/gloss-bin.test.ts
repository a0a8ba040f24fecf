// The built `gloss` executable as a user's shell runs it: compiled JavaScript started
// through its shebang, its output read through real pipes (`| jq`, `| head`), its search
// in the built worker. Built here into a temp folder (esbuild, about a second), so the
// test never runs a stale out/.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir, removeDir, writeCorpus } from '../../tests/fixtures/corpus-builder'
import { buildCli } from '../../scripts/build-cli'
import { scanCorpus } from '../core/corpus/scan'
import { createSearchService } from '../core/search/search-service'
import { EXIT } from './exit-codes'

// Enough articles that `scan --json` is several times the 64 KiB a pipe holds (≈ 250
// bytes an article), which is where output used to be cut off; tiny files keep it fast.
const ARTICLES = 2000

let base: string
let gloss: string
let corpus: string
beforeAll(async () => {
  base = await realpath(await makeTempDir('gloss-bin-'))
  gloss = await buildCli(path.join(base, 'cli'))
  corpus = path.join(base, 'Clippings')
  const files: Record<string, string> = {}
  for (let i = 0; i < ARTICLES; i++) {
    files[`${String(i % 20).padStart(2, '0')}/note-${i}.md`] = `---\ntitle: "Harbour note ${i}"\ndate: 2024-03-${String(1 + (i % 28)).padStart(2, '0')}\n---\n\nThe ferry to the island left at ${i % 24} o'clock with the harbour pilot.\n`
  }
  await writeCorpus(corpus, files)
}, 120_000)
afterAll(async () => {
  await removeDir(base)
})

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the executable itself (its shebang), reading stdout with `read`. */
async function run(args: string[], read: (stdout: Readable) => Promise<string> = collect): Promise<Run> {
  const child = spawn(gloss, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  const stderr = collect(child.stderr)
  const stdout = read(child.stdout)
  const [code] = (await once(child, 'close')) as [number | null]
  return { code, stdout: await stdout, stderr: await stderr }
}

async function collect(stream: Readable): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** A reader slower than the writer: the pipe fills and the writer must wait for it. */
async function readSlowly(stream: Readable): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** A reader that takes the first chunk and closes the pipe, as `head` does. */
async function readFirstChunk(stream: Readable): Promise<string> {
  const [chunk] = (await once(stream, 'data')) as [Buffer]
  stream.destroy()
  return chunk.toString('utf8')
}

describe('the built gloss executable', () => {
  it('scan --json through a slow pipe arrives whole', async () => {
    const result = await run(['scan', corpus, '--json'], readSlowly)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(EXIT.ok)
    expect(Buffer.byteLength(result.stdout)).toBeGreaterThan(4 * 64 * 1024)
    const listed = JSON.parse(result.stdout) as { articles: Array<{ title: string }> }
    expect(listed.articles).toHaveLength(ARTICLES)
  }, 120_000)

  it('stops quietly when the reader closes the pipe early (| head)', async () => {
    const result = await run(['scan', corpus], readFirstChunk)
    expect(result.stdout.startsWith(`${corpus}: ${ARTICLES} articles, 0 problems\n`)).toBe(true)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(EXIT.ok)
  }, 120_000)

  it.each<[string, string[], number, RegExp, 'stdout' | 'stderr']>([
    ['--help', ['--help'], EXIT.ok, /Exit codes:\n {2}0 {2}done\n {2}1 {2}failed/, 'stdout'],
    ['a command’s --help', ['search', '--help'], EXIT.ok, /gloss search <folder> "<query>"/, 'stdout'],
    ['no command', [], EXIT.usage, /^Usage:/, 'stderr'],
    ['an unknown command', ['serch', '.', 'x'], EXIT.usage, /^Unknown command "serch"/, 'stderr'],
    ['a mistyped option', ['scan', '.', '--jsn'], EXIT.usage, /^Unknown option --jsn/, 'stderr'],
    ['a folder that is not there', ['scan', '/no/such/folder'], EXIT.failure, /^gloss: /, 'stderr']
  ])('%s (%j): exit %i', async (_case, args, code, message, where) => {
    const result = await run(args)
    expect(result.code).toBe(code)
    expect(result[where]).toMatch(message)
    if (where === 'stdout') expect(result.stderr).toBe('')
    else expect(result.stdout).toBe('')
  }, 60_000)

  it('uses the index the app saved (another build of the same code) without a word', async () => {
    const dataDir = path.join(base, 'app-data')
    // The app's search service, from source, indexes the folder and saves the index on close.
    const scan = await scanCorpus(corpus)
    const app = createSearchService({ dataDir, inProcess: true })
    app.sync({ root: scan.root, articles: scan.articles, annotations: [] })
    const inApp = await app.query('pilot', 3)
    await app.close()
    const result = await run(['search', corpus, 'pilot', '--limit', '3', '--json', '--data-dir', dataDir])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(EXIT.ok)
    expect({ ...JSON.parse(result.stdout), tookMs: 0 }).toEqual({ ...inApp, tookMs: 0 })
  }, 120_000)

  it('searches in the built worker, saying when it builds the index, then reusing the saved one', async () => {
    const dataDir = path.join(base, 'data')
    const args = ['search', corpus, 'pilot', '--limit', '3', '--json', '--data-dir', dataDir]
    const first = await run(args)
    expect(first.code).toBe(EXIT.ok)
    // One line, and not "the search worker failed": the built worker ran.
    expect(first.stderr).toBe(`gloss: no saved search index for this folder yet; building one for ${ARTICLES} articles (saved for the next search)\n`)
    const second = await run(args)
    expect(second.code).toBe(EXIT.ok)
    expect(second.stderr).toBe('')
    const results = (out: string): { total: number; tookMs: number } => ({ ...(JSON.parse(out) as { total: number; tookMs: number }), tookMs: 0 })
    expect(results(second.stdout)).toEqual(results(first.stdout))
    expect(results(first.stdout).total).toBe(ARTICLES)
  }, 120_000)
})
