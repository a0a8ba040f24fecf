// What the fault scenarios share: a corpus of our own text, the writer child (the real
// core as the app runs it), mounting a small tmpfs where that is allowed, and reading
// what a restarted Gloss finds in the data folder.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openCorpusStore } from '../../src/core/store/corpus-store'
import { corpusStoreFile, journalFile } from '../../src/core/store/data-folder'

export interface ScenarioReport {
  name: string
  /** Why it did not run (no permission to mount, say), or null. */
  skipped: string | null
  /** The longest event-loop delay seen in the process that was writing (ms). */
  eventLoopMaxMs: number | null
  acknowledged: number
  /** Acknowledged changes missing after the restart: must be 0. */
  lost: number
  /** What the user was told (the banner's text, or the CLI's message). */
  told: string | null
  notes: string[]
}

export interface Scenario {
  name: string
  run(): Promise<ScenarioReport>
}

const here = path.dirname(fileURLToPath(import.meta.url))
export const repoRoot = path.resolve(here, '..', '..')

const ARTICLES: Record<string, string> = {
  'tides.md': '# Why the Sea Keeps Time\n\nThe sea rises twice a day, pulled by the moon and, more weakly, by the sun.\n',
  'keepers.md': '# Keepers of the Light\n\nLighthouse keepers kept a log of every storm, every ship and every lamp.\n',
  'mills.md': '# Old Mills\n\nWater turned the wheel all winter, and the miller weighed each sack twice.\n'
}

export async function makeCorpus(base: string): Promise<string> {
  const corpus = path.join(base, 'Clippings')
  await mkdir(corpus, { recursive: true })
  for (const [name, text] of Object.entries(ARTICLES)) await writeFile(path.join(corpus, name), text)
  return corpus
}

export async function tempBase(name: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `gloss-faults-${name}-`))
}

/** Mounts a tmpfs of `size` at `dir`, or returns why it cannot (not root, no CAP_SYS_ADMIN, not Linux). */
export function mountTmpfs(dir: string, size: string): string | null {
  if (process.platform !== 'linux') return `mounting a tmpfs needs Linux (this is ${process.platform})`
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { stdio: 'pipe' })
    return null
  } catch (error) {
    return `cannot mount a tmpfs here (${String((error as { stderr?: Buffer }).stderr ?? error).trim().split('\n')[0]})`
  }
}

export function remount(dir: string, options: string): void {
  execFileSync('mount', ['-o', `remount,${options}`, dir], { stdio: 'pipe' })
}

export function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'pipe' })
  } catch {
    // already gone
  }
}

export interface WriterChild {
  child: ChildProcess
  acks: string[]
  /** When each ack arrived (Date.now()), same order as acks. */
  ackedAt: number[]
  /** When kill() sent SIGKILL, or null. */
  killedAt: number | null
  told: string | null
  toldEver: string[]
  delayMaxMs: number
  /** Resolves when a line matching `test` has arrived. */
  waitFor(test: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<void>
  kill(): Promise<void>
  stop(): Promise<void>
}

export function startWriter(dataDir: string, corpus: string, noteBytes = 2_000, paceMs = 5, startAt = 0): WriterChild {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'writer-child.ts'), dataDir, corpus, String(noteBytes), String(paceMs), String(startAt)], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe']
  })
  const waiters: { test: (line: Record<string, unknown>) => boolean; resolve: () => void }[] = []
  const state: WriterChild = {
    child,
    acks: [],
    ackedAt: [],
    killedAt: null,
    told: null,
    toldEver: [],
    delayMaxMs: 0,
    waitFor(test, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the writer did not get there in time')), timeoutMs)
        waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) })
      })
    },
    async kill() {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      state.killedAt = Date.now()
      child.kill('SIGKILL')
      await exited
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.stdin!.write('stop\n')
      await exited
    }
  }
  let buffer = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk
    let end: number
    while ((end = buffer.indexOf('\n')) >= 0) {
      const text = buffer.slice(0, end)
      buffer = buffer.slice(end + 1)
      let line: Record<string, unknown>
      try {
        line = JSON.parse(text) as Record<string, unknown>
      } catch {
        continue
      }
      if (typeof line.ack === 'string') {
        state.acks.push(line.ack)
        state.ackedAt.push(Date.now())
      }
      if ('told' in line) {
        state.told = (line.told as string | null) ?? null
        if (state.told) state.toldEver.push(state.told)
      }
      if (typeof line.delayMaxMs === 'number') state.delayMaxMs = Math.max(state.delayMaxMs, line.delayMaxMs)
      for (const waiter of [...waiters]) {
        if (waiter.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1)
          waiter.resolve()
        }
      }
    }
  })
  child.stderr!.on('data', () => undefined)
  return state
}

/**
 * The kill test's rule (scripts/crash-test): every change acknowledged more than
 * DURABLE_AFTER_MS before a kill must survive it; changes in that last second are in the
 * write window (the store's maxDelayMs), full disk or not, and are counted apart.
 */
export const DURABLE_AFTER_MS = 1_000

export function lossAfterKill(writer: WriterChild, found: Set<string>): { lost: number; inWindow: number; inWindowLost: number } {
  const cutoff = (writer.killedAt ?? Infinity) - DURABLE_AFTER_MS
  let lost = 0
  let inWindow = 0
  let inWindowLost = 0
  writer.acks.forEach((id, i) => {
    const missing = !found.has(id)
    if (writer.ackedAt[i] <= cutoff) lost += missing ? 1 : 0
    else {
      inWindow++
      inWindowLost += missing ? 1 : 0
    }
  })
  return { lost, inWindow, inWindowLost }
}

/** The highlight ids a restarted Gloss finds for the corpus (opening the store as the app does). */
export async function highlightsAfterRestart(dataDir: string, corpus: string): Promise<{ ids: Set<string>; notice: string | null }> {
  const { realpath } = await import('node:fs/promises')
  const root = await realpath(corpus)
  // With the journal, as the app opens it: what a full or read-only disk kept elsewhere.
  const store = await openCorpusStore(dataDir, root, { journal: journalFile(corpusStoreFile(dataDir, root)) })
  const ids = new Set(store.data.highlights.map((h) => h.id))
  const notice = store.notice
  await store.close()
  return { ids, notice }
}

export async function readText(file: string): Promise<string | null> {
  return readFile(file, 'utf8').catch(() => null)
}

export async function cleanup(base: string): Promise<void> {
  await rm(base, { recursive: true, force: true })
}
