import { execFileSync } from 'node:child_process'
import { appendFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bodyToBlocks, plainTextToBlocks } from './blocks'
import { scanCorpus } from './scan'
import { HOSTILE_SHAPES, prose } from './test-support/hostile-markdown'
import { TextModelPool, TOO_COMPLEX_REASON, type TextModelOutcome } from './text-model-pool'

// A budget far below what any shape takes here (6 s to minutes when it was measured),
// so each goes over it on a fast machine as on a loaded one.
const pool = new TextModelPool({ budgetMs: 250 })
afterAll(() => pool.close())

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-text-model-pool-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** The outcome, and how many turns the main thread's event loop took while it was built. */
async function parseCountingTurns(parse: () => Promise<TextModelOutcome>): Promise<{ outcome: TextModelOutcome; turns: number }> {
  let turns = 0
  let ticking = true
  const tick = (): void => {
    turns++
    if (ticking) setImmediate(tick)
  }
  setImmediate(tick)
  const outcome = await parse()
  ticking = false
  return { outcome, turns }
}

describe('TextModelPool: hostile Markdown', () => {
  for (const shape of HOSTILE_SHAPES) {
    it(`${shape.name} (${shape.before} on the main thread before): plain-text fallback, main thread free`, async () => {
      const markdown = shape.markdown()
      const { outcome, turns } = await parseCountingTurns(() => pool.parse({ kind: 'text', body: markdown, format: 'markdown' }))
      expect(outcome.kind).toBe('too-complex')
      if (outcome.kind !== 'too-complex') return
      expect(outcome.reason).toContain(TOO_COMPLEX_REASON)
      // The fallback is the text as written, in plain paragraphs.
      expect(outcome.model).toEqual(plainTextToBlocks(markdown))
      // Parsed on the main thread, the loop would not have turned once before the answer.
      expect(turns).toBeGreaterThan(10)
    })
  }

  it('an ordinary article is parsed in full, as on the calling thread', async () => {
    const markdown = '# Field notes\n\nThe *river* rose.\n\n- one\n- two\n\n> quoted [link](https://example.org)\n'
    const outcome = await pool.parse({ kind: 'text', body: markdown, format: 'markdown' })
    expect(outcome).toEqual({ kind: 'model', model: bodyToBlocks(markdown, 'markdown') })
  })

  it('after a run over budget the next article is parsed by a fresh worker', async () => {
    await pool.parse({ kind: 'text', body: HOSTILE_SHAPES[1].markdown(), format: 'markdown' })
    const outcome = await pool.parse({ kind: 'text', body: 'Plain *words*.', format: 'markdown' })
    expect(outcome.kind).toBe('model')
  })
})

describe('TextModelPool: reading the file in the worker', () => {
  const source = (file: string, maxBytes = 1024) => ({ kind: 'file' as const, absolutePath: path.join(dir, file), path: file, format: 'markdown' as const, maxBytes })

  it('reads, strips front matter and title line as the scan does, and parses', async () => {
    await writeFile(path.join(dir, 'a.md'), '---\ntitle: Tides\n---\n# Tides\n\nLow water at *noon*.\n')
    const outcome = await pool.parse(source('a.md'))
    expect(outcome).toEqual({ kind: 'model', model: bodyToBlocks('# Tides\n\nLow water at *noon*.', 'markdown') })
  })

  it.skipIf(process.platform === 'win32')('a file replaced by a named pipe is a problem, not a hang', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')])
    expect(await pool.parse(source('pipe.md'))).toEqual({ kind: 'problem', reason: 'Not a regular file (a named pipe): it is not read' })
  })

  it('a file grown past the limit since the scan is too large', async () => {
    await writeFile(path.join(dir, 'grows.md'), '# Log\n\nfirst entry\n')
    appendFileSync(path.join(dir, 'grows.md'), 'more '.repeat(1000))
    const outcome = await pool.parse(source('grows.md'))
    expect(outcome.kind === 'problem' && outcome.reason).toMatch(/^File is too large/)
  })

  it('a file gone since the scan is a problem', async () => {
    expect(await pool.parse(source('gone.md'))).toEqual({ kind: 'problem', reason: 'The file is no longer in the folder' })
  })
})

describe('TextModelPool: the scan summarizes large files in the worker', () => {
  it('gives the same articles and problems as summarizing in process', async () => {
    await writeFile(path.join(dir, 'long.md'), `---\ntitle: A Long Read\n---\n${prose(400 * 1024)}\n`)
    await writeFile(path.join(dir, 'short.md'), '# Short\n\nA few words.\n')
    await writeFile(path.join(dir, 'binary.md'), Buffer.concat([Buffer.from('# Bin\n'), Buffer.alloc(300 * 1024)]))
    const summarized: string[] = []
    const summarizer = { summarize: (job: Parameters<TextModelPool['summarize']>[0]) => (summarized.push(job.path), pool.summarize(job)) }
    const inWorker = await scanCorpus(dir, { summarizer })
    const inProcess = await scanCorpus(dir)
    expect(summarized.sort()).toEqual(['binary.md', 'long.md'])
    const strip = (scan: typeof inWorker) => ({ articles: scan.articles.map(({ body: _body, ...rest }) => rest), problems: scan.problems })
    expect(strip(inWorker)).toEqual(strip(inProcess))
    expect(inWorker.problems).toEqual([{ path: 'binary.md', reason: 'Binary file' }])
  })
})
