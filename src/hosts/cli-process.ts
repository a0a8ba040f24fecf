// Standard output and error for the `gloss` process, so that what a command prints always
// reaches the reader of a pipe:
// - Writes to a pipe are asynchronous: a process that exits right after a large write
//   (process.exit after `scan --json` of 10,000 articles) cuts the output off where the
//   pipe's buffer ended. finish() waits until both streams have handed everything to the
//   system before exiting.
// - A reader that stops early (`gloss search … | head`) closes the pipe: the next write
//   fails with EPIPE. That is the reader's choice, not a failure: later output is dropped
//   quietly, the command still finishes (nothing it acknowledged is lost) and exits with
//   its own code. Any other write error (a full disk behind `> file`) is reported on
//   stderr and the exit code becomes a failure, since output was lost.
import type { Writable } from 'node:stream'
import type { CliIo } from './cli-context'
import { EXIT } from './exit-codes'

export interface ProcessOutput {
  io: CliIo
  /** Waits until stdout and stderr are drained (or closed by their reader), then exits. */
  finish(code: number): Promise<never>
}

interface Channel {
  write(line: string): void
  flushed(): Promise<void>
  /** A write failed for another reason than the reader leaving. */
  failure: NodeJS.ErrnoException | null
}

function channel(stream: Writable): Channel {
  let closed = false
  const state: Channel = {
    failure: null,
    write(line) {
      if (!closed && !stream.destroyed) stream.write(`${line}\n`)
    },
    flushed() {
      if (closed || stream.destroyed || stream.writableLength === 0) return Promise.resolve()
      return new Promise<void>((resolve) => {
        const done = (): void => {
          stream.off('close', done)
          stream.off('error', done)
          resolve()
        }
        stream.once('close', done)
        stream.once('error', done)
        // Writes are handled in order: this one's callback runs once all before it are out.
        stream.write('', () => done())
      })
    }
  }
  stream.on('error', (error: NodeJS.ErrnoException) => {
    closed = true
    if (error.code !== 'EPIPE' && !state.failure) state.failure = error
  })
  return state
}

export function processOutput(stdout: Writable = process.stdout, stderr: Writable = process.stderr, exit: (code: number) => never = process.exit): ProcessOutput {
  const out = channel(stdout)
  const err = channel(stderr)
  return {
    io: { out: (line) => out.write(line), err: (line) => err.write(line) },
    async finish(code) {
      await out.flushed()
      if (out.failure) err.write(`gloss: could not write the output (${out.failure.code ?? out.failure.message})`)
      await err.flushed()
      return exit(out.failure && code === EXIT.ok ? EXIT.failure : code)
    }
  }
}
