import yaml from 'js-yaml'
import type { Nodes } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { describe, expect, it } from 'vitest'
import { articleTags } from './export-model'
import { articleToMarkdown, corpusToMarkdown, type MarkdownArticle } from './markdown'
import { frontMatterTags, inlineTagLine, inlineTags, obsidianTag, obsidianTagger } from './tags-export'

/**
 * Obsidian's tag rules, stated independently of the code under test (help.obsidian.md,
 * "Tags"): letters of any script, digits, emoji, `_`, `-`, `/`; at least one character
 * that is not a digit; no spaces or other punctuation.
 */
function obsidianAccepts(tag: string): boolean {
  const chars = /^[\p{L}\p{M}\p{N}_\-/\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f\u20e3]+$/u
  return chars.test(tag) && !/^\p{N}+$/u.test(tag)
}

const article = (tags: string[], highlightTags: string[][] = []): MarkdownArticle => ({
  title: 'Tags',
  source: null,
  url: null,
  published: null,
  tags,
  note: '',
  highlights: highlightTags.map((t, i) => ({ id: `h${i}`, quote: `Quote ${i}.`, note: '', color: 'yellow', position: i, tags: t }))
})

const frontMatterOf = (markdown: string): Record<string, unknown> => yaml.load(markdown.split('\n---\n')[0].replace(/^---\n/, '')) as Record<string, unknown>

describe('one Obsidian tag mapping', () => {
  it.each([
    ['history', 'history'],
    ['Cold War', 'Cold-War'],
    ['#ai', 'ai'],
    ['C++', 'C-plus-plus'],
    ['C#', 'C-sharp'],
    ['C++-&-Rust', 'C-plus-plus-and-Rust'],
    ['AT&T', 'AT-and-T'],
    ['what?', 'what'],
    ['1984', '_1984'],
    ['2024/05', '2024/05'],
    ['Économie/Europe', 'Économie/Europe'],
    ['history//cold war/', 'history/cold-war'],
    ['emoji🌊', 'emoji🌊'],
    ['🌊', '🌊'],
    ['👩🏽‍🔬 science', '👩🏽‍🔬-science'],
    ['中文标签', '中文标签'],
    ['हिन्दी', 'हिन्दी'],
    ['русский язык', 'русский-язык'],
    ['snake_case', 'snake_case'],
    ['"quoted" (maybe)', 'quoted-maybe'],
    ['***', null],
    ['   ', null]
  ])('obsidianTag(%j) → %j', (tag, expected) => {
    const out = obsidianTag(tag)
    expect(out).toBe(expected)
    if (out !== null) expect(obsidianAccepts(out), out).toBe(true)
  })

  it('keeps everything Obsidian accepts exactly as written', () => {
    for (const tag of ['emoji🌊', 'Économie/Europe', 'a_b-c/d', '東京', 'x1984', '🇩🇪flag', 'keycap1️⃣']) expect(obsidianTag(tag)).toBe(tag)
  })

  it.each([
    [['C++', 'C'], ['C-plus-plus', 'C']],
    [['what?', 'what'], ['what-', 'what']],
    [['1984', '_1984'], ['_1984-', '_1984']],
    [['Cold War', 'Cold-War'], ['Cold-War-', 'Cold-War']],
    [['History', 'history'], ['History']]
  ])('never merges distinct tags of one document: %j → %j', (tags, expected) => {
    const out = frontMatterTags(tags)
    expect(out).toHaveLength(expected.length)
    out.forEach((tag, i) => (expected[i].endsWith('-') ? expect(tag).toMatch(new RegExp(`^${expected[i].replace(/[+]/g, '\\+')}[0-9a-z]{4}$`)) : expect(tag).toBe(expected[i])))
    for (const tag of out) expect(obsidianAccepts(tag)).toBe(true)
    // Distinct in Obsidian's eyes (which ignores case) exactly when distinct in Gloss's.
    expect(new Set(out.map((t) => t.toLowerCase())).size).toBe(out.length)
  })

  it('the suffix of a colliding tag is stable: the same tag, the same name', () => {
    expect(obsidianTagger(['what?', 'what'])('what?')).toBe(obsidianTagger(['what', 'what?', 'other'])('what?'))
  })

  it('inline and front matter tags agree in one file, for article and highlight tags alike', () => {
    const markdown = articleToMarkdown(article(['1984', 'C++', 'emoji🌊', 'Cold War'], [['C'], ['1984', 'C++']]), '2024-01-01T00:00:00.000Z')
    const front = frontMatterOf(markdown)
    expect(front.tags).toEqual(['_1984', 'C-plus-plus', 'emoji🌊', 'Cold-War'])
    expect(markdown).toContain('\n\n#C\n\n')
    expect(markdown.endsWith('\n\n#_1984 #C-plus-plus\n')).toBe(true)
    for (const tag of front.tags as string[]) expect(obsidianAccepts(tag)).toBe(true)
  })

  it('inlineTags / inlineTagLine write `#` + the same names', () => {
    expect(inlineTags(['history', 'Cold War', 'cold   war'])).toEqual(['#history', '#Cold-War'])
    expect(inlineTagLine(['C++', '1984'])).toBe('#C-plus-plus #_1984')
    expect(inlineTagLine([])).toBe('')
  })

  it('the single-file export carries every article\'s topics and tags, as tags of the document', () => {
    const markdown = corpusToMarkdown([article(['Water Management', 'C++'], [['C']])], '2024-01-01T00:00:00.000Z', 'Clippings')
    expect(markdown).toContain('## Tags\n\n#Water-Management #C-plus-plus\n\n> Quote 0.')
  })

  it('tag lines stay paragraphs of tags for a GFM parser (never headings), every tag whole', () => {
    const markdown = corpusToMarkdown([article(['1984', 'C++', 'emoji🌊', 'Cold War', 'history/cold war'], [['#C', 'what?']])], '2024-01-01T00:00:00.000Z', 'Clippings')
    const tree = fromMarkdown(markdown.split('\n---\n').slice(1).join('\n---\n'), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
    const text = (node: Nodes): string => ('value' in node ? String(node.value) : 'children' in node ? (node.children as Nodes[]).map(text).join('') : '')
    const headings = tree.children.filter((n) => n.type === 'heading').map(text)
    expect(headings).toEqual(['Clippings', 'Tags'])
    const tagLines = tree.children.filter((n) => n.type === 'paragraph' && text(n).startsWith('#')).map(text)
    expect(tagLines).toEqual(['#_1984 #C-plus-plus #emoji🌊 #Cold-War #history/cold-war', '#C #what'])
    // Obsidian's tag pattern in text: `#` then tag characters up to a space or the end.
    for (const line of tagLines) for (const tag of line.split(' ')) expect(obsidianAccepts(tag.slice(1))).toBe(true)
  })

  it('articleTags: topics first, then the user tags not already there in any case', () => {
    expect(articleTags(['Water', 'Seasons'], ['water', 'Floods'])).toEqual(['Water', 'Seasons', 'Floods'])
  })

  it("writes a highlight's tags as a line of #tags after the link and before its note", () => {
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
  })
})
