// gloss:// links (clicked elsewhere, or the one the app was started with): the core
// opens the link's folder if needed and says which article and highlight it means;
// the page shows them. A link that arrives while the page is still starting waits for
// the start-up folder, so it is not overtaken by the folder's last-read article.
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef } from 'react'
import type { Api } from '../../../../shared/api'
import { contractKey } from '../../data/use-contract-query'

export interface GlossLinksOptions {
  api: Api
  started: boolean
  shownRoot: string | null
  /** Before the linked article shows: dialogs close, the reader view comes back. */
  beforeOpen: () => void
  /** Another folder was opened by the link: nothing of the old one stays on screen. */
  closeArticle: () => void
  openArticle: (articleId: string) => void
  jumpWhenShown: (articleId: string, highlightId: string | null) => void
  toast: (message: string) => void
  reportError: (error: unknown) => void
}

export function useGlossLinks(options: GlossLinksOptions) {
  const client = useQueryClient()
  const { api, started, shownRoot, beforeOpen, closeArticle, openArticle, jumpWhenShown, toast, reportError } = options
  const follow = async (url: string) => {
    try {
      const target = await api['app.openLink']({ url })
      beforeOpen()
      if (target.library.root !== shownRoot) {
        closeArticle()
        client.setQueryData(contractKey('library.current', {}), target.library)
      }
      jumpWhenShown(target.articleId, target.highlightId)
      openArticle(target.articleId)
      if (target.notice) toast(target.notice)
    } catch (error) {
      jumpWhenShown('', null)
      reportError(error)
    }
  }

  const queued = useRef<string[]>([])
  const latest = useRef(follow)
  latest.current = follow
  useEffect(() => {
    if (started) for (const url of queued.current.splice(0)) void latest.current(url)
  }, [started])

  return useCallback(
    (url: string) => {
      if (started) void latest.current(url)
      else queued.current.push(url)
    },
    [started]
  )
}
