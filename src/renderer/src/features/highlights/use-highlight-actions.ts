// What the reader does with highlights: make one from the selection, open one in the
// popover, jump to one (scrolled into view, focused, flashed), re-attach or delete an
// orphan, and announce a deletion with an Undo that takes back that step only.
import { useCallback, useEffect, useState, type RefObject } from 'react'
import type { Highlight, HighlightColor } from '../../../../shared/model'
import type { ToastOptions } from '../../components/toasts'
import type { UndoExpectation } from '../history/use-undo-redo'
import type { useOpenArticle } from '../reader/use-open-article'
import type { BodySelection } from '../reader/use-body-selection'
import type { TextRange } from '../reader/text-offsets'

const FLASH_MS = 1600

export interface PopoverState {
  id: string
  focusNote: boolean
}

export function findHighlightElement(root: ParentNode | null | undefined, id: string): HTMLElement | null {
  if (!root) return null
  for (const el of root.querySelectorAll<HTMLElement>('mark[data-highlight-id], [data-orphan-id]')) {
    if (el.dataset.highlightId === id || el.dataset.orphanId === id) return el
  }
  return null
}

export interface HighlightActionsOptions {
  reader: ReturnType<typeof useOpenArticle>
  selection: BodySelection | null
  /** The body's selection as it is at this moment (the state may be a task behind). */
  currentSelection: () => TextRange | null
  clearSelection: () => void
  appRef: RefObject<HTMLElement | null>
  bodyRef: RefObject<HTMLElement | null>
  /** Going to a highlight wins over going back to the saved reading place. */
  stopRestoring: () => void
  undo: (expect: UndoExpectation) => void
  toast: (message: string, kind?: 'info' | 'error', options?: ToastOptions) => void
  reportError: (error: unknown) => void
}

export function useHighlightActions({ reader, selection, currentSelection, clearSelection, appRef, bodyRef, stopRestoring, undo, toast, reportError }: HighlightActionsOptions) {
  const [popover, setPopover] = useState<PopoverState | null>(null)
  const [flashId, setFlashId] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { article } = reader

  useEffect(() => {
    if (!flashId) return
    const timer = setTimeout(() => setFlashId(null), FLASH_MS)
    return () => clearTimeout(timer)
  }, [flashId])

  // Escape dismisses the selection toolbar (the popover handles its own Escape).
  useEffect(() => {
    if (!selection) return
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && clearSelection()
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [selection, clearSelection])

  const jumpTo = useCallback(
    (highlightId: string) => {
      const el = findHighlightElement(bodyRef.current, highlightId)
      if (!el) return
      stopRestoring()
      el.scrollIntoView?.({ block: 'center', behavior: 'smooth' })
      el.focus({ preventScroll: true })
      setFlashId(highlightId)
    },
    [bodyRef, stopRestoring]
  )

  const showOrphans = useCallback(() => {
    const list = appRef.current?.querySelector<HTMLElement>('[data-testid="orphans"]')
    list?.scrollIntoView?.({ block: 'start', behavior: 'smooth' })
    list?.focus({ preventScroll: true })
  }, [appRef])

  const announceDeletion = (highlightId: string) =>
    toast('Highlight deleted', 'info', { focusAction: true, action: { label: 'Undo', run: () => undo({ label: 'Delete highlight', highlightId }) } })

  const remove = (highlight: Highlight) => {
    setPopover((p) => (p?.id === highlight.id ? null : p))
    reader
      .deleteHighlight(highlight)
      .then(() => announceDeletion(highlight.id))
      .catch(reportError)
  }

  /** Highlights the selection; resolves to whether it did. */
  const create = async (color: HighlightColor, withNote: boolean): Promise<boolean> => {
    // What is selected now (a key pressed right after the selection changed), else what
    // was last seen: focus in the toolbar may have taken the document's selection away.
    const range = currentSelection() ?? selection?.range
    if (!article || !range || busy) return false
    setBusy(true)
    try {
      const h = await reader.createHighlight(article.id, range.start, range.end, color)
      clearSelection()
      if (withNote) setPopover({ id: h.id, focusNote: true })
      return true
    } catch (error) {
      reportError(error)
      return false
    } finally {
      setBusy(false)
    }
  }

  const reattach = async (highlightId: string) => {
    if (!article || !selection) {
      toast('Select the passage in the article first, then choose Re-attach to selection.')
      return
    }
    try {
      await reader.reattachHighlight(highlightId, selection.range.start, selection.range.end)
      clearSelection()
      toast('Highlight re-attached')
    } catch (error) {
      reportError(error)
    }
  }

  const open = useCallback((highlightId: string) => setPopover({ id: highlightId, focusNote: false }), [])

  const popoverHighlight = popover ? (article?.highlights.find((h) => h.id === popover.id) ?? null) : null
  const popoverId = popoverHighlight?.id ?? null
  const popoverAnchor = useCallback(() => (popoverId ? findHighlightElement(appRef.current, popoverId) : null), [popoverId, appRef])
  const closePopover = useCallback(
    (reason: 'escape' | 'outside') => {
      setPopover(null)
      if (reason === 'escape') popoverAnchor()?.focus()
    },
    [popoverAnchor]
  )

  return { popover, setPopover, popoverHighlight, popoverAnchor, closePopover, flashId, busy, jumpTo, showOrphans, open, create, remove, reattach }
}
