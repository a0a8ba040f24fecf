// Building the one change event the core pushes (shared/events.ts DataChange): every
// field present, nothing changed unless said, and the undo state after the change.
import { noChange, type ChangeCause, type DataChange } from '../../shared/events'
import type { HistoryState } from '../../shared/history'
import type { Touched } from '../history/undo-log'
import type { ArticleChanges } from '../library/reconcile'

export type ChangeParts = Partial<Omit<DataChange, 'root' | 'cause' | 'history'>>

export function dataChange(root: string, cause: ChangeCause, history: HistoryState, parts: ChangeParts = {}): DataChange {
  return { ...noChange(root, cause, history), ...parts, history }
}

/** A whole folder opened (or the same one again): everything held about the old one is stale. */
export const folderOpened = (): ChangeParts => ({ folder: true, library: true, tags: true, missing: true })

/**
 * Files changed on disk or a scan read more: the list changes, and so may the missing
 * list (an annotated article went, or came back) and moved articles' annotations.
 */
export function filesChanged(change: ArticleChanges): ChangeParts {
  const { changedArticleIds: changed, addedArticleIds: added, removedArticleIds: removed, movedArticles: moved } = change
  return {
    library: true,
    articles: { changed, added, removed, moved },
    annotations: moved.map((m) => m.to),
    missing: added.length + removed.length + moved.length > 0
  }
}

/**
 * An edit, undo, redo or import (as the undo log saw it). Library rows show each
 * article's highlight count and tags: they change with any annotation of a listed article.
 */
export function annotationsChanged(touched: Touched, isListed: (articleId: string) => boolean): ChangeParts {
  return {
    library: touched.articleIds.some(isListed),
    annotations: touched.articleIds,
    highlights: touched.highlightIds,
    tags: touched.tags,
    missing: touched.missing
  }
}
