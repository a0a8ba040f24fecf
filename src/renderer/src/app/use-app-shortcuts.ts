// The reader's single keys (features/keyboard/shortcuts.ts: j/k, s/e/p, h/n/1–4, [ ], /, ?)
// wired to the page: the open article, the highlight actions, the side bars and dialogs.
// Also gives the page's "highlight the selection" (toolbar buttons and keys alike), which
// remembers the colour for the next plain `h`.
import type { RefObject } from 'react'
import { flushSync } from 'react-dom'
import type { Api } from '../../../shared/api'
import type { HighlightColor } from '../../../shared/model'
import type { useHighlightActions } from '../features/highlights/use-highlight-actions'
import { focusArticleNote, focusSearchBox } from '../features/keyboard/focus-targets'
import { useReaderShortcuts } from '../features/keyboard/use-reader-shortcuts'
import type { ResponsiveBars } from '../features/layout/use-responsive-bars'
import type { LibraryRows, LibraryView } from '../features/library/use-library'
import type { useOpenArticle } from '../features/reader/use-open-article'

export interface AppShortcutsOptions {
  api: Api
  /** False while a dialog is open or another view hides the reader. */
  enabled: boolean
  appRef: RefObject<HTMLElement | null>
  bodyRef: RefObject<HTMLElement | null>
  reader: ReturnType<typeof useOpenArticle>
  highlights: ReturnType<typeof useHighlightActions>
  library: { list: LibraryRows | null; view: LibraryView }
  sideBars: Pick<ResponsiveBars, 'show'>
  openArticle: (articleId: string) => void
  showShortcuts: () => void
  hint: (message: string) => void
  reportError: (error: unknown) => void
}

export function useAppShortcuts(o: AppShortcutsOptions): (color: HighlightColor, withNote: boolean) => void {
  const { reader, highlights: hl } = o
  const article = reader.article
  const highlightSelection = (color: HighlightColor, withNote: boolean) => void hl.create(color, withNote).then((made) => made && keys.rememberColor(color))
  const keys = useReaderShortcuts({
    api: o.api,
    enabled: o.enabled,
    bodyRef: o.bodyRef,
    text: article?.text ?? null,
    articleId: article?.id ?? null,
    library: o.library,
    popoverId: hl.popover?.id ?? null,
    openArticle: o.openArticle,
    highlightSelection,
    recolor: (highlightId, color) => void reader.updateHighlight(highlightId, { color }).catch(o.reportError),
    // [ and ] close an open popover first (its note is flushed), so focus lands on the new mark.
    jumpToHighlight: (highlightId) => (hl.setPopover(null), hl.jumpTo(highlightId)),
    // In a narrow window the notes panel is an overlay: shown first (now, so the note can take focus).
    focusArticleNote: () => (flushSync(() => o.sideBars.show('panel', { focus: false })), void focusArticleNote(o.appRef.current ?? document)),
    focusSearch: () => void focusSearchBox(o.appRef.current ?? document),
    showShortcuts: o.showShortcuts,
    hint: o.hint
  })
  return highlightSelection
}
