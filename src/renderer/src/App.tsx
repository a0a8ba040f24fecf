// Gloss renderer: header, library (left), reader (centre), highlights and notes (right).
// Composition only: state and effects live in the feature hooks named below, and the
// wiring of each part (top bar, columns, keys, menu commands) in app/. Contract
// reads sit in the query cache (data/), which the core's change events keep current;
// nothing here decides what a call has made stale. The stable DOM hooks the E2E relies
// on are listed in dom-hooks.md.
import { useCallback, useRef, useState } from 'react'
import type { Api } from '../../shared/api'
import type { GlossEvents } from '../../shared/events'
import { LibraryColumn } from './app/library-column'
import { pageCommands } from './app/page-commands'
import { ReaderColumn } from './app/reader-column'
import { TopBar } from './app/top-bar'
import { useArticleOpening } from './app/use-article-opening'
import { useAppShortcuts } from './app/use-app-shortcuts'
import { useDocumentTitle } from './app/use-document-title'
import { useFollowChanges } from './app/use-follow-changes'
import { useMenuCommands } from './app/use-menu-commands'
import { usePageActions } from './app/use-page-actions'
import { StoreNotice } from './components/store-notice'
import { SaveProblemBanner } from './components/save-problem-banner'
import { Toasts, useToasts } from './components/toasts'
import { Dialogs, useDialog } from './dialogs/dialogs'
import { AllHighlights } from './features/all-highlights/all-highlights'
import { useReaderFocusOnReturn, type MainView } from './features/all-highlights/view-switch'
import { useWorkspaceFilters } from './features/all-highlights/workspace-filters'
import { usePrefsOnPage } from './features/comfort/use-prefs'
import { useReadingProgress } from './features/comfort/use-reading-progress'
import { HighlightsPanel } from './features/highlights/highlights-panel'
import { useHighlightActions } from './features/highlights/use-highlight-actions'
import { useUndoRedo } from './features/history/use-undo-redo'
import { useUndoToasts } from './features/history/use-undo-toasts'
import { SkipLink } from './features/keyboard/skip-link'
import { SideBarSplitter } from './features/layout/side-bar-splitter'
import { DropOverlay, useFolderDrop } from './features/layout/use-folder-drop'
import { useResponsiveBars } from './features/layout/use-responsive-bars'
import { useSideBars, workspaceLayout } from './features/layout/use-side-bars'
import { useLibrary } from './features/library/use-library'
import { useScanProgress } from './features/library/use-scan-progress'
import { useGlossLinks } from './features/links/use-gloss-links'
import { usePendingJump } from './features/links/use-pending-jump'
import { useBodySelection } from './features/reader/use-body-selection'
import { useOpenArticle } from './features/reader/use-open-article'
import { useScrollPlace } from './features/reader/use-scroll-place'
import { useTagList } from './features/tags/use-tag-list'
import { useSearchJump } from './features/search/use-search-jump'

export interface AppProps {
  api: Api
  /** Menu commands (desktop app), data changes and scan reports (desktop app and harness). */
  events?: GlossEvents | null
  /** True in the desktop app, whose native menu owns the keyboard shortcuts. */
  nativeMenu?: boolean
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

export function App({ api, events = null, nativeMenu = false }: AppProps) {
  const { toasts, shown: shownToast, show: toast, dismiss, pause: pauseToast, resume: resumeToast } = useToasts()
  const reportError = useCallback((error: unknown) => toast(messageOf(error), 'error'), [toast])
  const { prefs } = usePrefsOnPage(api, reportError)
  const { dialog, open: openDialog, close: closeDialog, modalOpen } = useDialog()
  const [view, setView] = useState<MainView>('reader')
  const [workspaceFilters, setWorkspaceFilters] = useWorkspaceFilters()
  const appRef = useRef<HTMLDivElement>(null)
  const readerRef = useRef<HTMLElement>(null)
  const bodyRef = useRef<HTMLDivElement>(null)
  const toolbarRef = useRef<HTMLDivElement>(null)
  const sideBars = useResponsiveBars(useSideBars(api), prefs)

  const library = useLibrary(api, reportError)
  const { summary } = library
  const tags = useTagList(api, summary?.root ?? null)
  const reader = useOpenArticle(api, reportError)
  const { article } = reader
  const { selection, clear: clearSelection, current: currentSelection } = useBodySelection(bodyRef, article?.text ?? null, toolbarRef)
  const place = useScrollPlace(article, readerRef, bodyRef)

  const { openArticle, folder } = useArticleOpening({ api, reader, clearSelection, reportError })

  // Changes pushed by the core: the open article follows a renamed file or says it went; the cache does the rest.
  useFollowChanges(events, { openId: article?.id ?? null, reader, place, clearSelection, closePopover: () => hl.setPopover(null) })
  const scan = useScanProgress(events, summary?.root ?? null)

  const undoRedo = useUndoRedo({ api, enabled: !modalOpen, onError: reportError, onOutcome: (...args) => undoToasts(...args) })
  const hl = useHighlightActions({ reader, selection, currentSelection, clearSelection, appRef, bodyRef, stopRestoring: place.stopRestoring, undo: (expect) => void undoRedo.undo(expect), toast, reportError })
  const jumpWhenShown = usePendingJump({ article, updatedAt: reader.updatedAt, fetching: reader.fetching, jumpTo: hl.jumpTo, openOrphan: (id) => (hl.showOrphans(), hl.open(id)) })
  const undoToasts = useUndoToasts({ openId: article?.id ?? null, closePopover: () => hl.setPopover(null), openArticle, jumpWhenShown, toast })
  const followLink = useGlossLinks({
    api,
    started: !folder.starting,
    shownRoot: summary?.root ?? null,
    beforeOpen: () => (closeDialog(), hl.setPopover(null), clearSelection(), setView('reader')),
    closeArticle: reader.close,
    openArticle: reader.open,
    jumpWhenShown,
    toast,
    reportError
  })
  const openSearchResult = useSearchJump({ article, bodyRef, openArticle, jumpToHighlight: hl.jumpTo })
  const dropping = useFolderDrop({ onPath: (root) => void folder.openRecent(root), onNoPath: (message) => toast(message, 'error'), disabled: modalOpen })

  useDocumentTitle(article?.title, summary?.name)
  useReadingProgress({ api, articleId: article?.id ?? null, scrollerRef: readerRef, bodyRef, onError: reportError, layoutKey: `${prefs.fontFamily} ${prefs.fontSize} ${prefs.lineHeight} ${prefs.columnWidth}` })

  useReaderFocusOnReturn(view, readerRef)

  const actions = usePageActions({ api, article, openDialog, undo: (expect) => void undoRedo.undo(expect), toast, reportError, root: summary?.root ?? null })

  useMenuCommands(events, nativeMenu, modalOpen, pageCommands({ folder, actions, sideBars, appRef, openDialog, setView, history: undoRedo.fromMenu, openLink: followLink }))

  // Reader keys (j/k, s/e/p, h/n/1–4, [ ], /, ?) and the toolbar's highlight buttons.
  const highlightSelection = useAppShortcuts({
    api,
    enabled: !modalOpen && view === 'reader',
    appRef,
    bodyRef,
    reader,
    highlights: hl,
    library: { list: library.list, view: library.view },
    sideBars,
    openArticle,
    showShortcuts: () => openDialog({ type: 'shortcuts' }),
    hint: (message) => toast(message),
    reportError
  })

  const rethrow = (error: unknown) => {
    reportError(error)
    throw error
  }
  return (
    <div className="app" ref={appRef}>
      <SkipLink />
      <TopBar
        api={api}
        modalOpen={modalOpen}
        summary={summary}
        hasArticle={article !== null}
        folder={folder}
        actions={actions}
        openDialog={openDialog}
        sideBars={sideBars}
        view={view}
        onViewChange={setView}
        onSearchResult={openSearchResult}
        reportError={reportError}
      />
      <SaveProblemBanner api={api} inert={modalOpen} />
      <StoreNotice notice={summary?.storeNotice} inert={modalOpen} />
      <div {...workspaceLayout(sideBars)} inert={modalOpen} hidden={view === 'highlights'}>
        <LibraryColumn
          library={library}
          sideBars={sideBars}
          starting={folder.starting}
          currentId={article?.id ?? null}
          scan={scan}
          tags={tags.tags.map((t) => t.tag)}
          actions={actions}
          onOpen={openArticle}
          onOpenFolder={() => void folder.openFolder()}
          onManageTags={() => openDialog({ type: 'manage-tags' })}
        />
        <ReaderColumn
          reader={reader}
          highlights={hl}
          summary={summary}
          starting={folder.starting}
          startError={folder.startError}
          selection={selection}
          readerRef={readerRef}
          bodyRef={bodyRef}
          toolbarRef={toolbarRef}
          onOpenFolder={() => void folder.openFolder()}
          onHighlightSelection={highlightSelection}
          onSetTags={(highlightId, next) => reader.updateHighlight(highlightId, { tags: next }).catch(rethrow)}
          loadTagSuggestions={tags.loadNames}
          reportError={reportError}
        />
        <HighlightsPanel
          article={article}
          edge={<SideBarSplitter bars={sideBars} bar="panel" />}
          onSaveNote={(articleId, note) => reader.saveNote(articleId, note).catch(rethrow)}
          onJump={hl.jumpTo}
          onOpenOrphan={hl.open}
          onReattachOrphan={(id) => void hl.reattach(id)}
          onDeleteOrphan={hl.remove}
          onSaveArticleTags={(articleId, next) => reader.saveArticleTags(articleId, next).catch(rethrow)}
          loadTagSuggestions={tags.loadNames}
        />
      </div>
      {view === 'highlights' && (
        <div className="all-highlights-host" inert={modalOpen}>
          <AllHighlights
            api={api}
            root={summary?.root ?? null}
            filters={workspaceFilters}
            onFiltersChange={setWorkspaceFilters}
            onOpen={(articleId, highlightId) => {
              setView('reader')
              jumpWhenShown(articleId, highlightId)
              if (article?.id !== articleId) openArticle(articleId)
            }}
          />
        </div>
      )}
      <Dialogs api={api} dialog={dialog} onClose={closeDialog} summary={summary} article={article} />
      <DropOverlay visible={dropping} />
      <Toasts toasts={toasts} shown={shownToast} onDismiss={dismiss} onPause={pauseToast} onResume={resumeToast} />
    </div>
  )
}
