import { describe, expect, it } from 'vitest'
import { kindOf } from './walk'

describe('kindOf', () => {
  it.each([
    ['article.md', 'markdown'],
    ['ARTICLE.MD', 'markdown'],
    ['article.markdown', 'markdown'],
    ['article.txt', 'text'],
    ['000_3def38c6b50b6aed', 'sniff'],
    ['Mr. Smith goes to town', 'sniff'],
    ['notes.org', 'sniff'],
    ['cover.png', null],
    ['paper.pdf', null],
    ['settings.yaml', null],
    ['data.json', null],
    ['page.html', 'html'],
    ['Page.HTM', 'html'],
    ['page.xhtml', 'html']
  ])('%s → %s', (name, kind) => {
    expect(kindOf(name)).toBe(kind)
  })
})
