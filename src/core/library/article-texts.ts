// Article texts of one open folder: each article's text model (blocks and plain text)
// built once and kept for the most recently read articles, and each highlight's anchor
// in it. Highlights are always anchored against the text model cached here.
//
// A text model is built by `load` in a parse worker (text-model-pool.ts) with a time
// budget: the core loads an article's text before any call that needs it, and the
// synchronous `textModel` then finds it cached. A file too complex to lay out gets the
// plain-paragraph fallback and a notice, and keeps it (remembered by its exact hash) so
// that its highlights' offsets do not change between two loads.
import { anchorQuote } from '../../shared/anchoring'
import type { Highlight } from '../../shared/model'
import { bodyToBlocks, type TextModel } from '../corpus/blocks'
import { bodySourceOf } from '../corpus/body-source'
import type { CorpusArticle } from '../corpus/corpus-article'
import type { TextModelParser } from '../corpus/text-model-pool'
import type { StoredHighlight } from '../store/corpus-store'

const TEXT_CACHE_SIZE = 32

/** A text model and why it is not the article's full text, if it is not. */
export interface LoadedText {
  model: TextModel
  /** "Too complex to display: shown as plain text (…)", or why the file could not be read. */
  notice: string | null
}

type Anchor = { start: number; end: number } | null

export class ArticleTexts {
  private readonly textCache = new Map<string, TextModel>()
  private readonly noticeById = new Map<string, string>()
  /** `${id}:${bodyHash}` of files whose full parse went over budget: straight to plain text. */
  private readonly tooComplex = new Map<string, LoadedText>()
  private readonly loading = new Map<string, Promise<LoadedText>>()

  /** Without a parser, texts are built on the calling thread (tests, tools on trusted text). */
  constructor(private readonly parser: TextModelParser | null = null) {}

  /** The article's text model, built off this thread when a parser is given; cached. */
  async load(article: CorpusArticle): Promise<LoadedText> {
    const cached = this.textCache.get(article.id)
    if (cached) return { model: this.textModel(article), notice: this.noticeById.get(article.id) ?? null }
    const known = this.tooComplex.get(complexKey(article))
    if (known) return this.keep(article, known.model, known.notice)
    if (!this.parser) return { model: this.textModel(article), notice: null }
    let pending = this.loading.get(article.id)
    if (!pending) {
      pending = this.parse(article, this.parser).finally(() => this.loading.delete(article.id))
      this.loading.set(article.id, pending)
    }
    return pending
  }

  /** Article id → why its text is not its full text, for the texts held now. */
  notices(): ReadonlyMap<string, string> {
    return this.noticeById
  }

  /** Why an open article's text is not its full text (null: it is). */
  noticeOf(articleId: string): string | null {
    return this.noticeById.get(articleId) ?? null
  }

  private async parse(article: CorpusArticle, parser: TextModelParser): Promise<LoadedText> {
    const source = bodySourceOf(article)
    const outcome = await parser.parse(source ? { kind: 'file', ...source } : { kind: 'text', body: article.body, format: article.format })
    if (outcome.kind === 'model') return this.keep(article, outcome.model, null)
    if (outcome.kind === 'too-complex') {
      this.tooComplex.set(complexKey(article), { model: outcome.model, notice: outcome.reason })
      if (this.tooComplex.size > TEXT_CACHE_SIZE) this.tooComplex.delete(this.tooComplex.keys().next().value as string)
      return this.keep(article, outcome.model, outcome.reason)
    }
    // Unreadable now (a pipe, grown too large, gone): no text until the file changes.
    return this.keep(article, { blocks: [], text: '' }, outcome.reason)
  }

  private keep(article: CorpusArticle, model: TextModel, notice: string | null): LoadedText {
    this.textCache.set(article.id, model)
    if (notice) this.noticeById.set(article.id, notice)
    else this.noticeById.delete(article.id)
    if (this.textCache.size > TEXT_CACHE_SIZE) this.forget([this.textCache.keys().next().value as string])
    return { model, notice }
  }
  // Fuzzy anchoring costs milliseconds per highlight on a long text: remember each
  // highlight's anchor per text model (a changed text gets a new model) and per
  // selectors (a re-attached highlight gets new ones).
  private readonly anchorCache = new WeakMap<TextModel, Map<string, { selectors: string; anchor: Anchor }>>()

  /**
   * The cached text model; built here, on the calling thread, only when `load` was not
   * awaited first (the core always loads before an edit or a read of an article).
   */
  textModel(article: CorpusArticle): TextModel {
    const cached = this.textCache.get(article.id)
    if (cached) {
      // Refresh recency: Map iteration order is insertion order.
      this.textCache.delete(article.id)
      this.textCache.set(article.id, cached)
      return cached
    }
    const known = this.tooComplex.get(complexKey(article))
    return known ? this.keep(article, known.model, known.notice).model : this.keep(article, bodyToBlocks(article.body, article.format), null).model
  }

  /** Drops the texts of articles whose file changed or went: they are rebuilt on demand. */
  forget(articleIds: Iterable<string>): void {
    for (const id of articleIds) {
      this.textCache.delete(id)
      this.noticeById.delete(id)
    }
  }

  // Highlight id → the words its anchor covered when last placed, when they differ from
  // the stored quote. Kept in memory (reads write nothing to the store) so that All
  // highlights, which never re-anchors, shows and searches the words the reader sees.
  private readonly currentQuotes = new Map<string, string>()

  /** A stored highlight as the page sees it, anchored in the text (no text: an orphan). */
  toHighlight(stored: StoredHighlight, model: TextModel | null): Highlight {
    const { articleFingerprint: _fingerprint, articleTitle: _title, articlePath: _path, ...rest } = stored
    const anchor = model ? this.anchor(stored, model) : null
    const current = anchor && model ? model.text.slice(anchor.start, anchor.end) : null
    if (current !== null && current !== stored.quote.exact) {
      this.currentQuotes.set(stored.id, current)
      return { ...rest, anchor, currentQuote: current }
    }
    // An orphan keeps what it last covered out of this map: it covers nothing now.
    this.currentQuotes.delete(stored.id)
    return { ...rest, anchor }
  }

  /** The words a highlight covered when last placed, if they differ from its stored quote. */
  currentQuoteOf(highlightId: string): string | undefined {
    return this.currentQuotes.get(highlightId)
  }

  private anchor(stored: StoredHighlight, model: TextModel): Anchor {
    let anchors = this.anchorCache.get(model)
    if (!anchors) this.anchorCache.set(model, (anchors = new Map()))
    const { quote, position } = stored
    const selectors = `${quote.exact}\u0000${quote.prefix}\u0000${quote.suffix}\u0000${position.start}:${position.end}`
    const cached = anchors.get(stored.id)
    if (cached && cached.selectors === selectors) return cached.anchor
    const found = anchorQuote(model.text, { quote, position })
    const anchor = found ? { start: found.start, end: found.end } : null
    anchors.set(stored.id, { selectors, anchor })
    return anchor
  }
}

const complexKey = (article: CorpusArticle): string => `${article.id}:${article.bodyHash}`
