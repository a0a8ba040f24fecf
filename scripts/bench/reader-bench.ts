// Reader timings in Chromium against the in-process harness (the E2E set-up: built
// renderer, real services): a 200,000-character article carrying 1,000 highlights
// (created through the contract, POST /rpc/highlight.create) is opened from its
// library row, and new highlights are made from the selection toolbar. Times are taken
// inside the page with performance.now(): from the click to the first frame painted
// after the content is in the DOM (a requestAnimationFrame callback, then a task, which
// runs after that frame's paint).
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { makeTempDir } from '../../tests/fixtures/corpus-builder'
import { seedStylePair } from '../../tests/fixtures/corpus-builder'
import { startHarness, TOKEN_HEADER } from '../../src/hosts/web'
import { createRandom, paragraphs } from './generate-corpus'
import { inPage } from './page-probes'

export interface ReaderResult {
  articleChars: number
  highlights: number
  marksInDom: number
  openPaintMs: number[]
  newHighlightMs: number[]
  /** Of the times above: until the RPC's response had arrived (article.get / highlight.create). */
  openRpcMs: number[]
  newHighlightRpcMs: number[]
}

const BIG_TITLE = 'The long report on the harbour and its towns'
const SMALL_TITLE = 'A short note on ferry timetables'
const CHROMIUM = process.env.GLOSS_CHROMIUM ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']

export async function benchReader(options: { runs: number; highlights?: number; chars?: number }): Promise<ReaderResult> {
  const highlightCount = options.highlights ?? 1000
  const chars = options.chars ?? 200_000
  const parent = await makeTempDir('gloss-bench-reader-')
  const corpus = path.join(parent, 'Clippings')
  const dataDir = path.join(parent, 'data')
  await mkdir(corpus, { recursive: true })
  await mkdir(dataDir)
  const random = createRandom(42)
  const big = seedStylePair({ title: BIG_TITLE, paragraphs: trimTo(paragraphs(random, chars), chars), index: 0 })
  const small = seedStylePair({ title: SMALL_TITLE, paragraphs: paragraphs(random, 3000), index: 2 })
  for (const [file, text] of Object.entries({ ...big.files, ...small.files })) await writeFile(path.join(corpus, file), text)

  // GLOSS_BENCH_RENDERER: another built renderer (a copy of out/renderer), to compare builds in the same minutes.
  const harness = await startHarness({ corpus, dataDir, rendererDir: process.env.GLOSS_BENCH_RENDERER || undefined })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  try {
    const rpc = async (method: string, input: unknown): Promise<any> => {
      const response = await fetch(`http://127.0.0.1:${harness.port}/rpc/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token },
        body: JSON.stringify(input)
      })
      const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown }
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
      return result.value
    }
    const list = (await rpc('library.list', {})) as { articles: { id: string; title: string }[] }
    const bigId = list.articles.find((a) => a.title === BIG_TITLE)?.id
    if (!bigId) throw new Error('the long article is not listed')
    const article = (await rpc('article.get', { articleId: bigId })) as { text: string }
    for (const [start, end] of highlightSpans(article.text, highlightCount)) {
      await rpc('highlight.create', { articleId: bigId, start, end, color: (['yellow', 'green', 'blue', 'pink'] as const)[start % 4] })
    }

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(harness.url)
    await page.getByRole('listbox', { name: 'Articles' }).waitFor()
    await page.getByRole('option', { name: SMALL_TITLE }).waitFor()

    const openPaintMs: number[] = []
    const newHighlightMs: number[] = []
    const openRpcMs: number[] = []
    const newHighlightRpcMs: number[] = []
    let marksInDom = 0
    for (let run = 0; run < options.runs; run++) {
      // Another article first, so that each run opens the long one afresh.
      await page.getByRole('option', { name: SMALL_TITLE }).click()
      await page.locator('h1#article-title', { hasText: SMALL_TITLE }).waitFor()
      const measured = (await page.evaluate(inPage('openAndPaint', { title: BIG_TITLE, minMarks: highlightCount }))) as { ms: number; rpcMs: number; marks: number }
      openPaintMs.push(measured.ms)
      openRpcMs.push(measured.rpcMs)
      marksInDom = measured.marks

      // A new highlight: select words outside any highlight, then click the toolbar button.
      await page.evaluate(inPage('selectPlainWords', run))
      await page.getByRole('toolbar', { name: 'Highlight selection' }).waitFor()
      const made = (await page.evaluate(inPage('clickHighlightAndPaint', null))) as { ms: number; rpcMs: number }
      newHighlightMs.push(made.ms)
      newHighlightRpcMs.push(made.rpcMs)
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`)
    return { articleChars: article.text.length, highlights: highlightCount, marksInDom, openPaintMs, newHighlightMs, openRpcMs, newHighlightRpcMs }
  } finally {
    await browser.close()
    await harness.close()
    await rm(parent, { recursive: true, force: true })
  }
}

function trimTo(parts: string[], chars: number): string[] {
  const result: string[] = []
  let length = 0
  for (const part of parts) {
    if (length + part.length > chars) break
    result.push(part)
    length += part.length + 2
  }
  return result
}

/** `count` spans of whole words spread evenly over the text, none crossing a paragraph. */
function highlightSpans(text: string, count: number): [number, number][] {
  const spans: [number, number][] = []
  const step = Math.floor(text.length / count)
  for (let k = 0; k < count; k++) {
    let start = k * step
    while (start < text.length && /\S/.test(text[start - 1] ?? ' ')) start++
    while (start < text.length && /\s/.test(text[start])) start++
    let end = Math.min(start + 40, text.length)
    while (end < text.length && /\S/.test(text[end])) end++
    const paragraphEnd = text.indexOf('\n', start)
    if (paragraphEnd !== -1 && paragraphEnd < end) end = paragraphEnd
    if (end > start && (spans.length === 0 || start >= spans[spans.length - 1][1])) spans.push([start, end])
  }
  return spans.slice(0, count)
}

