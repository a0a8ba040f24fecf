import { describe, expect, it } from 'vitest'
import { documentBody, parseDocument, type ArticleFormat } from './parse-file'

// Opening an article takes only its body (documentBody); it must be the body the scan's
// parseDocument gives for the same file, or highlights would land in another text.
const cases: Array<[string, string, ArticleFormat]> = [
  ['front matter and a heading', '---\ntitle: Tides\n---\n# Tides\n\nLow water at noon.\n', 'markdown'],
  ['no front matter', '# Bees\n\nA hive keeps warm.\n\n\n', 'markdown'],
  ['front matter only', '---\ntitle: Only metadata\nurl: https://example.org\n---\n', 'markdown'],
  ['plain text, first line the title', 'Orchard Diaries\n\nApples were counted twice.\n', 'text'],
  ['plain text whose title line differs from the front matter', '---\ntitle: Ledger\n---\nA different first line\n\nBody.\n', 'text'],
  ['plain text repeating the front matter title', '---\ntitle: Ledger\n---\nLedger\n\nBody.\n', 'text'],
  ['broken front matter', '---\ntitle: [unclosed\n---\nbody\n', 'markdown'],
  ['empty', '   \n', 'markdown']
]

describe('documentBody', () => {
  it.each(cases)('%s: the body parseDocument gives', (_name, text, format) => {
    const parsed = parseDocument({ path: 'a.md', text, format, encodingNote: null })
    expect(documentBody({ text, format })).toBe(parsed.ok ? parsed.document.body : '')
  })
})
