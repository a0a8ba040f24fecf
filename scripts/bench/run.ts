// `npm run bench`: issue 3's targets, each beside a baseline measured in the same run,
// printed as one table (and saved as JSON under <tmp>/gloss-bench/). Not part of
// `npm test`: it takes minutes and its numbers depend on the machine.
//   --sizes 10000,100000   corpora to measure (default both)
//   --runs 3               repetitions for medians (opens, floor); reader uses 2×runs+1
//   --seed 1               corpus seed
//   --no-reader            skip the Chromium reader timings
//   --no-cli               skip the `gloss` executable's timings (cli-bench.ts)
//   --only reader          only the Chromium reader timings (no corpora, no opens)
//   --timeout-s 420        an open still running after this long is reported as such
//   --html-pages 10000     saved web pages (≈60 KB each) for the HTML rows; 0 skips them
//   --only html            only the saved-web-page rows
import { execFile, spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { ensureCorpus, queryWords, type CorpusManifest } from './generate-corpus'
import type { ChildInput, ChildOutput } from './open-child'
import { benchReader, type ReaderResult } from './reader-bench'
import { benchCli } from './cli-bench'
import { benchHtmlPages } from './html-pages'

const here = path.dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`)
  return at === -1 ? fallback : (args[at + 1] ?? fallback)
}
const SIZES = option('sizes', '10000,100000').split(',').map(Number)
const RUNS = Number(option('runs', '3'))
const SEED = Number(option('seed', '1'))
const READER = !args.includes('--no-reader')
const CLI = !args.includes('--no-cli')
const ONLY = option('only', '')
// `--only reader` and `--only html` skip the corpora, the opens and the search rows.
const SKIP_CORPORA = ONLY === 'reader' || ONLY === 'html'
const HTML_PAGES = Number(option('html-pages', '10000'))
const HEAP_LIMIT_MB = 4096
const SEARCH_QUERIES = 100
/** How long one open may take before it is reported as not finished. */
const TIMEOUT_S = Number(option('timeout-s', '420'))

interface Row {
  metric: string
  value: string
  baseline: string
  ratio: string
  target: string
  verdict: 'pass' | 'miss' | '—'
}

const rows: Row[] = []
const notes: string[] = []
const raw: Record<string, unknown> = {}
const log = (line: string): void => console.log(line)

const median = (values: number[]): number => percentile(values, 50)
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (!sorted.length) return Number.NaN
  const rank = (p / 100) * (sorted.length - 1)
  const low = Math.floor(rank)
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (rank - low)
}
const ms = (n: number): string => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : n >= 100 ? `${Math.round(n)} ms` : `${n.toFixed(1)} ms`)
const mb = (n: number): string => `${Math.round(n)} MB`
const ratio = (value: number, baseline: number): string => (Number.isFinite(value / baseline) ? `${(value / baseline).toFixed(2)}×` : '—')
const verdict = (ok: boolean): Row['verdict'] => (ok ? 'pass' : 'miss')

/** The physical floor: walk the folder and read every file's bytes, nothing else. */
function readAllBytes(root: string): { ms: number; files: number; bytes: number } {
  const started = performance.now()
  let files = 0
  let bytes = 0
  const stack = [root]
  while (stack.length) {
    const dir = stack.pop() as string
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) stack.push(full)
      else if (entry.isFile()) {
        bytes += readFileSync(full).length
        files++
      }
    }
  }
  return { ms: performance.now() - started, files, bytes }
}

async function openInChild(input: ChildInput): Promise<ChildOutput> {
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB}`, '--import', 'tsx', path.join(here, 'open-child.ts'), JSON.stringify(input)], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const line = out.trim().split('\n').pop() ?? ''
  if (code !== 0 || !line.startsWith('{')) throw new Error(`open child failed (exit ${code}): ${out.slice(-2000)}`)
  const output = JSON.parse(line) as ChildOutput
  // JSON has no NaN: an unfinished open comes back as null.
  return { ...output, fullMs: output.fullMs ?? Number.NaN }
}

function describeFull(result: ChildOutput): string {
  if (!result.timedOut) return ms(result.fullMs)
  const progress = result.lastProgress ? `, scan at ${result.lastProgress.scanned.toLocaleString('en')} / ${result.lastProgress.total.toLocaleString('en')} files` : ''
  return `not finished after ${TIMEOUT_S} s (listed ${result.listed.toLocaleString('en')}${progress})`
}

async function rgTimes(words: string[], root: string): Promise<number[]> {
  const run = promisify(execFile)
  const times: number[] = []
  for (const word of words) {
    const started = performance.now()
    // rg exits 1 when nothing matches: still a completed search.
    await run('rg', ['-l', '-i', word, root], { maxBuffer: 256 * 1024 * 1024 }).catch((error: { code?: number }) => {
      if (error.code !== 1) throw error
    })
    times.push(performance.now() - started)
  }
  return times
}

async function hasRipgrep(): Promise<boolean> {
  return promisify(execFile)('rg', ['--version']).then(
    () => true,
    () => false
  )
}

async function benchSize(manifest: CorpusManifest, work: string): Promise<void> {
  const n = manifest.articles
  const label = `${(n / 1000).toLocaleString('en')}k`
  const runs = n >= 100_000 ? 1 : RUNS
  log(`\n== ${n.toLocaleString('en')} articles: ${manifest.files.toLocaleString('en')} files, ${mb(manifest.bytes / 1024 / 1024)} (${manifest.pairs} seed-style pairs, ${manifest.markdown} Markdown)`)

  readAllBytes(manifest.root) // warms the page cache, so both sides read from memory
  // One floor right before each cold open: on a shared machine the load changes from
  // minute to minute, and each pair is then measured under the same conditions.
  const floors: number[] = []
  const cold: ChildOutput[] = []
  let warmDataDir = ''
  for (let run = 0; run < runs; run++) {
    floors.push(readAllBytes(manifest.root).ms)
    log(`floor (walk + read all bytes): ${ms(floors[floors.length - 1])}`)
    const dataDir = await mkdtemp(path.join(work, `data-${n}-`))
    warmDataDir = dataDir
    const result = await openInChild({ corpus: manifest.root, dataDir, expected: n, timeoutMs: TIMEOUT_S * 1000 })
    if (!result.timedOut && result.listed !== n) throw new Error(`listed ${result.listed} of ${n} articles`)
    cold.push(result)
    log(`cold open: full ${describeFull(result)}, first rows ${result.firstRowsMs === null ? '—' : ms(result.firstRowsMs)}, maxRSS ${mb(result.maxRssMb)} (completion: ${result.completion})`)
  }
  const warm: ChildOutput[] = []
  // Without one finished cold open there is no cache to open warm from.
  for (let run = 0; run < runs && cold.some((r) => !r.timedOut); run++) {
    const result = await openInChild({ corpus: manifest.root, dataDir: warmDataDir, expected: n, timeoutMs: TIMEOUT_S * 1000 })
    warm.push(result)
    log(`warm open: full ${describeFull(result)}, first rows ${result.firstRowsMs === null ? '—' : ms(result.firstRowsMs)}, maxRSS ${mb(result.maxRssMb)}`)
  }
  const floor = median(floors)
  const unfinished = cold.find((r) => r.timedOut)
  if (unfinished) notes.push(`${label} cold open: ${describeFull(unfinished)}.`)
  const coldFull = median(cold.map((r) => r.fullMs))
  const firstRows = median(cold.map((r) => r.firstRowsMs ?? Number.NaN))
  const warmFull = median(warm.map((r) => r.fullMs))
  const peak = Math.max(...cold.map((r) => r.maxRssMb))
  raw[`open-${n}`] = { floors, cold, warm }

  const is10k = n === 10_000
  rows.push({
    metric: `Cold open, fully listed (${label})`,
    value: unfinished ? `> ${TIMEOUT_S} s (not done)` : ms(coldFull),
    baseline: `${ms(floor)} read all bytes`,
    ratio: ratio(coldFull, floor),
    target: is10k ? '≤ 3× floor' : '—',
    verdict: is10k ? verdict(coldFull <= 3 * floor) : '—'
  })
  rows.push({
    metric: `First rows (${label})`,
    value: ms(firstRows),
    baseline: `${ms(floor)} read all bytes`,
    ratio: ratio(firstRows, floor),
    target: is10k ? '≤ 1 s' : '—',
    verdict: is10k ? verdict(firstRows <= 1000) : '—'
  })
  rows.push({
    metric: `Warm open, unchanged folder (${label})`,
    value: warm.length ? ms(warmFull) : 'not measured (no finished cold open)',
    baseline: `${ms(coldFull)} cold open`,
    ratio: ratio(warmFull, coldFull),
    target: is10k ? '≤ 1.5 s' : '—',
    verdict: is10k ? verdict(warmFull <= 1500) : '—'
  })
  const idle = raw.idleRssMb as number
  rows.push({
    metric: `Peak memory, cold open (${label}), maxRSS`,
    value: mb(peak),
    baseline: `${mb(idle)} core, empty folder`,
    ratio: ratio(peak, idle),
    target: n >= 100_000 ? `opens in ${HEAP_LIMIT_MB} MB heap` : '—',
    // Opening must not exhaust memory; a scan still running at the time limit has not yet.
    verdict: n >= 100_000 ? verdict(cold.every((r) => r.listed === n || r.timedOut)) : '—'
  })

  if (is10k) await benchSearch(manifest, warmDataDir)
}

async function benchSearch(manifest: CorpusManifest, dataDir: string): Promise<void> {
  const words = queryWords(SEED, SEARCH_QUERIES)
  const result = await openInChild({ corpus: manifest.root, dataDir, expected: manifest.articles, searchWords: words, timeoutMs: TIMEOUT_S * 1000 })
  const rgAvailable = await hasRipgrep()
  const rg = rgAvailable ? await rgTimes(words, manifest.root) : []
  raw.search = { words, result, rg }
  const rgP50 = median(rg)
  const rgP95 = percentile(rg, 95)
  if (!rgAvailable) notes.push('rg (ripgrep) is not installed: `apt-get install ripgrep` (Debian package) to get the baseline.')
  if ('skipped' in result.search) {
    notes.push(`Search not measured: ${result.search.skipped}.`)
    rows.push({ metric: 'Search p50 / p95 (10k, 100 queries)', value: 'not measured', baseline: `rg -l -i: ${ms(rgP50)} / ${ms(rgP95)}`, ratio: '—', target: 'p95 ≤ 50 ms', verdict: 'miss' })
    return
  }
  const { latenciesMs, firstQueryMs, withHits } = result.search
  log(`search: first query ${ms(firstQueryMs)} (may include index build), ${withHits}/${words.length} queries with hits`)
  const p50 = median(latenciesMs)
  const p95 = percentile(latenciesMs, 95)
  rows.push({ metric: 'Search p50 (10k, 100 queries)', value: ms(p50), baseline: `${ms(rgP50)} rg -l -i`, ratio: ratio(p50, rgP50), target: '—', verdict: '—' })
  rows.push({ metric: 'Search p95 (10k, 100 queries)', value: ms(p95), baseline: `${ms(rgP95)} rg -l -i`, ratio: ratio(p95, rgP95), target: '≤ 50 ms', verdict: verdict(p95 <= 50) })
  rows.push({
    metric: 'Search: first query after open (10k; builds the index)',
    value: ms(firstQueryMs),
    baseline: `${ms(rgP50)} rg -l -i`,
    ratio: ratio(firstQueryMs, rgP50),
    target: '—',
    verdict: '—'
  })
  rows.push({
    metric: 'Peak memory with search index (10k), maxRSS',
    value: mb(result.maxRssMb),
    baseline: `${mb(raw.idleRssMb as number)} core, empty folder`,
    ratio: ratio(result.maxRssMb, raw.idleRssMb as number),
    target: '—',
    verdict: '—'
  })
}

async function benchReaderRows(): Promise<void> {
  const runs = 2 * RUNS + 1
  log(`\n== reader: 200,000-character article, 1,000 highlights, ${runs} runs in Chromium`)
  let result: ReaderResult
  try {
    result = await benchReader({ runs })
  } catch (error) {
    notes.push(`Reader not measured: ${error instanceof Error ? error.message : String(error)}`)
    return
  }
  raw.reader = result
  log(`open + paint: ${result.openPaintMs.map(ms).join(', ')}; new highlight: ${result.newHighlightMs.map(ms).join(', ')}`)
  const open = median(result.openPaintMs)
  const openRpc = median(result.openRpcMs)
  const made = median(result.newHighlightMs)
  const madeRpc = median(result.newHighlightRpcMs)
  rows.push({ metric: `Reader: open + paint (${result.articleChars.toLocaleString('en')} chars, ${result.highlights} highlights)`, value: ms(open), baseline: `${ms(openRpc)} article.get response`, ratio: ratio(open, openRpc), target: '≤ 300 ms', verdict: verdict(open <= 300) })
  rows.push({ metric: 'Reader: new highlight painted after click', value: ms(made), baseline: `${ms(madeRpc)} highlight.create response`, ratio: ratio(made, madeRpc), target: '≤ 50 ms', verdict: verdict(made <= 50) })
}

async function benchHtmlRows(): Promise<void> {
  log(`\n== saved web pages: ${HTML_PAGES.toLocaleString('en')} pages of ≈60 KB, ${RUNS} runs`)
  const result = await benchHtmlPages({ pages: HTML_PAGES, runs: RUNS, work, readAllBytes, log })
  raw.htmlPages = result
  const kb = Math.round(result.pageBytes / 1024)
  const linkedom = median(result.linkedomMs)
  const jsdom = median(result.jsdomMs)
  rows.push({ metric: `HTML: DOM + Readability, one ${kb} KB page (linkedom)`, value: ms(linkedom), baseline: `${ms(jsdom)} jsdom`, ratio: ratio(linkedom, jsdom), target: '< jsdom', verdict: verdict(linkedom < jsdom) })
  const floor = median(result.floorMs)
  const size = `${result.pages.toLocaleString('en')} pages, ${mb(result.folderBytes / 1024 / 1024)}`
  rows.push({ metric: `HTML: open cold (${size})`, value: ms(median(result.coldMs)), baseline: `${ms(floor)} read bytes`, ratio: ratio(median(result.coldMs), floor), target: '—', verdict: '—' })
  rows.push({ metric: `HTML: open warm (${size}, scan cache)`, value: ms(median(result.warmMs)), baseline: `${ms(floor)} read bytes`, ratio: ratio(median(result.warmMs), floor), target: '—', verdict: '—' })
  const big = median(result.bigPageMs)
  rows.push({ metric: `HTML: extract one ${mb(result.bigPageBytes / 1024 / 1024)} page`, value: ms(big), baseline: `${ms(median(result.bigPageReadMs))} read bytes`, ratio: ratio(big, median(result.bigPageReadMs)), target: '≤ 1 s', verdict: verdict(big <= 1000) })
}

function table(): string {
  const header: Row = { metric: 'Metric', value: 'Value', baseline: 'Baseline (same run)', ratio: 'Ratio', target: 'Target', verdict: '—' }
  const lines = [header, ...rows].map((r, i) => `| ${r.metric} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} | ${i === 0 ? 'Pass/miss' : r.verdict} |`)
  lines.splice(1, 0, '|---|---|---|---|---|---|')
  return lines.join('\n')
}

const started = Date.now()
const work = path.join(tmpdir(), 'gloss-bench', 'work')
await rm(work, { recursive: true, force: true })
await mkdir(work, { recursive: true })
// Other work on a shared machine shows in the load average: printed so a noisy run is recognisable.
const load = (): string => loadavg().map((n) => n.toFixed(2)).join(' / ')
raw.loadAtStart = loadavg()
log(`Gloss benchmark — ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), ${mb(totalmem() / 1024 / 1024)} RAM, Node ${process.version}; files are warm in the page cache for Gloss and for the floor alike; load average ${load()}`)
if (!(await hasRipgrep())) log('note: rg (ripgrep) not found; install Debian\'s package: apt-get install ripgrep')
const manifests: CorpusManifest[] = []
for (const size of SKIP_CORPORA ? [] : SIZES) {
  const t = Date.now()
  manifests.push(await ensureCorpus(SEED, size, log))
  log(`corpus ${size.toLocaleString('en')}: ready in ${((Date.now() - t) / 1000).toFixed(1)} s (${manifests[manifests.length - 1].root})`)
}
const emptyCorpus = await mkdtemp(path.join(work, 'empty-'))
if (!SKIP_CORPORA) raw.idleRssMb = (await openInChild({ corpus: emptyCorpus, dataDir: await mkdtemp(path.join(work, 'data-empty-')), expected: 0, timeoutMs: TIMEOUT_S * 1000 })).maxRssMb
for (const manifest of manifests) await benchSize(manifest, work)
// The built `gloss` as whole processes against node and rg, on the first (smallest) corpus.
if (CLI && ONLY === '' && manifests.length) rows.push(...(await benchCli(manifests[0], work, { runs: RUNS, seed: SEED, log })))
if ((READER && ONLY === '') || ONLY === 'reader') await benchReaderRows()
if (HTML_PAGES > 0 && (ONLY === '' || ONLY === 'html')) await benchHtmlRows()

const output = table()
console.log(`\n${output}`)
for (const note of notes) console.log(`note: ${note}`)
raw.loadAtEnd = loadavg()
console.log(`\n(${Math.round((Date.now() - started) / 1000)} s in all; load average now ${load()})`)
const resultsFile = path.join(tmpdir(), 'gloss-bench', 'last-run.json')
await writeFile(resultsFile, JSON.stringify({ date: new Date().toISOString(), rows, notes, raw }, null, 2))
console.log(`raw results: ${resultsFile}`)
await rm(work, { recursive: true, force: true })
