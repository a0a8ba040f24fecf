import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { processOutput } from './cli-process'
import { EXIT } from './exit-codes'

/** A stream that holds each write until release() (a pipe whose reader is slow). */
function slowStream(): { stream: Writable; written: string[]; release: () => void } {
  const held: Array<() => void> = []
  const written: string[] = []
  const stream = new Writable({
    highWaterMark: 8,
    write(chunk: Buffer, _encoding, callback) {
      held.push(() => {
        written.push(chunk.toString())
        callback()
      })
    }
  })
  const release = (): void => {
    while (held.length) held.shift()!()
  }
  return { stream, written, release }
}

/** A stream whose every write fails with `code`. */
function failingStream(code: string): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback(Object.assign(new Error(`write ${code}`), { code }))
    }
  })
}

function sink(): { stream: Writable; text: () => string } {
  const parts: string[] = []
  return { stream: new Writable({ write: (chunk: Buffer, _e, cb) => (parts.push(chunk.toString()), cb()) }), text: () => parts.join('') }
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

describe('processOutput', () => {
  it('exits only once everything written has left (a slow reader)', async () => {
    const out = slowStream()
    const err = sink()
    const exits: number[] = []
    const output = processOutput(out.stream, err.stream, ((code: number) => exits.push(code)) as (code: number) => never)
    output.io.out('{"articles": [')
    output.io.out('  "a lot of JSON"]}')
    const finished = output.finish(EXIT.ok)
    for (let i = 0; i < 5; i++) await tick()
    expect(exits).toEqual([])
    while (!exits.length) {
      out.release()
      await tick()
    }
    await finished
    expect(out.written.join('')).toBe('{"articles": [\n  "a lot of JSON"]}\n')
    expect(exits).toEqual([EXIT.ok])
  })

  it.each<[string, string, number, number, RegExp | '']>([
    ['the reader left (EPIPE): quiet, the command’s own code', 'EPIPE', EXIT.ok, EXIT.ok, ''],
    ['the reader left, the command had left something alone', 'EPIPE', EXIT.leftAlone, EXIT.leftAlone, ''],
    ['the output could not be written (a full disk): a failure', 'ENOSPC', EXIT.ok, EXIT.failure, /^gloss: could not write the output \(ENOSPC\)\n$/],
    ['the output could not be written after a usage error: still 2', 'ENOSPC', EXIT.usage, EXIT.usage, /ENOSPC/]
  ])('%s', async (_case, code, commandCode, exitCode, message) => {
    const err = sink()
    const exits: number[] = []
    const output = processOutput(failingStream(code), err.stream, ((c: number) => exits.push(c)) as (code: number) => never)
    output.io.out('first line')
    await tick()
    // Later lines go nowhere and raise nothing.
    output.io.out('second line')
    await output.finish(commandCode)
    expect(exits).toEqual([exitCode])
    if (message === '') expect(err.text()).toBe('')
    else expect(err.text()).toMatch(message)
  })
})
