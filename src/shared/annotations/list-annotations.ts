// The "All highlights" workspace's query: every highlight of the open folder, filtered,
// sorted and paged in the main process, so that 20,000 highlights never cross the
// process boundary at once. It reads only what the store and the scan already hold
// (no article text is parsed and no highlight is re-anchored), which keeps a query in
// the milliseconds however many articles carry highlights. Pure, so that the
// renderer's in-memory fake answers with the same rules.
import { HIGHLIGHT_COLORS } from '../colors'
import type { AnnotationEntry, AnnotationList, AnnotationQuery, HighlightColor } from '../model'
import { tagKey } from '../tags'
import { collator } from '../text/collator'
import { fold } from '../text/fold'

/** What the query reads of a stored highlight (the main process's StoredAnnotation has it). */
export interface StoredAnnotation {
  id: string
  articleId: string
  color: HighlightColor
  note: string
  quote: { exact: string }
  position: { start: number; end: number }
  createdAt: string
  updatedAt: string
  tags: string[]
  /** The article's title and file when last seen, to name it once its file is gone. */
  articleTitle?: string
  articlePath?: string
}

/** What an entry shows of its article; the scan's CorpusArticle has it. */
export interface AnnotationArticle {
  id: string
  title: string
  source: string | null
  published: string | null
}

export interface AnnotationCorpus {
  /** The folder's articles now (the scan's array; its identity tells when it changed). */
  articles: readonly AnnotationArticle[]
  highlights: readonly StoredAnnotation[]
  /** The folder's scan has not finished: absent articles may simply not be read yet. */
  scanning?: boolean
  /**
   * The words a highlight covers now when the article was edited under it since it was
   * made (the core knows them for every highlight it has placed); undefined: its quote.
   */
  currentQuote?: (highlightId: string) => string | undefined
}

export type ParsedAnnotationQuery = Omit<AnnotationQuery, 'sort'> & { sort: NonNullable<AnnotationQuery['sort']> }



interface ArticleIndex {
  byId: Map<string, AnnotationArticle>
  /** Folded titles for the search. */
  folded: Map<string, string>
}

// Rebuilt only when a scan replaces the article array.
const articleIndexes = new WeakMap<readonly AnnotationArticle[], ArticleIndex>()
function articleIndex(articles: readonly AnnotationArticle[]): ArticleIndex {
  let index = articleIndexes.get(articles)
  if (!index) {
    index = { byId: new Map(articles.map((a) => [a.id, a])), folded: new Map() }
    articleIndexes.set(articles, index)
  }
  return index
}

// Folding (NFKD + strip marks) costs more than the scan itself: keep each highlight's
// folded text until its quote, note or tags change (highlights are edited in place).
// Both the words it covers now and the words first highlighted find a highlight.
const foldedTexts = new WeakMap<StoredAnnotation, { source: string; folded: string }>()
function foldedText(h: StoredAnnotation, current: string | undefined): string {
  const source = `${h.quote.exact}\u0000${current ?? ''}\u0000${h.note}\u0000${h.tags.join('\u0000')}`
  const cached = foldedTexts.get(h)
  if (cached && cached.source === source) return cached.folded
  const folded = fold(source)
  foldedTexts.set(h, { source, folded })
  return folded
}

function missingArticle(h: StoredAnnotation): AnnotationArticle & { missing: true } {
  return { id: h.articleId, title: h.articleTitle ?? h.articlePath ?? 'Missing article', source: null, published: null, missing: true }
}

/** One page of the folder's highlights, with the counts the filter controls show. */
export function listAnnotations(corpus: AnnotationCorpus, query: ParsedAnnotationQuery, now: () => number = () => performance.now()): AnnotationList {
  const started = now()
  const index = articleIndex(corpus.articles)
  const colors = query.colors?.length ? new Set<HighlightColor>(query.colors) : null
  // Tags compare as everywhere else in Gloss (src/shared/tags.ts): case and spacing aside.
  const tag = query.tag?.trim() ? tagKey(query.tag) : null
  const source = query.source?.trim().toLowerCase() || null
  const needle = query.query?.trim() ? fold(query.query.trim()) : null

  const colorCounts = Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c, 0])) as Record<HighlightColor, number>
  const tagCounts = new Map<string, { tag: string; count: number }>()
  const sourceCounts = new Map<string, { source: string; count: number }>()
  const matched: Array<{ h: StoredAnnotation; article: AnnotationArticle; missing: boolean }> = []

  for (const h of corpus.highlights) {
    const present = index.byId.get(h.articleId)
    const article = present ?? missingArticle(h)
    colorCounts[h.color] += 1
    // A tag typed twice on one highlight counts once.
    for (const t of new Set(h.tags.map(tagKey))) {
      const entry = tagCounts.get(t)
      if (entry) entry.count += 1
      else tagCounts.set(t, { tag: h.tags.find((x) => tagKey(x) === t)!, count: 1 })
    }
    if (article.source) {
      const key = article.source.toLowerCase()
      const entry = sourceCounts.get(key)
      if (entry) entry.count += 1
      else sourceCounts.set(key, { source: article.source, count: 1 })
    }

    if (colors && !colors.has(h.color)) continue
    if (tag && !h.tags.some((t) => tagKey(t) === tag)) continue
    if (source && article.source?.toLowerCase() !== source) continue
    if (query.from || query.to) {
      const day = h.createdAt.slice(0, 10)
      if ((query.from && day < query.from) || (query.to && day > query.to)) continue
    }
    if (needle && !foldedText(h, corpus.currentQuote?.(h.id)).includes(needle) && !foldedTitle(index, article).includes(needle)) continue
    matched.push({ h, article, missing: !present })
  }

  sortMatches(matched, query.sort)
  const offset = query.offset ?? 0
  const page = matched.slice(offset, query.limit === undefined ? undefined : offset + query.limit)
  const entries: AnnotationEntry[] = page.map(({ h, article, missing }) => {
    const current = corpus.currentQuote?.(h.id)
    const quote = current === undefined ? { quote: h.quote.exact } : { quote: current, originalQuote: h.quote.exact }
    return {
      highlight: { id: h.id, color: h.color, ...quote, note: h.note, tags: [...h.tags], createdAt: h.createdAt, updatedAt: h.updatedAt },
      article: { id: article.id, title: article.title, source: article.source, published: article.published, missing }
    }
  })
  return {
    entries,
    total: matched.length,
    totalHighlights: corpus.highlights.length,
    facets: {
      colors: colorCounts,
      tags: [...tagCounts.values()].sort((a, b) => collator.compare(a.tag, b.tag)),
      sources: [...sourceCounts.values()].sort((a, b) => collator.compare(a.source, b.source))
    },
    scanning: corpus.scanning ?? false,
    tookMs: Math.max(0, now() - started)
  }
}

function foldedTitle(index: ArticleIndex, article: AnnotationArticle): string {
  const key = `${article.id}\u0000${article.title}`
  let folded = index.folded.get(key)
  if (folded === undefined) index.folded.set(key, (folded = fold(article.title)))
  return folded
}

type Match = { h: StoredAnnotation; article: AnnotationArticle; missing: boolean }

const byId = (a: Match, b: Match): number => (a.h.id < b.h.id ? -1 : a.h.id > b.h.id ? 1 : 0)

function sortMatches(matched: Match[], sort: ParsedAnnotationQuery['sort']): void {
  // createdAt values are ISO strings written by toISOString: they sort as text.
  if (sort === 'newest') matched.sort((a, b) => (a.h.createdAt < b.h.createdAt ? 1 : a.h.createdAt > b.h.createdAt ? -1 : byId(a, b)))
  else if (sort === 'oldest') matched.sort((a, b) => (a.h.createdAt < b.h.createdAt ? -1 : a.h.createdAt > b.h.createdAt ? 1 : byId(a, b)))
  else {
    // Articles A–Z by title (missing ones last), each article's highlights in reading
    // order by their stored position. The title order is computed once per article,
    // not once per comparison.
    const articles = [...new Map(matched.map((m) => [m.article.id, m])).values()]
    articles.sort(
      (a, b) =>
        Number(a.missing) - Number(b.missing) || collator.compare(a.article.title, b.article.title) || (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0)
    )
    const rank = new Map(articles.map((m, i) => [m.article.id, i]))
    matched.sort(
      (a, b) =>
        rank.get(a.article.id)! - rank.get(b.article.id)! ||
        a.h.position.start - b.h.position.start ||
        a.h.position.end - b.h.position.end ||
        (a.h.createdAt < b.h.createdAt ? -1 : a.h.createdAt > b.h.createdAt ? 1 : byId(a, b))
    )
  }
}
