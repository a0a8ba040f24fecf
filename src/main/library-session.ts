// One opened corpus: the scan result, its annotation store and the article texts.
// Every operation that needs an article's text goes through here, so the text model
// is built once per article and highlights are always anchored against it.
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { anchorQuote, describeRange } from '../shared/anchoring'
import type { Article, ArticleList, ArticleSummary, Highlight, HighlightColor, ListQuery, Problem } from '../shared/model'
import { badInput, notFound } from '../shared/result'
import { bodyToBlocks, type TextModel } from './corpus/blocks'
import type { CorpusArticle, ScanResult } from './corpus/scan'
import type { CorpusData, StoredHighlight } from './store/corpus-store'
import type { JsonStore } from './store/json-store'

const TEXT_CACHE_SIZE = 32
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

export class LibrarySession {
  private readonly byId = new Map<string, CorpusArticle>()
  private readonly textCache = new Map<string, TextModel>()

  constructor(
    readonly scan: ScanResult,
    readonly store: JsonStore<CorpusData>,
    readonly isSample: boolean,
    private readonly now: () => Date
  ) {
    for (const article of scan.articles) this.byId.set(article.id, article)
    this.reattachMovedAnnotations()
  }

  get root(): string {
    return this.scan.root
  }

  get problems(): Problem[] {
    return this.scan.problems
  }

  topics(): string[] {
    const seen = new Map<string, string>()
    for (const article of this.scan.articles) {
      for (const topic of article.topics) if (!seen.has(topic.toLowerCase())) seen.set(topic.toLowerCase(), topic)
    }
    return [...seen.values()].sort(collator.compare)
  }

  lastArticleId(): string | null {
    const id = this.store.data.lastArticleId
    return id && this.byId.has(id) ? id : null
  }

  list(query: { sort: 'date' | 'title'; topic?: string; query?: string }): ArticleList {
    const counts = this.highlightCounts()
    const topic = query.topic?.trim().toLowerCase()
    const needle = query.query ? foldForSearch(query.query.trim()) : ''
    const rows = this.scan.articles.filter(
      (a) =>
        (!topic || a.topics.some((t) => t.toLowerCase() === topic)) && (!needle || foldForSearch(a.title).includes(needle))
    )
    rows.sort(query.sort === 'title' ? byTitle : byDateNewestFirst)
    return { articles: rows.map((a) => this.summarize(a, counts.get(a.id) ?? 0)), total: rows.length }
  }

  getArticle(articleId: string, options: { remember?: boolean } = {}): Article {
    const article = this.article(articleId)
    const model = this.textModel(article)
    const highlights = this.store.data.highlights
      .filter((h) => h.articleId === articleId)
      .map((h) => this.toHighlight(h, model.text))
    if (options.remember !== false && this.store.data.lastArticleId !== articleId) {
      this.store.update((data) => {
        data.lastArticleId = articleId
      })
    }
    return {
      ...this.summarize(article, highlights.length),
      text: model.text,
      blocks: model.blocks,
      highlights: highlights.sort(byReadingOrder),
      note: this.store.data.articleNotes[articleId]?.note ?? ''
    }
  }

  createHighlight(input: { articleId: string; start: number; end: number; color: HighlightColor; note?: string }): Highlight {
    const article = this.article(input.articleId)
    const { text } = this.textModel(article)
    if (input.end > text.length) badRange(`end ${input.end} is past the end of the article (${text.length} characters)`)
    if (!text.slice(input.start, input.end).trim()) badRange('the selection contains no text')
    const { quote, position } = describeRange(text, input.start, input.end)
    const at = this.now().toISOString()
    const stored: StoredHighlight = {
      id: randomUUID(),
      articleId: article.id,
      articleFingerprint: article.fingerprint,
      color: input.color,
      note: input.note ?? '',
      quote,
      position,
      createdAt: at,
      updatedAt: at
    }
    this.store.update((data) => {
      data.highlights.push(stored)
    })
    return this.toHighlight(stored, text)
  }

  updateHighlight(patch: { highlightId: string; color?: HighlightColor; note?: string }): Highlight {
    const existing = this.storedHighlight(patch.highlightId)
    this.store.update(() => {
      if (patch.color !== undefined) existing.color = patch.color
      if (patch.note !== undefined) existing.note = patch.note
      existing.updatedAt = this.now().toISOString()
    })
    const article = this.byId.get(existing.articleId)
    return this.toHighlight(existing, article ? this.textModel(article).text : null)
  }

  deleteHighlight(highlightId: string): boolean {
    this.storedHighlight(highlightId)
    this.store.update((data) => {
      data.highlights = data.highlights.filter((h) => h.id !== highlightId)
    })
    return true
  }

  setArticleNote(articleId: string, note: string): string {
    const article = this.article(articleId)
    this.store.update((data) => {
      if (note.trim() === '') delete data.articleNotes[articleId]
      else data.articleNotes[articleId] = { note, updatedAt: this.now().toISOString(), articleFingerprint: article.fingerprint }
    })
    return note
  }

  /** Articles that carry highlights or a note, in corpus order. */
  annotatedArticleIds(): string[] {
    const ids = new Set<string>(this.store.data.highlights.map((h) => h.articleId))
    for (const [id, entry] of Object.entries(this.store.data.articleNotes)) if (entry.note.trim()) ids.add(id)
    return this.scan.articles.filter((a) => ids.has(a.id)).map((a) => a.id)
  }

  isInsideRoot(target: string): boolean {
    const relative = path.relative(this.root, target)
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
  }

  private summarize(article: CorpusArticle, highlightCount: number): ArticleSummary {
    const { body: _body, format: _format, fingerprint: _fingerprint, ...summary } = article
    return { ...summary, highlightCount }
  }

  private article(articleId: string): CorpusArticle {
    const article = this.byId.get(articleId)
    if (!article) throw notFound('Article')
    return article
  }

  private storedHighlight(highlightId: string): StoredHighlight {
    const found = this.store.data.highlights.find((h) => h.id === highlightId)
    if (!found) throw notFound('Highlight')
    return found
  }

  private textModel(article: CorpusArticle): TextModel {
    const cached = this.textCache.get(article.id)
    if (cached) {
      // Refresh recency: Map iteration order is insertion order.
      this.textCache.delete(article.id)
      this.textCache.set(article.id, cached)
      return cached
    }
    const model = bodyToBlocks(article.body, article.format)
    this.textCache.set(article.id, model)
    if (this.textCache.size > TEXT_CACHE_SIZE) this.textCache.delete(this.textCache.keys().next().value as string)
    return model
  }

  private toHighlight(stored: StoredHighlight, text: string | null): Highlight {
    const anchored = text === null ? null : anchorQuote(text, { quote: stored.quote, position: stored.position })
    const { articleFingerprint: _fingerprint, ...rest } = stored
    return { ...rest, anchor: anchored ? { start: anchored.start, end: anchored.end } : null }
  }

  private highlightCounts(): Map<string, number> {
    const counts = new Map<string, number>()
    for (const h of this.store.data.highlights) counts.set(h.articleId, (counts.get(h.articleId) ?? 0) + 1)
    return counts
  }

  /**
   * A file that was moved or renamed gets a new id (ids hash the relative path), but
   * its content fingerprint is unchanged: move its highlights and note to the new id
   * when exactly one article carries that fingerprint. Annotations that match nothing
   * are kept as they are, never dropped.
   */
  private reattachMovedAnnotations(): void {
    const byFingerprint = new Map<string, CorpusArticle | null>()
    for (const article of this.scan.articles) {
      byFingerprint.set(article.fingerprint, byFingerprint.has(article.fingerprint) ? null : article)
    }
    const target = (id: string, fingerprint: string): CorpusArticle | null =>
      this.byId.has(id) ? null : (byFingerprint.get(fingerprint) ?? null)
    const moves = this.store.data.highlights.filter((h) => target(h.articleId, h.articleFingerprint))
    const noteMoves = Object.entries(this.store.data.articleNotes).filter(([id, n]) => target(id, n.articleFingerprint))
    if (!moves.length && !noteMoves.length) return
    this.store.update((data) => {
      for (const h of moves) h.articleId = target(h.articleId, h.articleFingerprint)!.id
      for (const [oldId, entry] of noteMoves) {
        const newId = target(oldId, entry.articleFingerprint)!.id
        if (!data.articleNotes[newId]) data.articleNotes[newId] = entry
        delete data.articleNotes[oldId]
      }
    })
  }
}

function badRange(message: string): never {
  throw badInput(`Cannot highlight: ${message}`)
}

/** Case- and accent-insensitive form for the title filter. */
export function foldForSearch(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

function byTitle(a: CorpusArticle, b: CorpusArticle): number {
  return collator.compare(a.title, b.title) || a.id.localeCompare(b.id)
}

/** Newest first; undated articles after dated ones, then by title. */
function byDateNewestFirst(a: CorpusArticle, b: CorpusArticle): number {
  const ta = dateValue(a.published)
  const tb = dateValue(b.published)
  if (ta !== tb) {
    if (ta === null) return 1
    if (tb === null) return -1
    return tb - ta
  }
  return byTitle(a, b)
}

function dateValue(published: string | null): number | null {
  if (!published) return null
  const t = Date.parse(published)
  return Number.isNaN(t) ? null : t
}

function byReadingOrder(a: Highlight, b: Highlight): number {
  // Orphans (no anchor) go last, in creation order.
  if (!a.anchor || !b.anchor) return (a.anchor ? -1 : b.anchor ? 1 : 0) || a.createdAt.localeCompare(b.createdAt)
  return a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end
}

export type ParsedListQuery = Required<Pick<ListQuery, 'sort'>> & Omit<ListQuery, 'sort'>
