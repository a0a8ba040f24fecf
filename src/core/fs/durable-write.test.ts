import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanStaleTemps, DurableJSONFile, tempPathFor, writeDurably, writeDurablySync } from './durable-write'

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

  it('leaves a stale temporary file of an interrupted write alone, and cleanStaleTemps removes it', async () => {
    const target = path.join(dir, 'data.json')
    expect(tempPathFor(target, '4242-abcd')).toBe(path.join(dir, '.data.json.4242-abcd.tmp'))
    await writeFile(tempPathFor(target, '4242-abcd'), 'half of an older wri')
    await writeFile(path.join(dir, '.data.json.tmp'), 'left by an older Gloss')
    await writeDurably(target, '{"complete": true}')
    expect(await readFile(target, 'utf8')).toBe('{"complete": true}')
    expect(await cleanStaleTemps(dir, () => false)).toEqual(['.data.json.4242-abcd.tmp', '.data.json.tmp'])
    expect(await readdir(dir)).toEqual(['data.json'])
  })

  it('names each write’s temporary file by process and at random, so two writers never share one', () => {
    const target = path.join(dir, 'data.json')
    const names = new Set(Array.from({ length: 50 }, () => path.basename(tempPathFor(target))))
    expect(names.size).toBe(50)
    for (const name of names) expect(name).toMatch(new RegExp(`^\\.data\\.json\\.${process.pid}-[0-9a-f]{8}\\.tmp$`))
  })

  it('cleanStaleTemps keeps the temporary files of live processes, and files that are not ours', async () => {
    await writeFile(path.join(dir, `.data.json.${process.pid}-00aa.tmp`), 'mine, being written')
    await writeFile(path.join(dir, '.data.json.777-00bb.tmp'), 'a live writer')
    await writeFile(path.join(dir, 'notes.tmp'), 'not a Gloss temporary file')
    expect(await cleanStaleTemps(dir, (pid) => pid === 777)).toEqual([])
    expect((await readdir(dir)).sort()).toEqual([`.data.json.${process.pid}-00aa.tmp`, '.data.json.777-00bb.tmp', 'notes.tmp'].sort())
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
    writeDurablySync(target, 'second')
    expect(await readFile(target, 'utf8')).toBe('second')
    expect(await readdir(path.dirname(target))).toEqual(['index.json'])
  })
})

describe('writeDurably through a planted link', () => {
  it('never writes through a link planted at a temporary name', async () => {
    const target = path.join(dir, 'data.json')
    const elsewhere = path.join(dir, 'elsewhere.txt')
    await writeFile(elsewhere, 'untouched')
    await symlink(elsewhere, tempPathFor(target, `${process.pid}-0000`))
    await writeDurably(target, 'new')
    expect(await readFile(elsewhere, 'utf8')).toBe('untouched')
    expect(await readFile(target, 'utf8')).toBe('new')
  })
})
