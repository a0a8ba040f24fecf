import { describe, expect, it } from 'vitest'
import { Block } from '../../shared/model'
import { BLOCK_SEPARATOR, bodyToBlocks, markdownToBlocks, plainTextToBlocks, splitMarkdown, type TextModel } from './blocks'

/** The promises every text model keeps, whatever the input. */
function expectWellFormed(model: TextModel): void {
  expect(model.text).toBe(model.blocks.map((b) => b.text).join(BLOCK_SEPARATOR))
  for (const block of model.blocks) {
    expect(() => Block.parse(block)).not.toThrow()
    expect(model.text.slice(block.start, block.start + block.text.length)).toBe(block.text)
    expect(block.text.trim()).not.toBe('')
    for (const mark of block.marks) {
      expect(mark.start).toBeGreaterThanOrEqual(0)
      expect(mark.end).toBeGreaterThan(mark.start)
      expect(mark.end).toBeLessThanOrEqual(block.text.length)
    }
  }
}

/** The text each mark covers, for readable assertions. */
function marked(model: TextModel, blockIndex: number): Array<[string, string, string?]> {
  const block = model.blocks[blockIndex]
  return block.marks.map((m) => (m.href === undefined ? [m.type, block.text.slice(m.start, m.end)] : [m.type, block.text.slice(m.start, m.end), m.href]))
}

const shape = (model: TextModel) =>
  model.blocks.map((b) => {
    const out: Record<string, unknown> = { type: b.type, text: b.text }
    for (const key of ['level', 'ordered', 'index', 'depth', 'checked', 'align', 'ruleBefore', 'footnote'] as const) if (b[key] !== undefined) out[key] = b[key]
    return out
  })

describe('markdownToBlocks: block structure', () => {
  const cases: Array<{ name: string; markdown: string; blocks: Array<Record<string, unknown>> }> = [
    {
      name: 'ATX and setext headings keep their level',
      markdown: '# Harbour notes\n\nThe tide came in.\n\nLow water\n---------\n\n###### Footnote level',
      blocks: [
        { type: 'heading', text: 'Harbour notes', level: 1 },
        { type: 'paragraph', text: 'The tide came in.' },
        { type: 'heading', text: 'Low water', level: 2 },
        { type: 'heading', text: 'Footnote level', level: 6 }
      ]
    },
    {
      name: 'soft line endings reflow to spaces, hard breaks stay',
      markdown: 'The ferry left\nat dawn  \nand came back\\\nat dusk.',
      blocks: [{ type: 'paragraph', text: 'The ferry left at dawn\nand came back\nat dusk.' }]
    },
    {
      name: 'nested lists flatten into items with depth; ordered items keep their number',
      markdown: '- nets\n- ropes\n  1. hemp\n  2. nylon\n     - braided\n- buoys\n\n3. third\n4. fourth',
      blocks: [
        { type: 'listItem', text: 'nets', ordered: false, depth: 0 },
        { type: 'listItem', text: 'ropes', ordered: false, depth: 0 },
        { type: 'listItem', text: 'hemp', ordered: true, index: 1, depth: 1 },
        { type: 'listItem', text: 'nylon', ordered: true, index: 2, depth: 1 },
        { type: 'listItem', text: 'braided', ordered: false, depth: 2 },
        { type: 'listItem', text: 'buoys', ordered: false, depth: 0 },
        { type: 'listItem', text: 'third', ordered: true, index: 3, depth: 0 },
        { type: 'listItem', text: 'fourth', ordered: true, index: 4, depth: 0 }
      ]
    },
    {
      name: 'a list item of several paragraphs is one block; text after its sublist is indented under it',
      markdown: '1. First part.\n\n   Still the first item.\n\n   - a detail\n\n   Back in the first item.\n2. Second.',
      blocks: [
        { type: 'listItem', text: 'First part.\n\nStill the first item.', ordered: true, index: 1, depth: 0 },
        { type: 'listItem', text: 'a detail', ordered: false, depth: 1 },
        { type: 'paragraph', text: 'Back in the first item.', depth: 0 },
        { type: 'listItem', text: 'Second.', ordered: true, index: 2, depth: 0 }
      ]
    },
    {
      name: 'task items carry checked; the box is not text',
      markdown: '- [x] caulk the hull\n- [ ] paint the mast\n- plain item',
      blocks: [
        { type: 'listItem', text: 'caulk the hull', ordered: false, depth: 0, checked: true },
        { type: 'listItem', text: 'paint the mast', ordered: false, depth: 0, checked: false },
        { type: 'listItem', text: 'plain item', ordered: false, depth: 0 }
      ]
    },
    {
      name: 'blockquotes become quote blocks with depth; lists inside stay list items',
      markdown: '> Gulls circle.\n>\n> > Inner voice.\n>\n> - a listed thought\n\nAfter.',
      blocks: [
        { type: 'quote', text: 'Gulls circle.', depth: 0 },
        { type: 'quote', text: 'Inner voice.', depth: 1 },
        { type: 'listItem', text: 'a listed thought', ordered: false, depth: 0 },
        { type: 'paragraph', text: 'After.' }
      ]
    },
    {
      name: 'fenced and indented code keep their text verbatim',
      markdown: 'Before.\n\n```python\ndef tide(h):\n\n    return h * 2  # *not emphasis*\n```\n\n    indented   code\n      keeps spaces\n\nAfter.',
      blocks: [
        { type: 'paragraph', text: 'Before.' },
        { type: 'code', text: 'def tide(h):\n\n    return h * 2  # *not emphasis*' },
        { type: 'code', text: 'indented   code\n  keeps spaces' },
        { type: 'paragraph', text: 'After.' }
      ]
    },
    {
      name: 'a table is one block: rows by newline, cells by tab, with column alignment',
      markdown: '| Port | Depth | Note |\n| --- | ---: | :-: |\n| Brest | 12 m | |\n| Vigo | **9** m | calm |',
      blocks: [{ type: 'table', text: 'Port\tDepth\tNote\nBrest\t12 m\t\nVigo\t9 m\tcalm', align: ['none', 'right', 'center'] }]
    },
    {
      name: 'an empty first cell and a short row keep the table shape; a tab or <br> in a cell becomes a space',
      markdown: '| | Tide |\n|-|-|\n| a<br>b |\n\nAfter.',
      blocks: [
        { type: 'table', text: '\tTide\na b', align: ['none', 'none'] },
        { type: 'paragraph', text: 'After.' }
      ]
    },
    {
      name: 'a thematic break marks the next block and adds no text; a final break is dropped',
      markdown: 'Before.\n\n---\n\n- after a rule\n\n* * *',
      blocks: [
        { type: 'paragraph', text: 'Before.' },
        { type: 'listItem', text: 'after a rule', ordered: false, depth: 0, ruleBefore: true }
      ]
    },
    {
      name: 'images become their alt text; an image without alt leaves nothing',
      markdown: 'Look: ![a heron standing in reeds](https://example.org/heron.jpg) there.\n\n![](https://example.org/blank.png)\n\n![ref image][pic]\n\n[pic]: https://example.org/pic.png',
      blocks: [
        { type: 'paragraph', text: 'Look: a heron standing in reeds there.' },
        { type: 'paragraph', text: 'ref image' }
      ]
    },
    {
      name: 'thematic breaks add no text (the next block is marked); link definitions and empty blocks vanish',
      markdown: 'One.\n\n***\n\n---\n\n[unused]: https://example.org\n\n>\n\n-\n\nTwo.',
      blocks: [
        { type: 'paragraph', text: 'One.' },
        { type: 'paragraph', text: 'Two.', ruleBefore: true }
      ]
    },
    {
      name: 'entities are decoded, backslash escapes removed',
      markdown: 'Fish &amp; chips &copy; 2024 \\*not emphasis\\* &#x1F41F;',
      blocks: [{ type: 'paragraph', text: 'Fish & chips © 2024 *not emphasis* 🐟' }]
    },
    {
      name: 'footnotes: references read [n] numbered by first use, definitions come last after a rule',
      markdown: '[^late]: Defined first, cited second.\n\nA claim.[^src] Another.[^late] Again.[^src]\n\n[^src]: Where it came from.\n\nClosing line.',
      blocks: [
        { type: 'paragraph', text: 'A claim.[1] Another.[2] Again.[1]' },
        { type: 'paragraph', text: 'Closing line.' },
        { type: 'paragraph', text: 'Where it came from.', ruleBefore: true, footnote: 1 },
        { type: 'paragraph', text: 'Defined first, cited second.', footnote: 2 }
      ]
    },
    {
      name: 'footnotes: a reference without a definition reads as typed; an unused definition is kept, numbered on',
      markdown: 'Cited.[^missing] Used.[^a]\n\n[^unused]: Nobody cites me.\n\n[^a]: Used note with a nested one.[^b]\n\n[^b]: Nested.',
      blocks: [
        { type: 'paragraph', text: 'Cited.[^missing] Used.[1]' },
        { type: 'paragraph', text: 'Used note with a nested one.[2]', ruleBefore: true, footnote: 1 },
        { type: 'paragraph', text: 'Nested.', footnote: 2 },
        { type: 'paragraph', text: 'Nobody cites me.', footnote: 3 }
      ]
    },
    {
      name: 'CRLF line endings read like LF',
      markdown: '# Title\r\n\r\nLine one\r\nline two\r\n',
      blocks: [
        { type: 'heading', text: 'Title', level: 1 },
        { type: 'paragraph', text: 'Line one line two' }
      ]
    },
    {
      name: 'an empty body has no blocks',
      markdown: '',
      blocks: []
    }
  ]

  it.each(cases)('$name', ({ markdown, blocks }) => {
    const model = markdownToBlocks(markdown)
    expect(shape(model)).toEqual(blocks)
    expectWellFormed(model)
  })
})

describe('markdownToBlocks: inline marks', () => {
  const cases: Array<{ name: string; markdown: string; text: string; marks: Array<[string, string, string?]> }> = [
    {
      name: 'emphasis, strong, code and strike with offsets into the block text',
      markdown: 'Some *soft* and **loud** words, `code()` and ~~gone~~ too.',
      text: 'Some soft and loud words, code() and gone too.',
      marks: [
        ['emphasis', 'soft'],
        ['strong', 'loud'],
        ['code', 'code()'],
        ['strike', 'gone']
      ]
    },
    {
      name: 'links carry their href; nested marks come after the mark that holds them',
      markdown: 'Read [the **whole** log](https://example.org/log "title") now.',
      text: 'Read the whole log now.',
      marks: [
        ['link', 'the whole log', 'https://example.org/log'],
        ['strong', 'whole']
      ]
    },
    {
      name: 'strong inside emphasis inside strong',
      markdown: '**a *b **c** d* e**',
      text: 'a b c d e',
      marks: [
        ['strong', 'a b c d e'],
        ['emphasis', 'b c d'],
        ['strong', 'c']
      ]
    },
    {
      name: 'reference links and autolinks resolve; a link with no text shows its address',
      markdown: 'See [the chart][fig] or www.example.com or <https://example.net>, [](https://example.org/empty).\n\n[fig]: https://example.org/chart',
      text: 'See the chart or www.example.com or https://example.net, https://example.org/empty.',
      marks: [
        ['link', 'the chart', 'https://example.org/chart'],
        ['link', 'www.example.com', 'http://www.example.com'],
        ['link', 'https://example.net', 'https://example.net'],
        ['link', 'https://example.org/empty', 'https://example.org/empty']
      ]
    },
    {
      name: 'marks survive trimming of leading whitespace (an image without alt first)',
      markdown: '![](x.png) *Caption* here',
      text: 'Caption here',
      marks: [['emphasis', 'Caption']]
    },
    {
      name: 'inline code keeps its inner spacing; a line ending inside it becomes a space',
      markdown: 'Run `npm  run\nbuild` first.',
      text: 'Run npm  run build first.',
      marks: [['code', 'npm  run build']]
    },
    {
      name: 'marks in a heading',
      markdown: '## A *quiet* [harbour](https://example.org/h)',
      text: 'A quiet harbour',
      marks: [
        ['emphasis', 'quiet'],
        ['link', 'harbour', 'https://example.org/h']
      ]
    }
  ]

  it.each(cases)('$name', ({ markdown, text, marks }) => {
    const model = markdownToBlocks(markdown)
    expect(model.blocks[0].text).toBe(text)
    expect(marked(model, 0)).toEqual(marks)
    expectWellFormed(model)
  })

  it('offsets stay right in later blocks and in table cells', () => {
    const model = markdownToBlocks('First paragraph.\n\n| *a* | `b` |\n|---|---|\n| [c](https://example.org/c) | ~~d~~ |')
    expect(marked(model, 1)).toEqual([
      ['emphasis', 'a'],
      ['code', 'b'],
      ['link', 'c', 'https://example.org/c'],
      ['strike', 'd']
    ])
    expectWellFormed(model)
  })

  it('footnote references link to their definition; only the first reference is the back-link target', () => {
    const model = markdownToBlocks('One[^n] and two[^n].\n\n[^n]: The note.')
    expect(model.blocks[0].marks).toEqual([
      { type: 'footnote', href: 'fn-1', id: 'fnref-1', start: 3, end: 6 },
      { type: 'footnote', href: 'fn-1', start: 14, end: 17 }
    ])
    expectWellFormed(model)
  })
})

describe('markdownToBlocks: raw HTML is shown as text, never interpreted', () => {
  const cases = [
    {
      name: 'a script block',
      markdown: 'Before.\n\n<script>alert(1)</script>\n\nAfter.',
      texts: ['Before.', '<script>alert(1)</script>', 'After.']
    },
    {
      name: 'an inline image with an onerror handler',
      markdown: 'An image <img src=x onerror="alert(2)"> inline.',
      texts: ['An image <img src=x onerror="alert(2)"> inline.']
    },
    {
      name: 'an HTML block spanning lines keeps its lines',
      markdown: '<div class="promo">\n<b>Subscribe</b>\n</div>',
      texts: ['<div class="promo">\n<b>Subscribe</b>\n</div>']
    },
    {
      name: 'inline tags stay literal around the text they wrap',
      markdown: 'Some <em>HTML</em> emphasis and <!-- a comment -->.',
      texts: ['Some <em>HTML</em> emphasis and <!-- a comment -->.']
    },
    {
      name: 'a javascript: link keeps its href verbatim for the renderer to refuse',
      markdown: '[click](javascript:alert(3))',
      texts: ['click']
    }
  ]

  it.each(cases)('$name', ({ markdown, texts }) => {
    const model = markdownToBlocks(markdown)
    expect(model.blocks.map((b) => b.text)).toEqual(texts)
    // Literal text carries no mark that a renderer could turn into markup.
    for (const block of model.blocks) for (const mark of block.marks) expect(mark.type).toBe('link')
    expectWellFormed(model)
  })
})

describe('markdownToBlocks: the inline HTML allowlist becomes marks', () => {
  const cases: Array<{ name: string; markdown: string; text: string; marks: Array<Record<string, unknown>> }> = [
    {
      name: 'kbd, sub, sup and mark wrap their text; the tags leave the text',
      markdown: 'Press <kbd>Ctrl</kbd>+<kbd>S</kbd>; H<sub>2</sub>O at 10<sup>5</sup> Pa is <mark>key</mark>.',
      text: 'Press Ctrl+S; H2O at 105 Pa is key.',
      marks: [
        { type: 'kbd', text: 'Ctrl' },
        { type: 'kbd', text: 'S' },
        { type: 'sub', text: '2' },
        { type: 'sup', text: '5' },
        { type: 'marked', text: 'key' }
      ]
    },
    {
      name: 'abbr keeps its title as plain text (entities decoded); br is a line break',
      markdown: 'The <abbr title="North &amp; East">N&E</abbr> line<br/>ends here. <ABBR>bare</ABBR>',
      text: 'The N&E line\nends here. bare',
      marks: [
        { type: 'abbr', text: 'N&E', title: 'North & East' },
        { type: 'abbr', text: 'bare' }
      ]
    },
    {
      name: 'marks nest and carry Markdown marks inside',
      markdown: '<mark>a *very* <sup>big</sup></mark> deal',
      text: 'a very big deal',
      marks: [
        { type: 'marked', text: 'a very big' },
        { type: 'emphasis', text: 'very' },
        { type: 'sup', text: 'big' }
      ]
    },
    {
      name: 'a tag with attributes, an unclosed tag or another tag stays literal',
      markdown: '<kbd class="x">A</kbd> <sup>open <details>no</details> <abbr title="t" onclick="x">b</abbr>',
      text: '<kbd class="x">A</kbd> <sup>open <details>no</details> <abbr title="t" onclick="x">b</abbr>',
      marks: []
    }
  ]

  it.each(cases)('$name', ({ markdown, text, marks }) => {
    const model = markdownToBlocks(markdown)
    expect(model.blocks[0].text).toBe(text)
    const block = model.blocks[0]
    expect(block.marks.map((m) => ({ type: m.type, text: block.text.slice(m.start, m.end), ...(m.title === undefined ? {} : { title: m.title }) }))).toEqual(marks)
    expectWellFormed(model)
  })

  it('details and figure blocks stay literal text', () => {
    const model = markdownToBlocks('<details>\n<summary>More</summary>\nHidden text.\n</details>')
    expect(model.blocks.map((b) => b.text)).toEqual(['<details>\n<summary>More</summary>\nHidden text.\n</details>'])
  })
})

describe('markdownToBlocks: long documents are parsed in chunks with the same result', () => {
  const sections = [
    '# Field notes\n\nThe estuary [map][m] shows *three* channels and a [second look][M].',
    '```text\nfenced code with a blank line\n\nnot a heading\n# still code\n- still code\n```',
    '<!--\nA comment that spans\n\nseveral lines\n- with a dash\n-->',
    '- outer one\n  - inner one\n  - inner two\n- outer two\n  1. deep\n     - deeper',
    '1. alpha\n2. beta\n3. gamma\n   more of gamma',
    '> quoted line\n> > nested quoted\n>\n> back out',
    '| tide | hour |\n|---|---|\n| high | 06:10 |\n| low | 12:25 |',
    'A paragraph with a footnote.[^f] And a hard  \nbreak.',
    '[^f]: The footnote text.',
    '<pre>\npreformatted\n\n  text\n</pre>',
    '    indented code\n\n    after blank line',
    'Setext heading\n==============',
    '* star item\n+ plus item\n- dash item',
    '<div class="note">\n- not a list but raw HTML\n</div>',
    'An opening line\n2. is not a list: a second item cannot interrupt a paragraph',
    '> a quote\nwith a lazy line\n- then a list',
    '1. counted\n\n1. by the parser\n\n   with a second paragraph\n\n1. not by the author',
    '3) starts at three\nlazy line\n\n7) still the fourth item'
  ]
  const definitions = '[m]: https://example.org/map\n[m]: https://example.org/not-the-first\n'
  const document = Array.from({ length: 40 }, (_, i) => sections[i % sections.length] + `\n\nParagraph number ${i}.`).join('\n\n') + '\n\n' + definitions

  it('chunks rejoin to the source and never cut a fenced block or HTML comment', () => {
    const chunks = splitMarkdown(document, 1)
    expect(chunks.length).toBeGreaterThan(80)
    expect(chunks.join('\n')).toBe(document)
    for (const chunk of chunks) {
      expect((chunk.match(/^```/gm) ?? []).length % 2).toBe(0)
      expect((chunk.match(/<!--/g) ?? []).length).toBe((chunk.match(/-->/g) ?? []).length)
    }
  })

  it.each([1, 20, 100, 1000])('chunks of %i characters give the blocks of a single parse', (chunkSize) => {
    const whole = markdownToBlocks(document, { chunkSize: Infinity })
    const chunked = markdownToBlocks(document, { chunkSize })
    expect(chunked).toEqual(whole)
    expectWellFormed(chunked)
  })

  it('an ordered list cut between chunks keeps counting', () => {
    const list = Array.from({ length: 60 }, (_, i) => `1. item ${i + 1}\n\n   more about item ${i + 1}`).join('\n\n')
    const model = markdownToBlocks(list, { chunkSize: 1 })
    const items = model.blocks.filter((b) => b.type === 'listItem')
    expect(items.map((b) => b.index)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1))
  })

  it('reference links resolve to the first definition even when it is far away', () => {
    const model = markdownToBlocks(document)
    const links = model.blocks[1].marks.filter((m) => m.type === 'link')
    expect(links.map((m) => m.href)).toEqual(['https://example.org/map', 'https://example.org/map'])
    // The reference near the end of the document resolves too.
    const last = model.blocks.filter((b) => b.text.startsWith('The estuary')).at(-1)!
    expect(last.marks.filter((m) => m.type === 'link').map((m) => m.href)).toEqual(['https://example.org/map', 'https://example.org/map'])
  })

  it('footnotes resolve across chunks and number the same as a single parse', () => {
    const para = (i: number) => `Paragraph ${i} cites a source.${i % 7 === 0 ? `[^s${i}]` : ''} `.repeat(8)
    const body = Array.from({ length: 60 }, (_, i) => para(i)).join('\n\n')
    const defs = Array.from({ length: 60 }, (_, i) => (i % 7 === 0 ? `[^s${i}]: Source ${i}.` : '')).filter(Boolean).join('\n\n')
    const markdown = `${body}\n\n${defs}`
    const chunked = markdownToBlocks(markdown, { chunkSize: 300 })
    expect(chunked).toEqual(markdownToBlocks(markdown, { chunkSize: Infinity }))
    expect(chunked.text).not.toContain('[^s')
    expect(chunked.blocks.filter((b) => b.footnote !== undefined).map((b) => b.text)).toEqual(['Source 0.', 'Source 7.', 'Source 14.', 'Source 21.', 'Source 28.', 'Source 35.', 'Source 42.', 'Source 49.', 'Source 56.'])
  })

  it('an undefined reference reads as the author typed it', () => {
    const model = markdownToBlocks('See [nothing][nowhere] and [alone].\n\n' + 'filler paragraph.\n\n'.repeat(200))
    expect(model.blocks[0].text).toBe('See [nothing][nowhere] and [alone].')
    expect(model.blocks[0].marks).toEqual([])
  })

  it('a long outline of nested lists keeps every item and its depth', () => {
    const outline = Array.from({ length: 3000 }, (_, i) => `- topic ${i}\n  - detail ${i}`).join('\n')
    const model = markdownToBlocks(outline)
    expect(model.blocks).toHaveLength(6000)
    expect(model.blocks.slice(0, 2).map((b) => [b.text, b.depth])).toEqual([
      ['topic 0', 0],
      ['detail 0', 1]
    ])
    expect(model.blocks.slice(-2).map((b) => [b.text, b.depth])).toEqual([
      ['topic 2999', 0],
      ['detail 2999', 1]
    ])
  })

  it('a long rule line is a rule, not a reason to give up on Markdown', () => {
    const model = markdownToBlocks('# Title\n\n' + '-'.repeat(120) + '\n\n' + '- - '.repeat(30) + '\n\nText *here*')
    expect(shape(model)).toEqual([
      { type: 'heading', text: 'Title', level: 1 },
      { type: 'paragraph', text: 'Text here', ruleBefore: true }
    ])
  })

  it('absurdly nested lines are shown as plain text instead of stalling the parser', () => {
    const hostile = '>'.repeat(20_000) + ' deep\n\nNormal paragraph after.'
    const model = markdownToBlocks(hostile)
    expect(model.blocks.at(-1)?.text).toBe('Normal paragraph after.')
    expect(model.text).toContain('deep')
    expectWellFormed(model)
  })
})

describe('plainTextToBlocks', () => {
  const cases = [
    {
      name: 'paragraphs split on blank lines, line breaks inside kept',
      text: 'The fog rolled in,\nthick and slow.\n\nThe lamps came on.',
      blocks: ['The fog rolled in,\nthick and slow.', 'The lamps came on.']
    },
    {
      name: 'whitespace-only lines count as blank; trailing spaces go, indentation stays',
      text: '\n\n  first line   \n   \t\n  second  \n\n\n',
      blocks: ['  first line', '  second']
    },
    {
      name: 'CRLF and lone CR line endings',
      text: 'one\r\ntwo\r\n\r\nthree\rfour',
      blocks: ['one\ntwo', 'three\nfour']
    },
    {
      name: 'Markdown syntax and HTML are just text',
      text: '# not a heading *not emphasis*\n\n<script>alert(1)</script>',
      blocks: ['# not a heading *not emphasis*', '<script>alert(1)</script>']
    },
    { name: 'empty text', text: '', blocks: [] }
  ]

  it.each(cases)('$name', ({ text, blocks }) => {
    const model = plainTextToBlocks(text)
    expect(model.blocks.map((b) => b.text)).toEqual(blocks)
    expect(model.blocks.every((b) => b.type === 'paragraph' && b.marks.length === 0)).toBe(true)
    expectWellFormed(model)
  })
})

describe('bodyToBlocks', () => {
  it('dispatches on the format', () => {
    expect(bodyToBlocks('*a*', 'markdown').text).toBe('a')
    expect(bodyToBlocks('*a*', 'text').text).toBe('*a*')
  })

  it('offsets stay exact in a large mixed document with astral characters', () => {
    const section = '## Café ☕ notes 🦉\n\nA **bold 🐟** claim with [a link](https://example.org) and `code`.\n\n- item with émoji 🚢\n  - nested\n\n> quote 🌊\n\n| a | b 🦀 |\n|---|---|\n| 1 | 2 |\n\n'
    const model = bodyToBlocks(section.repeat(500), 'markdown')
    // Heading, paragraph, two list items, quote, table: the table is one block.
    expect(model.blocks.length).toBe(500 * 6)
    expectWellFormed(model)
  })
})

describe('markdownToBlocks: hostile inline HTML', () => {
  it('thousands of unclosed allowlisted tags stay literal text', () => {
    const markdown = 'Start ' + '<kbd>x '.repeat(5_000) + 'end.'
    const model = markdownToBlocks(markdown)
    expect(model.blocks).toHaveLength(1)
    expect(model.blocks[0].text).toBe(markdown.trim())
    expect(model.blocks[0].marks).toEqual([])
  })

  it('a closing tag pairs with the nearest opening tag of its name', () => {
    const model = markdownToBlocks('<kbd>a <kbd>b</kbd> c')
    expect(model.blocks[0].text).toBe('<kbd>a b c')
    expect(model.blocks[0].marks.map((m) => model.blocks[0].text.slice(m.start, m.end))).toEqual(['b'])
  })
})
