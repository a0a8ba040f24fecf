// The parse worker's thread: builds an article's text model (text-model-job.ts) so that
// a slow or hostile Markdown file never holds the main process. The pool
// (text-model-pool.ts) ends this thread when a job outlasts its budget.
import { parentPort } from 'node:worker_threads'
import { runSummaryJob, type SummaryJob } from './summarize-file'
import { runTextModelJob, type TextModelJob } from './text-model-job'

parentPort?.on('message', ({ id, job }: { id: number; job: TextModelJob | SummaryJob }) => {
  let reply
  try {
    reply = job.mode === 'summary' ? runSummaryJob(job) : runTextModelJob(job)
  } catch (error) {
    // A parser that gives up (too deep a nesting for the stack) is a file too complex to display.
    reply = { ok: false as const, tooComplex: true, reason: error instanceof Error ? error.message : String(error) }
  }
  parentPort?.postMessage({ id, reply })
})

// The pool starts its budget from here: compiling this file from source takes a while.
parentPort?.postMessage({ ready: true })
