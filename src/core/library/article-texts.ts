// Article texts of one open folder: each article's text model (blocks and plain text)
// built once and kept for the most recently read articles, and each highlight's anchor
// in it. Highlights are always anchored against the text model cached here.
import { anchorQuote } from '../../shared/anchoring'
import type { Highlight } from '../../shared/model'
import { bodyToBlocks, type TextModel } from '../corpus/blocks'
import type { CorpusArticle } from '../corpus/corpus-article'
import type { StoredHighlight } from '../store/corpus-store'

const TEXT_CACHE_SIZE = 32

type Anchor = { start: number; end: number } | null

export class ArticleTexts {
  private readonly textCache = new Map<string, TextModel>()
  // Fuzzy anchoring costs milliseconds per highlight on a long text: remember each
  // highlight's anchor per text model (a changed text gets a new model) and per
  // selectors (a re-attached highlight gets new ones).
  private readonly anchorCache = new WeakMap<TextModel, Map<string, { selectors: string; anchor: Anchor }>>()

  textModel(article: CorpusArticle): TextModel {
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

  /** Drops the texts of articles whose file changed or went: they are rebuilt on demand. */
  forget(articleIds: Iterable<string>): void {
    for (const id of articleIds) this.textCache.delete(id)
  }

  /** A stored highlight as the page sees it, anchored in the text (no text: an orphan). */
  toHighlight(stored: StoredHighlight, model: TextModel | null): Highlight {
    const { articleFingerprint: _fingerprint, articleTitle: _title, articlePath: _path, ...rest } = stored
    return { ...rest, anchor: model ? this.anchor(stored, model) : null }
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
