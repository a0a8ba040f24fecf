// Where a scanned article's body lives, so that a worker can read and parse it from
// the file itself instead of the main thread reading it (article.body reads the file
// on the calling thread). Kept beside the article, not in it: CorpusArticle stays the
// library's plain row, and articles built from text in memory simply have no source.
import type { ArticleFormat } from './parse-file'
import type { CorpusArticle } from './corpus-article'

export interface BodySource {
  absolutePath: string
  /** Relative to the root, '/'-separated (front matter and title are parsed as the scan does). */
  path: string
  format: ArticleFormat
  maxBytes: number
}

const sources = new WeakMap<CorpusArticle, BodySource>()

export function setBodySource(article: CorpusArticle, source: BodySource): CorpusArticle {
  sources.set(article, source)
  return article
}

export function bodySourceOf(article: CorpusArticle): BodySource | undefined {
  return sources.get(article)
}
