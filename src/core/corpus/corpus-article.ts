// One article of a scanned folder as the core keeps it: the library row's fields, the
// raw body and the hashes that find a renamed file again.
import type { ArticleSummary } from '../../shared/model'
import type { ArticleFormat } from './parse-file'

export interface CorpusArticle extends Omit<ArticleSummary, 'highlightCount' | 'progress' | 'tags'> {
  /**
   * Raw body: Markdown source for .md/.markdown, plain text for .txt (after front matter
   * / title line removed), the extracted article as Markdown for a saved web page.
   */
  body: string
  format: ArticleFormat
  /** Hash of the body with whitespace normalised: lets a moved/renamed file be matched back. */
  fingerprint: string
  /** Exact hash of the body. */
  bodyHash: string
}
