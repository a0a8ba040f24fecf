/*
 * Gloss renderer: header, library (left), reader (centre), highlights and notes (right).
 *
 * Stable DOM hooks for the Playwright E2E (prefer roles; test ids only where roles
 * do not suffice):
 *   regions          getByRole('region', { name: 'Library' | 'Article' | 'Highlights' })
 *   header buttons   getByRole('button', { name: 'Open Folder…' | 'Recent' | 'Export article…' |
 *                    'Export all notes…' | 'Copy notes' | 'Import annotations…' }); Recent opens role=menu
 *                    "Recent folders" with role=menuitem entries (name = folder base name + full path)
 *   export dialog    getByRole('dialog', { name: 'Export notes' }) ([data-testid="export-dialog"]):
 *                    radios 'This article…' / 'All notes…', format radios 'Markdown file' |
 *                    'Markdown folder (Obsidian vault)' | 'JSON (W3C Web Annotations)' | 'CSV (spreadsheet)',
 *                    template radios 'Default' / 'Custom (Mustache)', textboxes 'Template' and
 *                    'File name template', checkbox 'Recreate deleted files'; preview
 *                    [data-testid="export-preview"] (data-preview-ms = last round trip), template
 *                    errors role=alert; buttons 'Dry run', 'Export…', 'Close'; the outcome
 *                    [data-testid="export-outcome"] ("Saved to …" or [data-testid="folder-report"]
 *                    with details[data-section=create|update|unchanged|skipped|problems])
 *   import report    getByRole('dialog', { name: 'Annotations imported' }) ([data-testid="import-report"])
 *   folder name      [data-testid="folder-name"]
 *   store notice     role=alert with a "Dismiss" button (class .banner)
 *   library list     getByRole('listbox', { name: 'Articles' }) → role=option rows
 *                    ([data-article-id], aria-selected on the open one; name contains the title);
 *                    filters: getByLabel('Filter by title' | 'Sort' | 'Topic')
 *   problems         [data-testid="problems"] (<details>, summary "Problems (N)")
 *   article          h1#article-title; link 'Open original'; body [data-testid="article-body"],
 *                    every block element inside has data-start (offset in article.text)
 *   highlights       mark[data-highlight-id] (also data-color, class hl-<colour>,
 *                    title "<Colour> highlight[ with note]"); a highlight spanning several
 *                    blocks has several marks with the same id
 *   toolbar          [data-testid="selection-toolbar"] (role=toolbar "Highlight selection"),
 *                    buttons 'Highlight yellow|green|blue|pink', 'Add note'
 *   popover          [data-testid="highlight-popover"] (role=dialog): buttons 'Yellow'… with
 *                    aria-pressed, textbox 'Note', buttons 'Save', 'Delete'
 *   side panel       textbox 'Article note' (status "Saved" next to it);
 *                    list items button[data-list-highlight-id]; orphans [data-testid="orphans"]
 *                    ("Could not be placed (N)") with button[data-orphan-id], each followed by
 *                    buttons 'Re-attach to selection' and 'Delete' (li.orphan-entry)
 *   orphan banner    [data-testid="orphan-banner"] (role=status, "N highlight(s) could not be
 *                    placed", button 'Show')
 *   missing articles [data-testid="missing-articles"] (<details>, summary "Missing articles (N)"),
 *                    li[data-missing-article-id] with button 'Remove', then 'Remove for good' / 'Keep'
 *   article gone     [data-testid="article-gone"] (role=status) when the open file was deleted
 *   search           getByRole('searchbox', { name: 'Search all text' }) ('/' focuses it); results
 *                    [data-testid="search-results"]: status line, list 'Search results' of
 *                    button[data-search-result] (data-article-id, data-kind article|highlight|note)
 *                    with mark.search-mark around matched words; a click opens the article at the match
 *   keyboard         reader keys from features/keyboard/shortcuts.ts (j/k; s, Shift+S, e, p and Shift(+Ctrl)+arrows
 *                    select text; h, n, 1–4; [ ]; /; ?); getByRole('dialog', { name: 'Keyboard shortcuts' })
 *                    ([data-testid="shortcuts-sheet"], also header button 'Keyboard shortcuts') lists them, a table per group (row headers = keys);
 *                    link 'Skip to article' (first Tab stop) focuses the article body (tabIndex 0); main#reader;
 *                    each mark has aria-describedby → hidden "<Colour> highlight[ with note]" (#hl-desc-<colour>[-note])
 *   side bars        role=separator 'Resize library' | 'Resize notes panel' (inside the Library / Highlights region; aria-valuenow = width in px;
 *                    arrows/Home/End, drag, double-click resets); header group 'Side bars' with buttons
 *                    'Library panel' | 'Notes panel' (aria-expanded); Ctrl/Cmd+\ and Ctrl/Cmd+Shift+\
 *                    toggle them; .workspace gets .library-hidden / .panel-hidden
 *   drop overlay     [data-testid="drop-overlay"] while a folder is dragged over the window
 *   view switch      navigation 'Views' > role=group "View" with buttons 'Reader' | 'All highlights' (aria-pressed); Ctrl/Cmd+Shift+H
 *                    (View › All Highlights) toggles. While the workspace shows, .workspace is hidden.
 *   all highlights   getByRole('region', { name: 'All highlights' }): searchbox 'Search highlights', group
 *                    'Colours' of buttons 'Yellow'|'Green'|'Blue'|'Pink' (aria-pressed; name ends with the count),
 *                    selects 'Tag' (exact: each entry has a list 'Tags') | 'Source' | 'Order' (Newest first / Oldest first / By article), date inputs
 *                    'From' | 'To'; count [data-testid="workspace-count"] ("N highlights"[ "of M"]); list
 *                    'Highlights' (data-loaded: entries fetched so far) of li[data-highlight-entry] (data-article-id, class hl-<colour>) each with
 *                    button 'Open in article' (arrow keys / Home / End move between them, Enter opens);
 *                    'By article' adds li.ah-group headings (h3 = article title); empty state
 *                    [data-testid="workspace-empty"] with button 'Clear filters' when filters match nothing
 *   reading settings header button 'Reading settings' (shows "Aa") opens getByRole('dialog', { name: 'Reading
 *                    settings' }) ([data-testid="reading-settings"]): radio groups 'Theme' (System | Light | Dark |
 *                    Sepia) and 'Font' (Serif | Sans | Mono), sliders 'Font size' | 'Line height' | 'Column width'
 *                    (values in [data-testid="value-fontSize|lineHeight|columnWidth"]), buttons 'Reset', 'Done';
 *                    <html data-theme="light|dark|sepia" data-theme-choice="system|…"> and --reader-* variables
 *   reading progress library rows: [data-testid="row-progress"] ("45%" / "Read", data-progress = fraction) and
 *                    .row-reading-time ("6 min"); reader: [data-testid="reading-time"] ("12 min read")
 *   toasts           role=status (info: "Highlight deleted", "Notes copied", "Saved to …"),
 *                    role=alert (errors); [data-toast-id] per toast; an action button inside
 *                    ('Undo' on "Highlight deleted" — focused when the deletion took focus away —,
 *                    'Undo' on "Removed N annotations", 'Open' on "Undid: …" for another article);
 *                    action toasts stay 8 s, held while hovered or focused
 *   undo / redo      Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, Ctrl+Y (Edit › Undo / Redo in the desktop app):
 *                    in a text field its own text undo, elsewhere the last highlight / note / tag edit
 *                    (features/history/use-undo-redo.ts); toast "Undid: <label>" / "Redid: <label>",
 *                    "Nothing to undo"; the affected highlight is scrolled to and focused
 *   tags             tag editors (features/tags/tag-input.tsx): popover [data-testid="highlight-tags"] (label
 *                    'Tags'), side panel [data-testid="article-tags"] (label 'Article tags'); each has
 *                    getByRole('combobox', { name: label }) with role=listbox '<label>: suggestions' of role=option
 *                    (↓/↑, Enter/Tab/comma add, Backspace removes the last, first Esc closes the list only), a
 *                    list '<label>' of chips with buttons 'Remove tag <tag>', and a live line [data-testid="tag-input-status"];
 *                    side panel rows show a highlight's tags (span.tag-list[data-tags]); library select 'Tag'
 *                    ('All tags' + every tag) and button 'Manage tags…' → getByRole('dialog', { name: 'Manage tags' })
 *                    ([data-testid="manage-tags"]): list 'Tags' of li[data-tag] with buttons 'Rename <tag>' |
 *                    'Delete <tag>'; textbox 'New name for “<tag>”', [data-testid="manage-tags-note"] ("… will be
 *                    merged …" when the name exists), buttons 'Rename' | 'Merge', 'Delete tag', 'Cancel', 'Close'
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { Api } from '../../shared/api'
import type { GlossEvents, LibraryChange, MenuCommand, ScanProgress } from '../../shared/events'
import type { Highlight, HighlightColor, ImportReport, LibrarySummary } from '../../shared/model'
import { AppHeader } from './components/app-header'
import { Toasts, useToasts } from './components/toasts'
import { copyText } from './components/clipboard'
import { HighlightPopover } from './features/highlights/highlight-popover'
import { ExportDialog, type ExportScopeChoice } from './features/export/export-dialog'
import { useExportSettings } from './features/export/export-settings'
import { ImportReportDialog } from './features/export/import-report-dialog'
import { HighlightsPanel } from './features/highlights/highlights-panel'
import { LibraryPanel } from './features/library/library-panel'
import { useLibrary } from './features/library/use-library'
import { ReaderView } from './features/reader/reader-view'
import { SelectionToolbar } from './features/reader/selection-toolbar'
import { useArticle } from './features/reader/use-article'
import { SearchBox } from './features/search/search-box'
import { useSearchJump } from './features/search/use-search-jump'
import { useBodySelection } from './features/reader/use-body-selection'
import { usePrefsOnPage } from './features/comfort/use-prefs'
import { ReadingSettingsDialog } from './features/comfort/reading-settings'
import { useReadingProgress } from './features/comfort/use-reading-progress'
import { holdOffsetAtTop, progressText } from './features/comfort/reading-position'
import { useUndoRedo } from './features/history/use-undo-redo'
import { AllHighlights } from './features/all-highlights/all-highlights'
import { ViewSwitch, type MainView } from './features/all-highlights/view-switch'
import { useWorkspaceFilters } from './features/all-highlights/workspace-filters'
import { SideBarSplitter } from './features/layout/side-bar-splitter'
import { SideBarToggles } from './features/layout/side-bar-toggles'
import { DropOverlay, useFolderDrop } from './features/layout/use-folder-drop'
import { useSideBars, workspaceLayout } from './features/layout/use-side-bars'
import { useReaderShortcuts } from './features/keyboard/use-reader-shortcuts'
import { useCommandKeys } from './features/keyboard/use-command-keys'
import { ShortcutsSheet } from './features/keyboard/shortcuts-sheet'
import { SkipLink } from './features/keyboard/skip-link'
import { ManageTagsDialog } from './features/tags/manage-tags-dialog'
import { useTagList } from './features/tags/use-tag-list'
import { focusArticleNote, focusSearchBox } from './features/keyboard/focus-targets'

export interface AppProps {
  api: Api
  /** Menu commands (desktop app) and library changes (desktop app and harness). */
  events?: GlossEvents | null
  /** True in the desktop app, whose native menu owns the keyboard shortcuts. */
  nativeMenu?: boolean
}

interface PopoverState {
  id: string
  focusNote: boolean
}

const FLASH_MS = 1600

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

function findHighlightElement(root: ParentNode | null | undefined, id: string): HTMLElement | null {
  if (!root) return null
  for (const el of root.querySelectorAll<HTMLElement>('mark[data-highlight-id], [data-orphan-id]')) {
    if (el.dataset.highlightId === id || el.dataset.orphanId === id) return el
  }
  return null
}

export function App({ api, events = null, nativeMenu = false }: AppProps) {
  const { toasts, show: toast, dismiss, pause: pauseToast, resume: resumeToast } = useToasts()
  /** "Highlight deleted" with an Undo button (set once the undo history is wired, below). */
  const announceDeletion = useRef<(highlightId: string, focusUndo: boolean) => void>(() => undefined)
  /** A toast's Undo: takes back its own step only (set below with the undo history). */
  const undoLast = useRef<(expect: { label: string; highlightId?: string }) => void>(() => undefined)
  const reportError = useCallback((error: unknown) => toast(messageOf(error), 'error'), [toast])
  // Theme, font and column on <html>, from the stored reading preferences.
  const { prefs } = usePrefsOnPage(api, reportError)
  const library = useLibrary(api, reportError)
  const reader = useArticle(api, library.refresh)
  const { summary } = library
  const { article } = reader
  // The folder's tags: autocomplete, the library's Tag filter, Manage tags.
  const tagList = useTagList(api, summary?.root ?? null)
  /** After a tag edit: counts, the Tag filter's choices and a filtered list may all change. */
  const tagsChanged = useCallback(() => {
    void tagList.refresh()
    if (library.view.tag) void library.refresh()
  }, [tagList.refresh, library.refresh, library.view.tag])

  const [starting, setStarting] = useState(true)
  const [startError, setStartError] = useState<string | null>(null)
  const [dismissedNotice, setDismissedNotice] = useState<string | null>(null)
  const [popover, setPopover] = useState<PopoverState | null>(null)
  const [flashId, setFlashId] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  /** The open article's file was deleted: its title, for the message in its place. */
  const [goneTitle, setGoneTitle] = useState<string | null>(null)
  const [exportScope, setExportScope] = useState<ExportScopeChoice | null>(null)
  const [exportSettings, updateExportSettings] = useExportSettings()
  const [imported, setImported] = useState<{ file: string; report: ImportReport } | null>(null)
  /** A gloss:// link's highlight, to scroll to once its article is shown. */
  const [pendingJump, setPendingJump] = useState<{ articleId: string; highlightId: string } | null>(null)
  /** The reader, or the "All highlights" workspace in its place (filters kept for the session). */
  const [view, setView] = useState<MainView>('reader')
  const [workspaceFilters, setWorkspaceFilters] = useWorkspaceFilters()
  /** The keyboard shortcuts sheet ('?', Help › Keyboard Shortcuts). */
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  const [manageTagsOpen, setManageTagsOpen] = useState(false)
  const [readingSettingsOpen, setReadingSettingsOpen] = useState(false)
  const modalOpen = exportScope !== null || imported !== null || shortcutsOpen || manageTagsOpen || readingSettingsOpen

  const bodyRef = useRef<HTMLDivElement>(null)
  const toolbarRef = useRef<HTMLDivElement>(null)
  const readerRef = useRef<HTMLElement>(null)
  const appRef = useRef<HTMLDivElement>(null)
  const { selection, clear: clearSelection } = useBodySelection(bodyRef, article?.text ?? null, toolbarRef)
  /** Library and notes panel: widths and hidden flags (reading preferences). */
  const sideBars = useSideBars(api)

  const started = useRef(false)
  const queuedLinks = useRef<string[]>([])
  const followLinkRef = useRef<(url: string) => Promise<void>>(async () => undefined)

  const enterLibrary = useCallback(
    async (next: LibrarySummary) => {
      setPopover(null)
      setGoneTitle(null)
      reader.close()
      library.showLibrary(next)
      if (next.lastArticleId) {
        // The remembered article may have gone since; then simply start without one.
        await reader.open(next.lastArticleId).catch(() => null)
      }
    },
    [library.showLibrary, reader.close, reader.open]
  )

  useEffect(() => {
    let live = true
    ;(async () => {
      try {
        const current = await api['library.current']({})
        const next = current ?? (await api['library.openSample']({}))
        if (live) await enterLibrary(next)
      } catch (error) {
        if (live) setStartError(messageOf(error))
      } finally {
        if (live) {
          setStarting(false)
          started.current = true
          // Links that came while the app was starting, now that the start-up article is shown.
          for (const url of queuedLinks.current.splice(0)) void followLinkRef.current(url)
        }
      }
    })()
    return () => {
      live = false
    }
    // Start once per api; enterLibrary is stable.
  }, [api, enterLibrary])

  const openFolder = useCallback(async () => {
    try {
      const next = await api['library.chooseFolder']({})
      if (next) {
        setStartError(null)
        await enterLibrary(next)
      }
    } catch (error) {
      reportError(error)
    }
  }, [api, enterLibrary, reportError])

  const openRecent = useCallback(
    async (root: string) => {
      try {
        const next = await api['library.open']({ root })
        setStartError(null)
        await enterLibrary(next)
      } catch (error) {
        reportError(error)
      }
    },
    [api, enterLibrary, reportError]
  )

  const loadRecent = useCallback(async () => (await api['library.recent']({})).folders, [api])

  // A folder dropped on the window opens like a recent one (a file is reported by library.open).
  const dropping = useFolderDrop({ onPath: (root) => void openRecent(root), onNoPath: (message) => toast(message, 'error'), disabled: modalOpen })

  const openArticle = useCallback(
    (articleId: string) => {
      setPopover(null)
      setGoneTitle(null)
      clearSelection()
      reader.open(articleId).catch(reportError)
    },
    [reader.open, clearSelection, reportError]
  )

  useEffect(() => {
    document.title = article ? `${article.title} — Gloss` : summary ? `${summary.name} — Gloss` : 'Gloss'
  }, [article?.title, summary?.name])

  // A newly opened article starts where the user stopped reading it (the block saved by
  // useReadingProgress) or at its top; one reloaded because its file changed stays
  // where the reader was.
  const restoreScroll = useRef<{ id: string; top: number } | null>(null)
  const shownId = useRef<string | null>(null)
  const stopRestoring = useRef<() => void>(() => undefined)
  useLayoutEffect(() => {
    const view = readerRef.current
    const id = article?.id ?? null
    const restore = restoreScroll.current
    if (view && restore && restore.id === id) {
      view.scrollTop = restore.top
      restoreScroll.current = null
    } else if (view && id !== shownId.current) {
      // Another article before the last one's saved place settled: stop putting that back.
      stopRestoring.current()
      view.scrollTop = 0
      const offset = article?.progressOffset ?? null
      if (offset !== null && bodyRef.current) stopRestoring.current = holdOffsetAtTop(view, bodyRef.current, offset)
    }
    shownId.current = id
  }, [article])

  useReadingProgress({
    api,
    articleId: article?.id ?? null,
    scrollerRef: readerRef,
    bodyRef,
    // The row of an article the user has left shows its new figure. Not while reading:
    // refreshing the library under a text selection being dragged can lose it.
    onSaved: (articleId, fraction) => {
      if (articleId === articleRef.current?.id) return
      const row = library.list?.rows.find((r) => r?.id === articleId)
      if (!row || progressText(row.progress) !== progressText(fraction)) void library.refresh()
    },
    onError: reportError,
    layoutKey: `${prefs.fontFamily} ${prefs.fontSize} ${prefs.lineHeight} ${prefs.columnWidth}`
  })

  const articleRef = useRef(article)
  articleRef.current = article
  const summaryRef = useRef(summary)
  summaryRef.current = summary

  const reloadInPlace = useCallback(
    async (articleId: string) => {
      restoreScroll.current = { id: articleId, top: readerRef.current?.scrollTop ?? 0 }
      try {
        await reader.reload(articleId)
      } catch (error) {
        restoreScroll.current = null
        reportError(error)
      }
    },
    [reader.reload, reportError]
  )

  // The folder changed on disk: refresh the library, and the open article in place.
  const libraryChanged = useRef<(change: LibraryChange) => void>(() => undefined)
  libraryChanged.current = (change) => {
    if (!summaryRef.current || change.root !== summaryRef.current.root) return
    void library.reloadSummary()
    void library.refresh()
    void library.refreshMissing()
    const open = articleRef.current
    if (!open) return
    const moved = change.movedArticles.find((m) => m.from === open.id)
    if (moved) {
      void reloadInPlace(moved.to)
    } else if (change.removedArticleIds.includes(open.id)) {
      setPopover(null)
      clearSelection()
      reader.close()
      setGoneTitle(open.title)
    } else if (change.changedArticleIds.includes(open.id)) {
      void reloadInPlace(open.id)
    }
  }
  useEffect(() => {
    if (!events) return
    return events.onLibraryChanged((change) => libraryChanged.current(change))
  }, [events])

  // A large folder is read in the background: show how far, and the rows read so far
  // (the main process reports at most every 250 ms, so each report can refresh the list).
  const [scan, setScan] = useState<ScanProgress | null>(null)
  const scanProgress = useRef<(progress: ScanProgress) => void>(() => undefined)
  scanProgress.current = (progress) => {
    setScan(progress)
    if (!summaryRef.current || progress.root !== summaryRef.current.root) return
    void library.reloadSummary()
    void library.refresh()
    if (progress.done) void library.refreshMissing()
  }
  useEffect(() => {
    if (!events) return
    return events.onScanProgress((progress) => scanProgress.current(progress))
  }, [events])

  // Both open the export dialog; without an open article it starts on all notes.
  const exportArticle = useCallback(() => setExportScope(articleRef.current ? 'article' : 'corpus'), [])
  const exportCorpus = useCallback(() => setExportScope('corpus'), [])

  const importAnnotations = useCallback(async () => {
    try {
      const { file, report } = await api['import.annotations']({})
      if (!file || !report) return
      setImported({ file, report })
      void library.reloadSummary()
      void library.refresh()
      void library.refreshMissing()
      const open = articleRef.current
      if (open) void reloadInPlace(open.id)
    } catch (error) {
      reportError(error)
    }
  }, [api, library.reloadSummary, library.refresh, library.refreshMissing, reloadInPlace, reportError])

  /** Opens the article a gloss:// link points at (its folder first, if another is open) and scrolls to the highlight. */
  followLinkRef.current = async (url: string) => {
    try {
      const target = await api['app.openLink']({ url })
      setExportScope(null)
      if (target.library.root !== summaryRef.current?.root) {
        setPopover(null)
        setGoneTitle(null)
        reader.close()
        library.showLibrary(target.library)
        setStartError(null)
      } else {
        // The link may carry highlights made elsewhere since: show the folder as it is now.
        void library.refresh()
      }
      setPopover(null)
      setGoneTitle(null)
      clearSelection()
      setPendingJump(target.highlightId ? { articleId: target.articleId, highlightId: target.highlightId } : null)
      setView('reader')
      await reader.open(target.articleId)
      if (target.notice) toast(target.notice)
    } catch (error) {
      setPendingJump(null)
      reportError(error)
    }
  }

  useEffect(() => {
    if (!pendingJump || article?.id !== pendingJump.articleId) return
    setPendingJump(null)
    const highlight = article.highlights.find((h) => h.id === pendingJump.highlightId)
    if (!highlight) return
    if (highlight.anchor) jumpTo(highlight.id)
    else {
      // An orphan: show it in the list of highlights that could not be placed.
      showOrphans()
      setPopover({ id: highlight.id, focusNote: false })
    }
  }, [article, pendingJump])

  const copyNotes = useCallback(async () => {
    const current = articleRef.current
    if (!current) {
      toast('Open an article to copy its notes')
      return
    }
    try {
      const { markdown } = await api['export.markdown']({ scope: 'article', articleId: current.id })
      await copyText(markdown)
      toast('Notes copied')
    } catch (error) {
      reportError(error)
    }
  }, [api, toast, reportError])

  // Native menu commands run the same code as the buttons.
  const commands = useRef<(command: MenuCommand, keyTarget?: Element | null) => void>(() => undefined)
  commands.current = (command, keyTarget) => {
    switch (command.type) {
      case 'open-folder':
        return void openFolder()
      case 'open-recent':
      case 'open-path':
        return void openRecent(command.root)
      case 'toggle-library':
        return sideBars.toggle('library')
      case 'toggle-panel':
        return sideBars.toggle('panel')
      case 'export-article':
        return void exportArticle()
      case 'export-corpus':
        return void exportCorpus()
      case 'copy-article-notes':
        return void copyNotes()
      case 'import-annotations':
        return void importAnnotations()
      case 'find':
        return void focusSearchBox(appRef.current ?? document)
      case 'show-shortcuts':
        return setShortcutsOpen(true)
      case 'show-all-highlights':
        return setView((v) => (v === 'highlights' ? 'reader' : 'highlights'))
      case 'undo':
      case 'redo':
        return undoRedo.fromMenu(command.type, keyTarget)
      case 'open-link':
        if (!started.current) return void queuedLinks.current.push(command.url)
        return void followLinkRef.current(command.url)
    }
  }
  useEffect(() => {
    if (!events) return
    return events.onMenuCommand((command) => commands.current(command))
  }, [events])

  // Without a native menu (browser harness) the page answers the menu's accelerators
  // itself; with one, the menu does. A dialog's keys are its own.
  useCommandKeys({ enabled: !nativeMenu && !modalOpen, run: (command, keyTarget) => commands.current(command, keyTarget) })

  // Escape dismisses the selection toolbar (the popover handles its own Escape).
  useEffect(() => {
    if (!selection) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') clearSelection()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [selection, clearSelection])

  const createHighlight = async (color: HighlightColor, withNote: boolean) => {
    if (!article || !selection || busy) return
    setBusy(true)
    try {
      const h = await reader.createHighlight(article.id, selection.range.start, selection.range.end, color)
      keys.rememberColor(color)
      clearSelection()
      if (withNote) setPopover({ id: h.id, focusNote: true })
    } catch (error) {
      reportError(error)
    } finally {
      setBusy(false)
    }
  }

  const activateHighlight = useCallback((highlightId: string) => {
    setPopover({ id: highlightId, focusNote: false })
  }, [])

  const openOrphan = useCallback((highlightId: string) => {
    setPopover({ id: highlightId, focusNote: false })
  }, [])

  const reattachOrphan = useCallback(
    async (highlightId: string) => {
      const current = articleRef.current
      if (!current || !selection) {
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
    },
    [selection, reader.reattachHighlight, clearSelection, toast, reportError]
  )

  const deleteOrphan = useCallback(
    (highlight: Highlight) => {
      setPopover((p) => (p?.id === highlight.id ? null : p))
      reader
        .deleteHighlight(highlight)
        .then(() => announceDeletion.current(highlight.id, true))
        .catch(reportError)
    },
    [reader.deleteHighlight, reportError]
  )

  const showOrphans = useCallback(() => {
    const list = appRef.current?.querySelector<HTMLElement>('[data-testid="orphans"]')
    list?.scrollIntoView?.({ block: 'start', behavior: 'smooth' })
    list?.focus({ preventScroll: true })
  }, [])

  const removeMissing = useCallback(
    async (articleId: string) => {
      try {
        const removed = await library.removeMissing(articleId)
        toast(`Removed ${removed === 1 ? '1 annotation' : `${removed} annotations`}`, 'info', {
          action: { label: 'Undo', run: () => void undoLast.current({ label: 'Remove missing notes' }) }
        })
      } catch (error) {
        reportError(error)
      }
    },
    [library.removeMissing, toast, reportError]
  )

  const jumpTo = useCallback((highlightId: string) => {
    const el = findHighlightElement(bodyRef.current, highlightId)
    if (!el) return
    // Going to a highlight wins over going back to the saved reading place.
    stopRestoring.current()
    el.scrollIntoView?.({ block: 'center', behavior: 'smooth' })
    el.focus({ preventScroll: true })
    setFlashId(highlightId)
  }, [])

  // Undo / redo of highlight, note and tag edits (features/history): refresh what the
  // step changed and point at it; a step in another article offers to open it.
  /** Counts undo/redo steps, so that "All highlights" asks again after one. */
  const [historyRevision, setHistoryRevision] = useState(0)
  const undoRedo = useUndoRedo({
    api,
    enabled: !modalOpen,
    onError: reportError,
    onOutcome: async ({ done }, direction, expected) => {
      if (!done) {
        if (expected) toast('That deletion can no longer be undone from here: other changes came after it. Ctrl+Z steps back through them.')
        else toast(direction === 'undo' ? 'Nothing to undo' : 'Nothing to redo')
        return
      }
      setPopover(null)
      void library.refresh()
      void library.refreshMissing()
      // A tag edit or rename undone changes the folder's tags (filter, suggestions).
      void tagList.refresh()
      setHistoryRevision((revision) => revision + 1)
      const message = `${direction === 'undo' ? 'Undid' : 'Redid'}: ${done.label}`
      const open = articleRef.current
      const highlightId = done.highlightIds[0]
      if (open && done.articleIds.includes(open.id)) {
        await reloadInPlace(open.id)
        if (highlightId) setPendingJump({ articleId: open.id, highlightId })
        toast(message)
      } else if (done.articleIds.length) {
        const articleId = done.articleIds[0]
        toast(message, 'info', {
          action: {
            label: 'Open',
            run: () => {
              if (highlightId) setPendingJump({ articleId, highlightId })
              openArticle(articleId)
            }
          }
        })
      } else toast(message)
    }
  })
  undoLast.current = (expect) => void undoRedo.undo(expect)
  announceDeletion.current = (highlightId, focusUndo) =>
    void toast('Highlight deleted', 'info', {
      focusAction: focusUndo,
      action: { label: 'Undo', run: () => void undoRedo.undo({ label: 'Delete highlight', highlightId }) }
    })

  const openSearchResult = useSearchJump({ article, bodyRef, openArticle, jumpToHighlight: jumpTo })

  // An entry of "All highlights": back to the reader, the article open, the highlight in view and focused.
  const openFromWorkspace = useCallback(
    (articleId: string, highlightId: string) => {
      setView('reader')
      setPendingJump({ articleId, highlightId })
      if (articleRef.current?.id !== articleId) openArticle(articleId)
    },
    [openArticle]
  )

  // Back from "All highlights" (whose focus went with it): the reader takes focus, so
  // the keyboard carries on there; opening an entry then moves it to the highlight.
  const shownView = useRef(view)
  useEffect(() => {
    const was = shownView.current
    shownView.current = view
    if (was !== 'highlights' || view !== 'reader') return
    if (!document.activeElement || document.activeElement === document.body) readerRef.current?.focus({ preventScroll: true })
  }, [view])

  // Reader keys (j/k, s/e/p, h/n/1–4, [ ], /, ?): features/keyboard/shortcuts.ts.
  const keys = useReaderShortcuts({
    api,
    enabled: !modalOpen && view === 'reader',
    bodyRef,
    text: article?.text ?? null,
    articleId: article?.id ?? null,
    library: { list: library.list, view: library.view },
    popoverId: popover?.id ?? null,
    openArticle,
    highlightSelection: (color, withNote) => void createHighlight(color, withNote),
    recolor: (highlightId, color) => void reader.updateHighlight(highlightId, { color }).catch(reportError),
    // [ and ] leave an open popover behind: it would stay on the old highlight while
    // focus moved on. Closing it first (its note is flushed) lets focus land on the new mark.
    jumpToHighlight: (highlightId) => {
      setPopover(null)
      jumpTo(highlightId)
    },
    focusArticleNote: () => void focusArticleNote(appRef.current ?? document),
    focusSearch: () => void focusSearchBox(appRef.current ?? document),
    showShortcuts: () => setShortcutsOpen(true),
    hint: (message) => toast(message)
  })

  useEffect(() => {
    if (!flashId) return
    const timer = setTimeout(() => setFlashId(null), FLASH_MS)
    return () => clearTimeout(timer)
  }, [flashId])

  const popoverHighlight = popover ? article?.highlights.find((h) => h.id === popover.id) ?? null : null
  const popoverId = popoverHighlight?.id ?? null
  const popoverAnchor = useCallback(() => (popoverId ? findHighlightElement(appRef.current, popoverId) : null), [popoverId])

  const closePopover = useCallback(
    (reason: 'escape' | 'outside') => {
      setPopover(null)
      if (reason === 'escape') popoverAnchor()?.focus()
    },
    [popoverAnchor]
  )

  const notice = summary?.storeNotice && summary.storeNotice !== dismissedNotice ? summary.storeNotice : null

  return (
    <div className="app" ref={appRef}>
      <SkipLink />
      <AppHeader
        inert={modalOpen}
        summary={summary}
        hasArticle={article !== null}
        onOpenFolder={() => void openFolder()}
        onOpenRecent={(root) => void openRecent(root)}
        loadRecent={loadRecent}
        onExportArticle={() => void exportArticle()}
        onExportCorpus={() => void exportCorpus()}
        onCopyNotes={() => void copyNotes()}
        onImport={() => void importAnnotations()}
        onReadingSettings={() => setReadingSettingsOpen(true)}
        onShowShortcuts={() => setShortcutsOpen(true)}
        sideBarToggles={
          <SideBarToggles
            libraryHidden={sideBars.hidden('library')}
            panelHidden={sideBars.hidden('panel')}
            onToggle={sideBars.toggle}
            modifier={navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl'}
          />
        }
      />
      <div className="search-bar" inert={modalOpen}>
        <SearchBox
          api={api}
          root={summary?.root ?? null}
          onOpen={(result) => {
            setView('reader')
            openSearchResult(result)
          }}
          onError={reportError}
        />
        <ViewSwitch view={view} onChange={setView} />
      </div>
      {notice && (
        <div className="banner" role="alert" inert={modalOpen}>
          <p>{notice}</p>
          <button type="button" className="button" onClick={() => setDismissedNotice(notice)}>
            Dismiss
          </button>
        </div>
      )}
      <div {...workspaceLayout(sideBars)} inert={modalOpen} hidden={view === 'highlights'}>
        {summary ? (
          <LibraryPanel
            summary={summary}
            list={library.list}
            onRange={library.showRange}
            view={library.view}
            onViewChange={library.setView}
            currentId={article?.id ?? null}
            onOpen={openArticle}
            onOpenFolder={() => void openFolder()}
            missing={library.missing}
            onRemoveMissing={removeMissing}
            scan={scan && scan.root === summary.root && !scan.done ? scan : null}
            tags={tagList.tags.map((t) => t.tag)}
            onTagsFocus={() => void tagList.refresh()}
            onManageTags={() => setManageTagsOpen(true)}
            edge={<SideBarSplitter bars={sideBars} bar="library" />}
          />
        ) : (
          <section className="library" aria-label="Library">
            <p className="empty">{starting ? 'Opening library…' : 'No folder open.'}</p>
            <SideBarSplitter bars={sideBars} bar="library" />
          </section>
        )}
        <main className="reader" id="reader" tabIndex={-1} ref={readerRef}>
          <section className="reader-inner" aria-label="Article" aria-busy={reader.loading}>
            {article ? (
              <ReaderView
                article={article}
                bodyRef={bodyRef}
                flashId={flashId}
                onActivateHighlight={activateHighlight}
                onShowOrphans={showOrphans}
              />
            ) : goneTitle !== null && !reader.loading ? (
              <div className="placeholder" role="status" data-testid="article-gone">
                <p>“{goneTitle}” is no longer in the folder: its file was deleted or moved away.</p>
                <p className="placeholder-hint">
                  Its highlights and notes are kept under Missing articles in the library, and return if the file comes back.
                </p>
              </div>
            ) : startError ? (
              <div className="placeholder">
                <p>Gloss could not open a library: {startError}</p>
                <button type="button" className="button" onClick={() => void openFolder()}>
                  Open Folder…
                </button>
              </div>
            ) : (
              <div className="placeholder">
                <p>
                  {starting || reader.loading
                    ? 'Opening…'
                    : summary && summary.articleCount === 0
                      ? 'This folder has no articles Gloss can read.'
                      : 'Choose an article from the library.'}
                </p>
                {!starting && summary && summary.articleCount > 0 && (
                  <p className="placeholder-hint">Select text to highlight it; click a highlight to change its colour or add a note.</p>
                )}
              </div>
            )}
            {article && selection && !popover && (
              <SelectionToolbar
                ref={toolbarRef}
                box={selection.box}
                busy={busy}
                onHighlight={(color) => void createHighlight(color, false)}
                onAddNote={() => void createHighlight('yellow', true)}
              />
            )}
            {popoverHighlight && (
              <HighlightPopover
                key={popoverHighlight.id}
                highlight={popoverHighlight}
                anchor={popoverAnchor}
                focusNote={popover?.focusNote ?? false}
                onColor={(color) => reader.updateHighlight(popoverHighlight.id, { color }).catch(reportError)}
                onSaveNote={(note) =>
                  reader.updateHighlight(popoverHighlight.id, { note }).catch((error) => {
                    reportError(error)
                    throw error
                  })
                }
                onDelete={() => {
                  setPopover(null)
                  reader
                    .deleteHighlight(popoverHighlight)
                    .then(() => announceDeletion.current(popoverHighlight.id, true))
                    .catch(reportError)
                }}
                onClose={closePopover}
                onSetTags={(tags) =>
                  reader.updateHighlight(popoverHighlight.id, { tags }).then(tagsChanged, (error) => {
                    reportError(error)
                    throw error
                  })
                }
                loadTagSuggestions={tagList.loadNames}
              />
            )}
          </section>
        </main>
        <HighlightsPanel
          article={article}
          edge={<SideBarSplitter bars={sideBars} bar="panel" />}
          onSaveNote={(articleId, note) =>
            reader.saveNote(articleId, note).catch((error) => {
              reportError(error)
              throw error
            })
          }
          onJump={jumpTo}
          onOpenOrphan={openOrphan}
          onReattachOrphan={(id) => void reattachOrphan(id)}
          onDeleteOrphan={deleteOrphan}
          onSaveArticleTags={(articleId, tags) =>
            // The library rows show article tags: refresh them too.
            reader.saveArticleTags(articleId, tags).then(() => {
              void tagList.refresh()
              void library.refresh()
            }, (error) => {
              reportError(error)
              throw error
            })
          }
          loadTagSuggestions={tagList.loadNames}
        />
      </div>
      {view === 'highlights' && (
        <div className="all-highlights-host" inert={modalOpen}>
          <AllHighlights
            api={api}
            root={summary?.root ?? null}
            filters={workspaceFilters}
            onFiltersChange={setWorkspaceFilters}
            onOpen={openFromWorkspace}
            revision={historyRevision}
            events={events}
          />
        </div>
      )}
      {exportScope && summary && (
        <ExportDialog
          api={api}
          initialScope={exportScope}
          article={article ? { id: article.id, title: article.title } : null}
          libraryName={summary.name}
          settings={exportSettings}
          onSettingsChange={updateExportSettings}
          onClose={() => setExportScope(null)}
        />
      )}
      {imported && <ImportReportDialog file={imported.file} report={imported.report} onClose={() => setImported(null)} />}
      {shortcutsOpen && <ShortcutsSheet onClose={() => setShortcutsOpen(false)} />}
      {manageTagsOpen && (
        <ManageTagsDialog
          api={api}
          onClose={() => setManageTagsOpen(false)}
          onChanged={() => {
            void tagList.refresh()
            void library.refresh()
            if (article) void reader.reload(article.id)
          }}
        />
      )}
      <DropOverlay visible={dropping} />
      {readingSettingsOpen && <ReadingSettingsDialog api={api} onClose={() => setReadingSettingsOpen(false)} />}
      <Toasts toasts={toasts} onDismiss={dismiss} onPause={pauseToast} onResume={resumeToast} />
    </div>
  )
}
