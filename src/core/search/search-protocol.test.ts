import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SearchIndex } from './search-index'
import { applyCommand } from './search-protocol'

let base: string
beforeEach(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'gloss-search-protocol-'))
  mkdirSync(path.join(base, 'corpus'))
})
afterEach(() => rmSync(base, { recursive: true, force: true }))

describe('save', () => {
  // The index is never written into the corpus, and a child folder named `..notes` is in it.
  it.each([
    ['a data folder beside the corpus', 'data/search/i.json', true],
    ['a data folder in the corpus', 'corpus/.gloss/i.json', false],
    ['a data folder in a corpus folder named ..notes', 'corpus/..notes/i.json', false]
  ])('%s: written %s', (_, relative, written) => {
    const index = new SearchIndex()
    index.dirty = true
    const file = path.join(base, relative)
    const reply = applyCommand(index, { type: 'save', id: 1, root: path.join(base, 'corpus'), file })
    expect(reply).toEqual({ id: 1, saved: written })
    expect(existsSync(file)).toBe(written)
  })
})
