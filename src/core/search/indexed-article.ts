// What the search index is given for one article: summary fields only (the body is
// read by the indexer itself, off the main thread).
import type { CorpusArticle } from '../corpus/corpus-article'
import type { IndexedArticle } from './search-index'

/** Summary fields only: reading `article.body` would read the file on this thread. */
export function indexedArticle(article: CorpusArticle): IndexedArticle {
  const { id, title, source, author, topics, format, files } = article
  return { id, title, source, author, topics: [...topics], format, file: files[0] }
}
