// Full-text search over a library: each article's text (title weighted highest, body,
// source, topics) and every highlight (quote and note) and article note.
//
// Library chosen by measurement (scripts/search-bench/compare-libraries.ts, 10,000
// synthetic articles of ≈3 KB, 2 shared cores): MiniSearch 7 built in 6.1 s with a
// 135 MB heap and answered 100 prefix+fuzzy queries at p50 0.4 ms / p95 3.4 ms, ranking
// title over body and finding one-typo words by edit distance; FlexSearch 0.8 answered
// faster (p95 0.5 ms) but took 14.2 s and 216 MB to build, and its phonetic encoder
// missed the typo queries (78/100 queries found anything against 95/100). Queries are
// well inside the 50 ms target either way, so build cost, memory and typo tolerance
// decide: MiniSearch.
//
// The index keeps each article's raw body and indexes it as it is: parsing Markdown
// into the reader's text (bodyToBlocks) costs ~1–3 ms an article, more than indexing
// it, so that is done only for the articles a query returns (and cached), to cut
// snippets whose offsets the reader can scroll to. It is pure and synchronous:
// search-worker.ts runs it off the main thread; the CLI runs it in process.
import { createHash } from 'node:crypto'
import MiniSearch, { type AsPlainObject, type SearchResult as MiniResult } from 'minisearch'
import type { SearchResponse, SearchResult, SearchResultKind } from '../../shared/model'
import { bodyToBlocks } from '../corpus/blocks'
import type { ArticleFormat } from '../corpus/parse-file'
import { readArticleBody } from './read-body'
import { foldTerm, isCjkTerm, makeSnippet, tokenize, type Snippet } from './snippet'

export interface IndexedArticle {
  id: string
  title: string
  source: string | null
  author: string | null
  topics: string[]
  format: ArticleFormat
  /** The text-carrying file, relative to the library's root ('/'-separated). */
  file: string
  /** The raw body when the caller has it; otherwise it is read from `file`. */
  body?: string
  /** Changes whenever the article does: an upsert with the signature it already has is skipped. */
  signature?: string
}

export interface IndexedAnnotation {
  articleId: string
  kind: 'highlight' | 'note'
  /** The highlight's id; null for an article note. */
  highlightId: string | null
  quote: string
  note: string
  /** Where the highlight starts in the article's text (its stored position). */
  offset: number | null
}

export interface DocMeta {
  articleId: string
  kind: SearchResultKind
  highlightId: string | null
  /** Content signature, so an unchanged annotation is not re-indexed. */
  signature: string
  quote: string
  note: string
  offset: number | null
}

const FIELDS = ['title', 'text', 'source', 'topics', 'quote', 'note'] as const
type Field = (typeof FIELDS)[number]
type Doc = { key: string } & Partial<Record<Field, string>>

export const DEFAULT_SEARCH_LIMIT = 20

interface ArticleMeta {
  title: string
  /** Null after a load: read from `file` when a result needs it. */
  body: string | null
  format: ArticleFormat
  file: string
  signature: string
}

/** How much indexing work the index has done (tests count re-indexing with it). */
export interface IndexStats {
  articles: number
  articlesIndexed: number
  annotationsIndexed: number
}

/** What is saved between runs; `options` changes with the fields or the tokenizer. */
export interface PersistedIndex {
  version: number
  options: string
  root: string
  articles: Array<[string, string, ArticleFormat, string, string]>
  docs: Array<[string, DocMeta]>
  mini: AsPlainObject
}

const PERSIST_VERSION = 1

export class SearchIndex {
  private mini = newMini()
  private articles = new Map<string, ArticleMeta>()
  private docs = new Map<string, DocMeta>()
  private root = ''
  private articlesIndexed = 0
  private annotationsIndexed = 0
  /** Changed since it was loaded or saved. */
  dirty = false
  /** Reader texts of recent results (parsing Markdown costs milliseconds an article). */
  private readonly texts = new Map<string, string>()
  /** Articles whose reader text is not cached yet, for warmTexts. */
  private readonly cold = new Set<string>()

  get articleCount(): number {
    return this.articles.size
  }

  /**
   * Adds or replaces articles (a changed file is indexed again), reading bodies not
   * given from their files under `root`; the body becomes the reader's text here.
   */
  upsertArticles(articles: IndexedArticle[], root = ''): void {
    this.root = root
    for (const article of articles) {
      const signature = article.signature ?? ''
      if (signature && this.articles.get(article.id)?.signature === signature) continue
      const key = articleKey(article.id)
      if (this.mini.has(key)) this.mini.discard(key)
      const body = article.body ?? readArticleBody(root, article.file, article.format)
      this.articlesIndexed++
      this.dirty = true
      this.articles.set(article.id, { title: article.title, body, format: article.format, file: article.file, signature })
      this.texts.delete(article.id)
      this.cold.add(article.id)
      this.docs.set(key, { articleId: article.id, kind: 'article', highlightId: null, signature: '', quote: '', note: '', offset: null })
      this.mini.add({
        key,
        title: article.title,
        // The raw body: its words are the reader text's words (markup is punctuation to
        // the tokenizer), and it costs no Markdown parse. Link targets are left out.
        text: article.format !== 'text' ? body.replace(LINK_TARGET, ']') : body,
        source: [article.source, article.author].filter(Boolean).join(' '),
        topics: article.topics.join(' ')
      })
    }
  }

  removeArticles(ids: string[]): void {
    for (const id of ids) {
      if (this.articles.has(id)) this.dirty = true
      const key = articleKey(id)
      if (this.mini.has(key)) this.mini.discard(key)
      this.docs.delete(key)
      this.articles.delete(id)
      this.texts.delete(id)
      this.cold.delete(id)
    }
  }

  /** The full set of annotations now: new and changed ones are indexed, gone ones dropped. */
  setAnnotations(annotations: IndexedAnnotation[]): void {
    const wanted = new Map<string, IndexedAnnotation>()
    for (const a of annotations) wanted.set(a.kind === 'note' ? `n:${a.articleId}` : `h:${a.highlightId}`, a)
    for (const [key, meta] of this.docs) {
      if (meta.kind !== 'article' && !wanted.has(key)) {
        this.dirty = true
        this.mini.discard(key)
        this.docs.delete(key)
      }
    }
    for (const [key, a] of wanted) {
      const signature = JSON.stringify([a.articleId, a.quote, a.note, a.offset])
      const existing = this.docs.get(key)
      if (existing?.signature === signature) continue
      if (existing) this.mini.discard(key)
      this.annotationsIndexed++
      this.dirty = true
      this.docs.set(key, { articleId: a.articleId, kind: a.kind, highlightId: a.highlightId, signature, quote: a.quote, note: a.note, offset: a.offset })
      this.mini.add({ key, quote: a.quote, note: a.note })
    }
  }

  stats(): IndexStats {
    return { articles: this.articles.size, articlesIndexed: this.articlesIndexed, annotationsIndexed: this.annotationsIndexed }
  }

  /** Drops everything: another library is opened. */
  clear(): void {
    this.mini = newMini()
    this.articles = new Map()
    this.docs = new Map()
    this.texts.clear()
    this.cold.clear()
    this.dirty = false
  }

  /** Keeps only these articles (and their annotations' docs stay until setAnnotations). */
  keepOnly(ids: readonly string[]): void {
    const keep = new Set(ids)
    this.removeArticles([...this.articles.keys()].filter((id) => !keep.has(id)))
  }

  toPersisted(): PersistedIndex {
    return {
      version: PERSIST_VERSION,
      options: OPTIONS_HASH,
      root: this.root,
      articles: [...this.articles].map(([id, a]) => [id, a.title, a.format, a.file, a.signature]),
      docs: [...this.docs],
      mini: this.mini.toJSON()
    }
  }

  /**
   * Replaces the index with a saved one for `root`; returns why it cannot when the file
   * is of another version, options or root, or malformed (the index is then left empty).
   */
  load(data: unknown, root: string): string | null {
    this.clear()
    const saved = data as Partial<PersistedIndex> | null
    if (!saved || typeof saved !== 'object') return 'not an index'
    if (saved.version !== PERSIST_VERSION || saved.options !== OPTIONS_HASH) return 'saved by another version'
    if (saved.root !== root || !Array.isArray(saved.articles) || !Array.isArray(saved.docs)) return 'malformed'
    try {
      const mini = MiniSearch.loadJS<Doc>(saved.mini as AsPlainObject, MINI_OPTIONS)
      const articles = new Map<string, ArticleMeta>()
      for (const [id, title, format, file, signature] of saved.articles) {
        if (typeof id !== 'string' || typeof title !== 'string' || typeof file !== 'string' || typeof signature !== 'string') return 'malformed'
        articles.set(id, { title, body: null, format: format === 'markdown' || format === 'html' ? format : 'text', file, signature })
        this.cold.add(id)
      }
      const docs = new Map<string, DocMeta>(saved.docs)
      for (const [key, meta] of docs) {
        if (!mini.has(key) || typeof meta?.articleId !== 'string') return 'malformed'
      }
      this.mini = mini
      this.articles = articles
      this.docs = docs
      this.root = root
      return null
    } catch (error) {
      this.clear()
      return error instanceof Error ? error.message : String(error)
    }
  }

  search(query: string, limit = DEFAULT_SEARCH_LIMIT): SearchResponse {
    const started = performance.now()
    const words = tokenize(query).map(foldTerm).filter(Boolean)
    if (!words.length) return { results: [], total: 0, tookMs: performance.now() - started }
    const text = words.join(' ')
    // Every word must match; only when no document has them all, any word will do.
    let hits = this.mini.search(text, { ...QUERY_OPTIONS, combineWith: 'AND' })
    if (!hits.length && words.length > 1) hits = this.mini.search(text, { ...QUERY_OPTIONS, combineWith: 'OR' })
    // Annotations of an article that is not in the folder cannot be opened.
    hits = hits.filter((hit) => this.articles.has(this.docs.get(hit.id as string)?.articleId ?? ''))
    // Results with every word as typed (or as a prefix) first, those found only with a typo after (each group by score).
    const approximate = new Map(hits.map((hit) => [hit.id, isApproximate(words, hit.terms)]))
    hits = [...hits.filter((hit) => !approximate.get(hit.id)), ...hits.filter((hit) => approximate.get(hit.id))]
    const results = hits.slice(0, limit).map((hit) => ({ ...this.toResult(hit), approximate: approximate.get(hit.id) === true }))
    return { results, total: hits.length, tookMs: performance.now() - started }
  }

  /**
   * Builds the reader texts of up to `count` articles ahead of queries (the worker calls
   * this between messages once the index is built, so snippets cost no parse); false
   * when there is nothing left to do or the cache is full.
   */
  warmTexts(count: number): boolean {
    for (const id of this.cold) {
      if (count-- <= 0 || this.texts.size >= TEXT_CACHE_SIZE) break
      this.readerText(id)
    }
    return this.cold.size > 0 && this.texts.size < TEXT_CACHE_SIZE
  }

  /** The reader's text (Article.text), which snippets and offsets refer to. */
  private readerText(articleId: string): string {
    const cached = this.texts.get(articleId)
    if (cached !== undefined) {
      this.texts.delete(articleId)
      this.texts.set(articleId, cached)
      return cached
    }
    const article = this.articles.get(articleId)!
    // A loaded index keeps no bodies: read the file now (it is parsed just below anyway).
    const body = article.body ?? readArticleBody(this.root, article.file, article.format)
    const text = bodyToBlocks(body, article.format).text
    this.cold.delete(articleId)
    this.texts.set(articleId, text)
    if (this.texts.size > TEXT_CACHE_SIZE) this.texts.delete(this.texts.keys().next().value as string)
    return text
  }

  private toResult(hit: MiniResult): SearchResult {
    const meta = this.docs.get(hit.id as string)!
    const article = this.articles.get(meta.articleId)!
    const terms = new Set(hit.terms)
    const matches = (folded: string): boolean => terms.has(folded)
    let found: Snippet
    if (meta.kind === 'article') {
      found = makeSnippet(this.readerText(meta.articleId), matches)
      // The words matched only the title, source or topics: show the title's marks.
      if (found.offset === null) {
        const inTitle = makeSnippet(article.title, matches)
        if (inTitle.offset !== null) found = { snippet: inTitle.snippet, offset: null }
      }
    } else {
      const inNote = meta.note ? makeSnippet(meta.note, matches) : null
      found = inNote && inNote.offset !== null ? inNote : makeSnippet(meta.quote || meta.note, matches)
      found = { snippet: found.snippet, offset: meta.offset }
    }
    return {
      articleId: meta.articleId,
      title: article.title,
      kind: meta.kind,
      highlightId: meta.highlightId,
      snippet: found.snippet,
      offset: found.offset,
      score: hit.score
    }
  }
}

/** Some query word matched none of the hit's terms as typed or as a prefix (QUERY_OPTIONS.prefix): only with a typo. */
export function isApproximate(words: readonly string[], terms: readonly string[]): boolean {
  return words.some((word) => !terms.some((term) => term === word || (QUERY_OPTIONS.prefix(word) && term.startsWith(word))))
}

// About 60 MB of text at ≈3 KB an article; beyond that, texts are built per query.
const TEXT_CACHE_SIZE = 20_000
const LINK_TARGET = /\]\([^)\s]*(?:\s+"[^"]*")?\)/g

const QUERY_OPTIONS = {
  // Prefix from three letters ("harb" finds "harbour"); one typo from five letters up.
  // A Chinese or Japanese word is one to three characters: 图书 finds 图书馆.
  prefix: (term: string) => term.length >= 3 || isCjkTerm(term),
  fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
  boost: { title: 3, quote: 1.5, note: 1.5, text: 1, source: 0.5, topics: 0.5 }
}

const MINI_OPTIONS = {
  idField: 'key',
  fields: [...FIELDS],
  storeFields: [],
  tokenize: (text: string) => tokenize(text),
  processTerm: (term: string) => foldTerm(term) || null
}

// A saved index is only reused by code that tokenizes and folds words the same way. The
// hash is of what tokenize and foldTerm make of a probe covering the cases they treat,
// not of their source text: every build prints a function differently (the app's
// electron-vite bundle, the CLI's minified esbuild bundle and tsx each gave another
// hash, so none of them could use an index another had saved). A change the probe does
// not show bumps TOKENIZER_VERSION.
const TOKENIZER_VERSION = 1
const TOKENIZER_PROBE = 'Élan CAFÉ naïve ﬁnance Straße İstanbul ıssız l’été rock-’n’-roll -edge- \'quoted\' x_y 3.14 ½ ① 北京大学 東京 emoji🌊wave Ünïcödé Ⅻ'
const OPTIONS_HASH = createHash('sha256')
  .update(JSON.stringify({ idField: MINI_OPTIONS.idField, fields: FIELDS, storeFields: [], version: TOKENIZER_VERSION }))
  .update(JSON.stringify(tokenize(TOKENIZER_PROBE).map(foldTerm)))
  .digest('hex')
  .slice(0, 16)

function newMini(): MiniSearch<Doc> {
  return new MiniSearch<Doc>(MINI_OPTIONS)
}

const articleKey = (id: string): string => `a:${id}`
