import { describe, expect, it } from 'vitest'
import { articleTags } from './export-model'
import { articleToMarkdown, inlineTagLine, inlineTags } from './markdown'

describe('tags in exports', () => {
  it.each([
    [['history'], ['#history']],
    [['Cold War', 'cold   war'], ['#Cold-War']],
    [['#ai'], ['#ai']],
    [['C++', 'what?'], ['#C', '#what']],
    [['1984'], ['#_1984']],
    [['Économie/Europe'], ['#Économie/Europe']],
    [['***'], []]
  ])('inlineTags(%j) → %j (as Obsidian reads tags in text)', (tags, out) => {
    expect(inlineTags(tags)).toEqual(out)
  })

  it('articleTags: topics first, then the user tags not already there in any case', () => {
    expect(articleTags(['Water', 'Seasons'], ['water', 'Floods'])).toEqual(['Water', 'Seasons', 'Floods'])
  })

  it('writes a highlight\'s tags as a line of #tags after the link and before its note', () => {
    const markdown = articleToMarkdown(
      {
        title: 'T',
        source: null,
        url: null,
        published: null,
        tags: [],
        note: '',
        highlights: [{ id: 'h1', quote: 'Quoted words.', note: 'My note.', color: 'yellow', position: 0, link: 'gloss://open?x=1', tags: ['history', 'Cold War'] }]
      },
      '2024-01-01T00:00:00.000Z'
    )
    expect(markdown).toContain('> Quoted words.\n\n^hl-h1\n\n[Open in Gloss](gloss://open?x=1)\n\n#history #Cold-War\n\nMy note.\n')
    expect(inlineTagLine([])).toBe('')
  })
})
