// A store whose writes fail (full disk, read-only remount, no permission), whose file is
// changed by another process, or which is opened read-only. Failures come from an
// injected writer (the store's file-system port), so no disk has to be filled.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { Adapter } from 'lowdb'
import { openJsonStore, type JsonStore, type JsonStoreOptions, type SaveProblem } from './json-store'
import { writeDurably } from '../fs/durable-write'

const Notes = z.object({ schemaVersion: z.literal(1), items: z.array(z.string()), title: z.string().default('') })
type Notes = z.infer<typeof Notes>

let dir: string
let file: string
let journal: string
const open: JsonStore<unknown>[] = []

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-store-faults-'))
  file = path.join(dir, 'notes.json')
  journal = path.join(dir, 'elsewhere', 'notes.journal.json')
})
afterEach(async () => {
  for (const store of open.splice(0)) await store.close().catch(() => undefined)
  await rm(dir, { recursive: true, force: true })
})

async function openNotes(options: Partial<JsonStoreOptions<Notes>> = {}): Promise<JsonStore<Notes>> {
  const store = await openJsonStore<Notes>(file, {
    defaults: () => ({ schemaVersion: 1, items: [], title: '' }),
    schemaVersion: 1,
    validate: (raw) => Notes.parse(raw),
    backups: 0,
    debounceMs: 5,
    maxDelayMs: 20,
    ...options
  })
  open.push(store as JsonStore<unknown>)
  return store
}

/** A disk that fails with `code` while `failing` is set, and otherwise writes the file durably. */
function failingDisk(code: string) {
  const state = { failing: true, attempts: 0 }
  const writer: Adapter<Notes> = {
    read: async () => null,
    write: async (data) => {
      state.attempts++
      if (state.failing) throw Object.assign(new Error(`${code}: simulated`), { code })
      await writeDurably(file, JSON.stringify(data))
    }
  }
  return { writer, state }
}

const onDisk = async (): Promise<Notes | null> => JSON.parse(await readFile(file, 'utf8').catch(() => 'null')) as Notes | null

describe('openJsonStore: a write that fails is told, kept and retried', () => {
  it.each([
    { code: 'ENOSPC', says: 'the disk is full' },
    { code: 'EROFS', says: 'the data folder is read-only' },
    { code: 'EACCES', says: 'Gloss may not write to the data folder' }
  ])('$code: the problem is reported at once, the change stays, the retry lands it and clears the problem', async ({ code, says }) => {
    const disk = failingDisk(code)
    const told: (SaveProblem | null)[] = []
    const store = await openNotes({ writer: disk.writer, journal, onSaveProblem: (p) => told.push(p) })
    store.update((data) => data.items.push('acknowledged'))
    await expect(store.flush()).rejects.toThrow(code)

    expect(store.saveProblem?.code).toBe(code)
    expect(store.saveProblem?.message).toContain(`Your last changes are not saved: ${says}`)
    expect(store.saveProblem?.journal).toBe(journal)
    expect(told.map((p) => p?.code ?? null)).toEqual([code])
    expect(store.data.items).toEqual(['acknowledged'])

    // The retry (the store's own timer) lands it once the disk is back.
    disk.state.failing = false
    await expect.poll(() => store.saveProblem, { timeout: 5_000 }).toBeNull()
    expect(told.map((p) => p?.code ?? null)).toEqual([code, null])
    expect((await onDisk())?.items).toEqual(['acknowledged'])
    await expect(stat(journal)).rejects.toThrow(/ENOENT/)
  })

  it('reports a problem once while the disk stays full, not at every retry', async () => {
    const disk = failingDisk('ENOSPC')
    const told: (SaveProblem | null)[] = []
    const store = await openNotes({ writer: disk.writer, journal, onSaveProblem: (p) => told.push(p) })
    store.update((data) => data.items.push('a'))
    await expect.poll(() => disk.state.attempts, { timeout: 5_000 }).toBeGreaterThanOrEqual(3)
    expect(told).toHaveLength(1)
    expect(store.saveProblem?.since).toBe(told[0]?.since)
  })

  it('a kill while the disk is full loses nothing acknowledged: the journal is read on the next open', async () => {
    const disk = failingDisk('ENOSPC')
    const store = await openNotes({ writer: disk.writer, journal })
    store.update((data) => data.items.push('one', 'two'))
    await expect(store.flush()).rejects.toThrow('ENOSPC')
    // Quit while the disk is still full (a kill leaves the same journal; closing stops the
    // retry timer, which a store left open in this process would keep running).
    await expect(store.close()).rejects.toThrow('ENOSPC')
    open.splice(0)

    const again = await openNotes({ journal })
    expect(again.data.items).toEqual(['one', 'two'])
    expect(again.notice).toMatch(/could not be saved .* recovered from/)
    expect((await onDisk())?.items).toEqual(['one', 'two'])
    await expect(stat(journal)).rejects.toThrow(/ENOENT/)
  })

  it('says the changes are only in memory when the journal cannot be written either', async () => {
    const disk = failingDisk('ENOSPC')
    await writeFile(path.join(dir, 'elsewhere'), 'a file where the journal folder should be')
    const store = await openNotes({ writer: disk.writer, journal })
    store.update((data) => data.items.push('x'))
    await expect(store.flush()).rejects.toThrow('ENOSPC')
    expect(store.saveProblem?.journal).toBeNull()
    expect(store.saveProblem?.message).toContain('do not quit Gloss')
  })
})

describe('openJsonStore: another process wrote the file meanwhile', () => {
  it('merges instead of overwriting: their new field and ours both survive', async () => {
    const store = await openNotes()
    store.update((data) => data.items.push('mine'))
    await store.flush()
    // Another process (an older CLI that takes no lock) rewrites the file.
    await new Promise((resolve) => setTimeout(resolve, 5))
    await writeDurably(file, JSON.stringify({ schemaVersion: 1, items: ['mine'], title: 'theirs' }))
    store.update((data) => data.items.push('mine too'))
    await store.flush()
    expect(await onDisk()).toEqual({ schemaVersion: 1, items: ['mine', 'mine too'], title: 'theirs' })
    expect(store.data.title).toBe('theirs')
  })
})

describe('openJsonStore: read-only', () => {
  it('never writes, not even a repair, and keeps changes in memory', async () => {
    await writeFile(file, '{ damaged')
    const store = await openNotes({ readOnly: true })
    expect(store.readOnly).toBe(true)
    expect(store.notice).toMatch(/damaged/)
    store.update((data) => data.items.push('in memory'))
    await store.close()
    expect(await readFile(file, 'utf8')).toBe('{ damaged')
  })
})

describe('openJsonStore: files it cannot take as they are', () => {
  it('a file over the size limit is set aside and the backup restored, with a notice (512 MB and more in real life)', async () => {
    const first = await openNotes({ backups: 2, backupIntervalMs: 0 })
    first.update((data) => data.items.push('backed up'))
    await first.close()
    open.splice(0)
    await writeFile(file, JSON.stringify({ schemaVersion: 1, items: ['x'.repeat(5_000)], title: '' }))

    const store = await openNotes({ backups: 2, maxBytes: 4_096 })
    expect(store.data.items).toEqual(['backed up'])
    expect(store.notice).toMatch(/^Your Gloss data was too large to read \(0 MB\); restored the backup from .*\. The damaged file was kept at .*\.corrupt-/)
  })

  it('invalid UTF-8 inside a stored string is reported, and the file as it was is kept', async () => {
    const good = Buffer.from(JSON.stringify({ schemaVersion: 1, items: ['café', 'BROKEN'], title: '' }), 'utf8')
    const at = good.indexOf('BROKEN')
    good[at] = 0xff // not UTF-8
    await writeFile(file, good)

    const store = await openNotes()
    expect(store.data.items).toEqual(['café', '\uFFFDROKEN'])
    expect(store.notice).toMatch(/held bytes that are not valid text \(UTF-8\); they show as \uFFFD\. The file as it was is kept at .*\.corrupt-/)
    const { readdir } = await import('node:fs/promises')
    const kept = (await readdir(dir)).find((n) => n.includes('.corrupt-'))!
    expect((await readFile(path.join(dir, kept)))[at]).toBe(0xff)
  })

  it('valid UTF-8 (with a byte-order mark) is read without a notice', async () => {
    await writeFile(file, '\uFEFF' + JSON.stringify({ schemaVersion: 1, items: ['naïve'], title: '' }))
    const store = await openNotes()
    expect(store.data.items).toEqual(['naïve'])
    expect(store.notice).toBeNull()
  })
})
