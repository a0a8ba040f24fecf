// Opening things: an article (the old selection goes first, so no toolbar hangs over the
// new text) and a folder (the reader closes, then shows the article last read there,
// quietly: a gone last article is no error worth a toast).
import { useCallback } from 'react'
import type { Api } from '../../../shared/api'
import type { LibrarySummary } from '../../../shared/model'
import { useOpenFolder } from '../features/library/use-open-folder'
import type { useOpenArticle } from '../features/reader/use-open-article'

export interface ArticleOpeningOptions {
  api: Api
  reader: Pick<ReturnType<typeof useOpenArticle>, 'open' | 'close'>
  clearSelection: () => void
  reportError: (error: unknown) => void
}

export function useArticleOpening({ api, reader, clearSelection, reportError }: ArticleOpeningOptions) {
  const openArticle = useCallback(
    (articleId: string) => {
      clearSelection()
      reader.open(articleId)
    },
    [reader.open, clearSelection]
  )
  const enterFolder = useCallback(
    (next: LibrarySummary) => {
      reader.close()
      if (next.lastArticleId) reader.open(next.lastArticleId, { quiet: true })
    },
    [reader.close, reader.open]
  )
  const folder = useOpenFolder({ api, onEnter: enterFolder, onError: reportError })
  return { openArticle, folder }
}
