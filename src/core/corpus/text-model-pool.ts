// Builds articles' text models in worker threads, each run under a time budget and a
// memory limit, so that no file in the folder can hold the main process (issue: a
// Markdown file of 1,000 nested lists took 44 s to parse on the main thread).
//
// A run that outlasts its budget, runs out of memory or makes the parser give up ends
// its worker (a new one starts for the next job) and the article is shown as plain
// paragraphs instead, built by a second run of its own (linear in the text's length,
// also off the main thread): "too complex to display". A file that cannot be read
// (a named pipe, grown past the limit, gone) is a problem with no text.
//
// Workers are shared by every open folder of the process, started on first use and
// unref'd while idle, so they neither cost a test or CLI run that opens no article nor
// keep a finished process alive.
import type { Worker } from 'node:worker_threads'
import { startWorker } from '../fs/start-worker'
import type { TextModel } from './blocks'
import type { SummaryJob, SummaryReply } from './summarize-file'
import { runTextModelJob, type TextModelJob, type TextModelReply, type TextModelSource } from './text-model-job'

export type TextModelOutcome =
  | { kind: 'model'; model: TextModel }
  /** The full parse went over budget: `model` is the plain-paragraph fallback. */
  | { kind: 'too-complex'; model: TextModel; reason: string }
  | { kind: 'problem'; reason: string }

export interface TextModelPoolOptions {
  /** The built worker (out/main/parse-worker.js); see start-worker.ts. */
  workerFile?: string
  /** Time one parse may take before the article falls back to plain text. Default 5 s. */
  budgetMs?: number
  /** Heap limit of a worker. Default 1 GiB (a 20 MiB file's model needs a few hundred MB). */
  memoryMb?: number
  /** Workers at most. Default 2: one slow file leaves the next article free to open. */
  size?: number
}

export const DEFAULT_PARSE_BUDGET_MS = 5_000
export const DEFAULT_SUMMARY_BUDGET_MS = 30_000
export const TOO_COMPLEX_REASON = 'Too complex to display: shown as plain text'

export interface TextModelParser {
  parse(source: TextModelSource): Promise<TextModelOutcome>
}

/** Parses on the calling thread, with no budget: for tests and tools that open no untrusted folder. */
export const inProcessParser: TextModelParser = {
  parse: async (source) => fromReply(runTextModelJob({ source, mode: 'full' }))
}

type RunResult<R = TextModelReply> = { reply: R } | { failed: string }

interface Slot {
  worker: Worker | null
  ready: Promise<void> | null
  busy: boolean
}

export class TextModelPool implements TextModelParser {
  private readonly slots: Slot[]
  private readonly waiting: Array<() => void> = []
  private nextId = 1
  private readonly budgetMs: number
  private readonly linearBudgetMs: number

  constructor(private readonly options: TextModelPoolOptions = {}) {
    this.budgetMs = options.budgetMs ?? DEFAULT_PARSE_BUDGET_MS
    // Summaries and the plain fallback are linear work (seconds for a 20 MB file on a
    // busy machine): their budget only stops the absurd; it must not drop a long article.
    this.linearBudgetMs = Math.max(this.budgetMs * 6, DEFAULT_SUMMARY_BUDGET_MS)
    this.slots = Array.from({ length: Math.max(1, options.size ?? 2) }, () => ({ worker: null, ready: null, busy: false }))
  }

  async parse(source: TextModelSource): Promise<TextModelOutcome> {
    const full = await this.run({ source, mode: 'full' })
    if ('reply' in full && (full.reply.ok || !full.reply.tooComplex)) return fromReply(full.reply)
    const why = failure(full)
    // Linear work: the longer budget of the linear jobs, not the parse's.
    const plain = await this.run({ source, mode: 'plain' }, [], this.linearBudgetMs)
    if ('reply' in plain && plain.reply.ok) return { kind: 'too-complex', model: plain.reply.model, reason: `${TOO_COMPLEX_REASON} (${why})` }
    return { kind: 'problem', reason: `Too complex to display (${failure(plain)})` }
  }

  /**
   * The scan's summary of a large file (summarize-file.ts), under the same budget; the
   * bytes are moved to the worker, not copied. Over budget: a problem, the scan goes on.
   */
  async summarize(job: SummaryJob): Promise<SummaryReply> {
    const result = await this.run<SummaryReply>(job, [job.bytes.buffer as ArrayBuffer], this.linearBudgetMs)
    if ('reply' in result) return result.reply
    return { ok: false, reason: `Too complex to read (${result.failed})` }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => this.end(slot)))
  }

  private async run<R = TextModelReply>(job: TextModelJob | SummaryJob, transfer: ArrayBuffer[] = [], budgetMs = this.budgetMs): Promise<RunResult<R>> {
    const slot = await this.acquire()
    try {
      return await this.runOn<R>(slot, job, transfer, budgetMs)
    } finally {
      slot.busy = false
      this.waiting.shift()?.()
    }
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      const free = this.slots.find((slot) => !slot.busy)
      if (free) {
        free.busy = true
        return free
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    }
  }

  private async runOn<R>(slot: Slot, job: TextModelJob | SummaryJob, transfer: ArrayBuffer[], budgetMs: number): Promise<RunResult<R>> {
    const worker = this.workerOf(slot)
    await slot.ready
    const id = this.nextId++
    worker.ref()
    try {
      return await new Promise<RunResult<R>>((resolve) => {
        const finish = (result: RunResult<R>): void => {
          clearTimeout(timer)
          worker.off('message', onMessage)
          worker.off('error', onError)
          worker.off('exit', onExit)
          resolve(result)
        }
        const onMessage = (message: { id?: number; reply?: R }): void => {
          if (message.id === id && message.reply) finish({ reply: message.reply })
        }
        const onError = (error: Error): void => {
          void this.end(slot)
          finish({ failed: (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it needs more memory than allowed' : error.message })
        }
        const onExit = (): void => {
          slot.worker = null
          slot.ready = null
          finish({ failed: 'the parser stopped' })
        }
        // The budget starts once the worker is up (starting one from source takes a while).
        const timer = setTimeout(() => {
          void this.end(slot)
          finish({ failed: `it took longer than ${formatSeconds(budgetMs)} to ${job.mode === 'summary' ? 'read' : 'lay out'}` })
        }, budgetMs)
        worker.on('message', onMessage)
        worker.on('error', onError)
        worker.on('exit', onExit)
        worker.postMessage({ id, job }, transfer)
      })
    } finally {
      slot.worker?.unref()
    }
  }

  private workerOf(slot: Slot): Worker {
    if (slot.worker) return slot.worker
    const memoryMb = this.options.memoryMb ?? 1024
    const worker = startWorker({
      builtName: 'parse-worker.js',
      from: import.meta.url,
      source: './parse-worker.ts',
      file: this.options.workerFile,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, memoryMb / 4) }
    })
    worker.unref()
    slot.worker = worker
    slot.ready = new Promise<void>((resolve) => {
      const ready = (message: { ready?: boolean }): void => {
        if (!message.ready) return
        worker.off('message', ready)
        resolve()
      }
      worker.on('message', ready)
      // A worker that fails to start is seen by the run (its error or exit).
      worker.once('error', () => resolve())
      worker.once('exit', () => resolve())
    })
    return worker
  }

  private async end(slot: Slot): Promise<void> {
    const worker = slot.worker
    slot.worker = null
    slot.ready = null
    if (worker) await worker.terminate().catch(() => undefined)
  }
}

function failure(result: RunResult<TextModelReply>): string {
  if ('failed' in result) return result.failed
  return result.reply.ok ? '' : result.reply.reason
}

function fromReply(reply: TextModelReply): TextModelOutcome {
  if (reply.ok) return { kind: 'model', model: reply.model }
  return { kind: 'problem', reason: reply.reason }
}

const formatSeconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`

const shared = new Map<string, TextModelPool>()

/** The process's pool for `workerFile` (one set of workers however many folders open). */
export function sharedTextModelPool(options: TextModelPoolOptions = {}): TextModelPool {
  const key = JSON.stringify([options.workerFile ?? '', options.budgetMs ?? 0, options.memoryMb ?? 0, options.size ?? 0])
  let pool = shared.get(key)
  if (!pool) shared.set(key, (pool = new TextModelPool(options)))
  return pool
}
