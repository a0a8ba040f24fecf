// Applying a newer scan of the open folder (the watcher saw changes, or a background
// scan read more): which articles changed, arrived, went or moved; the texts of changed
// ones are dropped from the cache, and — once the whole folder has been read —
// annotations follow moved files and keep their record of their article up to date.
import type { CorpusArticle } from '../corpus/corpus-article'
import type { ScanResult } from '../corpus/scan'
import { uniqueBy, type Annotations, type Move } from './annotations'
import type { ArticleTexts } from './article-texts'
import type { Catalogue } from './catalogue'

/** What a new scan changed, by article id. A moved article is also among the removed and added ids. */
export interface ArticleChanges {
  changedArticleIds: string[]
  addedArticleIds: string[]
  removedArticleIds: string[]
  movedArticles: Move[]
}

export interface LibraryParts {
  catalogue: Catalogue
  texts: ArticleTexts
  annotations: Annotations
}

/**
 * `partial`: the scan is still running and lists only part of the folder. Until the
 * last scan is applied nothing is concluded from what is absent: annotations are not
 * moved to look-alike articles, and none are listed as missing.
 */
export function reconcileScan({ catalogue, texts, annotations }: LibraryParts, next: ScanResult, options: { partial?: boolean } = {}): ArticleChanges {
  const partial = options.partial ?? false
  const previous = catalogue.replace(next, partial)
  const changedArticleIds: string[] = []
  const addedArticleIds: string[] = []
  for (const article of next.articles) {
    const before = previous.get(article.id)
    if (!before) addedArticleIds.push(article.id)
    else if (before !== article && !sameArticle(before, article)) changedArticleIds.push(article.id)
  }
  const removedArticleIds = [...previous.keys()].filter((id) => !catalogue.has(id))
  texts.forget([...changedArticleIds, ...removedArticleIds])
  if (partial) return { changedArticleIds, addedArticleIds, removedArticleIds, movedArticles: [] }
  const moves = new Map(annotations.followMovedArticles().map(({ from, to }) => [from, to]))
  // A renamed file without annotations moved too; the reader follows it all the same.
  const addedByFingerprint = uniqueBy(
    addedArticleIds.map((id) => catalogue.find(id)!),
    (a) => a.fingerprint
  )
  for (const id of removedArticleIds) {
    const to = addedByFingerprint.get(previous.get(id)!.fingerprint)
    if (to && !moves.has(id)) moves.set(id, to.id)
  }
  annotations.followLastArticle(moves)
  annotations.recordArticleDetails()
  return { changedArticleIds, addedArticleIds, removedArticleIds, movedArticles: [...moves].map(([from, to]) => ({ from, to })) }
}

/** Same content and metadata (a file saved again unchanged, or only touched). */
function sameArticle(a: CorpusArticle, b: CorpusArticle): boolean {
  return a.bodyHash === b.bodyHash && a.fingerprint === b.fingerprint && JSON.stringify(summaryFields(a)) === JSON.stringify(summaryFields(b))
}

// Everything but the body (which a scan reads again from the file on demand).
function summaryFields(article: CorpusArticle): Omit<CorpusArticle, 'body'> {
  const fields: Partial<CorpusArticle> = {}
  for (const key of Object.keys(article) as Array<keyof CorpusArticle>) if (key !== 'body') Object.assign(fields, { [key]: article[key] })
  return fields as Omit<CorpusArticle, 'body'>
}
