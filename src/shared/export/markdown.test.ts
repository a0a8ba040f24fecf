import yaml from 'js-yaml'
import type { Nodes, Root, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { describe, expect, it } from 'vitest'
import { articleToMarkdown, corpusToMarkdown, exportFileName, type ExportArticle, type ExportHighlight } from './markdown'
import { parseGlossLink } from './gloss-link'
import { escapeInline } from './markdown-escape'
import { BRIDGE_ID, linkFor, RIVER_ID } from './test-support/fixtures'

const EXPORTED = '2024-06-01T09:30:00.000Z'

// ---------------------------------------------------------------- fixtures (our own text)

const riverArticle: ExportArticle = {
  title: 'Rivers: a "field" guide to floods #3',
  source: 'The Lowland Courier',
  url: 'https://courier.example/2023/rivers_floods?part=3&lang=en',
  published: '2023-11-05T07:15:00Z',
  author: 'Ana Lima, Bo Chen',
  tags: ['Climate', 'Water Management', '#infrastructure'],
  note: 'Useful for the **chapter on levees**. Compare with [the 1953 report](https://archive.example/1953).',
  highlights: [
    {
      id: 'c0ffee01-9f1e-4c55-8d2a-5b7e0e1a2b3c',
      quote: 'Engineers call it the *100-year* flood_line, but the river has not read the [manual].',
      note: '',
      color: 'pink',
      position: 940,
      link: linkFor(RIVER_ID, 'c0ffee01-9f1e-4c55-8d2a-5b7e0e1a2b3c')
    },
    {
      id: '5eedbeef-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
      quote: 'The gauge at the old mill read 4.2 m.\nBy noon it read 5.1 m — a record.\n\n# Not a heading, just a sign on the wall: "HIGH WATER > 5 m"',
      note: 'Two readings four hours apart.\n\nCheck whether the gauge was *recalibrated* after 2010.',
      color: 'yellow',
      position: 120,
      link: linkFor(RIVER_ID, '5eedbeef-1a2b-4c3d-8e9f-0a1b2c3d4e5f')
    },
    {
      id: 'a11ce5ed-0000-4000-8000-000000000001',
      quote: '1. Close the sluice gates | 2. Warn the farms <before> dusk & sandbag the `east` bank\\ \n- then wait',
      note: 'A checklist, quoted as the article printed it.',
      color: 'green',
      position: 610,
      link: linkFor(RIVER_ID, 'a11ce5ed-0000-4000-8000-000000000001')
    }
  ]
}

const noteOnlyArticle: ExportArticle = {
  title: 'Notes on the harbour tender',
  source: null,
  url: null,
  published: null,
  tags: [],
  note: 'Nothing to quote yet; the interesting part is what the tender *leaves out*:\n\n- dredging costs\n- who pays for the new quay',
  highlights: []
}

const untouchedArticle: ExportArticle = {
  title: 'An article nobody annotated',
  source: 'Somewhere',
  url: 'https://somewhere.example/',
  published: '2022-01-01',
  tags: ['ignored'],
  note: '   \n',
  highlights: []
}

const bridgeArticle: ExportArticle = {
  title: 'The bridge that sings',
  source: 'Civil Works Weekly',
  url: 'https://civil.example/bridge (draft)',
  published: '2021-08-30',
  tags: ['Engineering'],
  note: '',
  highlights: [
    {
      id: 'b41d9e00-7777-4000-8000-000000000002',
      quote: 'At wind speeds above 60 km/h the cables hum a low C#.',
      note: 'Ask the acoustics lab about this.',
      color: 'blue',
      position: 33,
      link: linkFor(BRIDGE_ID, 'b41d9e00-7777-4000-8000-000000000002')
    }
  ]
}

// ---------------------------------------------------------------- parsing helpers

const parseCommonMark = (markdown: string): Root => fromMarkdown(markdown)
const parseGfm = (markdown: string): Root => fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })

function splitFrontMatter(markdown: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown)
  if (!match) throw new Error('no front matter')
  return { data: yaml.load(match[1]) as Record<string, unknown>, body: markdown.slice(match[0].length) }
}

/**
 * The text a reader sees: blocks joined by "\n\n" (the article text model's separator),
 * inline text concatenated. Anything that is not plain text is made visible so that a
 * comparison fails loudly.
 */
function plain(node: Nodes): string {
  switch (node.type) {
    case 'text':
      return node.value
    case 'break':
      return '⟨break⟩'
    case 'html':
      return `⟨html ${node.value}⟩`
    case 'inlineCode':
      return `⟨code ${node.value}⟩`
    case 'root':
    case 'blockquote':
    case 'listItem':
      return node.children.map(plain).join('\n\n')
    default:
      return 'children' in node ? (node.children as Nodes[]).map(plain).join('') : `⟨${node.type}⟩`
  }
}

function nodeTypes(node: Nodes, into = new Set<string>()): Set<string> {
  into.add(node.type)
  if ('children' in node) for (const child of node.children as Nodes[]) nodeTypes(child, into)
  return into
}

/** Top-level blocks after the front matter, as short labels. */
function outline(root: Root): string[] {
  return root.children.map((node: RootContent) => {
    if (node.type === 'heading') return `h${node.depth}`
    if (node.type === 'paragraph' && /^\^hl-[A-Za-z0-9-]+$/.test(plain(node))) return 'id'
    if (node.type === 'paragraph' && node.children.length === 1 && node.children[0].type === 'link' && node.children[0].url.startsWith('gloss:')) return 'link'
    return node.type
  })
}

const oneHighlight = (quote: string, extra: Partial<ExportHighlight> = {}): ExportArticle => ({
  ...noteOnlyArticle,
  title: 'T',
  note: '',
  highlights: [{ id: 'abcdef0123456789', quote, note: '', color: 'yellow', position: 0, ...extra }]
})

// ---------------------------------------------------------------- golden files

describe('golden files', () => {
  it('an article with three highlights', async () => {
    await expect(articleToMarkdown(riverArticle, EXPORTED)).toMatchFileSnapshot('./golden/article-with-highlights.md')
  })

  it('an article with only a note', async () => {
    await expect(articleToMarkdown(noteOnlyArticle, EXPORTED)).toMatchFileSnapshot('./golden/article-note-only.md')
  })

  it('a corpus of two annotated articles (the untouched one is left out)', async () => {
    const markdown = corpusToMarkdown([riverArticle, untouchedArticle, bridgeArticle], EXPORTED, 'Clippings: 2023')
    await expect(markdown).toMatchFileSnapshot('./golden/corpus.md')
  })
})

// ---------------------------------------------------------------- parsed back

describe('article export, parsed back', () => {
  const markdown = articleToMarkdown(riverArticle, EXPORTED)
  const { data, body } = splitFrontMatter(markdown)

  it('front matter parses back to the same values (tags made Obsidian-safe, dates in Obsidian\'s property formats)', () => {
    expect(data).toEqual({
      title: riverArticle.title,
      aliases: [riverArticle.title],
      author: 'Ana Lima, Bo Chen',
      source: riverArticle.source,
      url: riverArticle.url,
      // Date & time: no zone, no fraction (the wall clock the file wrote).
      published: '2023-11-05T07:15:00',
      exported: '2024-06-01T09:30:00',
      tags: ['Climate', 'Water-Management', 'infrastructure']
    })
  })

  it('writes authors as [[links]] when asked', () => {
    const linked = splitFrontMatter(articleToMarkdown(riverArticle, EXPORTED, { authorLinks: true })).data
    expect(linked.author).toEqual(['[[Ana Lima]]', '[[Bo Chen]]'])
  })

  it('writes the export time in the export\'s time zone', () => {
    expect(splitFrontMatter(articleToMarkdown(riverArticle, EXPORTED, { timeZone: 'America/New_York' })).data.exported).toBe('2024-06-01T05:30:00')
  })

  it.each([
    ['CommonMark', parseCommonMark],
    ['GFM', parseGfm]
  ])('%s: title, note, then per highlight in reading order: quote, block id, note', (_name, parse) => {
    const tree = parse(body)
    expect(outline(tree)).toEqual(['h1', 'paragraph', 'blockquote', 'id', 'link', 'paragraph', 'paragraph', 'blockquote', 'id', 'link', 'paragraph', 'blockquote', 'id', 'link'])
    expect(plain(tree.children[0])).toBe(riverArticle.title)

    const byPosition = [...riverArticle.highlights].sort((a, b) => a.position - b.position)
    const quotes = tree.children.filter((n) => n.type === 'blockquote')
    expect(quotes.map(plain)).toEqual(byPosition.map((h) => h.quote))
    const ids = tree.children.filter((_n, i) => outline(tree)[i] === 'id').map(plain)
    expect(ids).toEqual(byPosition.map((h) => `^hl-${h.id.slice(0, 8)}`))
  })

  it('notes are the user’s Markdown: emphasis and links render as such', () => {
    const tree = parseGfm(body)
    const articleNote = tree.children[1]
    expect(nodeTypes(articleNote)).toEqual(new Set(['paragraph', 'text', 'strong', 'link']))
    expect(plain(articleNote)).toBe('Useful for the chapter on levees. Compare with the 1953 report.')
    const recalibrated = tree.children[6]
    expect(nodeTypes(recalibrated)).toContain('emphasis')
    expect(plain(recalibrated)).toBe('Check whether the gauge was recalibrated after 2010.')
  })

  it('keeps ">" on every line of a multi-line quote, and ">" alone on its blank lines', () => {
    expect(markdown).toContain(
      '> The gauge at the old mill read 4.2 m.\n> By noon it read 5.1 m — a record.\n>\n> \\# Not a heading, just a sign on the wall: "HIGH WATER > 5 m"\n\n^hl-5eedbeef'
    )
  })

  it('links each highlight back to Gloss right after its block id, so the id still names the quote', () => {
    const tree = parseGfm(body)
    const links = tree.children.flatMap((node, i) => {
      if (outline(tree)[i] !== 'link' || node.type !== 'paragraph' || node.children[0].type !== 'link') return []
      expect(outline(tree)[i - 1]).toBe('id')
      expect(outline(tree)[i - 2]).toBe('blockquote')
      return [{ text: plain(node), target: parseGlossLink(node.children[0].url) }]
    })
    const byPosition = [...riverArticle.highlights].sort((a, b) => a.position - b.position)
    expect(links).toEqual(byPosition.map((h) => ({ text: 'Open in Gloss', target: { corpus: '/home/reader/Clippings (2023)', article: RIVER_ID, highlight: h.id } })))
  })

  it('percent-encodes a link that would break out of its parentheses', () => {
    const markdown = articleToMarkdown(oneHighlight('q', { link: 'gloss://open?corpus=/a (b)&article=x y' }), EXPORTED)
    expect(markdown).toContain('[Open in Gloss](gloss://open?corpus=/a%20%28b%29&article=x%20y)')
  })

  it('ends with exactly one newline and has no trailing spaces', () => {
    expect(markdown.endsWith('\n')).toBe(true)
    expect(markdown.endsWith('\n\n')).toBe(false)
    expect(markdown).not.toMatch(/[ \t]$/m)
  })
})

// ---------------------------------------------------------------- nasty quotes

const NASTY_QUOTES: string[] = [
  '*stars*',
  '**bold** and ***both***',
  '_under_ and __double__',
  'a * b * c and 2*3*4',
  '`code` and ``double``',
  '# not a heading',
  '###### nor this',
  '#hashtag in the middle of #text',
  '1. not a list',
  '2) nor this',
  '1986. A good year for rivers',
  '- not a bullet',
  '+ nor this',
  '* nor this',
  '- [ ] not a task',
  '[link](x)',
  '![image](y.png)',
  '[[Wiki Link]] and [[Other|alias]]',
  '[ref]: https://example.com',
  'a footnote[^1] and an inline one ^[note]',
  '<script>x</script>',
  '<img src=x onerror=alert(1)>',
  '<!-- not a comment -->',
  '<https://example.com> and <me@example.com>',
  'a | b',
  '| a | b |\n| --- | --- |\n| 1 | 2 |',
  'back\\slash',
  'ends with a backslash\\',
  'a\\\nb',
  '\\*already escaped\\*',
  '> nested',
  '>> deeper',
  '---',
  '***',
  '___',
  '- - -',
  'Title\n===',
  'Title\n---',
  'Title\n=',
  '```\nfenced\n```',
  '~~~',
  '~~strike~~',
  '==highlight==',
  '%%comment%%',
  '$E = mc^2$ and $$x$$',
  'block id at the end ^abc123',
  'trailing spaces   ',
  'two trailing spaces make a break  \nnext line',
  '   leading spaces',
  '    four spaces would be code',
  '\tleading tab',
  'trailing tab\t',
  'emoji 🎉👩‍🔬 and ünïcödé',
  'AT&amp;T &copy; &#35; &#x23; and Q&A',
  'https://example.com/a_b_c?x=*1*&y=[2]',
  'see www.example.com/under_score',
  'write to first_last@example.com',
  'line one\nline two\nline three',
  'para one\n\npara two',
  'three\n\n\nnewlines',
  'four\n\n\n\nnewlines',
  '\nleading newline',
  '\n\nleading blank line',
  'trailing newline\n',
  'trailing blank line\n\n',
  'a\n   \nb',
  'CR\rand CRLF\r\nline',
  '>',
  '&',
  'x\u00a0y',
  ':smile: {curly} (paren) "quotes" \'single\' !bang',
  '\\',
  '*'
]

describe('quotes survive a Markdown parser exactly', () => {
  it.each(NASTY_QUOTES.map((q) => [JSON.stringify(q), q]))('%s', (_label, quote) => {
    const markdown = articleToMarkdown(oneHighlight(quote), EXPORTED)
    const { body } = splitFrontMatter(markdown)
    for (const [name, parse, allowed] of [
      ['CommonMark', parseCommonMark, ['blockquote', 'paragraph', 'text']],
      // GFM may link a URL it finds in the decoded text; the text stays the same.
      ['GFM', parseGfm, ['blockquote', 'paragraph', 'text', 'link']]
    ] as const) {
      const tree = parse(body)
      expect(outline(tree), name).toEqual(['h1', 'blockquote', 'id'])
      const blockquote = tree.children[1]
      expect(plain(blockquote), name).toBe(quote)
      expect([...nodeTypes(blockquote)].filter((t) => !(allowed as readonly string[]).includes(t)), name).toEqual([])
    }
  })

  it.each([
    ['==highlight==', '\\=\\=highlight\\=\\='],
    ['%%comment%%', '\\%\\%comment\\%\\%'],
    ['$5 and $6', '\\$5 and \\$6'],
    ['#tag', '\\#tag'],
    ['end ^abc123', 'end \\^abc123'],
    ['https://x.example', 'https\\://x.example'],
    ['www.x.example', 'www\\.x.example'],
    ['a = b, 50% off', 'a = b, 50% off'],
    ['plain words, commas. And stops!', 'plain words, commas. And stops!']
  ])('escapes Obsidian-only syntax, and only that: %s', (text, expected) => {
    expect(escapeInline(text)).toBe(expected)
  })
})

// ---------------------------------------------------------------- notes

describe('notes', () => {
  const twoHighlights = (firstNote: string): ExportArticle => ({
    ...oneHighlight('first quote', { note: firstNote }),
    highlights: [
      { id: '11111111-a', quote: 'first quote', note: firstNote, color: 'yellow', position: 0 },
      { id: '22222222-b', quote: 'second quote', note: '', color: 'blue', position: 50 }
    ]
  })

  it.each([
    {
      case: 'Markdown kept as written',
      note: 'This is **important**, see [the docs](https://docs.example) and [[Related Note]].',
      contains: 'This is **important**, see [the docs](https://docs.example) and [[Related Note]].',
      outline: ['h1', 'blockquote', 'id', 'paragraph', 'blockquote', 'id']
    },
    {
      case: 'a list and a paragraph',
      note: '- one\n- two\n\nthen prose',
      contains: '- one\n- two\n\nthen prose',
      outline: ['h1', 'blockquote', 'id', 'list', 'paragraph', 'blockquote', 'id']
    },
    {
      case: 'an unclosed code fence is closed',
      note: 'Snippet:\n\n```js\nconst level = 5.1',
      contains: '```js\nconst level = 5.1\n```',
      outline: ['h1', 'blockquote', 'id', 'paragraph', 'code', 'blockquote', 'id']
    },
    {
      case: 'an unclosed tilde fence is closed with tildes',
      note: '~~~~\nraw',
      contains: '~~~~\nraw\n~~~~',
      outline: ['h1', 'blockquote', 'id', 'code', 'blockquote', 'id']
    },
    {
      case: 'a closed fence is left alone',
      note: '```\ncode\n```',
      contains: '```\ncode\n```\n\n> second quote',
      outline: ['h1', 'blockquote', 'id', 'code', 'blockquote', 'id']
    },
    {
      case: 'an unclosed HTML comment is shown as text',
      note: '<!-- draft, more later',
      contains: '\\<!-- draft, more later',
      outline: ['h1', 'blockquote', 'id', 'paragraph', 'blockquote', 'id']
    },
    {
      case: 'an unclosed <script> block is shown as text',
      note: '<script>\nalert(1)',
      contains: '\\<script>\nalert(1)',
      outline: ['h1', 'blockquote', 'id', 'paragraph', 'blockquote', 'id']
    },
    {
      case: 'a closed HTML comment is the user’s own',
      note: 'visible\n\n<!-- hidden -->',
      contains: 'visible\n\n<!-- hidden -->',
      outline: ['h1', 'blockquote', 'id', 'paragraph', 'html', 'blockquote', 'id']
    },
    {
      case: 'a trailing ^hl- id cannot clash with Gloss’s',
      note: 'see above ^hl-22222222',
      contains: 'see above \\^hl-22222222',
      outline: ['h1', 'blockquote', 'id', 'paragraph', 'blockquote', 'id']
    },
    {
      case: 'the user’s own block ids are kept',
      note: 'my paragraph ^my-id',
      contains: 'my paragraph ^my-id',
      outline: ['h1', 'blockquote', 'id', 'paragraph', 'blockquote', 'id']
    },
    {
      case: 'Windows line endings and surrounding blank lines are tidied',
      note: '\r\n\r\nfirst\r\nsecond\r\n\r\n',
      contains: '^hl-11111111\n\nfirst\nsecond\n\n> second quote',
      outline: ['h1', 'blockquote', 'id', 'paragraph', 'blockquote', 'id']
    },
    {
      case: 'a whitespace-only note is no note',
      note: ' \n\t\n',
      contains: '^hl-11111111\n\n> second quote',
      outline: ['h1', 'blockquote', 'id', 'blockquote', 'id']
    }
  ])('$case', ({ note, contains, outline: expected }) => {
    const markdown = articleToMarkdown(twoHighlights(note), EXPORTED)
    expect(markdown).toContain(contains)
    const tree = parseGfm(splitFrontMatter(markdown).body)
    expect(outline(tree)).toEqual(expected)
    const quotes = tree.children.filter((n) => n.type === 'blockquote').map(plain)
    expect(quotes).toEqual(['first quote', 'second quote'])
    expect(markdown.match(/^\^hl-/gm)).toHaveLength(2)
  })
})

// ---------------------------------------------------------------- structure

describe('structure', () => {
  it('writes highlights in reading order, ties broken by id', () => {
    const markdown = articleToMarkdown(
      {
        ...noteOnlyArticle,
        note: '',
        highlights: [
          { id: 'ccc', quote: 'third', note: '', color: 'yellow', position: 30 },
          { id: 'bbb', quote: 'second', note: '', color: 'yellow', position: 10 },
          { id: 'aaa', quote: 'first', note: '', color: 'yellow', position: 10 },
          { id: 'zzz', quote: 'orphan', note: '', color: 'yellow', position: Number.MAX_SAFE_INTEGER }
        ]
      },
      EXPORTED
    )
    const quotes = parseGfm(splitFrontMatter(markdown).body).children.filter((n) => n.type === 'blockquote').map(plain)
    expect(quotes).toEqual(['first', 'second', 'third', 'orphan'])
  })

  it('keeps block ids unique when highlight ids share their first 8 characters', () => {
    const markdown = corpusToMarkdown(
      [
        { ...bridgeArticle, highlights: [{ id: '0190a1b2-aaaa', quote: 'one', note: '', color: 'yellow', position: 1 }] },
        {
          ...riverArticle,
          highlights: [
            { id: '0190a1b2-bbbb', quote: 'two', note: '', color: 'yellow', position: 1 },
            { id: '0190a1b2-aaaa', quote: 'three', note: '', color: 'yellow', position: 2 },
            { id: 'odd_id!with?chars', quote: 'four', note: '', color: 'yellow', position: 3 },
            { id: '0190a1b2-aaaa', quote: 'five', note: '', color: 'yellow', position: 4 },
            { id: 'ab', quote: 'six', note: '', color: 'yellow', position: 5 },
            { id: 'ab', quote: 'seven', note: '', color: 'yellow', position: 6 }
          ]
        }
      ],
      EXPORTED,
      'c'
    )
    const ids = markdown.match(/^\^hl-.+$/gm)
    expect(ids).toEqual(['^hl-0190a1b2', '^hl-0190a1b2b', '^hl-0190a1b2a', '^hl-oddidwit', '^hl-0190a1b2aa', '^hl-ab', '^hl-ab-2'])
    for (const id of ids ?? []) expect(id).toMatch(/^\^[A-Za-z0-9-]+$/)
  })

  it.each([
    { case: 'colons and quotes', value: 'Rivers: "a guide"' },
    { case: 'leading dash', value: '- not a list' },
    { case: 'leading hash', value: '# not a comment' },
    { case: 'leading at', value: '@handle' },
    { case: 'leading bang and ampersand', value: '!tag &anchor *alias' },
    { case: 'a boolean word', value: 'yes' },
    { case: 'null', value: 'null' },
    { case: 'a date', value: '2024-01-01' },
    { case: 'a number', value: '0123' },
    { case: 'newlines', value: 'line one\nline two\n' },
    { case: 'tabs and backslashes', value: 'a\tb\\c' },
    { case: 'braces and brackets', value: '{a: [1, 2]}' },
    { case: 'control characters', value: 'bell\u0007 del\u007f nel\u0085 ls\u2028' },
    { case: 'emoji', value: '🌊 flood' },
    { case: 'front matter fence', value: '---' }
  ])('front matter keeps $case', ({ value }) => {
    const markdown = articleToMarkdown({ ...riverArticle, title: value, source: value, author: value, tags: [value.replace(/\s/g, '_')] }, EXPORTED)
    const { data } = splitFrontMatter(markdown)
    // A title's surrounding whitespace means nothing; everything else is kept.
    expect(data.title).toBe(value.trim())
    expect(data.aliases).toEqual([value.trim().replace(/\s*[\r\n]+\s*/g, ' ')])
    expect(data.source).toBe(value)
    expect(String(data.author)).toBe(value.replace(/\s*[\r\n]+\s*/g, ' ').trim())
    expect(data.exported).toBe('2024-06-01T09:30:00')
    // Tags come back as text Obsidian accepts as a tag (or not at all when nothing of it could be one).
    for (const tag of (data.tags as unknown[] | undefined) ?? []) {
      expect(typeof tag).toBe('string')
      expect(tag).toMatch(/^(?!\p{N}+$)[\p{L}\p{M}\p{N}_\-/\p{Extended_Pictographic}\u200d\ufe0f]+$/u)
    }
  })

  it('leaves absent values out of the front matter instead of writing null', () => {
    const { data } = splitFrontMatter(articleToMarkdown(noteOnlyArticle, EXPORTED))
    expect(data).toEqual({ title: 'Notes on the harbour tender', aliases: ['Notes on the harbour tender'], exported: '2024-06-01T09:30:00' })
  })

  it('puts the title on one line in the heading and falls back to "Untitled"', () => {
    expect(articleToMarkdown({ ...noteOnlyArticle, title: 'Two\nlines' }, EXPORTED)).toContain('\n# Two lines\n')
    expect(articleToMarkdown({ ...noteOnlyArticle, title: '  ' }, EXPORTED)).toContain('title: "Untitled"\n')
  })
})

describe('corpus export', () => {
  const markdown = corpusToMarkdown([riverArticle, untouchedArticle, bridgeArticle], EXPORTED, 'Clippings: 2023')
  const { data, body } = splitFrontMatter(markdown)
  const tree = parseGfm(body)

  it('has one front matter for the export and a section per annotated article', () => {
    expect(data).toEqual({ title: 'Clippings: 2023', exported: '2024-06-01T09:30:00' })
    const headings = tree.children.filter((n) => n.type === 'heading').map((n) => [n.type === 'heading' && n.depth, plain(n)])
    expect(headings).toEqual([
      [1, 'Clippings: 2023'],
      [2, riverArticle.title],
      [2, bridgeArticle.title]
    ])
    expect(markdown).not.toContain(untouchedArticle.title)
  })

  it('gives each article a metadata line with source, date and a link', () => {
    const riverMeta = tree.children[2]
    expect(plain(riverMeta)).toBe('The Lowland Courier · Ana Lima, Bo Chen · 2023-11-05T07:15:00Z · courier.example')
    const link = riverMeta.type === 'paragraph' ? riverMeta.children.find((n) => n.type === 'link') : undefined
    expect(link?.type === 'link' && link.url).toBe(riverArticle.url)
    // A space and parentheses in the URL are percent-encoded so the link holds together.
    expect(markdown).toContain('[civil.example](https://civil.example/bridge%20%28draft%29)')
  })

  it('shows a URL that is not http(s) as text, never as a link', () => {
    const unsafe = corpusToMarkdown([{ ...bridgeArticle, url: 'javascript:alert(1)' }], EXPORTED, 'c')
    const meta = parseGfm(splitFrontMatter(unsafe).body).children[2]
    expect(nodeTypes(meta)).not.toContain('link')
    expect(plain(meta)).toContain('javascript:alert(1)')
  })

  it('says so when nothing is annotated', () => {
    expect(corpusToMarkdown([untouchedArticle], EXPORTED, 'Empty')).toContain('\n# Empty\n\nNo highlights or notes yet.\n')
  })
})

describe('exportFileName', () => {
  it.each([
    ['Rivers: a "field" guide', 'Rivers a field guide.md'],
    ['a/b\\c', 'a b c.md'],
    ['What? <Really> *now* | then', 'What Really now then.md'],
    ['Links #1 ^x [y]', 'Links 1 x y.md'],
    ['  ...dots and spaces...  ', 'dots and spaces.md'],
    ['CON', 'CON notes.md'],
    ['nul.txt', 'nul.txt notes.md'],
    ['', 'Untitled.md'],
    ['\u0000\u0001', 'Untitled.md'],
    ['Über die Brücke 🌉', 'Über die Brücke 🌉.md'],
    ['line\nbreak', 'line break.md'],
    // Direction overrides and invisible characters are removed (issue 13): U+202E would
    // show "Invoice \u202egpj.md" as "Invoice dm.jpg".
    ['Invoice \u202egpj', 'Invoice gpj.md'],
    ['\u2066isolated\u2069 \u202aembedded\u202c', 'isolated embedded.md'],
    ['zero\u200bwidth\ufeff', 'zerowidth.md'],
    ['\u200f\u200e', 'Untitled.md']
  ])('%j → %j', (title, expected) => {
    expect(exportFileName(title)).toBe(expected)
  })

  it.each([
    ['a 120-character Chinese title', '河流'.repeat(60), 3],
    ['90 emoji', '🌊'.repeat(90), 4],
    ['90 family emoji (several code points each)', '👨‍👩‍👧'.repeat(90), 18],
    ['a long Latin title', 'Rivers and floods '.repeat(20), 1]
  ])('limits %s by UTF-8 bytes, leaving room for the extension and a counter, never splitting a character', (_case, title, bytesEach) => {
    for (const extension of ['.md', '.json', '.csv']) {
      const name = exportFileName(title, extension)
      const bytes = new TextEncoder().encode(name).length
      // 255 bytes is the name limit of ext4, APFS, btrfs…; a counter (" 9999999") still fits.
      expect(bytes + new TextEncoder().encode(' 9999999').length).toBeLessThanOrEqual(255)
      expect(name.endsWith(extension)).toBe(true)
      const stem = name.slice(0, -extension.length)
      expect(title.startsWith(stem)).toBe(true)
      // Whole characters only, and as many as fit (within one character's bytes of the room).
      expect(stem).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|\u200d$/)
      const room = Math.min(255 - 8 - extension.length, new TextEncoder().encode(title.trim()).length)
      const full = room - new TextEncoder().encode(stem).length <= bytesEach || Array.from(stem).length >= 99
      expect(full).toBe(true)
    }
  })

  it('a 120-character Chinese title is longer than the old 100-character cut allowed in bytes', () => {
    // The bug: 100 characters of CJK are 300 bytes, and writing the file failed (ENAMETOOLONG).
    expect(new TextEncoder().encode(exportFileName('河流'.repeat(60))).length).toBeLessThanOrEqual(247)
  })

  it.each([
    ['Notes %%hidden%% here', 'Notes hidden here.md'],
    ['50% off', '50% off.md'],
    ['a:b*c?d"e<f>g|h\\i/j#k^l[m]n', 'a b c d e f g h i j k l m n.md']
  ])('removes characters that break Obsidian links or file systems: %j → %j', (title, expected) => {
    expect(exportFileName(title)).toBe(expected)
  })
})
