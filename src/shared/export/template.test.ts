import { describe, expect, it } from 'vitest'
import { orderHighlights, toMarkdownArticle, type ExportArticle } from './export-model'
import { articleToMarkdown } from './markdown'
import {
  ARTICLE_VARIABLES,
  compileTemplate,
  defaultTemplate,
  renderArticle,
  renderFileName,
  slugify,
  TemplateError
} from './template'
import { CUSTOM_TEMPLATE } from './test-support/custom-template'
import { bridgeArticle, EXPORTED, missingArticle, noteOnlyArticle, riverArticle } from './test-support/fixtures'
import { SPECIAL_TEXTS } from './test-support/special-texts'

const withHighlight = (quote: string, note = '', title = 'T'): ExportArticle => ({
  ...riverArticle,
  title,
  highlights: orderHighlights([{ ...riverArticle.highlights[0], quote, note }])
})

describe('the default template', () => {
  it('writes the golden article files, byte for byte', async () => {
    const template = defaultTemplate('article')
    await expect(renderArticle(template, riverArticle, EXPORTED)).toMatchFileSnapshot('./golden/article-with-highlights.md')
    await expect(renderArticle(template, noteOnlyArticle, EXPORTED)).toMatchFileSnapshot('./golden/article-note-only.md')
  })

  it.each([
    ['an article with placed highlights', riverArticle],
    ['a note only', noteOnlyArticle],
    ['a placed highlight and an orphan', bridgeArticle],
    ['a missing article', missingArticle],
    ['no link back', { ...bridgeArticle, highlights: bridgeArticle.highlights.map((h) => ({ ...h, link: '' })) }],
    ['blank note and odd title', { ...riverArticle, note: ' \n', title: '  - 1. [x] *list* ' }],
    ...SPECIAL_TEXTS.map((text): [string, ExportArticle] => [`special text ${JSON.stringify(text)}`, withHighlight(text, text, text)])
  ])('equals articleToMarkdown: %s', (_case, article) => {
    expect(renderArticle(defaultTemplate('article'), article, EXPORTED)).toBe(articleToMarkdown(toMarkdownArticle(article), EXPORTED))
  })
})

describe('user templates', () => {
  it('render every kind of variable (golden file)', async () => {
    const template = compileTemplate(CUSTOM_TEMPLATE)
    await expect(renderArticle(template, riverArticle, EXPORTED)).toMatchFileSnapshot('./golden/template-custom-river.md')
    await expect(renderArticle(template, bridgeArticle, EXPORTED)).toMatchFileSnapshot('./golden/template-custom-bridge.md')
  })

  it('place values literally: no HTML escaping, no second round of Mustache', () => {
    const article = withHighlight('<b>{{title}}</b> & "quotes" {{#highlights}}x{{/highlights}}', '<i>{{note}}</i>')
    const out = renderArticle(compileTemplate('{{#highlights}}{{quote_raw}}|{{note_raw}}|{{quote_line}}{{/highlights}}'), article, EXPORTED)
    expect(out).toBe(
      '<b>{{title}}</b> & "quotes" {{#highlights}}x{{/highlights}}|<i>{{note}}</i>|\\<b>{{title}}\\</b> & "quotes" {{\\#highlights}}x{{/highlights}}'
    )
  })

  it('offer the quote as paragraphs, one line and a blockquote', () => {
    const article = withHighlight('first line\nsecond *line*\n\n- next paragraph')
    const render = (name: string) => renderArticle(compileTemplate(`{{#highlights}}{{${name}}}{{/highlights}}`), article, EXPORTED)
    expect(render('quote')).toBe('first line\nsecond \\*line\\*\n\n\\- next paragraph')
    expect(render('quote_line')).toBe('first line second \\*line\\* - next paragraph')
    expect(render('quote_block')).toBe('> first line\n> second \\*line\\*\n>\n> \\- next paragraph')
  })

  it('let sections test text, lists and orphans', () => {
    const template = compileTemplate(
      '{{#source}}has source{{/source}}{{^source}}no source{{/source}}|{{#topics.length}}topics{{/topics.length}}{{^topics}}no topics{{/topics}}|{{#highlights}}{{^position}}orphan {{id}}{{/position}}{{/highlights}}'
    )
    expect(renderArticle(template, noteOnlyArticle, EXPORTED)).toBe('no source|no topics|')
    expect(renderArticle(template, bridgeArticle, EXPORTED)).toBe(`has source|topics|orphan ${bridgeArticle.highlights[1].id}`)
  })

  it('inside highlights, note is the highlight’s note; the article’s other values stay reachable', () => {
    const template = compileTemplate('{{#highlights}}[{{title}}: {{note}}]{{/highlights}}')
    const article = { ...riverArticle, note: 'ARTICLE NOTE', highlights: orderHighlights([{ ...riverArticle.highlights[0], note: '' }]) }
    expect(renderArticle(template, article, EXPORTED)).toBe(`[${'Rivers: a "field" guide to floods \\#3'}: ]`)
  })

  it('accept changed delimiters and comments', () => {
    expect(renderArticle(compileTemplate('{{! a comment }}{{=<% %>=}}<% gloss_id %> {{title}}'), riverArticle, EXPORTED)).toBe(
      `${riverArticle.id} {{title}}`
    )
  })
})

describe('template errors are BAD_INPUT with a line and column', () => {
  it.each([
    ['an unclosed tag', 'line one\n  {{title', 2, 3, /not closed with \}\}/],
    ['an unclosed section', '# {{title}}\n{{#highlights}}\n{{quote}}\n', 2, 1, /\{\{#highlights\}\} is not closed: add \{\{\/highlights\}\}/],
    ['an unclosed inner section', '{{#highlights}}\n  {{# note }}\n{{/highlights}}', 3, 1, /expected \{\{\/note\}\} here, to close \{\{#note\}\} first/],
    ['a section closed by the wrong tag', '{{#highlights}}\n{{/topics}}', 2, 1, /expected \{\{\/highlights\}\} here/],
    ['an unclosed section at the end', '{{#topics}}{{.}}{{/topics}}\n{{^ source }}none', 2, 1, /\{\{#source\}\} is not closed/],
    ['a section never opened', 'text\n\n   {{/highlights}}', 3, 4, /\{\{\/highlights\}\} closes a section that was never opened/],
    ['an unknown variable', '# {{title}}\n\nBy {{autor}}', 3, 4, /unknown variable \{\{autor\}\}; known here: .*author|unknown variable \{\{autor\}\}/],
    ['a highlight variable outside highlights', '{{quote}}', 1, 1, /\{\{quote\}\} belongs inside \{\{#highlights\}\}/],
    ['a partial', 'x {{> header}}', 1, 3, /cannot include files or other templates/],
    ['a list used as a value', '{{highlights}}', 1, 1, /is a list: use \{\{#highlights\}\}/],
    ['a group used as a value', '{{yaml}}', 1, 1, /is a group of values: use one of them, e.g. \{\{yaml\.title\}\}/],
    ['a prototype property', '{{constructor}}', 1, 1, /unknown variable \{\{constructor\}\}/],
    ['a property of a text', '{{title.length}}', 1, 1, /unknown variable/],
    ['a dot outside a list', '{{.}}', 1, 1, /only means something inside a list/],
    ['a nested prototype lookup', '{{#highlights}}{{position.constructor}}{{/highlights}}', 1, 16, /unknown variable \{\{position\.constructor\}\}/]
  ])('%s', (_case, source, line, column, message) => {
    let error: unknown
    try {
      compileTemplate(source)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(TemplateError)
    const templateError = error as TemplateError
    expect(templateError.code).toBe('BAD_INPUT')
    expect([templateError.line, templateError.column]).toEqual([line, column])
    expect(templateError.message).toMatch(new RegExp(`^Template, line ${line}, column ${column}: `))
    expect(templateError.message).toMatch(message)
  })

  it('refuses a template that is too long', () => {
    expect(() => compileTemplate('x'.repeat(100_001))).toThrow(/longer than 100,000 characters/)
  })

  it('says which template failed', () => {
    expect(() => compileTemplate('{{#highlights}}{{/highlights}}', 'fileName')).toThrow(/^File name template, line 1, column 1: unknown variable \{\{highlights\}\}/)
  })

  it('every documented article variable compiles', () => {
    for (const name of Object.keys(ARTICLE_VARIABLES)) expect(() => compileTemplate(`{{#${name}}}{{/${name}}}`)).not.toThrow()
  })
})

describe('file names', () => {
  it.each(
    ([
    ['{{title}}', riverArticle, 'Rivers a field guide to floods 3.md'],
    ['{{published_date}} {{slug}}', riverArticle, '2023-11-05 rivers-a-field-guide-to-floods-3.md'],
    ['{{source}} - {{title}}', noteOnlyArticle, '- Notes on the harbour tender.md'],
    ['{{#source}}{{source}} - {{/source}}{{title}}', bridgeArticle, 'Civil Works Weekly - The bridge that sings.md'],
    ['../../{{title}}/..', riverArticle, 'Rivers a field guide to floods 3.md'],
    ['/etc/passwd', riverArticle, 'etc passwd.md'],
    ['C:\\Windows\\{{gloss_id}}', riverArticle, `C Windows ${riverArticle.id}.md`],
    ['..', riverArticle, 'Untitled.md'],
    ['', riverArticle, 'Untitled.md'],
    ['CON', riverArticle, 'CON notes.md'],
    ['{{title}}', { ...riverArticle, title: 'Line\nbreak\ttab' }, 'Line break tab.md']
    ] as [string, ExportArticle, string][]).map(([source, article, expected]) => ({ source, title: article.title, article, expected }))
  )('$source for $title → $expected', ({ source, article, expected }) => {
    expect(renderFileName(compileTemplate(source, 'fileName'), article, EXPORTED)).toBe(expected)
  })

  it('uses plain values, not Markdown-escaped ones', () => {
    expect(renderFileName(compileTemplate('{{title}} {{title_raw}}', 'fileName'), { ...riverArticle, title: 'a_b *c*' }, EXPORTED)).toBe(
      'a_b c a_b c.md'
    )
  })

  it('slugify', () => {
    expect(slugify('Über die Brücke: “Ünïcödé” 🌉 & more!')).toBe('uber-die-brucke-unicode-more')
    expect(slugify('***')).toBe('untitled')
    expect(slugify('a'.repeat(200))).toHaveLength(80)
  })
})

describe('the variables Omnivore and Readwise users expect', () => {
  const render = (source: string, article: ExportArticle = riverArticle, context = {}) => renderArticle(compileTemplate(source), article, EXPORTED, context)

  it.each([
    ['{{author}}', 'Ana Lima, Bo Chen'],
    ['{{#authors}}[[{{.}}]] {{/authors}}', '[[Ana Lima]] [[Bo Chen]] '],
    ['{{description}}', 'Two gauges, one record: how the lowland towns read the autumn floods.'],
    ['![]({{image}})', '![](https://courier.example/img/gauge%20%28mill%29.jpg)'],
    ['{{words}} words, {{reading_time}} min', '1840 words, 8 min'],
    ['{{progress}}% {{read_state}}{{#is_read}} done{{/is_read}}{{^is_read}} not yet{{/is_read}}', '45% reading not yet'],
    ['{{updated}} / {{updated_date}}', '2023-11-08T09:00:00 / 2023-11-08'],
    ['{{exported_date}} {{exported_datetime}}', '2024-06-01 2024-06-01T09:30:00'],
    ['{{published_datetime}}', '2023-11-05T07:15:00'],
    ['{{tags_line}}', '#Climate #Water-Management #infrastructure'],
    ['{{#highlights}}{{location}}%,{{/highlights}}', '6%,31%,47%,'],
    ['{{#highlights}}{{created_date}} {{/highlights}}', '2023-11-06 2023-11-06 2023-11-06 '],
    ['{{#format_date}}{{exported}}|D MMMM YYYY, HH:mm{{/format_date}}', '1 June 2024, 09:30'],
    ['{{#format_date}}{{published_raw}}{{/format_date}}', '2023-11-05'],
    ['{{#format_date}}not a date|YYYY{{/format_date}}', 'not a date'],
    ['{{#upper}}{{source_raw}}{{/upper}} {{#lower}}{{source_raw}}{{/lower}}', 'THE LOWLAND COURIER the lowland courier'],
    ['{{last_export}}|{{new_highlight_count}}|{{#has_new}}new{{/has_new}}', '|0|']
  ])('%s → %j', (source, expected) => {
    expect(render(source)).toBe(expected)
  })

  it('dates follow the export\'s time zone', () => {
    expect(render('{{exported_datetime}} {{#format_date}}{{exported}}|ddd HH:mm{{/format_date}}', riverArticle, { timeZone: 'Asia/Tokyo' })).toBe('2024-06-01T18:30:00 Sat 18:30')
  })

  it('marks what is new since the last export', () => {
    // The fixture's highlights were made on 2023-11-06; one export came between.
    const out = render('{{last_export}} {{new_highlight_count}}{{#highlights}} {{block_id}}{{#is_new}}*{{/is_new}}{{/highlights}}', riverArticle, { lastExport: '2023-11-06T08:02:00.000Z' })
    expect(out).toBe('2023-11-06T08:02:00 1 hl-5eedbeef hl-a11ce5ed hl-c0ffee01*')
  })

  it('an article without these details leaves them empty', () => {
    expect(render('[{{author}}|{{description}}|{{image}}|{{updated}}|{{progress}}|{{read_state}}]', noteOnlyArticle)).toBe('[|||2023-12-01T12:00:00|0|unread]')
    expect(render('{{#highlights}}[{{location}}]{{/highlights}}', bridgeArticle)).toBe('[2][]')
  })

  it('yaml values: aliases, author as text or links, dates in Obsidian formats', () => {
    const source = 'aliases: [{{#yaml.aliases}}{{.}}{{/yaml.aliases}}]\nauthor: {{yaml.author}}\npublished: {{yaml.published}}\nexported: {{yaml.exported}}\nprogress: {{yaml.progress}}'
    expect(render(source)).toBe(
      'aliases: ["Rivers: a \\"field\\" guide to floods #3"]\nauthor: "Ana Lima, Bo Chen"\npublished: "2023-11-05T07:15:00"\nexported: "2024-06-01T09:30:00"\nprogress: "45"'
    )
    expect(render('author: {{yaml.author}}', riverArticle, { authorLinks: true })).toBe('author: ["[[Ana Lima]]", "[[Bo Chen]]"]')
  })

  it('a helper used as a value is an error that says how to use it', () => {
    expect(() => compileTemplate('{{format_date}}')).toThrow(/formats the text of its section: use \{\{#format_date\}\}/)
  })
})
