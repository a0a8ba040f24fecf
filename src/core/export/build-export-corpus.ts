// Builds the export model (src/shared/export/export-model.ts) from an open corpus. The
// CLI and the app's contract methods call this same function with a LibrarySession,
// which already has what it needs: the scan, the annotation store, and the article
// texts with every highlight anchored in them.
import path from 'node:path'
import { describeRange } from '../../shared/anchoring'
import { articleTags, latest, orderHighlights, type ExportArticle, type ExportCorpus, type ExportHighlightDraft, type HighlightOrigin } from '../../shared/export/export-model'
import { glossLink } from '../../shared/export/gloss-link'
import { codePointIndex, type CodePointIndex } from '../../shared/text/code-points'
import type { Article, Highlight } from '../../shared/model'
import type { CorpusArticle } from '../corpus/corpus-article'
import type { CorpusData, StoredHighlight } from '../store/corpus-store'

/** What building an export needs of a session; LibrarySession has it all. */
export interface ExportSession {
  readonly root: string
  readonly scan: { readonly articles: readonly CorpusArticle[] }
  readonly store: { readonly data: CorpusData }
  getArticle(articleId: string, options?: { remember?: boolean }): Article
}

export interface BuildExportOptions {
  /** ISO timestamp written into the export; inject it to compare exports. */
  exportedAt: string
  /**
   * Which articles of the folder: those with highlights or a note (default), all of them
   * (the folder export updates files of articles whose annotations were all deleted), or
   * these ids (NOT_FOUND for an id that is not in the folder).
   */
  articles?: 'annotated' | 'all' | readonly string[]
  /** Annotations of articles no longer in the folder; default true (ignored with explicit ids). */
  includeMissing?: boolean
  /** Name of the corpus; default the folder's name. */
  name?: string
  /** IANA zone times are written in (Obsidian's Date & time has none); default UTC. Hosts pass the machine's. */
  timeZone?: string
  /** Authors as `[[Name]]` links in Markdown front matter. */
  authorLinks?: boolean
}

export function buildExportCorpus(session: ExportSession, options: BuildExportOptions): ExportCorpus {
  const { data } = session.store
  const root = session.root
  const annotated = annotatedIds(data)
  const selection = options.articles ?? 'annotated'
  const byId = new Map(session.scan.articles.map((a) => [a.id, a]))
  const origins = originsOf(data)
  let articles: ExportArticle[]
  if (Array.isArray(selection)) {
    articles = selection.map((id) => presentArticle(session, id, byId, origins))
  } else {
    articles = session.scan.articles
      .filter((a) => selection === 'all' || annotated.has(a.id))
      .map((a) => (annotated.has(a.id) ? presentArticle(session, a.id, byId, origins) : unannotatedArticle(root, a, session.store.data)))
  }
  const includeMissing = !Array.isArray(selection) && options.includeMissing !== false
  return {
    root,
    name: options.name ?? (path.basename(root) || root),
    exportedAt: options.exportedAt,
    articles,
    missing: includeMissing ? missingArticles(session) : [],
    style: { timeZone: options.timeZone, authorLinks: options.authorLinks }
  }
}

function presentArticle(session: ExportSession, articleId: string, byId: Map<string, CorpusArticle>, origins: Map<string, HighlightOrigin>): ExportArticle {
  const article = session.getArticle(articleId)
  const codePoints = codePointIndex(article.text)
  const highlights = orderHighlights(article.highlights.map((h) => withOrigin(exportHighlight(session.root, article, codePoints, h), origins.get(h.id))))
  const note = session.store.data.articleNotes[articleId]
  const noteUpdated = note && note.note.trim() !== '' ? note.updatedAt : null
  const scanned = byId.get(articleId)
  return {
    id: article.id,
    title: article.title,
    source: article.source,
    url: article.sourceUrl,
    author: article.author,
    published: article.published,
    description: article.excerpt,
    image: scanned ? firstImage(scanned.body) : null,
    words: article.words,
    progress: session.store.data.progress?.[articleId]?.fraction ?? null,
    updated: latest([noteUpdated, ...highlights.map((h) => h.updated)]),
    topics: [...article.topics],
    tags: articleTags(article.topics, article.tags),
    userTags: [...article.tags],
    note: article.note,
    noteUpdated,
    annotatedAt: note ? note.updatedAt : null,
    file: article.files[0] ?? null,
    fingerprint: scanned?.fingerprint ?? null,
    highlightCount: highlights.length,
    link: glossLink({ corpus: session.root, article: article.id }),
    highlights,
    missing: false
  }
}

function exportHighlight(root: string, article: Article, codePoints: CodePointIndex, h: Highlight): ExportHighlightDraft {
  const common = {
    id: h.id,
    note: h.note,
    color: h.color,
    tags: [...h.tags],
    created: h.createdAt,
    updated: h.updatedAt,
    link: glossLink({ corpus: root, article: article.id, highlight: h.id })
  }
  if (!h.anchor) return { ...common, quote: h.quote.exact, position: null, selectors: { quote: h.quote, position: null } }
  // Selectors described from today's text: the quote and its context are what the
  // article says now, wherever the highlight was first made.
  const { quote, position } = describeRange(article.text, h.anchor.start, h.anchor.end)
  const location = article.text.length > 0 ? Math.min(100, Math.round((h.anchor.start / article.text.length) * 100)) : 0
  const w3cPosition = { type: 'TextPositionSelector' as const, start: codePoints.toCodePoints(position.start), end: codePoints.toCodePoints(position.end) }
  return { ...common, quote: quote.exact, position: { start: position.start, end: position.end }, selectors: { quote, position: w3cPosition }, location }
}

/** Highlights imported from other tools, by id: what their exports give back. */
function originsOf(data: CorpusData): Map<string, HighlightOrigin> {
  return new Map(data.highlights.flatMap((h): [string, HighlightOrigin][] => (h.origin ? [[h.id, h.origin]] : [])))
}

function withOrigin(draft: ExportHighlightDraft, origin: HighlightOrigin | undefined): ExportHighlightDraft {
  return origin ? { ...draft, origin } : draft
}

function unannotatedArticle(root: string, a: CorpusArticle, data: CorpusData): ExportArticle {
  return {
    id: a.id,
    title: a.title,
    source: a.source,
    url: a.sourceUrl,
    author: a.author,
    published: a.published,
    description: a.excerpt,
    image: firstImage(a.body),
    words: a.words,
    progress: data.progress?.[a.id]?.fraction ?? null,
    updated: null,
    topics: [...a.topics],
    tags: [...a.topics],
    userTags: [],
    note: '',
    noteUpdated: null,
    file: a.files[0] ?? null,
    fingerprint: a.fingerprint,
    highlightCount: 0,
    link: glossLink({ corpus: root, article: a.id }),
    highlights: [],
    missing: false
  }
}

/** Annotations whose article is not in the folder, grouped by article, by title. */
function missingArticles(session: ExportSession): ExportArticle[] {
  const present = new Set(session.scan.articles.map((a) => a.id))
  const { highlights, articleNotes } = session.store.data
  const groups = new Map<string, { highlights: StoredHighlight[]; details: { articleTitle?: string; articlePath?: string; articleFingerprint: string }[] }>()
  const group = (id: string) => {
    let found = groups.get(id)
    if (!found) groups.set(id, (found = { highlights: [], details: [] }))
    return found
  }
  for (const h of highlights) {
    if (present.has(h.articleId)) continue
    group(h.articleId).highlights.push(h)
    group(h.articleId).details.push(h)
  }
  for (const [id, note] of Object.entries(articleNotes)) {
    if (!present.has(id) && (note.note.trim() !== '' || note.tags.length > 0)) group(id).details.push(note)
  }
  const result: ExportArticle[] = []
  for (const [id, { highlights: stored, details }] of groups) {
    const title = details.find((d) => d.articleTitle)?.articleTitle ?? null
    const file = details.find((d) => d.articlePath)?.articlePath ?? null
    const note = articleNotes[id]
    const ordered = orderHighlights(
      stored.map((h) => ({
        id: h.id,
        quote: h.quote.exact,
        note: h.note,
        color: h.color,
        tags: [...h.tags],
        created: h.createdAt,
        updated: h.updatedAt,
        position: null,
        selectors: { quote: h.quote, position: null },
        link: glossLink({ corpus: session.root, article: id, highlight: h.id }),
        ...(h.origin ? { origin: h.origin } : {})
      }))
    )
    result.push({
      id,
      title: title ?? file ?? 'Missing article',
      source: null,
      url: null,
      published: null,
      author: null,
      description: null,
      image: null,
      words: 0,
      progress: null,
      updated: latest([note && note.note.trim() !== '' ? note.updatedAt : null, ...ordered.map((h) => h.updated)]),
      topics: [],
      tags: [...(note?.tags ?? [])],
      userTags: [...(note?.tags ?? [])],
      note: note && note.note.trim() !== '' ? note.note : '',
      noteUpdated: note && note.note.trim() !== '' ? note.updatedAt : null,
    annotatedAt: note ? note.updatedAt : null,
      file,
      fingerprint: details[0]?.articleFingerprint || null,
      highlightCount: ordered.length,
      link: glossLink({ corpus: session.root, article: id }),
      highlights: ordered,
      missing: true
    })
  }
  return result.sort((a, b) => compare(a.title, b.title) || compare(a.file ?? '', b.file ?? '') || compare(a.id, b.id))
}

/**
 * The first image the article's body shows: a Markdown image `![…](url)` or an HTML
 * `<img src="…">`, when its address is http(s) (a relative path means nothing outside
 * the folder). A scan for the first one, not a parse: the body is not rendered here.
 */
export function firstImage(body: string): string | null {
  const pattern = /!\[[^\]\n]*\]\(\s*<?([^\s)>]+)|<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/gi
  for (const match of body.matchAll(pattern)) {
    const url = (match[1] ?? match[2] ?? '').trim()
    if (/^https?:\/\/[^\s]+$/i.test(url)) return url
  }
  return null
}

function annotatedIds(data: CorpusData): Set<string> {
  const ids = new Set(data.highlights.map((h) => h.articleId))
  // An article with only tags counts: its tags are exported (and the JSON brings them back).
  for (const [id, note] of Object.entries(data.articleNotes)) if (note.note.trim() !== '' || note.tags.length > 0) ids.add(id)
  return ids
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
