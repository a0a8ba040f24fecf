// The export dialog's contract methods end to end through the dispatcher, with real
// temp folders, real database files and recording dialogs: the live preview for every
// format, template errors as preview errors, exporting through the dialogs (files,
// folders, re-export that keeps the user's edits), the JSON import round trip and
// gloss:// links back.
import { mkdir, readdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeTempDir, removeDir, writeCorpus } from '../../../tests/fixtures/corpus-builder'
import type { Input, Method, Output } from '../../shared/contract'
import { parseGlossLink } from '../../shared/export/gloss-link'
import { REGION_BEGIN, REGION_END } from '../../shared/export/managed-file'
import { DEFAULT_ARTICLE_TEMPLATE } from '../../shared/export/template'
import type { Article } from '../../shared/model'
import { PREVIEW_ARTICLE_LIMIT } from '../export/export-actions'
import { startGloss, type Gloss } from './gloss'
import type { Dialogs, FileFilter } from '../ports'
import { callThrough } from '../test-support/gloss-client'

const cleanup: string[] = []
const running: Gloss[] = []
afterEach(async () => {
  // Closed before their folders go, even when a test failed half-way (close is idempotent).
  for (const gloss of running.splice(0)) await gloss.close().catch(() => undefined)
  for (const dir of cleanup.splice(0)) await removeDir(dir)
})

async function tempDir(prefix: string): Promise<string> {
  const dir = await realpath(await makeTempDir(`gloss-export-${prefix}-`))
  cleanup.push(dir)
  return dir
}

const QUOTE = 'counted the herons twice'
const SPECIAL_QUOTE = 'a *starred* [bracket] {{not a tag}} | pipe, "quoted"'
const CORPUS = {
  'herons.md': [
    '---',
    'title: "Herons of the Estuary"',
    'published: 2023-04-12',
    'url: https://estuary.example/herons',
    'site: Estuary Notes',
    'tags: [Birds, Coast]',
    '---',
    '',
    `The warden ${QUOTE} before the spring tide came in.`,
    '',
    // Escaped in the source, so that the article's text holds the characters themselves.
    `Her notebook kept ${SPECIAL_QUOTE.replace(/[*[\]]/g, (ch) => `\\${ch}`)} beside each count.`,
    ''
  ].join('\n'),
  'notes/moss.md': '# Moss on the North Wall\n\nMoss keeps the stones damp all summer long.\n',
  'quiet.txt': 'A Quiet Article\n\nNobody has marked this one yet.\n'
}

interface Recorded {
  saves: Array<{ name: string; filters?: FileFilter[] }>
  folders: string[]
  opens: FileFilter[][]
}

interface Session {
  gloss: Gloss
  dialogs: Recorded
  /** What the dialogs answer next. */
  answer: { save: string | null; folder: string | null; open: string | null }
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>
}

let clock = Date.parse('2024-06-01T09:00:00.000Z')
const now = () => new Date((clock += 1000))

async function startCore(corpus: string, dataDir: string): Promise<Session> {
  const sampleRoot = await tempDir('sample')
  await writeCorpus(sampleRoot, { 'welcome.md': '# Welcome\n\nA sample.\n' })
  const recorded: Recorded = { saves: [], folders: [], opens: [] }
  const answer = { save: null as string | null, folder: null as string | null, open: null as string | null }
  const dialogs: Dialogs = {
    chooseFolder: async () => null,
    chooseSavePath: async (name, filters) => {
      recorded.saves.push({ name, filters })
      return answer.save
    },
    chooseExportFolder: async (name) => {
      recorded.folders.push(name)
      return answer.folder
    },
    chooseOpenFile: async (filters) => {
      recorded.opens.push(filters)
      return answer.open
    }
  }
  const gloss = await startGloss({ dataDir, sampleRoot, initialFolder: corpus, validateOutput: true, log: () => undefined, dialogs, now })
  running.push(gloss)
  const call = callThrough(gloss)
  return { gloss, dialogs: recorded, answer, call }
}

function rangeOf(article: Article, phrase: string): { start: number; end: number } {
  const start = article.text.indexOf(phrase)
  if (start < 0) throw new Error(`"${phrase}" not in ${article.title}`)
  return { start, end: start + phrase.length }
}

/** A corpus with two highlights and a note on the herons article, one highlight on the moss one. */
async function annotated() {
  const corpus = path.join(await tempDir('corpus'), 'Clippings')
  await mkdir(corpus)
  await writeCorpus(corpus, CORPUS)
  const dataDir = await tempDir('data')
  const s = await startCore(corpus, dataDir)
  const { articles } = await s.call('library.list', { sort: 'title' })
  const id = (title: string) => articles.find((a) => a.title === title)!.id
  const herons = await s.call('article.get', { articleId: id('Herons of the Estuary') })
  const moss = await s.call('article.get', { articleId: id('Moss on the North Wall') })
  const heron = await s.call('highlight.create', { articleId: herons.id, ...rangeOf(herons, QUOTE), color: 'green', note: 'Check the *count* sheet' })
  const special = await s.call('highlight.create', { articleId: herons.id, ...rangeOf(herons, SPECIAL_QUOTE), color: 'pink' })
  await s.call('article.setNote', { articleId: herons.id, note: 'Read before the survey.' })
  const stones = await s.call('highlight.create', { articleId: moss.id, ...rangeOf(moss, 'keeps the stones damp'), color: 'yellow' })
  return { ...s, corpus, dataDir, herons, moss, heron, special, stones, quietId: id('A Quiet Article') }
}

describe('export.preview', () => {
  it('previews every format for one article and for all notes, from the same engine as the export', async () => {
    const s = await annotated()
    const article = { scope: 'article' as const, articleId: s.herons.id }

    const md = await s.call('export.preview', { ...article, format: 'md' })
    expect(md).toMatchObject({ fileName: 'Herons of the Estuary.md', error: null, notice: null, shownArticles: 1, totalArticles: 1, truncated: false })
    expect(md.content).toMatch(/^---\ntitle: "Herons of the Estuary"\n/)
    expect(md.content).toContain(`> ${QUOTE}`)
    expect(md.content).toContain('Check the *count* sheet')
    const links = [...md.content.matchAll(/\[Open in Gloss\]\((gloss:[^)]+)\)/g)].map((m) => parseGlossLink(m[1]))
    expect(links).toEqual([
      { corpus: s.corpus, article: s.herons.id, highlight: s.heron.id },
      { corpus: s.corpus, article: s.herons.id, highlight: s.special.id }
    ])

    const folder = await s.call('export.preview', { ...article, format: 'md-folder' })
    expect(folder.fileName).toBe('Herons of the Estuary.md')
    expect(folder.content).toMatch(new RegExp(`^---\\ngloss_id: "${s.herons.id}"\\n`))
    expect(folder.content).toContain(REGION_BEGIN)
    expect(folder.content.trimEnd().endsWith(REGION_END)).toBe(true)

    const json = JSON.parse((await s.call('export.preview', { ...article, format: 'json' })).content)
    expect(json.type).toBe('AnnotationCollection')
    const exacts = json.first.items.flatMap((item: any) => (item.target.selector ?? []).filter((sel: any) => sel.type === 'TextQuoteSelector').map((sel: any) => sel.exact))
    expect(exacts).toEqual([QUOTE, SPECIAL_QUOTE])

    const csv = await s.call('export.preview', { ...article, format: 'csv' })
    expect(csv.fileName).toBe('Herons of the Estuary.csv')
    expect(csv.content.startsWith('\ufeffkind,article_id,')).toBe(true)
    expect(csv.content).toContain(QUOTE)

    const all = await s.call('export.preview', { scope: 'corpus', format: 'md' })
    expect(all).toMatchObject({ fileName: 'Clippings notes.md', shownArticles: 2, totalArticles: 2 })
    expect(all.content).toContain('## Herons of the Estuary')
    expect(all.content).toContain('## Moss on the North Wall')
    expect(all.content).not.toContain('A Quiet Article')
    // The md export of all notes and export.markdown are the same text (apart from the time).
    const copied = await s.call('export.markdown', { scope: 'corpus' })
    const untimed = (text: string) => text.replace(/^exported: .*$/m, '')
    expect(untimed(copied.markdown)).toBe(untimed(all.content))

    const allFolder = await s.call('export.preview', { scope: 'corpus', format: 'md-folder' })
    expect(allFolder).toMatchObject({ shownArticles: 1, totalArticles: 2, notice: 'One file per article: this is Herons of the Estuary.md, the first of 2.' })
    await s.gloss.close()
  })

  it('renders a custom template and file name, and reports a broken template as a preview error', async () => {
    const s = await annotated()
    const request = { scope: 'article' as const, articleId: s.herons.id, format: 'md-folder' as const }
    const custom = await s.call('export.preview', {
      ...request,
      template: '---\ntitle: {{yaml.title}}\n---\n# {{title}}\n{{#highlights}}\n- {{quote_line}} ({{color}})\n{{/highlights}}\n',
      fileNameTemplate: '{{published_date}} {{slug}}'
    })
    expect(custom.error).toBeNull()
    expect(custom.fileName).toBe('2023-04-12 herons-of-the-estuary.md')
    expect(custom.content).toContain(`- ${QUOTE} (green)`)
    // Template characters in a quote are text, never a second template.
    expect(custom.content).toContain('{{not a tag}}')

    const cases: Array<[string, Input<'export.preview'>, RegExp]> = [
      ['an unknown variable', { ...request, template: '# {{titel}}' }, /^Template, line 1, column 3: unknown variable \{\{titel\}\}/],
      ['an unclosed section', { ...request, template: '# {{title}}\n{{#highlights}}\n- {{quote}}\n' }, /^Template, line 2, column 1: \{\{#highlights\}\} is not closed/],
      ['a partial', { ...request, format: 'md', template: 'x\n  {{> other}}' }, /^Template, line 2, column 3: .*cannot include/],
      ['a broken file name', { ...request, fileNameTemplate: '{{title' }, /^File name template, line 1, column 1:/],
      ['front matter that is not YAML', { ...request, template: '---\ntitle: [unclosed\n---\nbody\n' }, /^Template: the template’s front matter is not valid YAML/]
    ]
    for (const [label, input, message] of cases) {
      const preview = await s.call('export.preview', input)
      expect(preview.error, label).toMatch(message)
      expect(preview.content, label).toBe('')
    }
    // Templates shape Markdown only: for JSON they are a request error.
    expect(await s.gloss.dispatch('export.preview', { ...request, format: 'json', template: '# {{title}}' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'Templates apply to the md and md-folder formats only' }
    })
    await s.gloss.close()
  })

  it('says so when the article has nothing to export, and previews the first articles of a big folder', async () => {
    const corpus = await tempDir('big')
    const files: Record<string, string> = {}
    for (let i = 0; i < PREVIEW_ARTICLE_LIMIT + 5; i++) files[`a${String(i).padStart(2, '0')}.md`] = `# Article ${i}\n\nThe paragraph of article ${i} is here.\n`
    await writeCorpus(corpus, files)
    const s = await startCore(corpus, await tempDir('data'))
    const { articles } = await s.call('library.list', { sort: 'title' })
    const empty = await s.call('export.preview', { scope: 'corpus', format: 'md-folder' })
    expect(empty).toMatchObject({ content: '', totalArticles: 0, notice: expect.stringMatching(/^No article has highlights or a note yet/) })
    const untouched = await s.call('export.preview', { scope: 'article', articleId: articles[0].id, format: 'md-folder' })
    expect(untouched.notice).toMatch(/has no highlights or note: a folder export writes no new file/)
    for (const a of articles) await s.call('article.setNote', { articleId: a.id, note: `Note on ${a.title}` })
    const started = performance.now()
    const big = await s.call('export.preview', { scope: 'corpus', format: 'json' })
    const elapsed = performance.now() - started
    expect(big).toMatchObject({ shownArticles: PREVIEW_ARTICLE_LIMIT, totalArticles: PREVIEW_ARTICLE_LIMIT + 5 })
    expect(JSON.parse(big.content).first.items).toHaveLength(PREVIEW_ARTICLE_LIMIT)
    expect(elapsed).toBeLessThan(2000)
    await s.gloss.close()
  })
})

describe('export.run', () => {
  it('saves one file per format where the save dialog says, with the right suggested name and type', async () => {
    const s = await annotated()
    const out = await tempDir('out')
    for (const [format, name, filter] of [
      ['md', 'Herons of the Estuary.md', 'md'],
      ['json', 'Herons of the Estuary.json', 'json'],
      ['csv', 'Herons of the Estuary.csv', 'csv']
    ] as const) {
      s.answer.save = path.join(out, name)
      const result = await s.call('export.run', { scope: 'article', articleId: s.herons.id, format })
      expect(result).toEqual({ path: path.join(out, name), report: null })
      expect(s.dialogs.saves.at(-1)).toEqual({ name, filters: [expect.objectContaining({ extensions: [filter] })] })
      const written = await readFile(result.path!, 'utf8')
      const preview = await s.call('export.preview', { scope: 'article', articleId: s.herons.id, format })
      // ISO times (JSON, CSV) and Obsidian's Date & time (Markdown front matter, no zone or milliseconds).
      const untimed = (text: string) => text.replace(/20\d\d-\d\d-\d\dT\d\d(:|%3A)\d\d(:|%3A)\d\d(\.\d{3}Z)?/g, '<time>')
      expect(untimed(written)).toBe(untimed(preview.content))
    }
    // A custom template is used for the file too.
    s.answer.save = path.join(out, 'custom.md')
    await s.call('export.run', { scope: 'corpus', format: 'md', template: '## {{title}} ({{highlight_count}})\n' })
    expect(await readFile(path.join(out, 'custom.md'), 'utf8')).toBe('## Herons of the Estuary (2)\n\n## Moss on the North Wall (1)\n')
    // Cancelled: nothing written.
    s.answer.save = null
    expect(await s.call('export.run', { scope: 'corpus', format: 'csv' })).toEqual({ path: null, report: null })
    // Never into the corpus, and a broken template is refused before any dialog.
    s.answer.save = path.join(s.corpus, 'notes.json')
    expect(await s.gloss.dispatch('export.run', { scope: 'corpus', format: 'json' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    const saves = s.dialogs.saves.length
    expect(await s.gloss.dispatch('export.run', { scope: 'corpus', format: 'md', template: '{{#highlights}}' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringMatching(/^Template, line 1/) }
    })
    expect(s.dialogs.saves).toHaveLength(saves)
    expect((await readdir(s.corpus)).sort()).toEqual(['herons.md', 'notes', 'quiet.txt'])
    // A dry run is for folders.
    expect(await s.gloss.dispatch('export.run', { scope: 'corpus', format: 'md', dryRun: true })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await s.gloss.close()
  })

  it('exports a folder, and a second export keeps what the user wrote outside the managed region', async () => {
    const s = await annotated()
    const vault = path.join(await tempDir('vault'), 'Reading')
    s.answer.folder = vault

    const dry = await s.call('export.run', { scope: 'corpus', format: 'md-folder', dryRun: true })
    expect(s.dialogs.folders).toEqual(['Clippings notes'])
    expect(dry.report).toMatchObject({ dryRun: true, update: [], unchanged: [], skippedDeleted: [], problems: [] })
    expect(dry.report!.create.map((e) => e.file).sort()).toEqual(['Herons of the Estuary.md', 'Moss on the North Wall.md'])
    expect(await readdir(vault).catch(() => 'no folder')).toBe('no folder')

    const first = await s.call('export.run', { scope: 'corpus', format: 'md-folder' })
    expect(first.path).toBe(vault)
    expect(first.report!.create.map((e) => e.file).sort()).toEqual(['Herons of the Estuary.md', 'Moss on the North Wall.md'])
    const file = path.join(vault, 'Herons of the Estuary.md')
    const exported = await readFile(file, 'utf8')

    // The user writes above and below the region, and adds a front matter key.
    const mine = exported
      .replace('---\n\n', '---\n\nMy summary, written in Obsidian.\n\n')
      .replace(/^---\n/, '---\nrating: 5\n')
      .concat('\n## My thoughts\n\nThe herons deserve a chapter.\n')
    await writeFile(file, mine)
    // And deletes the moss file.
    await rm(path.join(vault, 'Moss on the North Wall.md'))
    // Gloss gets a new note meanwhile.
    await s.call('highlight.update', { highlightId: s.heron.id, note: 'Recount in May' })

    const second = await s.call('export.run', { scope: 'corpus', format: 'md-folder' })
    expect(second.report).toMatchObject({
      create: [],
      update: [expect.objectContaining({ file: 'Herons of the Estuary.md' })],
      skippedDeleted: [expect.objectContaining({ file: 'Moss on the North Wall.md' })]
    })
    const after = await readFile(file, 'utf8')
    expect(after).toContain('My summary, written in Obsidian.')
    expect(after).toContain('rating: 5')
    expect(after.endsWith('\n## My thoughts\n\nThe herons deserve a chapter.\n')).toBe(true)
    expect(after).toContain('Recount in May')
    expect(after).not.toContain('Check the *count* sheet')
    expect((await readdir(vault)).sort()).toEqual(['Herons of the Estuary.md'])

    // Asked to, the deleted file comes back; the user's file is unchanged by a run with nothing new.
    const third = await s.call('export.run', { scope: 'corpus', format: 'md-folder', recreateDeleted: true })
    expect(third.report).toMatchObject({ create: [expect.objectContaining({ file: 'Moss on the North Wall.md' })], update: [] })
    expect(third.report!.unchanged.map((e) => e.file)).toEqual(['Herons of the Estuary.md'])
    expect(await readFile(file, 'utf8')).toBe(after)

    // Never into the corpus.
    s.answer.folder = path.join(s.corpus, 'notes')
    expect(await s.gloss.dispatch('export.run', { scope: 'corpus', format: 'md-folder' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    s.answer.folder = null
    expect(await s.call('export.run', { scope: 'article', articleId: s.herons.id, format: 'md-folder' })).toEqual({ path: null, report: null })
    await s.gloss.close()
  })

  it('keeps the md export and export.markdown working on the same engine (the built-in format with links back)', async () => {
    const s = await annotated()
    const out = await tempDir('out')
    s.answer.save = path.join(out, 'article.md')
    expect(await s.call('export.run', { scope: 'article', articleId: s.herons.id, format: 'md' })).toEqual({ path: path.join(out, 'article.md'), report: null })
    expect(s.dialogs.saves.at(-1)).toEqual({ name: 'Herons of the Estuary.md', filters: [{ name: 'Markdown', extensions: ['md'] }] })
    const saved = await readFile(path.join(out, 'article.md'), 'utf8')
    const { markdown } = await s.call('export.markdown', { scope: 'article', articleId: s.herons.id })
    expect(saved.replace(/^exported: .*$/m, '')).toBe(markdown.replace(/^exported: .*$/m, ''))
    expect(markdown).toContain('[Open in Gloss](gloss://open?corpus=')
    expect((await s.call('export.defaults', {})).template).toBe(DEFAULT_ARTICLE_TEMPLATE)
    await s.gloss.close()
  })
})

describe('import.annotations', () => {
  it('round trip: JSON exported here imports into a fresh data folder, placed, without duplicates, and exports the same', async () => {
    const s = await annotated()
    const out = await tempDir('out')
    s.answer.save = path.join(out, 'notes.json')
    await s.call('export.run', { scope: 'corpus', format: 'json' })
    const original = await readFile(path.join(out, 'notes.json'), 'utf8')
    await s.gloss.close()

    const fresh = await startCore(s.corpus, await tempDir('fresh-data'))
    expect((await fresh.call('article.get', { articleId: s.herons.id })).highlights).toEqual([])
    // Cancelled: nothing happens.
    expect(await fresh.call('import.annotations', {})).toEqual({ file: null, report: null })
    // One filter for every kind Gloss imports (a second filter would hide CSV files behind a menu).
    expect(fresh.dialogs.opens[0]).toEqual([{ name: 'Annotations (W3C or Hypothesis JSON, Readwise CSV)', extensions: ['json', 'jsonld', 'csv'] }])

    fresh.answer.open = path.join(out, 'notes.json')
    const first = await fresh.call('import.annotations', {})
    expect(first).toEqual({ file: path.join(out, 'notes.json'), report: { imported: 4, updated: 0, duplicates: 0, unplaced: [], unmatchedArticles: [] } })
    const herons = await fresh.call('article.get', { articleId: s.herons.id })
    expect(herons.note).toBe('Read before the survey.')
    expect(herons.highlights.map((h) => [h.id, herons.text.slice(h.anchor!.start, h.anchor!.end), h.color, h.note])).toEqual([
      [s.heron.id, QUOTE, 'green', 'Check the *count* sheet'],
      [s.special.id, SPECIAL_QUOTE, 'pink', '']
    ])
    const again = await fresh.call('import.annotations', {})
    expect(again.report).toMatchObject({ imported: 0, updated: 0, duplicates: 4 })

    fresh.answer.save = path.join(out, 'again.json')
    await fresh.call('export.run', { scope: 'corpus', format: 'json' })
    // The same collection, apart from when it was made (its id and `generated`, and the page's id, `partOf` and `last`, made from it).
    const untimed = (text: string) => {
      const { id: _id, generated: _generated, last: _last, first: { id: _page, partOf: _partOf, ...page }, ...rest } = JSON.parse(text)
      return { ...rest, first: page }
    }
    const reexported = await readFile(path.join(out, 'again.json'), 'utf8')
    expect(untimed(reexported)).toEqual(untimed(original))
    expect(untimed(reexported).first.items).toHaveLength(4)

    // A file that is not there, or not annotations: errors the dialog can show.
    fresh.answer.open = path.join(out, 'missing.json')
    expect(await fresh.gloss.dispatch('import.annotations', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    await writeFile(path.join(out, 'list.json'), '{"hello": "world"}')
    fresh.answer.open = path.join(out, 'list.json')
    expect(await fresh.gloss.dispatch('import.annotations', {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    await fresh.gloss.close()
  })
})

describe('app.openLink', () => {
  it('finds the article and highlight of a link, opening its folder when another is open', async () => {
    const s = await annotated()
    const { content } = await s.call('export.preview', { scope: 'article', articleId: s.herons.id, format: 'md' })
    const link = /\[Open in Gloss\]\((gloss:[^)]+)\)/.exec(content)![1]
    expect(await s.call('app.openLink', { url: link })).toMatchObject({ library: { root: s.corpus }, articleId: s.herons.id, highlightId: s.heron.id, notice: null })

    // From another folder: the link's folder opens again.
    const other = await tempDir('other')
    await writeCorpus(other, { 'x.md': '# X\n\nAnother folder.\n' })
    await s.call('library.open', { root: other })
    const opened = await s.call('app.openLink', { url: link })
    expect(opened).toMatchObject({ library: { root: s.corpus, articleCount: 3 }, articleId: s.herons.id, highlightId: s.heron.id })
    expect((await s.call('library.current', {}))!.root).toBe(s.corpus)

    // A link to the article alone.
    const articleLink = `gloss://open?corpus=${encodeURIComponent(s.corpus)}&article=${s.moss.id}`
    expect(await s.call('app.openLink', { url: articleLink })).toMatchObject({ articleId: s.moss.id, highlightId: null, notice: null })

    // A deleted highlight: its article, and a word about it.
    await s.call('highlight.delete', { highlightId: s.stones.id })
    const stale = `gloss://open?corpus=${encodeURIComponent(s.corpus)}&article=${s.moss.id}&highlight=${s.stones.id}`
    expect(await s.call('app.openLink', { url: stale })).toMatchObject({ articleId: s.moss.id, highlightId: null, notice: expect.stringMatching(/deleted/) })
    await s.gloss.close()
  })

  it('follows a highlight whose article file moved, and refuses what it should', async () => {
    const s = await annotated()
    const link = `gloss://open?corpus=${encodeURIComponent(s.corpus)}&article=${s.herons.id}&highlight=${s.heron.id}`
    await s.gloss.close()
    await mkdir(path.join(s.corpus, 'birds'))
    await rename(path.join(s.corpus, 'herons.md'), path.join(s.corpus, 'birds', 'herons.md'))
    const moved = await startCore(s.corpus, s.dataDir)
    const target = await moved.call('app.openLink', { url: link })
    expect(target.articleId).not.toBe(s.herons.id)
    expect(target.highlightId).toBe(s.heron.id)
    expect((await moved.call('article.get', { articleId: target.articleId })).files).toEqual(['birds/herons.md'])

    // A folder Gloss never opened is not opened from a link; the open folder stays.
    const stranger = await tempDir('stranger')
    await writeCorpus(stranger, { 'y.md': '# Y\n\nNever opened.\n' })
    const cases: Array<[string, string, string, RegExp]> = [
      ['a folder never opened', `gloss://open?corpus=${encodeURIComponent(stranger)}&article=abc`, 'BAD_INPUT', /has no notes for/],
      // Not known by name, so not even looked at (no stat): refused the same way as any stranger.
      ['a folder never opened that is not here', `gloss://open?corpus=${encodeURIComponent(path.join(stranger, 'gone'))}&article=abc`, 'BAD_INPUT', /has no notes for/],
      ['a UNC path', `gloss://open?corpus=${encodeURIComponent('\\\\evil-host\\share')}&article=abc`, 'BAD_INPUT', /not a Gloss link|network or device paths/],
      ['a UNC path, forward slashes', `gloss://open?corpus=${encodeURIComponent('//evil-host/share')}&article=abc`, 'BAD_INPUT', /network or device paths/],
      ['a device path', `gloss://open?corpus=${encodeURIComponent('\\\\?\\C:\\x')}&article=abc`, 'BAD_INPUT', /not a Gloss link|network or device paths/],
      ['an article not in the folder', `gloss://open?corpus=${encodeURIComponent(s.corpus)}&article=nope`, 'NOT_FOUND', /not in the folder/],
      ['another scheme', 'https://example.org/?corpus=/x&article=a', 'BAD_INPUT', /not a Gloss link/],
      ['a relative folder', 'gloss://open?corpus=clips&article=a', 'BAD_INPUT', /not a Gloss link/],
      ['an unknown parameter', `gloss://open?corpus=${encodeURIComponent(s.corpus)}&article=a&run=1`, 'BAD_INPUT', /not a Gloss link/]
    ]
    for (const [label, url, code, message] of cases) {
      const result = await moved.gloss.dispatch('app.openLink', { url })
      expect(result, label).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } })
    }
    expect((await moved.call('library.current', {}))!.root).toBe(s.corpus)
    await moved.gloss.close()
  })
})
