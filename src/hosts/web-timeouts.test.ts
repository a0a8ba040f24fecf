// Half-open connections (a client that connects and never finishes its request) are
// closed by the harness, so that they cannot pile up until real requests are refused.
import { mkdtemp, rm } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeCorpus } from '../../tests/fixtures/corpus-builder'
import { startHarness, type Harness } from './web'

let base: string
let harness: Harness

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'gloss-web-timeouts-'))
  await writeCorpus(base, {
    'renderer/index.html': '<!doctype html><title>Gloss</title>',
    'corpus/bees.md': '# Bees in Winter\n\nA hive keeps warm by shivering together.\n',
    'sample/welcome.md': '# Welcome\n\nA sample.\n'
  })
  harness = await startHarness({
    corpus: path.join(base, 'corpus'),
    dataDir: path.join(base, 'data'),
    rendererDir: path.join(base, 'renderer'),
    sampleRoot: path.join(base, 'sample'),
    timeouts: { headersMs: 300, requestMs: 600, checkEveryMs: 100 }
  })
})
afterAll(async () => {
  await harness.close()
  await rm(base, { recursive: true, force: true })
})

/** Resolves when the server closes the socket (or with 'open' if the test gives up first). */
function closedByServer(socket: net.Socket): Promise<'closed'> {
  return new Promise((resolve) => socket.once('close', () => resolve('closed')))
}

describe('harness connection limits', () => {
  it.each([
    ['a connection that sends nothing', (_socket: net.Socket) => undefined],
    ['a connection stuck half-way through its headers', (socket: net.Socket) => socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${harness.port}\r\nX-Slow:`)]
  ])('closes %s', async (_name, send) => {
    const sockets = Array.from({ length: 20 }, () => net.connect(harness.port, '127.0.0.1'))
    await Promise.all(sockets.map((socket) => new Promise((resolve) => socket.once('connect', resolve))))
    for (const socket of sockets) send(socket)
    expect(await Promise.all(sockets.map(closedByServer))).toEqual(sockets.map(() => 'closed'))
    // Real requests are still answered.
    const page = await fetch(`http://127.0.0.1:${harness.port}/`)
    expect(page.status).toBe(200)
  })
})
