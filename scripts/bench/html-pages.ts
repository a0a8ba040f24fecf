// Saved web pages (issue 11): what extraction costs, each figure beside a baseline
// measured in the same run. Called by run.ts (`npm run bench -- --only html`).
//   1. DOM for Readability on one ≈60 KB page with chrome: linkedom against jsdom.
//   2. A folder of N such pages scanned cold (no cache) and warm (the scan cache in the
//      data folder), as a ratio to reading the same bytes.
//   3. One 5 MB page: extraction (decode, DOM, Readability, Markdown) against reading it.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Readability } from '@mozilla/readability'
import { createRequire } from 'node:module'
import { parseHTML } from 'linkedom'
import { parseHtmlDocument } from '../../src/core/corpus/html/parse-html'
import { CorpusScanner } from '../../src/core/corpus/scan'
import { articleParagraphs, savedPage } from '../../tests/fixtures/saved-pages'

// jsdom (a dev dependency, for component tests) ships no types; this is all the bench uses.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { document: unknown; close(): void } } }

export interface HtmlBenchResult {
  pageBytes: number
  linkedomMs: number[]
  jsdomMs: number[]
  pages: number
  folderBytes: number
  floorMs: number[]
  coldMs: number[]
  warmMs: number[]
  bigPageBytes: number
  bigPageMs: number[]
  bigPageReadMs: number[]
}

/** A page of at least `bytes` with chrome around the article, varied by `seed`. */
export function realisticPage(bytes: number, seed: number): string {
  let paragraphs = 20
  let page = ''
  for (;;) {
    page = savedPage({ title: `Harbour notes ${seed}`, paragraphs: articleParagraphs(paragraphs, seed), chromeSections: Math.ceil(paragraphs / 2) })
    if (Buffer.byteLength(page) >= bytes) return page
    paragraphs = Math.ceil(paragraphs * Math.max(1.1, bytes / Buffer.byteLength(page)))
  }
}

const time = <T>(fn: () => T): number => {
  const started = performance.now()
  fn()
  return performance.now() - started
}

export async function benchHtmlPages(options: {
  pages: number
  runs: number
  work: string
  readAllBytes: (root: string) => { ms: number }
  log: (line: string) => void
}): Promise<HtmlBenchResult> {
  const { pages, runs, work, readAllBytes, log } = options
  const page = realisticPage(60 * 1024, 0)
  const linkedomMs: number[] = []
  const jsdomMs: number[] = []
  for (let i = 0; i < 2 * runs + 5; i++) {
    linkedomMs.push(time(() => new Readability(parseHTML(page).document as unknown as Document).parse()))
    jsdomMs.push(
      time(() => {
        const { window } = new JSDOM(page)
        new Readability(window.document as Document).parse()
        window.close()
      })
    )
  }
  log(`60 KB page: linkedom+Readability ${linkedomMs.map((n) => n.toFixed(0)).join(', ')} ms; jsdom+Readability ${jsdomMs.map((n) => n.toFixed(0)).join(', ')} ms`)

  const root = await mkdtemp(path.join(work, 'html-pages-'))
  let folderBytes = 0
  for (let i = 0; i < pages; i++) {
    const folder = path.join(root, `batch-${Math.floor(i / 500)}`)
    if (i % 500 === 0) await mkdir(folder, { recursive: true })
    const html = realisticPage(60 * 1024, i)
    folderBytes += Buffer.byteLength(html)
    await writeFile(path.join(folder, `page-${i}.html`), html)
  }
  const floorMs: number[] = []
  const coldMs: number[] = []
  const warmMs: number[] = []
  for (let run = 0; run < runs; run++) {
    floorMs.push(readAllBytes(root).ms)
    const cacheFile = path.join(work, `html-cache-${run}`, 'scan.json')
    let started = performance.now()
    const cold = await CorpusScanner.open(root, { cacheFile })
    const coldResult = await cold.scan()
    coldMs.push(performance.now() - started)
    await cold.flushCache()
    started = performance.now()
    await (await CorpusScanner.open(root, { cacheFile })).scan()
    warmMs.push(performance.now() - started)
    log(`${pages} pages: floor ${floorMs[run].toFixed(0)} ms, cold ${coldMs[run].toFixed(0)} ms (${coldResult.articles.length} articles, ${coldResult.problems.length} problems), warm ${warmMs[run].toFixed(0)} ms`)
  }
  await rm(root, { recursive: true, force: true })

  const big = realisticPage(5 * 1024 * 1024, 1)
  const bigFile = path.join(work, 'big-page.html')
  await writeFile(bigFile, big)
  const bigPageMs: number[] = []
  const bigPageReadMs: number[] = []
  for (let run = 0; run < runs; run++) {
    let bytes: Buffer = Buffer.alloc(0)
    let started = performance.now()
    bytes = await readFile(bigFile)
    bigPageReadMs.push(performance.now() - started)
    started = performance.now()
    const parsed = parseHtmlDocument(bytes, 'big-page.html')
    bigPageMs.push(performance.now() - started)
    if (!parsed.ok) log(`5 MB page: ${parsed.reason}`)
  }
  log(`5 MB page: extraction ${bigPageMs.map((n) => n.toFixed(0)).join(', ')} ms; read ${bigPageReadMs.map((n) => n.toFixed(1)).join(', ')} ms`)
  return { pageBytes: Buffer.byteLength(page), linkedomMs, jsdomMs, pages, folderBytes, floorMs, coldMs, warmMs, bigPageBytes: Buffer.byteLength(big), bigPageMs, bigPageReadMs }
}
