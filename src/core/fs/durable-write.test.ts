import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DurableJSONFile, tempPathFor, writeDurably, writeDurablySync } from './durable-write'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-durable-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('writeDurably', () => {
  it('replaces the target and leaves no temporary file', async () => {
    const target = path.join(dir, 'data.json')
    await writeFile(target, 'old')
    await writeDurably(target, 'new content')
    expect(await readFile(target, 'utf8')).toBe('new content')
    expect(await readdir(dir)).toEqual(['data.json'])
  })

  it('overwrites a stale temporary file left by an interrupted write', async () => {
    const target = path.join(dir, 'data.json')
    expect(tempPathFor(target)).toBe(path.join(dir, '.data.json.tmp'))
    await writeFile(tempPathFor(target), 'half of an older wri')
    await writeDurably(target, '{"complete": true}')
    expect(await readFile(target, 'utf8')).toBe('{"complete": true}')
    expect(await readdir(dir)).toEqual(['data.json'])
  })

  it('fails without touching the target when the folder is gone', async () => {
    const target = path.join(dir, 'missing', 'data.json')
    await expect(writeDurably(target, 'x')).rejects.toThrow(/ENOENT/)
  })
})

describe('DurableJSONFile', () => {
  it('writes the state as it was when write() was called, even if it changes while the file is written', async () => {
    const adapter = new DurableJSONFile<{ items: string[] }>(path.join(dir, 'store.json'))
    const data = { items: ['before'] }
    const writing = adapter.write(data)
    data.items.push('during')
    await writing
    expect(await adapter.read()).toEqual({ items: ['before'] })
  })

  it('reads null for a missing file and throws on a damaged one', async () => {
    const adapter = new DurableJSONFile(path.join(dir, 'store.json'))
    expect(await adapter.read()).toBeNull()
    await writeFile(adapter.file, '{ not json')
    await expect(adapter.read()).rejects.toThrow(SyntaxError)
  })
})

describe('writeDurablySync (the search worker)', () => {
  it('creates the folder when asked, replaces the target and leaves no temporary file', async () => {
    const target = path.join(dir, 'search', 'index.json')
    expect(() => writeDurablySync(target, 'x')).toThrow(/ENOENT/)
    writeDurablySync(target, 'first', { makeFolder: true })
    await writeFile(tempPathFor(target), 'half of an older wri')
    writeDurablySync(target, 'second')
    expect(await readFile(target, 'utf8')).toBe('second')
    expect(await readdir(path.dirname(target))).toEqual(['index.json'])
  })
})

describe('writeDurably through a planted link', () => {
  it('replaces a link at the temporary name instead of writing through it', async () => {
    const target = path.join(dir, 'data.json')
    const elsewhere = path.join(dir, 'elsewhere.txt')
    await writeFile(elsewhere, 'untouched')
    await symlink(elsewhere, tempPathFor(target))
    await writeDurably(target, 'new')
    expect(await readFile(elsewhere, 'utf8')).toBe('untouched')
    expect(await readFile(target, 'utf8')).toBe('new')
  })
})
