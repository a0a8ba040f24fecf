// What the page says after an undo or redo step: "Undid: <label>", pointing at the
// highlight the step changed (the open article's copy is refetched through the change
// event the step pushes) or, for a step in another article, offering to open it.
import { useCallback } from 'react'
import type { HistoryOutcome } from '../../../../shared/history'
import type { ToastOptions } from '../../components/toasts'
import type { HistoryDirection, UndoExpectation } from './use-undo-redo'

export interface UndoToastsOptions {
  openId: string | null
  closePopover: () => void
  openArticle: (articleId: string) => void
  jumpWhenShown: (articleId: string, highlightId: string | null) => void
  toast: (message: string, kind?: 'info' | 'error', options?: ToastOptions) => void
}

export function useUndoToasts({ openId, closePopover, openArticle, jumpWhenShown, toast }: UndoToastsOptions) {
  return useCallback(
    ({ done }: HistoryOutcome, direction: HistoryDirection, expected: UndoExpectation | null) => {
      if (!done) {
        if (expected) toast('That deletion can no longer be undone from here: other changes came after it. Ctrl+Z steps back through them.')
        else toast(direction === 'undo' ? 'Nothing to undo' : 'Nothing to redo')
        return
      }
      closePopover()
      const message = `${direction === 'undo' ? 'Undid' : 'Redid'}: ${done.label}`
      const highlightId = done.highlightIds[0] ?? null
      if (openId && done.articleIds.includes(openId)) {
        jumpWhenShown(openId, highlightId)
        toast(message)
      } else if (done.articleIds.length) {
        const articleId = done.articleIds[0]
        toast(message, 'info', { action: { label: 'Open', run: () => (jumpWhenShown(articleId, highlightId), openArticle(articleId)) } })
      } else toast(message)
    },
    [openId, closePopover, openArticle, jumpWhenShown, toast]
  )
}
