// An in-memory stand-in for the main process, speaking the real contract: every call
// is checked against the contract's input schema and every answer against its output
// schema, so a component test fails if the renderer and the contract drift apart. Like
// the real core it pushes a DataChange after every change it makes (emit, events()).
// Over 400 lines on purpose: one handler per contract method, kept side by side so a
// new method is obviously missing here.
import type { Transport } from '../../../shared/api'
import { listAnnotations, type ParsedAnnotationQuery } from '../../../shared/annotations/list-annotations'
import { contract, type Method } from '../../../shared/contract'
import { compileTemplate, TemplateError } from '../../../shared/export/template'
import type {
  Article,
  ArticleSummary,
  ExportPreview,
  ExportRequest,
  ExportRunRequest,
  ExportRunResult,
  FolderExportEntry,
  Highlight,
  ImportResult,
  LibrarySummary,
  MissingArticle,
  Prefs,
  SaveStatus,
  SearchResponse
} from '../../../shared/model'
import { DEFAULT_PREFS } from '../../../shared/model'
import type { DataChange, GlossEvents } from '../../../shared/events'
import type { Result } from '../../../shared/result'
import { checkTag, checkTagList, removeTag, renameInList, tagKey } from '../../../shared/tags'
import { changeOf } from './data-change'

export interface FakeLibrary {
  summary: LibrarySummary
  articles: Article[]
  /** Annotations of articles no longer in the folder. */
  missing?: MissingArticle[]
}

export interface Call {
  method: Method
  input: unknown
}

type Handler = (input: never) => unknown

/** The fake's built-in article template (export.defaults); the real one is the main process's. */
export const FAKE_DEFAULT_TEMPLATE = '# {{title}}\n'

class Failure extends Error {
  constructor(
    readonly code: 'BAD_INPUT' | 'NOT_FOUND' | 'INTERNAL' | 'UNAVAILABLE',
    message: string
  ) {
    super(message)
  }
}

export class FakeGloss {
  readonly calls: Call[] = []
  current: FakeLibrary | null
  /** What the folder picker returns: a root known to `libraries`, null (cancel) or an error. */
  chooseFolderResult: string | null | Error = null
  savePath: string | null = '/tmp/export/notes.md'
  /** What the folder dialog of a md-folder export returns (null: cancelled). */
  exportFolder: string | null = '/tmp/export/Vault'
  /** Makes export.run fail with this message. */
  runError: string | null = null
  /** How long export.preview takes to answer, per request (tests of late answers). */
  previewDelayMs: ((request: ExportRequest) => number) | null = null
  /** What import.annotations gives: a result (file null: cancelled) or a failure. */
  importResult: ImportResult | Error = { file: null, report: null }
  recent: string[] = []
  prefs: Prefs = { ...DEFAULT_PREFS }
  /** What app.saveStatus answers; a test sets it, then emits `{ cause: 'save', saving: true }`. */
  saveProblem: SaveStatus['problem'] = null
  private nextId = 1

  constructor(
    readonly libraries: Map<string, FakeLibrary>,
    current: string | null,
    readonly sampleRoot: string
  ) {
    this.current = current ? libraries.get(current)! : null
  }

  private changeListeners = new Set<(change: DataChange) => void>()

  /**
   * Tells listeners what changed, as the real core pushes a DataChange after every change
   * it makes. The fake calls it after its own edits; a test calls it for changes "on disk".
   */
  emit(change: Partial<DataChange>): void {
    const full = changeOf(this.current?.summary.root ?? '', {
      cause: 'edit',
      history: this.historyState(),
      ...change,
      articles: { changed: [], added: [], removed: [], moved: [], ...change.articles }
    })
    for (const listener of [...this.changeListeners]) listener(full)
  }

  /** The fake's change events joined to `base` (menu commands and scan reports a test fires by hand). */
  events(base: GlossEvents | null = null): GlossEvents {
    return {
      onMenuCommand: (listener) => base?.onMenuCommand(listener) ?? (() => undefined),
      onScanProgress: (listener) => base?.onScanProgress(listener) ?? (() => undefined),
      onChange: (listener) => {
        this.changeListeners.add(listener)
        const offBase = base?.onChange(listener)
        return () => {
          this.changeListeners.delete(listener)
          offBase?.()
        }
      }
    }
  }

  callsTo(method: Method): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.input)
  }

  private library(): FakeLibrary {
    if (!this.current) throw new Failure('UNAVAILABLE', 'No library is open')
    return this.current
  }

  /** The stored article (tests read what an edit did to it). */
  article(id: string): Article {
    const found = this.library().articles.find((a) => a.id === id)
    if (!found) throw new Failure('NOT_FOUND', 'article not found')
    return found
  }

  private findHighlight(id: string): Highlight {
    for (const a of this.library().articles) {
      const h = a.highlights.find((x) => x.id === id)
      if (h) return h
    }
    throw new Failure('NOT_FOUND', 'highlight not found')
  }

  private summaryOf(a: Article): ArticleSummary {
    const { text: _t, blocks: _b, highlights, note: _n, progressOffset: _p, ...rest } = a
    return { ...rest, highlightCount: highlights.length }
  }

  private open(root: string): LibrarySummary {
    const lib = this.libraries.get(root)
    if (!lib) throw new Failure('NOT_FOUND', `folder not found: ${root}`)
    this.current = lib
    this.recent = [root, ...this.recent.filter((r) => r !== root)]
    return lib.summary
  }

  private handlers: { [M in Method]: Handler } = {
    'library.current': () => this.current?.summary ?? null,
    'library.open': ({ root }: { root: string }) => this.open(root),
    'library.chooseFolder': () => {
      if (this.chooseFolderResult instanceof Error) throw new Failure('UNAVAILABLE', this.chooseFolderResult.message)
      return this.chooseFolderResult === null ? null : this.open(this.chooseFolderResult)
    },
    'library.openSample': () => this.open(this.sampleRoot),
    'library.recent': () => ({ folders: this.recent }),
    'library.list': ({ sort, topic, query, tag, offset = 0, limit }: { sort: 'date' | 'title'; topic?: string; query?: string; tag?: string; offset?: number; limit?: number }) => {
      let list = this.library().articles.map((a) => this.summaryOf(a))
      if (topic) list = list.filter((a) => a.topics.includes(topic))
      if (tag) {
        const carries = (tags: string[]) => tags.some((t) => tagKey(t) === tagKey(tag))
        list = list.filter((s) => carries(s.tags) || this.article(s.id).highlights.some((h) => carries(h.tags)))
      }
      if (query) list = list.filter((a) => a.title.toLowerCase().includes(query.toLowerCase()))
      // Newest first; undated or unparseable dates last.
      const time = (a: ArticleSummary) => (a.published ? Date.parse(a.published) : NaN) || -Infinity
      list.sort((a, b) => (sort === 'title' ? a.title.localeCompare(b.title) : time(b) - time(a)))
      // A page of the rows, as the core answers (the list asks a page at a time).
      return { articles: list.slice(offset, limit === undefined ? undefined : offset + limit), total: list.length }
    },
    // The same rows library.list answers with, searched for one article.
    'library.position': ({ articleId, ...query }: { articleId: string; sort: 'date' | 'title'; topic?: string; query?: string; tag?: string }) => {
      const { articles, total } = (this.handlers['library.list'] as (q: typeof query) => { articles: ArticleSummary[]; total: number })(query)
      const index = articles.findIndex((a) => a.id === articleId)
      return { index: index < 0 ? null : index, total }
    },
    'article.get': ({ articleId }: { articleId: string }) => {
      // A read, as in the core: article.opened remembers the article.
      const a = this.article(articleId)
      return { ...a, highlightCount: a.highlights.length }
    },
    'article.opened': ({ articleId }: { articleId: string }) => {
      this.library().summary = { ...this.library().summary, lastArticleId: this.article(articleId).id }
      return {}
    },
    'article.setNote': ({ articleId, note }: { articleId: string; note: string }) => {
      this.article(articleId).note = note
      return { note }
    },
    'article.setProgress': ({ articleId, fraction, offset }: { articleId: string; fraction: number; offset: number }) => {
      const a = this.article(articleId)
      a.progress = Math.min(1, Math.max(0, fraction))
      a.progressOffset = offset
      return {}
    },
    'highlight.create': ({ articleId, start, end, color, note }: { articleId: string; start: number; end: number; color: Highlight['color']; note?: string }) => {
      const a = this.article(articleId)
      if (end > a.text.length) throw new Failure('BAD_INPUT', 'range outside the text')
      const stamp = new Date(Date.UTC(2024, 5, 1, 0, 0, this.nextId)).toISOString()
      const h: Highlight = {
        id: `fake-${this.nextId++}`,
        articleId,
        color,
        note: note ?? '',
        quote: { type: 'TextQuoteSelector', exact: a.text.slice(start, end), prefix: a.text.slice(Math.max(0, start - 32), start), suffix: a.text.slice(end, end + 32) },
        position: { type: 'TextPositionSelector', start, end },
        createdAt: stamp,
        updatedAt: stamp,
        tags: [],
        anchor: { start, end }
      }
      a.highlights.push(h)
      return h
    },
    'highlight.update': ({ highlightId, color, note, tags }: { highlightId: string; color?: Highlight['color']; note?: string; tags?: string[] }) => {
      const h = this.findHighlight(highlightId)
      const checked = tags === undefined ? undefined : this.checkTags(tags)
      if (color) h.color = color
      if (note !== undefined) h.note = note
      if (checked) h.tags = checked
      return { ...h }
    },
    'library.missing': () => this.library().missing ?? [],
    'highlight.reattach': ({ highlightId, start, end }: { highlightId: string; start: number; end: number }) => {
      const h = this.findHighlight(highlightId)
      const a = this.article(h.articleId)
      if (end > a.text.length) throw new Failure('BAD_INPUT', 'range outside the text')
      h.quote = { type: 'TextQuoteSelector', exact: a.text.slice(start, end), prefix: a.text.slice(Math.max(0, start - 32), start), suffix: a.text.slice(end, end + 32) }
      h.position = { type: 'TextPositionSelector', start, end }
      h.anchor = { start, end }
      return { ...h }
    },
    // The real query over the fake's articles (missing articles' highlights are not listed here).
    'annotations.list': (query: ParsedAnnotationQuery) => {
      const { articles } = this.library()
      const highlights = articles.flatMap((a) => a.highlights)
      const current = new Map(highlights.flatMap((h) => (h.currentQuote === undefined ? [] : [[h.id, h.currentQuote] as const])))
      return listAnnotations({ articles: [...articles], highlights, currentQuote: (id) => current.get(id) }, query)
    },
    'annotations.removeMissing': ({ articleId }: { articleId: string }) => {
      const lib = this.library()
      const found = lib.missing?.find((m) => m.articleId === articleId)
      if (!found) throw new Failure('NOT_FOUND', 'missing article not found')
      lib.missing = lib.missing!.filter((m) => m !== found)
      return { removed: found.highlights.length + (found.note ? 1 : 0) }
    },
    'highlight.delete': ({ highlightId }: { highlightId: string }) => {
      const h = this.findHighlight(highlightId)
      const a = this.article(h.articleId)
      a.highlights = a.highlights.filter((x) => x.id !== highlightId)
      return { deleted: true }
    },
    'export.markdown': (scope: { scope: 'article'; articleId: string } | { scope: 'corpus' }) => {
      const articles = scope.scope === 'article' ? [this.article(scope.articleId)] : this.library().articles
      const markdown = articles
        .map((a) => [`# ${a.title}`, ...a.highlights.map((h) => `> ${h.quote.exact}\n\n${h.note}`)].join('\n\n'))
        .join('\n\n')
      return { markdown, fileName: 'notes.md' }
    },
    'export.defaults': () => ({
      template: FAKE_DEFAULT_TEMPLATE,
      fileNameTemplate: '{{title}}',
      articleVariables: ['title', 'url', 'highlights'],
      highlightVariables: ['quote', 'note', 'color'],
      fileNameVariables: ['title', 'date']
    }),
    'export.preview': (request: ExportRequest): ExportPreview => {
      const articles = this.scopeArticles(request)
      const base = { notice: null, shownArticles: articles.length, totalArticles: articles.length, truncated: false }
      const first = articles[0]
      const fileName = request.format === 'json' ? 'notes.json' : request.format === 'csv' ? 'notes.csv' : `${first?.title ?? 'notes'}.md`
      if (request.format === 'json') return { ...base, content: JSON.stringify({ items: articles.flatMap((a) => a.highlights.map((h) => h.id)) }), fileName, error: null }
      if (request.format === 'csv') {
        const rows = articles.flatMap((a) => a.highlights.map((h) => `highlight,${h.quote.exact}`))
        return { ...base, content: ['kind,quote', ...rows].join('\n'), fileName, error: null }
      }
      if (request.template === undefined) {
        const content = articles.map((a) => [`# ${a.title}`, ...a.highlights.map((h) => `> ${h.quote.exact}`)].join('\n\n')).join('\n\n')
        return { ...base, content, fileName, error: null }
      }
      try {
        const template = compileTemplate(request.template)
        return { ...base, content: articles.map((a) => template.render({ title: a.title })).join('\n'), fileName, error: null }
      } catch (error) {
        if (error instanceof TemplateError) return { ...base, content: '', fileName: '', error: error.message }
        throw error
      }
    },
    'export.run': (request: ExportRunRequest): ExportRunResult => {
      if (this.runError) throw new Failure('BAD_INPUT', this.runError)
      if (request.format !== 'md-folder') return { path: this.savePath, report: null }
      if (this.exportFolder === null) return { path: null, report: null }
      // The fake vault: the user deleted the file of the last annotated article after an earlier export.
      const entries: FolderExportEntry[] = this.scopeArticles(request)
        .filter((a) => a.highlights.length > 0 || a.note.trim() !== '')
        .map((a) => ({ articleId: a.id, title: a.title, file: `${a.title}.md` }))
      const deleted = request.recreateDeleted ? [] : entries.slice(-1)
      const create = request.recreateDeleted ? entries : entries.slice(0, -1)
      const report = { folder: this.exportFolder, dryRun: request.dryRun ?? false, create, update: [], unchanged: [], skippedDeleted: deleted, problems: [], notice: null }
      return { path: this.exportFolder, report }
    },
    'import.annotations': () => {
      if (this.importResult instanceof Error) throw new Failure('BAD_INPUT', this.importResult.message)
      return this.importResult
    },
    'app.ready': () => ({}),
    'app.saveStatus': () => ({ problem: this.saveProblem }),
    'app.openLink': ({ url }: { url: string }) => {
      // The fake knows one shape: gloss://open?corpus=<root>&article=<id>[&highlight=<id>].
      const match = /^gloss:\/\/open\?(.*)$/.exec(url)
      if (!match) throw new Failure('BAD_INPUT', 'This is not a Gloss link')
      const params = new URLSearchParams(match[1])
      const corpus = params.get('corpus') ?? ''
      const articleId = params.get('article') ?? ''
      const library = this.current?.summary.root === corpus ? this.current.summary : this.open(corpus)
      const article = this.article(articleId)
      const wanted = params.get('highlight')
      const highlightId = wanted && article.highlights.some((h) => h.id === wanted) ? wanted : null
      const notice = wanted && !highlightId ? 'The highlight this link points to has been deleted; here is its article.' : null
      return { library, articleId, highlightId, notice }
    },
    // Substring search over text and highlight notes; the real ranking is the main process's (tested there).
    'search.query': ({ query, limit = 20 }: { query: string; limit?: number }): SearchResponse => {
      const needle = query.trim().toLowerCase()
      const results: SearchResponse['results'] = []
      for (const a of this.library().articles) {
        const at = a.text.toLowerCase().indexOf(needle)
        if (at >= 0) {
          const from = Math.max(0, at - 40)
          const snippet = { text: a.text.slice(from, at + 120), marks: [{ start: at - from, end: at - from + needle.length }] }
          results.push({ articleId: a.id, title: a.title, kind: 'article', highlightId: null, snippet, offset: at, score: 1 })
        }
        for (const h of a.highlights) {
          const n = h.note.toLowerCase().indexOf(needle)
          if (n < 0) continue
          const snippet = { text: h.note, marks: [{ start: n, end: n + needle.length }] }
          results.push({ articleId: a.id, title: a.title, kind: 'highlight', highlightId: h.id, snippet, offset: h.anchor?.start ?? null, score: 1 })
        }
      }
      return { results: results.slice(0, limit), total: results.length, tookMs: 1 }
    },
    // Undo over whole snapshots of the open library's annotations; the real record diff is the main process's (tested there).
    'history.undo': ({ expect }: { expect?: { label: string; highlightId?: string } }) => {
      const top = this.undoStack.at(-1)
      if (expect && (!top || top.label !== expect.label || (expect.highlightId && !top.highlightIds.includes(expect.highlightId)))) {
        return { done: null, ...this.historyState() }
      }
      return this.historyStep(this.undoStack, this.redoStack, 'before')
    },
    'history.redo': () => this.historyStep(this.redoStack, this.undoStack, 'after'),
    'history.state': () => this.historyState(),
    'prefs.get': () => ({ ...this.prefs }),
    'prefs.set': (patch: Partial<Prefs>) => {
      this.prefs = { ...this.prefs, ...patch }
      return { ...this.prefs }
    },
    'article.setTags': ({ articleId, tags }: { articleId: string; tags: string[] }) => {
      const a = this.article(articleId)
      a.tags = this.checkTags(tags)
      return { tags: [...a.tags] }
    },
    // The real counting rules are the main process's (tested there): spelling first seen, most used first.
    'tags.list': () => {
      const counts = new Map<string, { tag: string; highlights: number; articles: number }>()
      const count = (tags: string[], field: 'highlights' | 'articles') => {
        for (const tag of tags) {
          const found = counts.get(tagKey(tag)) ?? { tag, highlights: 0, articles: 0 }
          found[field]++
          counts.set(tagKey(tag), found)
        }
      }
      for (const a of this.library().articles) {
        count(a.tags, 'articles')
        for (const h of a.highlights) count(h.tags, 'highlights')
      }
      return [...counts.values()].sort((a, b) => b.highlights + b.articles - (a.highlights + a.articles) || a.tag.localeCompare(b.tag))
    },
    'tags.rename': ({ from, to }: { from: string; to: string }) => {
      const next = checkTag(to)
      if (!next.ok) throw new Failure('BAD_INPUT', next.reason)
      return this.changeTag(from, (tags) => renameInList(tags, from, next.tag))
    },
    'tags.delete': ({ tag }: { tag: string }) => this.changeTag(tag, (tags) => removeTag(tags, tag)),
    'tags.mergePreview': ({ from, to }: { from: string; to: string }) => {
      const keys = new Set([tagKey(from), tagKey(to)])
      const carries = (tags: string[]) => tags.some((t) => keys.has(tagKey(t)))
      const articles = this.library().articles
      return { highlights: articles.flatMap((a) => a.highlights).filter((h) => carries(h.tags)).length, articles: articles.filter((a) => carries(a.tags)).length }
    }
  }

  private checkTags(tags: string[]): string[] {
    const checked = checkTagList(tags)
    if (!checked.ok) throw new Failure('BAD_INPUT', checked.reason)
    return checked.tags
  }

  private changeTag(tag: string, change: (tags: string[]) => string[] | null): { highlights: number; articles: number } {
    const counts = { highlights: 0, articles: 0 }
    for (const a of this.library().articles) {
      const tags = change(a.tags)
      if (tags && a.tags.some((t) => tagKey(t) === tagKey(tag))) (a.tags = tags), counts.articles++
      for (const h of a.highlights) {
        if (!h.tags.some((t) => tagKey(t) === tagKey(tag))) continue
        h.tags = change(h.tags) ?? h.tags
        counts.highlights++
      }
    }
    if (!counts.highlights && !counts.articles) throw new Failure('NOT_FOUND', `Tag "${tag}"`)
    return counts
  }

  private undoStack: FakeHistoryEntry[] = []
  private redoStack: FakeHistoryEntry[] = []

  private annotationsNow(): FakeAnnotations {
    return structuredClone(this.library().articles.map((a) => ({ id: a.id, highlights: a.highlights, note: a.note, tags: a.tags })))
  }

  private historyState() {
    const undo = this.undoStack.at(-1)
    const redo = this.redoStack.at(-1)
    return { canUndo: !!undo, canRedo: !!redo, undoLabel: undo?.label ?? null, redoLabel: redo?.label ?? null }
  }

  private historyStep(from: FakeHistoryEntry[], to: FakeHistoryEntry[], side: 'before' | 'after') {
    const entry = from.pop()
    if (!entry) return { done: null, ...this.historyState() }
    to.push(entry)
    for (const saved of structuredClone(entry[side])) Object.assign(this.article(saved.id), saved)
    const changed = entry.before.filter((b, i) => JSON.stringify(b) !== JSON.stringify(entry.after[i])).map((b) => b.id)
    return { done: { label: entry.label, articleIds: changed, highlightIds: entry.highlightIds }, ...this.historyState() }
  }

  /** The change events of the calls that are not recorded for undo (those are diffed above). */
  private emitAfter(method: Method, input: unknown, output: unknown, rootBefore: string | null): void {
    const root = this.current?.summary.root ?? null
    if (root !== null && root !== rootBefore) return this.emit({ cause: 'open', folder: true, library: true })
    switch (method) {
      case 'library.open':
      case 'library.chooseFolder':
      case 'library.openSample':
        // The same folder opened again: still a fresh start.
        if (output) this.emit({ cause: 'open', folder: true, library: true })
        return
      case 'article.setProgress':
        return this.emit({ progress: [(input as { articleId: string }).articleId] })
      case 'annotations.removeMissing':
        return this.emit({ missing: true, library: true })
      case 'import.annotations':
        // The fake does not know what an import brought: everything that shows annotations.
        if ((output as ImportResult).file)
          this.emit({ cause: 'import', library: true, missing: true, tags: true, annotations: this.library().articles.map((a) => a.id) })
        return
      case 'history.undo':
      case 'history.redo': {
        const done = (output as { done: { articleIds: string[]; highlightIds: string[] } | null }).done
        if (done) this.emit({ cause: method === 'history.undo' ? 'undo' : 'redo', annotations: done.articleIds, highlights: done.highlightIds, tags: true })
        return
      }
    }
  }

  private scopeArticles(request: { scope: 'article'; articleId: string } | { scope: 'corpus' }): Article[] {
    if (request.scope === 'article') return [this.article(request.articleId)]
    return this.library().articles.filter((a) => a.highlights.length > 0 || a.note.trim() !== '')
  }

  readonly transport: Transport = async (method, input): Promise<Result<unknown>> => {
    this.calls.push({ method, input })
    const spec = contract[method]
    const parsed = spec.input.safeParse(input)
    if (!parsed.success) return { ok: false, error: { code: 'BAD_INPUT', message: parsed.error.message } }
    try {
      const delay = method === 'export.preview' && this.previewDelayMs ? this.previewDelayMs(parsed.data as ExportRequest) : 0
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
      const label = FAKE_EDIT_LABELS[method]
      const before = label && this.current ? this.annotationsNow() : null
      const root = this.current?.summary.root ?? null
      const value = this.handlers[method](parsed.data as never)
      const checked = spec.output.safeParse(value)
      if (!checked.success) throw new Error(`fake answered ${method} off-contract: ${checked.error.message}`)
      if (label && before) {
        const after = this.annotationsNow()
        const ids = (list: FakeAnnotations) => new Map(list.flatMap((a) => a.highlights.map((h) => [h.id, JSON.stringify(h)] as const)))
        const [was, now] = [ids(before), ids(after)]
        const highlightIds = [...new Set([...was.keys(), ...now.keys()])].filter((id) => was.get(id) !== now.get(id))
        if (JSON.stringify(before) !== JSON.stringify(after)) {
          this.undoStack.push({ label, before, after, highlightIds })
          this.redoStack = []
          const articleIds = before.filter((b, i) => JSON.stringify(b) !== JSON.stringify(after[i])).map((b) => b.id)
          this.emit({ annotations: articleIds, highlights: highlightIds, tags: FAKE_TAG_EDITS.has(method) })
        }
      } else this.emitAfter(method, parsed.data, checked.data, root)
      return { ok: true, value: structuredClone(checked.data) }
    } catch (error) {
      if (error instanceof Failure) return { ok: false, error: { code: error.code, message: error.message } }
      throw error
    }
  }
}

type FakeAnnotations = Array<{ id: string; highlights: Highlight[]; note: string; tags: string[] }>
interface FakeHistoryEntry {
  label: string
  before: FakeAnnotations
  after: FakeAnnotations
  highlightIds: string[]
}

/** Edits that may change the folder's tag list. */
const FAKE_TAG_EDITS = new Set<Method>(['highlight.update', 'article.setTags', 'tags.rename', 'tags.delete'])

/** The edits the fake records for undo, with the real core's labels (no note coalescing here). */
const FAKE_EDIT_LABELS: Partial<Record<Method, string>> = {
  'highlight.create': 'Create highlight',
  'highlight.update': 'Edit highlight',
  'highlight.delete': 'Delete highlight',
  'highlight.reattach': 'Re-attach highlight',
  'article.setNote': 'Edit article note',
  'article.setTags': 'Edit article tags',
  'tags.rename': 'Rename tag',
  'tags.delete': 'Delete tag'
}

export function librarySummary(root: string, articles: readonly Article[], extra: Partial<LibrarySummary> = {}): LibrarySummary {
  return {
    root,
    name: root.split('/').pop() || root,
    articleCount: articles.length,
    problems: [],
    topics: [...new Set(articles.flatMap((a) => a.topics))].sort(),
    lastArticleId: null,
    isSample: false,
    storeNotice: null,
    ...extra
  }
}
