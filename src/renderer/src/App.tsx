// Gloss renderer: header, library (left), reader (centre), highlights and notes (right).
// Composition only: state and effects live in the feature hooks named below. Contract
// reads sit in the query cache (data/), which the core's change events keep current;
// nothing here decides what a call has made stale. The stable DOM hooks the E2E relies
// on are listed in dom-hooks.md.
import { useCallback, useEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import type { Api } from '../../shared/api'
import type { DataChange, GlossEvents } from '../../shared/events'
import type { LibrarySummary } from '../../shared/model'
import { ReaderColumn } from './app/reader-column'
import { useMenuCommands } from './app/use-menu-commands'
import { usePageActions } from './app/use-page-actions'
import { AppHeader } from './components/app-header'
import { StoreNotice } from './components/store-notice'
import { SaveProblemBanner } from './components/save-problem-banner'
import { Toasts, useToasts } from './components/toasts'
import { useDataChanges } from './data/use-data-changes'
import { Dialogs, useDialog } from './dialogs/dialogs'
import { AllHighlights } from './features/all-highlights/all-highlights'
import { useReaderFocusOnReturn, ViewSwitch, type MainView } from './features/all-highlights/view-switch'
import { useWorkspaceFilters } from './features/all-highlights/workspace-filters'
import { usePrefsOnPage } from './features/comfort/use-prefs'
import { useReadingProgress } from './features/comfort/use-reading-progress'
import { HighlightsPanel } from './features/highlights/highlights-panel'
import { useHighlightActions } from './features/highlights/use-highlight-actions'
import { useUndoRedo } from './features/history/use-undo-redo'
import { useUndoToasts } from './features/history/use-undo-toasts'
import { focusArticleNote, focusSearchBox } from './features/keyboard/focus-targets'
import { SkipLink } from './features/keyboard/skip-link'
import { useReaderShortcuts } from './features/keyboard/use-reader-shortcuts'
import { SideBarSplitter } from './features/layout/side-bar-splitter'
import { SideBarToggles } from './features/layout/side-bar-toggles'
import { DropOverlay, useFolderDrop } from './features/layout/use-folder-drop'
import { useResponsiveBars } from './features/layout/use-responsive-bars'
import { HEADER_FOLD_PX } from './features/layout/responsive'
import { useSideBars, workspaceLayout } from './features/layout/use-side-bars'
import { useWindowWidth } from './features/layout/use-window-width'
import { LibraryPanel, LibraryPlaceholder } from './features/library/library-panel'
import { useLibrary } from './features/library/use-library'
import { useOpenFolder } from './features/library/use-open-folder'
import { useScanProgress } from './features/library/use-scan-progress'
import { useGlossLinks } from './features/links/use-gloss-links'
import { usePendingJump } from './features/links/use-pending-jump'
import { useBodySelection } from './features/reader/use-body-selection'
import { useOpenArticle } from './features/reader/use-open-article'
import { useScrollPlace } from './features/reader/use-scroll-place'
import { SearchBox } from './features/search/search-box'
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
  const headerFolded = useWindowWidth() < HEADER_FOLD_PX

  const library = useLibrary(api, reportError)
  const { summary } = library
  const tags = useTagList(api, summary?.root ?? null)
  const reader = useOpenArticle(api, reportError)
  const { article } = reader
  const { selection, clear: clearSelection } = useBodySelection(bodyRef, article?.text ?? null, toolbarRef)
  const place = useScrollPlace(article, readerRef, bodyRef)

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

  // Changes pushed by the core: the open article follows a renamed file or says it went; the cache does the rest.
  useDataChanges(
    events,
    useCallback(
      (change: DataChange) => {
        const moved = change.articles.moved.find((m) => m.from === article?.id)
        if (moved) place.keepPlaceFor(moved.to)
        if (reader.followChange(change) === 'gone') (clearSelection(), hl.setPopover(null))
      },
      [article?.id, reader.followChange, place.keepPlaceFor, clearSelection]
    )
  )
  const scan = useScanProgress(events, summary?.root ?? null)

  const undoRedo = useUndoRedo({ api, enabled: !modalOpen, onError: reportError, onOutcome: (...args) => undoToasts(...args) })
  const hl = useHighlightActions({ reader, selection, clearSelection, appRef, bodyRef, stopRestoring: place.stopRestoring, undo: (expect) => void undoRedo.undo(expect), toast, reportError })
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

  useEffect(() => {
    document.title = article ? `${article.title} — Gloss` : summary ? `${summary.name} — Gloss` : 'Gloss'
  }, [article?.title, summary?.name])
  useReadingProgress({ api, articleId: article?.id ?? null, scrollerRef: readerRef, bodyRef, onError: reportError, layoutKey: `${prefs.fontFamily} ${prefs.fontSize} ${prefs.lineHeight} ${prefs.columnWidth}` })

  useReaderFocusOnReturn(view, readerRef)

  const actions = usePageActions({ api, article, openDialog, undo: (expect) => void undoRedo.undo(expect), toast, reportError, root: summary?.root ?? null })

  useMenuCommands(events, nativeMenu, modalOpen, {
    openFolder: () => void folder.openFolder(),
    openRecent: (root) => void folder.openRecent(root),
    toggleSideBar: sideBars.toggle,
    exportArticle: actions.exportArticle,
    exportCorpus: actions.exportCorpus,
    copyNotes: () => void actions.copyNotes(),
    importAnnotations: () => void actions.importAnnotations(),
    find: () => void focusSearchBox(appRef.current ?? document),
    showShortcuts: () => openDialog({ type: 'shortcuts' }),
    toggleAllHighlights: () => setView((v) => (v === 'highlights' ? 'reader' : 'highlights')),
    history: undoRedo.fromMenu,
    openLink: followLink
  })


  const highlightSelection = (color: 'yellow' | 'green' | 'blue' | 'pink', withNote: boolean) =>
    void hl.create(color, withNote).then((made) => made && keys.rememberColor(color))
  // Reader keys (j/k, s/e/p, h/n/1–4, [ ], /, ?): features/keyboard/shortcuts.ts.
  const keys = useReaderShortcuts({
    api,
    enabled: !modalOpen && view === 'reader',
    bodyRef,
    text: article?.text ?? null,
    articleId: article?.id ?? null,
    library: { list: library.list, view: library.view },
    popoverId: hl.popover?.id ?? null,
    openArticle,
    highlightSelection,
    recolor: (highlightId, color) => void reader.updateHighlight(highlightId, { color }).catch(reportError),
    // [ and ] close an open popover first (its note is flushed), so focus lands on the new mark.
    jumpToHighlight: (highlightId) => (hl.setPopover(null), hl.jumpTo(highlightId)),
    // In a narrow window the notes panel is an overlay: shown first (now, so the note can take focus).
    focusArticleNote: () => (flushSync(() => sideBars.show('panel', { focus: false })), void focusArticleNote(appRef.current ?? document)),
    focusSearch: () => void focusSearchBox(appRef.current ?? document),
    showShortcuts: () => openDialog({ type: 'shortcuts' }),
    hint: (message) => toast(message)
  })

  const rethrow = (error: unknown) => {
    reportError(error)
    throw error
  }
  return (
    <div className="app" ref={appRef}>
      <SkipLink />
      <AppHeader
        inert={modalOpen}
        summary={summary}
        hasArticle={article !== null}
        onOpenFolder={() => void folder.openFolder()}
        onOpenRecent={(root) => void folder.openRecent(root)}
        loadRecent={folder.loadRecent}
        onExportArticle={actions.exportArticle}
        onExportCorpus={actions.exportCorpus}
        onCopyNotes={() => void actions.copyNotes()}
        onImport={() => void actions.importAnnotations()}
        onReadingSettings={() => openDialog({ type: 'reading-settings' })}
        onShowShortcuts={() => openDialog({ type: 'shortcuts' })}
        folded={headerFolded}
        sideBarToggles={
          <SideBarToggles libraryHidden={sideBars.hidden('library')} panelHidden={sideBars.hidden('panel')} onToggle={sideBars.toggle} modifier={navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl'} />
        }
      />
      <div className="search-bar" inert={modalOpen}>
        <SearchBox api={api} root={summary?.root ?? null} onOpen={(result) => (setView('reader'), openSearchResult(result))} onError={reportError} />
        <ViewSwitch view={view} onChange={setView} />
      </div>
      <SaveProblemBanner api={api} inert={modalOpen} />
      <StoreNotice notice={summary?.storeNotice} inert={modalOpen} />
      <div {...workspaceLayout(sideBars)} inert={modalOpen} hidden={view === 'highlights'}>
        {summary ? (
          <LibraryPanel
            summary={summary}
            list={library.list}
            onRange={library.showRange}
            view={library.view}
            onViewChange={library.setView}
            currentId={article?.id ?? null}
            onOpen={(articleId) => (openArticle(articleId), sideBars.overlay === 'library' && sideBars.closeOverlay({ focusReader: true }))}
            onOpenFolder={() => void folder.openFolder()}
            missing={library.missing}
            onRemoveMissing={actions.removeMissing}
            scan={scan}
            tags={tags.tags.map((t) => t.tag)}
            onManageTags={() => openDialog({ type: 'manage-tags' })}
            lastImport={actions.lastImport}
            edge={<SideBarSplitter bars={sideBars} bar="library" />}
          />
        ) : (
          <LibraryPlaceholder starting={folder.starting} edge={<SideBarSplitter bars={sideBars} bar="library" />} />
        )}
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
