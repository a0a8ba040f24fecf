// One opened corpus, composed of its parts by job: the catalogue (what the scan found,
// the list and its rows), the article texts (text models and anchors), the annotations
// (the one writer of the corpus store), the tags (counts, rename, delete) and
// reconcile (applying a newer scan). This façade only delegates; callers may use the
// parts directly. Reads are pure: opening an article is remembered by rememberOpened
// (the contract's article.opened), never by reading it.
import type { Article, ArticleList, Highlight, HighlightColor, ListPosition, MissingArticle, Problem, TagCount, TagUseCount } from '../../shared/model'
import type { ScanResult } from '../corpus/scan'
import type { CorpusData } from '../store/corpus-store'
import type { JsonStore } from '../store/json-store'
import { Annotations, type ReadonlyStore } from './annotations'
import type { TextModelParser } from '../corpus/text-model-pool'
import { ArticleTexts } from './article-texts'
import { Catalogue, type ParsedListQuery } from './catalogue'
import { reconcileScan, type ArticleChanges } from './reconcile'
import { LibraryTags } from './tags'

export { clampFraction, type ParsedListQuery } from './catalogue'
export type { ArticleChanges } from './reconcile'

export class LibrarySession {
  readonly catalogue: Catalogue
  readonly texts: ArticleTexts
  readonly annotations: Annotations
  readonly tags: LibraryTags
  /** The corpus store, without update(): only `annotations` writes it. */
  readonly store: ReadonlyStore<CorpusData>

  /**
   * `partial`: the scan is still running and lists only part of the folder. Until the
   * last scan is applied nothing is concluded from what is absent: annotations are not
   * moved to look-alike articles, and none are listed as missing.
   */
  constructor(
    scan: ScanResult,
    store: JsonStore<CorpusData>,
    readonly isSample: boolean,
    now: () => Date,
    options: { partial?: boolean; parser?: TextModelParser } = {}
  ) {
    this.texts = new ArticleTexts(options.parser ?? null)
    this.store = readOnly(store)
    this.catalogue = new Catalogue(scan, () => store.data, options.partial ?? false)
    this.annotations = new Annotations(store, this.catalogue, this.texts, now)
    this.tags = new LibraryTags(this.annotations)
    if (!this.catalogue.scanning) {
      this.annotations.followMovedArticles()
      this.annotations.recordArticleDetails()
    }
  }

  /** True while the folder's first scan is still running. */
  get scanning(): boolean {
    return this.catalogue.scanning
  }

  get scan(): ScanResult {
    return this.catalogue.scan
  }

  get root(): string {
    return this.catalogue.root
  }

  /** The scan's problems, and articles opened since whose text could not be shown in full. */
  get problems(): Problem[] {
    const opened = this.texts.notices()
    if (opened.size === 0) return this.catalogue.problems
    const extra = [...opened].flatMap(([id, reason]) => {
      const file = this.catalogue.find(id)?.files[0]
      return file ? [{ path: file, reason }] : []
    })
    return [...this.catalogue.problems, ...extra]
  }

  /** Takes a newer scan of the same folder (reconcile.ts). */
  applyScan(next: ScanResult, options: { partial?: boolean } = {}): ArticleChanges {
    return reconcileScan(this, next, options)
  }

  topics = (): string[] => this.catalogue.topics()
  sources = (): string[] => this.catalogue.sources()
  lastArticleId = (): string | null => this.catalogue.lastArticleId()
  list = (query: ParsedListQuery): ArticleList => this.catalogue.list(query)
  position = (query: Omit<ParsedListQuery, 'offset' | 'limit'> & { articleId: string }): ListPosition => this.catalogue.position(query)
  missingArticles = (): MissingArticle[] => this.catalogue.missingArticles()
  annotatedArticleIds = (): string[] => this.catalogue.annotatedArticleIds()

  /**
   * Builds the article's text (in the parse worker, under its budget) so that the
   * synchronous reads and edits after it find it ready; NOT_FOUND for an unknown id.
   */
  async loadText(articleId: string): Promise<void> {
    await this.texts.load(this.catalogue.article(articleId))
  }

  /** getArticle once its text is built off this thread. */
  async loadArticle(articleId: string): Promise<Article> {
    await this.loadText(articleId)
    return this.getArticle(articleId)
  }

  /** An article with its text, highlights (in reading order), note and where to resume. */
  getArticle(articleId: string): Article {
    const article = this.catalogue.article(articleId)
    const model = this.texts.textModel(article)
    const textNotice = this.texts.noticeOf(articleId)
    const { data } = this.annotations
    const highlights = data.highlights.filter((h) => h.articleId === articleId).map((h) => this.texts.toHighlight(h, model))
    const saved = data.progress[articleId]
    return {
      ...this.catalogue.summarize(article, highlights.length),
      text: model.text,
      blocks: model.blocks,
      highlights: highlights.sort(byReadingOrder),
      note: data.articleNotes[articleId]?.note ?? '',
      // An offset past the end (the file was shortened since) resumes at the last block.
      progressOffset: saved ? Math.min(Math.max(0, Math.floor(saved.offset) || 0), model.text.length) : null,
      ...(textNotice ? { textNotice } : {})
    }
  }

  /** The words a highlight covered when last placed, when the article was edited under it since. */
  currentQuoteOf = (highlightId: string): string | undefined => this.texts.currentQuoteOf(highlightId)
  rememberOpened = (articleId: string): void => this.annotations.rememberOpened(articleId)
  setProgress = (input: { articleId: string; fraction: number; offset: number }): boolean => this.annotations.setProgress(input)
  createHighlight = (input: { articleId: string; start: number; end: number; color: HighlightColor; note?: string }): Highlight =>
    this.annotations.createHighlight(input)
  updateHighlight = (patch: { highlightId: string; color?: HighlightColor; note?: string; tags?: readonly string[] }): Highlight =>
    this.annotations.updateHighlight(patch)
  reattachHighlight = (input: { highlightId: string; start: number; end: number }): Highlight => this.annotations.reattachHighlight(input)
  deleteHighlight = (highlightId: string): boolean => this.annotations.deleteHighlight(highlightId)
  setArticleNote = (articleId: string, note: string): string => this.annotations.setArticleNote(articleId, note)
  setArticleTags = (articleId: string, tags: readonly string[]): string[] => this.annotations.setArticleTags(articleId, tags)
  removeMissing = (articleId: string): number => this.annotations.removeMissing(articleId)
  tagCounts = (): TagCount[] => this.tags.counts()
  renameTag = (from: string, to: string): TagUseCount => this.tags.rename(from, to)
  deleteTag = (tag: string): TagUseCount => this.tags.delete(tag)
  mergeTagPreview = (from: string, to: string): TagUseCount => this.tags.mergePreview(from, to)
}

/** The store without update(), as a value too: a cast alone would still let a caller write. */
function readOnly<T>(store: JsonStore<T>): ReadonlyStore<T> {
  return {
    get path() {
      return store.path
    },
    get data() {
      return store.data
    },
    get notice() {
      return store.notice
    },
    get writeCount() {
      return store.writeCount
    },
    get longestWaitMs() {
      return store.longestWaitMs
    },
    get saveProblem() {
      return store.saveProblem
    },
    get readOnly() {
      return store.readOnly
    },
    flush: () => store.flush(),
    close: () => store.close()
  }
}

function byReadingOrder(a: Highlight, b: Highlight): number {
  // Orphans (no anchor) go last, in creation order.
  if (!a.anchor || !b.anchor) return (a.anchor ? -1 : b.anchor ? 1 : 0) || a.createdAt.localeCompare(b.createdAt)
  return a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end
}
