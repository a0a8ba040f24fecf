// One writer of annotations: library/annotations.ts is the only code in src/core that
// changes the corpus document. Everyone else is handed the store without update()
// (LibrarySession.store is a ReadonlyStore); this test also fails on a store.update(…)
// written anywhere else, whatever the variable is called.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const core = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const WRITER = path.join('library', 'annotations.ts')
// The store's own module writes its own data (loading, migrating); settings are not annotations.
const STORE_FOLDER = `store${path.sep}`

async function sources(): Promise<string[]> {
  const entries = await readdir(core, { recursive: true })
  return entries.filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.includes(`test-support${path.sep}`))
}

describe('the corpus store has one writer', () => {
  it('no module but library/annotations.ts calls update() on a store', async () => {
    const writers: string[] = []
    for (const file of await sources()) {
      if (file === WRITER || file.startsWith(STORE_FOLDER)) continue
      const text = await readFile(path.join(core, file), 'utf8')
      // `store.update(`, `corpusStore.update(`, `this.store.update(`: any name ending in store.
      text.split('\n').forEach((line, index) => {
        if (/store\??\.update\(/i.test(line)) writers.push(`${file}:${index + 1}: ${line.trim()}`)
      })
    }
    expect(writers).toEqual([])
  })

  it('finds the writer itself (the check is not looking at nothing)', async () => {
    const text = await readFile(path.join(core, WRITER), 'utf8')
    expect(text).toMatch(/this\.store\.update\(/)
    expect(await sources()).toContain(WRITER)
  })
})
