// The `gloss` executable measured as whole processes, as a user's shell sees them, beside
// baselines taken in the same run: `node -e 0` for start-up, `rg -l -i` on the same words
// for search. Each process's CPU time (user + system, from its rusage) is kept beside
// the wall time: on a shared machine the wall time mostly measures the other load.
//   npm run bench:cli [-- --size 10000] [--runs 5] [--seed 1]
// `npm run bench` runs it too (on its first corpus, unless --no-cli).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { buildCli } from '../build-cli'
import { ensureCorpus, queryWords, type CorpusManifest } from './generate-corpus'

export interface CliRow {
  metric: string
  value: string
  baseline: string
  ratio: string
  target: string
  verdict: 'pass' | 'miss' | '—'
}

interface Timed {
  wallMs: number
  cpuMs: number
  code: number | null
  stderr: string
}

const TIME = '/usr/bin/time'

/** Runs a process to its end, stdout discarded; CPU time from GNU time when installed. */
async function timed(command: string, args: string[]): Promise<Timed> {
  const withTime = existsSync(TIME)
  const started = performance.now()
  const child = spawn(withTime ? TIME : command, withTime ? ['-f', '\n@cpu %U %S', command, ...args] : args, { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const wallMs = performance.now() - started
  const cpu = /@cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr)
  return { wallMs, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : Number.NaN, code, stderr: stderr.replace(/\n@cpu .*\s*$/, '') }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const ms = (n: number): string => (Number.isNaN(n) ? '—' : n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`)
const both = (runs: Timed[]): string => `${ms(median(runs.map((r) => r.wallMs)))} (CPU ${ms(median(runs.map((r) => r.cpuMs)))})`
const ratioOf = (a: Timed[], b: Timed[], key: 'wallMs' | 'cpuMs'): number => median(a.map((r) => r[key])) / median(b.map((r) => r[key]))
const ratios = (a: Timed[], b: Timed[]): string => `${ratioOf(a, b, 'wallMs').toFixed(1)}× (CPU ${ratioOf(a, b, 'cpuMs').toFixed(1)}×)`

export async function benchCli(manifest: CorpusManifest, work: string, options: { runs: number; seed: number; log: (line: string) => void }): Promise<CliRow[]> {
  const { runs, log } = options
  const rows: CliRow[] = []
  const gloss = await buildCli(path.join(work, 'cli'))
  const tiny = path.join(work, 'tiny')
  await mkdir(tiny, { recursive: true })
  await writeFile(path.join(tiny, 'ferry.md'), '---\ntitle: Night Ferries\n---\n\nThe last ferry leaves the pier at midnight.\n')
  log(`\n== gloss as a process (built ${path.relative(process.cwd(), gloss)}); load average ${loadavg().map((n) => n.toFixed(2)).join(' / ')}`)

  const node: Timed[] = []
  const help: Timed[] = []
  const scanTiny: Timed[] = []
  for (let i = 0; i < runs * 2; i++) {
    node.push(await timed(process.execPath, ['-e', '0']))
    help.push(await timed(process.execPath, [gloss, '--help']))
    scanTiny.push(await timed(process.execPath, [gloss, 'scan', tiny]))
  }
  const startTarget = (t: Timed[]): 'pass' | 'miss' => (median(t.map((r) => r.wallMs)) <= 200 ? 'pass' : 'miss')
  rows.push({ metric: 'gloss --help (start-up)', value: both(help), baseline: `${both(node)} node -e 0`, ratio: ratios(help, node), target: '≤ 200 ms', verdict: startTarget(help) })
  rows.push({ metric: 'gloss scan <1-article folder>', value: both(scanTiny), baseline: `${both(node)} node -e 0`, ratio: ratios(scanTiny, node), target: '≤ 200 ms', verdict: startTarget(scanTiny) })

  const n = manifest.articles.toLocaleString('en')
  const words = queryWords(options.seed, runs)
  const rg: Timed[] = []
  for (const word of words) rg.push(await timed('rg', ['-l', '-i', word, manifest.root]))
  if (rg.some((r) => r.code === null || r.code > 1)) {
    log('rg (ripgrep) is not available: apt-get install ripgrep')
    return rows
  }

  // Without a saved index: a data folder Gloss has never seen (no index, no scan cache).
  const cold: Timed[] = []
  let savedDataDir = ''
  for (const word of words.slice(0, Math.max(1, Math.ceil(runs / 3)))) {
    const dataDir = await mkdtemp(path.join(work, 'cli-data-'))
    const run = await timed(process.execPath, [gloss, 'search', manifest.root, word, '--data-dir', dataDir])
    if (run.code !== 0) throw new Error(`gloss search failed (${run.code}): ${run.stderr}`)
    if (!/no saved search index/.test(run.stderr)) throw new Error(`gloss search did not say it built the index: ${run.stderr}`)
    cold.push(run)
    savedDataDir = dataDir
    log(`search without a saved index: ${ms(run.wallMs)} (CPU ${ms(run.cpuMs)})`)
  }
  // With the index (and scan cache) the run above saved, as the app leaves them.
  const warm: Timed[] = []
  for (const word of words) {
    const run = await timed(process.execPath, [gloss, 'search', manifest.root, word, '--data-dir', savedDataDir])
    if (run.code !== 0 || run.stderr) throw new Error(`gloss search with a saved index failed (${run.code}): ${run.stderr}`)
    warm.push(run)
  }
  log(`search with the saved index: ${warm.map((r) => ms(r.wallMs)).join(', ')}; rg: ${rg.map((r) => ms(r.wallMs)).join(', ')}`)
  const verdict = (t: Timed[], times: number): 'pass' | 'miss' => (ratioOf(t, rg, 'wallMs') <= times ? 'pass' : 'miss')
  rows.push({ metric: `gloss search (${n} articles, saved index)`, value: both(warm), baseline: `${both(rg)} rg -l -i`, ratio: ratios(warm, rg), target: '≤ 3× rg', verdict: verdict(warm, 3) })
  rows.push({ metric: `gloss search (${n} articles, no saved index)`, value: both(cold), baseline: `${both(rg)} rg -l -i`, ratio: ratios(cold, rg), target: '≤ 10× rg', verdict: verdict(cold, 10) })
  return rows
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const option = (name: string, fallback: string): string => {
    const at = args.indexOf(`--${name}`)
    return at === -1 ? fallback : (args[at + 1] ?? fallback)
  }
  const seed = Number(option('seed', '1'))
  const manifest = await ensureCorpus(seed, Number(option('size', '10000')), console.log)
  const work = await mkdtemp(path.join(tmpdir(), 'gloss-cli-bench-'))
  try {
    const rows = await benchCli(manifest, work, { runs: Number(option('runs', '5')), seed, log: console.log })
    console.log('\n| Metric | Value (wall, CPU) | Baseline (same run) | Ratio | Target | Pass/miss |\n|---|---|---|---|---|---|')
    for (const r of rows) console.log(`| ${r.metric} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} | ${r.verdict} |`)
    console.log(`load average now ${loadavg().map((n) => n.toFixed(2)).join(' / ')}`)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
