import yaml from 'js-yaml'
import type { Nodes, Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, csvField, toCsv, unguardCsvField } from './csv'
import { orderHighlights, type ExportArticle, type ExportCorpus } from './export-model'
import { exportFile } from './formats'
import { parseGlossLink } from './gloss-link'
import { headingText, ORPHAN_LINE } from './markdown'
import { noteToMarkdown } from './note-markdown'
import { compileTemplate } from './template'
import { readWebAnnotations } from './web-annotation-read'
import { targetSelectors, targetSource, toWebAnnotations, webAnnotationsJson } from './web-annotation'
import { CUSTOM_TEMPLATE } from './test-support/custom-template'
import { bridgeArticle, corpusFixture, EXPORTED, linkFor, riverArticle } from './test-support/fixtures'
import { parseCsv } from './test-support/parse-csv'
import { SPECIAL_TEXTS } from './test-support/special-texts'

const parseGfm = (markdown: string): Root => fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })

function plain(node: Nodes): string {
  if (node.type === 'text') return node.value
  if (node.type === 'root' || node.type === 'blockquote') return node.children.map(plain).join('\n\n')
  if (node.type === 'break') return '⟨break⟩'
  if (node.type === 'html') return `⟨html ${node.value}⟩`
  if (node.type === 'inlineCode') return `⟨code ${node.value}⟩`
  return 'children' in node ? (node.children as Nodes[]).map(plain).join('') : `⟨${node.type}⟩`
}

function splitFrontMatter(markdown: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown)
  if (!match) throw new Error('no front matter')
  return { data: yaml.load(match[1]) as Record<string, unknown>, body: markdown.slice(match[0].length) }
}

/** An article whose title, metadata, note and every quote and note are special texts. */
const SPECIAL_ID = 'ffff0000eeee1111'
const specialArticle: ExportArticle = {
  ...riverArticle,
  id: SPECIAL_ID,
  title: SPECIAL_TEXTS.join(' '),
  source: '=HYPERLINK("x") | {{source}} # *',
  published: '---',
  topics: ['a, b', '"quoted"', '{{topic}}'],
  tags: ['a, b', '"quoted"', '{{topic}}'],
  note: SPECIAL_TEXTS.join('\n\n'),
  file: 'odd/=file, "name" {{x}}.txt',
  link: linkFor(SPECIAL_ID),
  highlights: orderHighlights(
    SPECIAL_TEXTS.map((text, i) => ({
      ...riverArticle.highlights[0],
      id: `5bec1a10-0000-4000-8000-${String(i).padStart(12, '0')}`,
      quote: text,
      note: SPECIAL_TEXTS[SPECIAL_TEXTS.length - 1 - i],
      position: { start: i * 1000, end: i * 1000 + text.length },
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: text, prefix: SPECIAL_TEXTS[(i + 1) % SPECIAL_TEXTS.length], suffix: '' },
        position: { type: 'TextPositionSelector', start: i * 1000, end: i * 1000 + text.length }
      },
      link: linkFor(SPECIAL_ID, `5bec1a10-0000-4000-8000-${String(i).padStart(12, '0')}`)
    }))
  )
}
const specialCorpus: ExportCorpus = { ...corpusFixture, articles: [specialArticle], missing: [] }

describe('golden files', () => {
  it('W3C Web Annotations (JSON)', async () => {
    await expect(exportFile(corpusFixture, 'json').content).toMatchFileSnapshot('./golden/corpus.annotations.json')
  })

  it('CSV', async () => {
    await expect(exportFile(corpusFixture, 'csv').content).toMatchFileSnapshot('./golden/corpus.csv')
  })

  it('Markdown, the whole corpus', async () => {
    await expect(exportFile(corpusFixture, 'md').content).toMatchFileSnapshot('./golden/corpus-with-orphan.md')
  })

  it('Markdown, the whole corpus through a template', async () => {
    await expect(exportFile(corpusFixture, 'md', { template: compileTemplate(CUSTOM_TEMPLATE) }).content).toMatchFileSnapshot(
      './golden/corpus-template.md'
    )
  })
})

describe('exportFile', () => {
  it.each([
    ['md', 'Clippings (2023) notes.md', 'text/markdown'],
    ['json', 'Clippings (2023) annotations.json', 'application/ld+json'],
    ['csv', 'Clippings (2023) annotations.csv', 'text/csv']
  ] as const)('suggests a file name for %s', (format, fileName, mediaType) => {
    expect(exportFile(corpusFixture, format)).toMatchObject({ fileName, mediaType })
  })

  it('marks an orphan in Markdown, and only the orphan', () => {
    const md = exportFile(corpusFixture, 'md', { articleId: bridgeArticle.id }).content
    const orphanQuote = bridgeArticle.highlights[1].quote
    const marks = md.split('\n').filter((line) => line === ORPHAN_LINE)
    expect(marks).toHaveLength(1)
    // The mark follows the orphan's quote, before the next highlight (none here).
    expect(md.indexOf(ORPHAN_LINE)).toBeGreaterThan(md.indexOf(orphanQuote))
    expect(exportFile(corpusFixture, 'md', { articleId: riverArticle.id }).content).not.toContain(ORPHAN_LINE)
  })

  it('exports one article', () => {
    const md = exportFile(corpusFixture, 'md', { articleId: bridgeArticle.id })
    expect(md.fileName).toBe('The bridge that sings.md')
    expect(splitFrontMatter(md.content).data.title).toBe('The bridge that sings')
    const json = JSON.parse(exportFile(corpusFixture, 'json', { articleId: bridgeArticle.id }).content)
    // The article's own tags first (no note: motivation tagging), then its highlights.
    expect(json.first.items.map((a: { 'gloss:id'?: string; motivation: string }) => a['gloss:id'] ?? a.motivation)).toEqual([
      'tagging',
      ...bridgeArticle.highlights.map((h) => h.id)
    ])
    expect(() => exportFile(corpusFixture, 'csv', { articleId: 'nope' })).toThrow(/not found/)
  })
})

describe('W3C Web Annotations', () => {
  const collection = toWebAnnotations(corpusFixture)
  const items = collection.first.items

  it('is a collection with one embedded page holding every annotation', () => {
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld')
    expect(collection.type).toBe('AnnotationCollection')
    expect(collection.total).toBe(items.length)
    // article notes (river, harbour, missing), the bridge's tags + 3 + 2 + 1 highlights
    expect(items.map((a) => a.motivation)).toEqual([
      'commenting',
      'highlighting',
      'highlighting',
      'highlighting',
      'commenting',
      'tagging',
      'highlighting',
      'highlighting',
      'commenting',
      'highlighting'
    ])
  })

  // An orphan's old position points at unrelated text today (a tool that falls back to
  // positions would highlight the wrong words), so it carries its quote only.
  it('targets placed highlights with a quote and a position selector, orphans with the quote, article notes with the article itself', () => {
    for (const annotation of items) {
      expect(targetSource(annotation).id).toMatch(/^urn:gloss:article:[0-9a-f]+$/)
      const types = targetSelectors(annotation)?.map((s) => s.type)
      if (annotation.motivation !== 'highlighting') expect(types).toBeUndefined()
      else if (annotation['gloss:orphan'] || targetSource(annotation)['gloss:missing']) expect(types).toEqual(['TextQuoteSelector'])
      else expect(types).toEqual(['TextQuoteSelector', 'TextPositionSelector'])
    }
  })

  it('gives highlights their note, colour and ids; marks orphans and missing articles', () => {
    const orphan = items.find((a) => a['gloss:id'] === bridgeArticle.highlights[1].id)
    expect(orphan).toMatchObject({
      id: 'urn:gloss:highlight:0rphan00-1111-4000-8000-000000000003',
      'gloss:orphan': true,
      body: [
        { type: 'TextualBody', purpose: 'commenting', value: 'Orphan: the article changed.', format: 'text/markdown' },
        { type: 'TextualBody', purpose: 'highlighting', value: 'yellow' }
      ]
    })
    const placed = items.find((a) => a['gloss:id'] === riverArticle.highlights[0].id)
    expect(placed?.id).toBe(`urn:uuid:${riverArticle.highlights[0].id}`)
    expect(placed?.['gloss:orphan']).toBeUndefined()
    expect(items.filter((a) => targetSource(a)['gloss:missing']).map((a) => targetSource(a)['gloss:title'])).toEqual(['A deleted clipping', 'A deleted clipping'])
  })

  it('holds no absolute paths (the file is portable to a copy of the folder)', () => {
    expect(webAnnotationsJson(corpusFixture)).not.toContain(corpusFixture.root)
  })

  it('reads back to the same highlights and notes', () => {
    const read = readWebAnnotations(JSON.parse(webAnnotationsJson(corpusFixture)))
    expect(read.unusable).toEqual([])
    const all = [...corpusFixture.articles, ...corpusFixture.missing]
    expect(
      read.annotations.filter((a) => a.kind === 'highlight').map((a) => [a.highlightId, a.quote?.exact, a.note, a.color, a.tags, a.created, a.modified, a.article.id, a.article.file])
    ).toEqual(all.flatMap((article) => article.highlights.map((h) => [h.id, h.quote, h.note, h.color, h.tags, h.created, h.updated, article.id, article.file])))
    expect(read.annotations.filter((a) => a.kind === 'articleNote').map((a) => [a.article.id, a.note, a.tags, a.modified])).toEqual(
      all.filter((a) => a.note.trim() || a.userTags.length).map((a) => [a.id, a.note, a.userTags, a.note.trim() ? a.noteUpdated : null])
    )
    expect(bridgeArticle.highlights[0].tags.length).toBeGreaterThan(0)
  })
})

describe('CSV', () => {
  const rows = parseCsv(toCsv(corpusFixture).replace(/^\uFEFF/, ''))

  it('starts with a byte-order mark and ends every record with CRLF', () => {
    const csv = toCsv(corpusFixture)
    expect(csv.startsWith('\uFEFFkind,article_id,')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
  })

  it('has a header and a row per article note and highlight, each with every column', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS])
    expect(rows.slice(1).map((r) => r[0])).toEqual(['article-note', 'highlight', 'highlight', 'highlight', 'article-note', 'highlight', 'highlight'])
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length)
  })

  it('says which highlights are orphans (placed in the article today or not)', () => {
    const header = rows[0]
    const status = header.indexOf('status')
    const id = header.indexOf('highlight_id')
    expect(status).toBeGreaterThan(-1)
    const byId = new Map(rows.slice(1).filter((r) => r[0] === 'highlight').map((r) => [r[id], r[status]]))
    expect(byId.get(bridgeArticle.highlights[1].id)).toBe('orphan')
    expect(byId.get(bridgeArticle.highlights[0].id)).toBe('placed')
    expect(rows.slice(1).filter((r) => r[0] === 'article-note').every((r) => r[status] === '')).toBe(true)
  })

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['＝1+1', "'＝1+1"],
    ["'=already", "''=already"],
    ["'plain", "'plain"],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['1-2', '1-2'],
    // After white space and invisible characters, and in small forms (issue 13).
    [' =1+1', "' =1+1"],
    ['\u00a0=1+1', "'\u00a0=1+1"],
    ['\n=1+1', `"'\n=1+1"`],
    ['\u200b=1+1', "'\u200b=1+1"],
    ['\u202e=1+1', "'\u202e=1+1"],
    ['\ufeff@SUM(A1)', "'\ufeff@SUM(A1)"],
    ['\ufe66HYPERLINK(1)', "'\ufe66HYPERLINK(1)"],
    ['\ufe62\ufe63\ufe6b', "'\ufe62\ufe63\ufe6b"],
    ['  plain words', '  plain words']
  ])('guards and quotes %j as %j', (value, field) => {
    expect(csvField(value)).toBe(field)
    expect(unguardCsvField(parseCsv(field)[0][0])).toBe(value)
  })
})

describe('special characters survive every format', () => {
  const quotes = specialArticle.highlights.map((h) => h.quote)
  const notes = specialArticle.highlights.map((h) => h.note)

  it.each([
    ['one article', exportFile(specialCorpus, 'md', { articleId: SPECIAL_ID }).content, 1],
    ['the corpus', exportFile(specialCorpus, 'md').content, 2]
  ])('Markdown (%s): quotes parse back exactly, notes are written as the user’s Markdown, links hold', (_case, markdown, headingDepth) => {
    const { data, body } = splitFrontMatter(markdown)
    if (headingDepth === 1) expect(data).toMatchObject({ title: specialArticle.title, source: specialArticle.source, published: '---', url: specialArticle.url })
    const tree = parseGfm(body)
    const heading = tree.children.find((n) => n.type === 'heading' && n.depth === headingDepth)
    // A heading is one line: the title's line breaks become spaces.
    expect(heading && plain(heading)).toBe(headingText(specialArticle.title))
    // Each quote is a blockquote followed by its block id and its link back.
    const blockquotes = tree.children.flatMap((n, i) => (n.type === 'blockquote' ? [i] : []))
    expect(blockquotes.map((i) => plain(tree.children[i]))).toEqual(quotes)
    for (const [n, i] of blockquotes.entries()) {
      expect(plain(tree.children[i + 1])).toBe(`^${specialArticle.highlights[n].blockId}`)
      const link = tree.children[i + 2]
      expect(link.type === 'paragraph' && link.children[0].type === 'link' && parseGlossLink(link.children[0].url)?.highlight).toBe(specialArticle.highlights[n].id)
    }
    for (const note of [...notes, specialArticle.note]) expect(markdown).toContain(noteToMarkdown(note))
  })

  it('JSON', () => {
    const json = JSON.parse(exportFile(specialCorpus, 'json').content)
    const highlights = json.first.items.filter((a: { motivation: string }) => a.motivation === 'highlighting')
    expect(highlights.map((a: { target: { selector: [{ exact: string }] } }) => a.target.selector[0].exact)).toEqual(quotes)
    expect(highlights.map((a: { body: { purpose: string; value: string }[] }) => a.body.find((b) => b.purpose === 'commenting')?.value ?? '')).toEqual(notes)
    expect(json.first.items[0].body[0].value).toBe(specialArticle.note)
    expect(targetSource(json.first.items[0])['gloss:title']).toBe(specialArticle.title)
    expect(targetSource(json.first.items[0])['gloss:file']).toBe(specialArticle.file)
  })

  it('CSV', () => {
    const [header, ...rows] = parseCsv(exportFile(specialCorpus, 'csv').content.replace(/^\uFEFF/, ''))
    const column = (name: string) => rows.map((row) => unguardCsvField(row[header.indexOf(name)]))
    expect(column('quote').slice(1)).toEqual(quotes)
    expect(column('note')).toEqual([specialArticle.note, ...notes])
    expect(new Set(column('article_title'))).toEqual(new Set([specialArticle.title]))
    expect(new Set(column('article_source'))).toEqual(new Set([specialArticle.source]))
    expect(new Set(column('article_file'))).toEqual(new Set([specialArticle.file]))
    expect(new Set(column('article_topics'))).toEqual(new Set(['a, b; "quoted"; {{topic}}']))
    // No cell a spreadsheet would run as a formula.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })
})
