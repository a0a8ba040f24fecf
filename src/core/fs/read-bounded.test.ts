import { execFileSync } from 'node:child_process'
import { appendFileSync, existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runInChild } from '../test-support/in-child'
import { readBounded, readBoundedSync, type BoundedRead } from './read-bounded'

const MODULE = path.resolve(import.meta.dirname, 'read-bounded.ts')
const canMakeFifo = process.platform !== 'win32'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-read-bounded-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

type Summary = { kind: string; text?: string; what?: string }
const summary = (read: BoundedRead | { kind: 'skip' }): Summary =>
  read.kind === 'bytes' ? { kind: 'bytes', text: read.bytes.toString('utf8') } : read.kind === 'not-a-file' ? { kind: read.kind, what: read.what } : { kind: read.kind }

// Each case makes its path in `dir`; both forms must give the same answer.
const cases: Array<{ name: string; make: (at: string) => Promise<void>; maxBytes: number; expected: Summary; fifo?: boolean }> = [
  { name: 'a regular file under the limit', make: (at) => writeFile(at, 'Hello, reader.'), maxBytes: 100, expected: { kind: 'bytes', text: 'Hello, reader.' } },
  { name: 'a regular file exactly at the limit', make: (at) => writeFile(at, '12345'), maxBytes: 5, expected: { kind: 'bytes', text: '12345' } },
  { name: 'a regular file one byte over', make: (at) => writeFile(at, '123456'), maxBytes: 5, expected: { kind: 'too-large' } },
  { name: 'an empty file', make: (at) => writeFile(at, ''), maxBytes: 5, expected: { kind: 'bytes', text: '' } },
  { name: 'a folder', make: (at) => mkdir(at), maxBytes: 100, expected: { kind: 'not-a-file', what: 'a folder' } },
  { name: 'a named pipe with no writer', make: async (at) => void execFileSync('mkfifo', [at]), maxBytes: 100, expected: { kind: 'not-a-file', what: 'a named pipe' }, fifo: true },
  {
    name: 'a symlink to a named pipe',
    make: async (at) => {
      execFileSync('mkfifo', [`${at}.fifo`])
      await symlink(`${at}.fifo`, at)
    },
    maxBytes: 100,
    expected: { kind: 'not-a-file', what: 'a named pipe' },
    fifo: true
  },
  { name: 'a symlink to a regular file', make: async (at) => (await writeFile(`${at}.real`, 'linked'), await symlink(`${at}.real`, at)), maxBytes: 100, expected: { kind: 'bytes', text: 'linked' } }
]

describe('readBounded', () => {
  for (const testCase of cases) {
    it.skipIf(testCase.fifo && !canMakeFifo)(`${testCase.name}: ${testCase.expected.kind}`, async () => {
      const at = path.join(dir, 'entry')
      await testCase.make(at)
      // In a child: a blocking open of a FIFO would hang the test runner instead of failing.
      const viaAsync = await runInChild<BoundedRead>(MODULE, 'readBounded', [at, { maxBytes: testCase.maxBytes }], { hangAfterMs: 20_000 })
      const viaSync = await runInChild<BoundedRead>(MODULE, 'readBoundedSync', [at, { maxBytes: testCase.maxBytes }], { hangAfterMs: 20_000 })
      const revive = (read: BoundedRead): BoundedRead =>
        read.kind === 'bytes' ? { ...read, bytes: Buffer.from((read.bytes as unknown as { data: number[] }).data) } : read
      expect(summary(revive(viaAsync))).toEqual(testCase.expected)
      expect(summary(revive(viaSync))).toEqual(testCase.expected)
    })
  }

  it('a missing file is an error (ENOENT), as before', async () => {
    await expect(readBounded(path.join(dir, 'gone.md'), { maxBytes: 10 })).rejects.toMatchObject({ code: 'ENOENT' })
    expect(() => readBoundedSync(path.join(dir, 'gone.md'), { maxBytes: 10 })).toThrow(expect.objectContaining({ code: 'ENOENT' }))
  })

  // A file whose size at open time says nothing of what a read returns: /proc files
  // report 0 bytes and then yield their content, as a file growing during the read does.
  it.skipIf(!existsSync('/proc/self/maps'))('limits the bytes actually read, not the size fstat reported', async () => {
    expect((await readBounded('/proc/self/maps', { maxBytes: 16 })).kind).toBe('too-large')
    expect(readBoundedSync('/proc/self/maps', { maxBytes: 16 }).kind).toBe('too-large')
  })

  it('a file grown past the limit since it was last seen is too large, whatever its old size', async () => {
    const file = path.join(dir, 'growing.md')
    await writeFile(file, '# Notes\n\nshort')
    expect((await readBounded(file, { maxBytes: 1024 })).kind).toBe('bytes')
    appendFileSync(file, 'x'.repeat(4096))
    expect((await readBounded(file, { maxBytes: 1024 })).kind).toBe('too-large')
    expect(readBoundedSync(file, { maxBytes: 1024 }).kind).toBe('too-large')
  })

  it('the head check reads only the first bytes of a file it skips', async () => {
    const file = path.join(dir, 'notes')
    await writeFile(file, 'no front matter here')
    const read = await readBounded(file, { maxBytes: 100, headMustStartWith: (head) => head.toString().startsWith('---') })
    expect(read.kind).toBe('skip')
    await writeFile(file, '---\ntitle: A\n---\nText')
    const kept = await readBounded(file, { maxBytes: 100, headMustStartWith: (head) => head.toString().startsWith('---') })
    expect(kept.kind === 'bytes' && kept.bytes.toString()).toBe('---\ntitle: A\n---\nText')
  })
})
