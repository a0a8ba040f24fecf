// npm run test:crash — the kill test for the corpus store.
//
// Round after round, a child process opens the real corpus store and changes
// highlights as fast as it can, acknowledging each change; this process SIGKILLs it at
// a random moment (while it opens the store, during its first write, in the middle of
// a write, a rename or a backup rotation, or later) and then checks what the app would
// find on its next start:
//   - the store opens, without a "damaged" notice and without setting a file aside;
//   - it holds the exact state after some change k (no torn or mixed state), and k
//     covers every change acknowledged more than 1 s before the kill;
//   - every backup (.bak1 … .bakN) parses and validates.
// The store grows over a run of rounds (each child reopens what the last one left),
// then a new data folder starts with another size target.
//
// Flags: --rounds N (default 300), --seed S, --keep (keep the data folders), --verbose.
import { spawn } from 'node:child_process'
import { watch } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, stat, utimes } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkContent } from '../../src/core/store/backup-files'
import { CORPUS_SCHEMA_VERSION, CorpusDataSchema, corpusStoreFile, openCorpusStore } from '../../src/core/store/corpus-store'
import { between, digest, parseAck, parseMarker, seededRandom, type Ack, type ChildPlan } from './workload'

const LOSS_LIMIT_MS = 1_000
const here = path.dirname(fileURLToPath(import.meta.url))

interface Options {
  rounds: number
  seed: number
  keep: boolean
  verbose: boolean
}

function parseOptions(argv: string[]): Options {
  const options: Options = { rounds: 300, seed: Date.now() % 1_000_000, keep: false, verbose: false }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = (): number => {
      const n = Number(argv[++i])
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number`)
      return n
    }
    if (flag === '--rounds') options.rounds = value()
    else if (flag === '--seed') options.seed = value()
    else if (flag === '--keep') options.keep = true
    else if (flag === '--verbose') options.verbose = true
    else throw new Error(`unknown flag ${flag} (use --rounds N, --seed S, --keep, --verbose)`)
  }
  return options
}

/**
 * The child as one bundled file: starting it costs ~0.1 s instead of ~0.3 s through
 * tsx, which is what makes hundreds of rounds fit in a few minutes. The bundle is
 * built from the same sources the app's main process is built from.
 */
async function childCommand(workDir: string): Promise<string[]> {
  const entry = path.join(here, 'child.ts')
  try {
    const esbuild = await import('esbuild')
    const outfile = path.join(workDir, 'child.mjs')
    await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'error' })
    return [process.execPath, outfile]
  } catch (error) {
    console.warn(`(could not bundle the child, running it through tsx: ${(error as Error).message})`)
    return [process.execPath, '--import', 'tsx', entry]
  }
}

type Phase = 'open' | 'early' | 'in-write' | 'running'

/**
 * When to kill: `delayMs` after the child says it is opening the store ('open') or
 * that it is ready (the rest). 'in-write' arms after the delay and then kills on the
 * (skip + 1)th file-system event on the store file or its temporary file (or on a
 * backup's): in the middle of writing, syncing or renaming — and, were the store ever
 * to write its file in place, in the middle of that.
 */
interface KillPlan {
  phase: Phase
  delayMs: number
  watch?: 'store' | 'backup'
  skip?: number
}

interface Epoch {
  dataDir: string
  root: string
  targetLive: number
  roundsLeft: number
  /** The verified state the next child starts from: highlight id → digest, in order. */
  base: Map<string, string>
  baseLastArticleId: string | null
  lastOpenMs: number
  /** the backups had a gap after the last round (a rotation cut short) */
  hadGap: boolean
}

interface RoundResult {
  killed: boolean
  phase: Phase
  acks: number
  lost: number
  lossWindowMs: number
  lossWindowByReceiptMs: number
  /** temporary files found after the kill: the main file's, a backup's */
  tempLeft: { main: boolean; backup: boolean }
  rotationGap: boolean
  backupsChecked: number
  highlights: number
  bytes: number
  failures: string[]
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function runRound(command: string[], epoch: Epoch, plan: ChildPlan, killPlan: KillPlan): Promise<RoundResult> {
  const { phase, delayMs } = killPlan
  const result: RoundResult = {
    killed: false,
    phase,
    acks: 0,
    lost: 0,
    lossWindowMs: 0,
    lossWindowByReceiptMs: 0,
    tempLeft: { main: false, backup: false },
    rotationGap: false,
    backupsChecked: 0,
    highlights: 0,
    bytes: 0,
    failures: []
  }
  const acks: Ack[] = []
  let killAt = 0
  let openingAt = 0
  let readyAt = 0
  let stderr = ''

  const spawnedAt = Date.now()
  const child = spawn(command[0], [...command.slice(1), JSON.stringify(plan)], { stdio: ['ignore', 'pipe', 'pipe'] })
  let exited = false
  const kill = (): void => {
    if (exited || killAt) return
    killAt = Date.now()
    result.killed = child.kill('SIGKILL')
  }
  // Timers and the watcher die with the round, whatever ended it.
  const cleanups: Array<() => void> = []
  const later = (run: () => void, ms: number): void => {
    const timer = setTimeout(run, ms)
    cleanups.push(() => clearTimeout(timer))
  }
  const file = corpusStoreFile(epoch.dataDir, epoch.root)
  const dir = path.dirname(file)
  const base = path.basename(file)
  // durable-write's temporary names: `.<name>.<pid>-<random>.tmp` (the store's), `.<name>.bakN.<pid>-<random>.tmp` (a backup's).
  const isMainTemp = (name: string): boolean => name.startsWith(`.${base}.`) && !name.startsWith(`.${base}.bak`) && name.endsWith('.tmp')
  const armWatch = (): void => {
    if (exited) return
    const wanted =
      killPlan.watch === 'backup'
        ? (name: string) => /\.bak\d+(\.\d+-[0-9a-f]+\.tmp)?$/.test(name)
        : (name: string) => name === base || isMainTemp(name)
    let skip = killPlan.skip ?? 0
    try {
      const watcher = watch(dir, (_event, name) => {
        if (name && wanted(name) && skip-- <= 0) kill()
      })
      cleanups.push(() => watcher.close())
    } catch {
      // no folder yet: the fallback below still kills
    }
    later(kill, 2_500)
  }
  later(() => {
    result.failures.push('the child did not get going within 30 s')
    kill()
  }, 30_000)

  let pending = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    const receivedAt = Date.now()
    const lines = (pending + chunk).split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      if (line.startsWith('a ')) {
        const ack = parseAck(line, receivedAt)
        if (ack) acks.push(ack)
        else result.failures.push(`unreadable acknowledgement: ${line.slice(0, 200)}`)
      } else if (line.startsWith('opening ')) {
        openingAt = receivedAt
        if (phase === 'open') later(kill, delayMs)
      } else if (line.startsWith('ready ')) {
        readyAt = receivedAt
        const notice = JSON.parse(line.slice(line.indexOf(' ', 6) + 1)) as string | null
        if (notice) result.failures.push(`the child's store opened with a notice: ${notice}`)
        if (phase === 'in-write') later(armWatch, delayMs)
        else if (phase !== 'open') later(kill, delayMs)
      }
    }
  })
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk
  })
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal }))
  )
  exited = true
  for (const cleanup of cleanups) cleanup()
  if (exit.signal !== 'SIGKILL') {
    result.failures.push(`the child ended by itself (code ${exit.code}, signal ${exit.signal}): ${stderr.slice(-2_000)}`)
    return result
  }
  if (readyAt && openingAt) epoch.lastOpenMs = readyAt - openingAt
  result.acks = acks.length

  // What the next start of the app would find, checked before anything opens it.
  const names = await readdir(dir).catch(() => [] as string[])
  // Temporary files left by this child (an older one may linger until the next write replaces it).
  const fresh = async (name: string): Promise<boolean> =>
    stat(path.join(dir, name)).then((info) => info.mtimeMs >= spawnedAt - 5, () => false)
  const temps = names.filter((name) => name.endsWith('.tmp'))
  for (const name of temps) {
    if (!(await fresh(name))) continue
    if (isMainTemp(name)) result.tempLeft.main = true
    else result.tempLeft.backup = true
  }
  const backupIndexes = names
    .map((name) => new RegExp(`^${base.replace('.', '\\.')}\\.bak(\\d+)$`).exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]))
    .sort((a, b) => a - b)
  // A rotation shifts .bak1 → .bak2 … and then writes .bak1: a kill in between leaves a gap.
  const gap = backupIndexes.some((index, i) => index !== i + 1)
  result.rotationGap = gap && !epoch.hadGap
  epoch.hadGap = gap
  for (const index of backupIndexes) {
    const backup = `${file}.bak${index}`
    const checked = checkContent(await readFile(backup, 'utf8'), CORPUS_SCHEMA_VERSION, (raw) => CorpusDataSchema.parse(raw), backup)
    result.backupsChecked++
    if (!checked.ok) result.failures.push(`backup ${path.basename(backup)} does not load: ${checked.reason}`)
  }
  const corruptBefore = names.filter((name) => name.includes('.corrupt-')).length
  result.bytes = await stat(file).then((info) => info.size, () => 0)

  let store
  try {
    store = await openCorpusStore(epoch.dataDir, epoch.root)
  } catch (error) {
    result.failures.push(`the store does not open: ${(error as Error).message}`)
    return result
  }
  const data = store.data
  const notice = store.notice
  await store.close()
  const corruptAfter = (await readdir(dir)).filter((name) => name.includes('.corrupt-')).length
  if (notice) result.failures.push(`the store opened with a notice: ${notice}`)
  if (corruptAfter !== corruptBefore) result.failures.push(`${corruptAfter - corruptBefore} file(s) set aside as .corrupt-*`)
  result.highlights = data.highlights.length

  // Which change does the file hold the state after? 0 = none of this child's.
  const found = parseMarker(data.lastArticleId)
  let heldSeq = 0
  if (found && found.runId === plan.runId) heldSeq = found.seq
  else if (data.lastArticleId !== epoch.baseLastArticleId) result.failures.push(`unexpected lastArticleId ${data.lastArticleId}`)
  if (heldSeq > acks.length) result.failures.push(`the store holds change ${heldSeq}, which was never acknowledged (last: ${acks.length})`)

  // Replay the acknowledged changes up to heldSeq on the previous state and compare exactly.
  const expected = new Map(epoch.base)
  for (const ack of acks.slice(0, heldSeq)) {
    if (ack.op === 'delete') expected.delete(ack.id)
    else expected.set(ack.id, ack.digest)
  }
  const actual = data.highlights.map((h) => [h.id, digest(h)] as const)
  const expectedList = [...expected]
  const same = actual.length === expectedList.length && actual.every(([id, d], i) => expectedList[i][0] === id && expectedList[i][1] === d)
  if (!same) {
    result.failures.push(
      `the store is not the state after change ${heldSeq}: ${actual.length} highlights on disk, ${expectedList.length} expected`
    )
  }

  // Every change acknowledged more than a second before the kill must be there.
  const mustHave = acks.filter((ack) => ack.ackAt <= killAt - LOSS_LIMIT_MS).length
  if (heldSeq < mustHave) {
    const oldest = acks[heldSeq]
    result.failures.push(
      `lost ${mustHave - heldSeq} change(s) acknowledged more than ${LOSS_LIMIT_MS} ms before the kill ` +
        `(oldest lost: ${killAt - oldest.ackAt} ms before; store holds change ${heldSeq} of ${acks.length})`
    )
  }
  if (heldSeq < acks.length) {
    result.lost = acks.length - heldSeq
    result.lossWindowMs = killAt - acks[heldSeq].ackAt
    result.lossWindowByReceiptMs = killAt - acks[heldSeq].receivedAt
  }

  epoch.base = new Map(actual)
  epoch.baseLastArticleId = data.lastArticleId
  return result
}

const TARGET_SIZES = [30, 300, 1_500, 4_000]

/**
 * Kill moments are dealt from a shuffled deck of 20 so that even a short run meets
 * each kind in proportion: 3 while opening, 3 in the first 300 ms (the first write),
 * 3 on a write, 11 anywhere from 0.3 to 1.5 s.
 */
const PHASE_DECK: Phase[] = [...Array<Phase>(3).fill('open'), ...Array<Phase>(3).fill('early'), ...Array<Phase>(3).fill('in-write'), ...Array<Phase>(11).fill('running')]

function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  const random = seededRandom(options.seed)
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'gloss-crash-'))
  const command = await childCommand(workDir)
  console.log(`Gloss kill test: ${options.rounds} rounds, seed ${options.seed}, node ${process.version}, ${os.cpus().length} cores`)
  console.log(`data under ${workDir}`)

  const started = Date.now()
  const failures: string[] = []
  const totals = {
    kills: 0,
    byPhase: { open: 0, early: 0, 'in-write': 0, running: 0 } as Record<Phase, number>,
    acks: 0,
    lost: 0,
    maxLossWindowMs: 0,
    maxLossWindowByReceiptMs: 0,
    lossWindows: [] as number[],
    tempMain: 0,
    tempBackup: 0,
    rotationGaps: 0,
    backupsChecked: 0,
    maxHighlights: 0,
    maxBytes: 0,
    epochs: 0,
    /** per size target: rounds, the largest store seen and the longest loss window */
    bySize: new Map<number, { rounds: number; maxHighlights: number; maxBytes: number; maxLossWindowMs: number }>()
  }

  let deck: Phase[] = []
  let epoch: Epoch | null = null
  let epochFailed = false
  for (let round = 1; round <= options.rounds; round++) {
    if (!epoch || epoch.roundsLeft-- <= 0) {
      if (epoch && !epochFailed && !options.keep) await rm(epoch.dataDir, { recursive: true, force: true })
      totals.epochs++
      epochFailed = false
      epoch = {
        dataDir: path.join(workDir, `data-${totals.epochs}`),
        root: `/home/reader/Clippings-${totals.epochs}`,
        targetLive: TARGET_SIZES[(totals.epochs - 1) % TARGET_SIZES.length],
        // A short run (CI) gets short stretches so that it still meets every store size.
        roundsLeft: Math.max(3, Math.round(between(random, 15, 40) * Math.min(1, options.rounds / 300))) - 1,
        base: new Map(),
        baseLastArticleId: null,
        lastOpenMs: 5,
        hadGap: false
      }
    }

    // Backups are taken at most every 5 minutes: age the newest one so that this
    // child's first write rotates them, and the kill can land in the rotation.
    const newestBackup = `${corpusStoreFile(epoch.dataDir, epoch.root)}.bak1`
    const aged = random() < 0.35
    if (aged) {
      const past = new Date(Date.now() - 10 * 60_000)
      await utimes(newestBackup, past, past).catch(() => undefined)
    }
    if (deck.length === 0) deck = shuffled(random, PHASE_DECK)
    let phase = deck.pop() as Phase
    // The watch needs the store's folder, which the first child creates.
    if (phase === 'in-write' && !(await stat(path.dirname(newestBackup)).then(() => true, () => false))) phase = 'running'
    const killPlan: KillPlan =
      phase === 'open'
        ? { phase, delayMs: Math.floor(random() * (epoch.lastOpenMs * 1.2 + 3)) }
        : phase === 'early'
          ? { phase, delayMs: between(random, 0, 300) }
          : phase === 'in-write'
            ? { phase, delayMs: between(random, 0, 1_000), watch: aged && random() < 0.6 ? 'backup' : 'store', skip: between(random, 0, 2) }
            : { phase, delayMs: between(random, 300, 1_500) }
    const plan: ChildPlan = {
      dataDir: epoch.dataDir,
      root: epoch.root,
      runId: `r${round}`,
      seed: Math.floor(random() * 2 ** 31),
      pace: random() < 0.5 ? 'flat-out' : 'bursts',
      targetLive: epoch.targetLive
    }

    const result = await runRound(command, epoch, plan, killPlan)
    const described = `${phase}${killPlan.watch ? ` (${killPlan.watch}, event ${(killPlan.skip ?? 0) + 1})` : ''} +${killPlan.delayMs} ms, ${plan.pace}`
    if (result.killed) totals.kills++
    totals.byPhase[phase]++
    totals.acks += result.acks
    totals.lost += result.lost
    if (result.lost > 0) totals.lossWindows.push(result.lossWindowMs)
    totals.maxLossWindowMs = Math.max(totals.maxLossWindowMs, result.lossWindowMs)
    totals.maxLossWindowByReceiptMs = Math.max(totals.maxLossWindowByReceiptMs, result.lossWindowByReceiptMs)
    totals.tempMain += result.tempLeft.main ? 1 : 0
    totals.tempBackup += result.tempLeft.backup ? 1 : 0
    totals.rotationGaps += result.rotationGap ? 1 : 0
    totals.backupsChecked += result.backupsChecked
    totals.maxHighlights = Math.max(totals.maxHighlights, result.highlights)
    totals.maxBytes = Math.max(totals.maxBytes, result.bytes)
    const size = totals.bySize.get(epoch.targetLive) ?? { rounds: 0, maxHighlights: 0, maxBytes: 0, maxLossWindowMs: 0 }
    size.rounds++
    size.maxHighlights = Math.max(size.maxHighlights, result.highlights)
    size.maxBytes = Math.max(size.maxBytes, result.bytes)
    size.maxLossWindowMs = Math.max(size.maxLossWindowMs, result.lossWindowMs)
    totals.bySize.set(epoch.targetLive, size)
    for (const failure of result.failures) failures.push(`round ${round} (${described}): ${failure}`)
    if (result.failures.length) epochFailed = true

    if (options.verbose || result.failures.length) {
      console.log(
        `round ${round}: ${described}, ${result.acks} acks, ${result.highlights} highlights ` +
          `(${(result.bytes / 1e6).toFixed(1)} MB), lost ${result.lost} (window ${result.lossWindowMs} ms)` +
          (result.failures.length ? `\n  FAIL ${result.failures.join('\n  FAIL ')}` : '')
      )
    } else if (round % 25 === 0) {
      console.log(`… ${round}/${options.rounds} rounds, ${Math.round((Date.now() - started) / 1000)} s`)
    }
    await sleep(0)
  }
  if (epoch && !epochFailed && !options.keep) await rm(epoch.dataDir, { recursive: true, force: true })
  const keptSomething = options.keep || failures.length > 0
  if (!keptSomething) await rm(workDir, { recursive: true, force: true })

  const windows = totals.lossWindows.sort((a, b) => a - b)
  const percentile = (p: number): number => (windows.length ? windows[Math.min(windows.length - 1, Math.floor(p * windows.length))] : 0)
  console.log(
    [
      '',
      'Summary',
      `  rounds                      ${options.rounds} (seed ${options.seed}) in ${Math.round((Date.now() - started) / 1000)} s, ${totals.epochs} data folders`,
      `  kills                       ${totals.kills} (while opening ${totals.byPhase.open}, in the first 300 ms ${totals.byPhase.early}, on a write ${totals.byPhase['in-write']}, later ${totals.byPhase.running})`,
      `  kills mid-write             ${totals.tempMain} left the store's temporary file, ${totals.tempBackup} a backup's; ${totals.rotationGaps} landed inside a backup rotation`,
      `  changes acknowledged        ${totals.acks}`,
      `  acknowledged, not on disk   ${totals.lost} (all younger than ${LOSS_LIMIT_MS} ms unless listed below)`,
      `  loss window (ack → kill)    max ${totals.maxLossWindowMs} ms (by parent receipt ${totals.maxLossWindowByReceiptMs} ms); median ${percentile(0.5)} ms, p95 ${percentile(0.95)} ms over ${windows.length} rounds that lost something`,
      `  backup checks               ${totals.backupsChecked} (every .bak file after every round), all loaded unless listed below`,
      `  largest store               ${totals.maxHighlights} highlights, ${(totals.maxBytes / 1e6).toFixed(1)} MB`,
      ...[...totals.bySize]
        .sort(([a], [b]) => a - b)
        .map(
          ([target, size]) =>
            `    stores near ${String(target).padEnd(5)}        ${size.rounds} rounds, up to ${size.maxHighlights} highlights / ${(size.maxBytes / 1e6).toFixed(1)} MB, longest loss window ${size.maxLossWindowMs} ms`
        ),
      `  failures                    ${failures.length}`,
      ...failures.map((failure) => `    ${failure}`),
      keptSomething ? `  data kept in ${workDir}` : ''
    ].join('\n')
  )
  process.exitCode = failures.length ? 1 : 0
}

await main()
