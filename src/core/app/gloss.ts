// The Gloss application core, without Electron: opens corpora, keeps settings and
// answers every contract method. The desktop app, the CLI, the browser harness and
// the tests all run this same code. With `watch`, the open folder is watched and the
// library follows it. Listeners hear through onEvent of every change to the open
// folder's data, whoever made it: one `changed` event (DataChange) after each
// successful edit, undo, redo, import, folder open, scan report and change on disk.
// Over 400 lines on purpose: the open folder's life (serialised opens, first rows then a
// background scan, watching) hangs on one invariant, `this.session` is the folder every
// handler and event is about, and keeping its checks in one class keeps them visible.
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { listAnnotations } from '../../shared/annotations/list-annotations'
import type { HistoryState } from '../../shared/history'
import type { ChangeCause, GlossEvent, ScanProgress } from '../../shared/events'
import type { ExportRunRequest, ExportRunResult, LibrarySummary } from '../../shared/model'
import { GlossError, type Result } from '../../shared/result'
import { CorpusScanner, type CorpusChanges, type ScanResult } from '../corpus/scan'
import { watchCorpus, type CorpusWatcher, type WatchOptions } from '../corpus/watch'
import { sharedTextModelPool, type TextModelPool } from '../corpus/text-model-pool'
import type { Handlers } from '../../shared/contract'
import { annotationsChanged, dataChange, filesChanged, folderOpened, type ChangeParts } from './data-change'
import { createDispatcher, type DispatchOptions } from './dispatch'
import { exportDefaults, markdownExport, previewExport, runExport, runImport } from '../export/export-actions'
import { followLink, openedBefore } from './follow-link'
import { resolveFolder } from './resolve-folder'
import { UndoLog, recordEdits } from '../history/undo-log'
import { LibrarySession } from '../library/library-session'
import { librarySnapshot } from '../library/search-snapshot'
import { createSearchService, type SearchService } from '../search/search-service'
import { corpusStoreFile, journalFile, scanCacheFile, settingsFile } from '../store/data-folder'
import { openCorpusStore, openSettingsStore, rememberFolder, type Settings } from '../store/corpus-store'
import type { JsonStore } from '../store/json-store'
import { holdDataFolder, type HeldDataFolder } from './hold-data-folder'
import type { LockOwner } from '../store/data-folder-lock'
import type { SaveStatus } from '../../shared/model'
import type { WindowState } from '../store/window-state'
import type { GlossOptions } from '../ports'

export interface Gloss {
  dispatch(method: string, input: unknown): Promise<Result<unknown>>
  /** Subscribes to events (data changes, scan progress); returns the unsubscribe function. */
  onEvent(listener: (event: GlossEvent) => void): () => void
  /** Resolves once the open folder is being watched (at once without `watch`). */
  watchReady(): Promise<void>
  /**
   * The desktop window's saved bounds (settings.json), for the main process only: not
   * a contract method, since the page has no business moving its own window.
   */
  windowState(): WindowState | undefined
  /** Remembers the window's bounds (a coalesced write); ignored once Gloss is closed. */
  saveWindowState(state: WindowState): void
  close(): Promise<void>
}

export interface StartOptions extends GlossOptions, Pick<DispatchOptions, 'validateOutput' | 'log'> {
  /** Record opened folders in the recent list (the CLI does not). */
  rememberFolders?: boolean
  /** Watch the open folder and keep the library up to date (the app and the harness do). */
  watch?: boolean | Pick<WatchOptions, 'debounceMs' | 'maxWaitMs' | 'usePolling' | 'pollIntervalMs' | 'writeSettleMs'>
  /**
   * Open a large folder with its first rows and read the rest in the background,
   * reporting scan-progress events. Default: on when watching (the app, the harness).
   */
  backgroundScan?: boolean
  /**
   * How long an open may take before it shows what it has read so far (default 250 ms).
   * Tests set 0 so that a folder of a few hundred files takes the first-rows path on any
   * machine, however fast or loaded.
   */
  firstRowsMs?: number
  /** The built search worker to run (see SearchServiceOptions.workerFile). */
  searchWorker?: string
  /**
   * Who takes the data folder's one-writer lock (data-folder-lock.ts): 'app' by default,
   * 'harness' for the browser harness. Another live holder makes startGloss fail with
   * DataFolderBusyError.
   */
  lockOwner?: LockOwner
  /** The built parse worker to run (out/main/parse-worker.js; see start-worker.ts). */
  parseWorker?: string
  /** Time an article's Markdown may take to lay out before it is shown as plain text (default 5 s). */
  parseBudgetMs?: number
}

/** How long an open may take before it shows what it has read so far. */
const FIRST_ROWS_MS = 250
/** The least time between two scan-progress reports (each refreshes the list). */
const PROGRESS_INTERVAL_MS = 250

export async function startGloss(options: StartOptions): Promise<Gloss> {
  const held = await holdDataFolder(options.dataDir, options.lockOwner ?? 'app')
  let core: GlossCore | null = null
  let settings: JsonStore<Settings>
  try {
    settings = await openSettingsStore(options.dataDir, {
      onSaveProblem: () => core?.saveStatusChanged(),
      journal: journalFile(settingsFile(options.dataDir))
    })
  } catch (error) {
    await held.release()
    throw error
  }
  core = new GlossCore(options, settings, held)
  try {
    await core.openInitialFolder()
  } catch (error) {
    await core.close()
    throw error
  }
  const dispatch = createDispatcher(core.handlers(), options)
  return {
    dispatch,
    onEvent: (listener) => core.subscribe(listener),
    watchReady: () => core.watchReady(),
    windowState: () => core.windowState(),
    saveWindowState: (state) => core.saveWindowState(state),
    close: () => core.close()
  }
}

class GlossCore {
  private session: LibrarySession | null = null
  private watcher: CorpusWatcher | null = null
  private opening: Promise<unknown> = Promise.resolve()
  /** Stops the scan of the folder being opened, when another is opened or Gloss closes. */
  private scanAbort: AbortController | null = null
  /** The rest of a large folder's scan, after its first rows were shown. */
  private background: Promise<void> = Promise.resolve()
  private readonly listeners = new Set<(event: GlossEvent) => void>()
  /** Full-text search of the open folder (one worker for the app's life). */
  private search: SearchService | null = null
  private scanner: CorpusScanner | null = null
  private readonly now: () => Date
  private readonly histories = new WeakMap<LibrarySession, UndoLog>()
  private closed = false
  /** Builds article texts in worker threads under a budget (text-model-pool.ts), shared by the process. */
  private readonly parser: TextModelPool

  constructor(
    private readonly options: StartOptions,
    private readonly settings: JsonStore<Settings>,
    private readonly held: HeldDataFolder
  ) {
    this.now = options.now ?? (() => new Date())
    this.parser = sharedTextModelPool({ workerFile: options.parseWorker, budgetMs: options.parseBudgetMs })
  }

  async openInitialFolder(): Promise<void> {
    const candidates = [this.options.initialFolder, this.settings.data.lastFolder].filter((f): f is string => !!f)
    for (const folder of candidates) {
      try {
        await this.open(folder)
        return
      } catch (error) {
        // The command-line folder must open or fail loudly; a remembered one may be gone.
        if (folder === this.options.initialFolder) throw error
      }
    }
    await this.open(this.options.sampleRoot)
  }

  handlers(): Handlers {
    return this.withTexts(this.recordedHandlers())
  }

  /**
   * Edits that need an article's text (offsets, anchors) get it built first, off the
   * main thread, before the edit and its undo record start: the edit itself stays one
   * synchronous step.
   */
  private withTexts(handlers: Handlers): Handlers {
    const articleOf = (highlightId: string): string | undefined => this.session?.annotations.data.highlights.find((h) => h.id === highlightId)?.articleId
    const before = async (articleId: string | undefined): Promise<void> => {
      const session = this.current()
      if (articleId !== undefined && session.catalogue.find(articleId)) await session.loadText(articleId)
    }
    return {
      ...handlers,
      'highlight.create': async (input) => (await before(input.articleId), handlers['highlight.create'](input)),
      'highlight.update': async (input) => (await before(articleOf(input.highlightId)), handlers['highlight.update'](input)),
      'highlight.reattach': async (input) => (await before(articleOf(input.highlightId)), handlers['highlight.reattach'](input))
    }
  }

  private recordedHandlers(): Handlers {
    // Every edit of annotations goes into the open folder's undo log (history/undo-log.ts),
    // which tells emitChange what it touched.
    return recordEdits({
      'library.current': async () => (this.session ? this.summary(this.session) : null),
      'library.open': async ({ root }) => this.summary(await this.open(root)),
      'library.chooseFolder': async () => {
        const folder = await this.options.dialogs.chooseFolder()
        return folder ? this.summary(await this.open(folder)) : null
      },
      'library.openSample': async () => this.summary(await this.open(this.options.sampleRoot)),
      'library.recent': async () => ({ folders: [...this.settings.data.recentFolders] }),
      'library.list': async (query) => this.current().list(query),
      'library.position': async (query) => this.current().position(query),
      'library.missing': async () => this.current().missingArticles(),
      'search.query': async ({ query, limit }) => {
        this.current()
        return this.searchIndex(true)!.query(query, limit)
      },
      // A read: opening the article is remembered by article.opened.
      'article.get': async ({ articleId }) => this.current().loadArticle(articleId),
      'article.opened': async ({ articleId }) => {
        this.current().rememberOpened(articleId)
        return {}
      },
      'article.setNote': async ({ articleId, note }) => ({ note: this.current().setArticleNote(articleId, note) }),
      'article.setTags': async ({ articleId, tags }) => ({ tags: this.current().setArticleTags(articleId, tags) }),
      'article.setProgress': async (input) => {
        const session = this.current()
        // Not undoable, so not seen by the undo log; library rows show it.
        if (session.setProgress(input)) this.emitChange(session, 'edit', { progress: [input.articleId] })
        return {}
      },
      'highlight.create': async (input) => this.current().createHighlight(input),
      'highlight.update': async (patch) => this.current().updateHighlight(patch),
      'highlight.delete': async ({ highlightId }) => ({ deleted: this.current().deleteHighlight(highlightId) }),
      'highlight.reattach': async (input) => this.current().reattachHighlight(input),
      'annotations.list': async (query) => {
        const session = this.current()
        return listAnnotations(
          { articles: session.scan.articles, highlights: session.store.data.highlights, scanning: session.scanning, currentQuote: session.currentQuoteOf },
          query
        )
      },
      'annotations.removeMissing': async ({ articleId }) => ({ removed: this.current().removeMissing(articleId) }),
      'export.markdown': async (scope) => markdownExport(this.current(), scope, this.now().toISOString()),
      'export.defaults': async () => exportDefaults(),
      'export.preview': async (request) => previewExport(this.current(), request, this.now().toISOString()),
      'export.run': async (request) => this.runExport(request),
      'import.annotations': async () => runImport(this.current(), this.options.dialogs, this.now),
      'app.ready': async () => ({}),
      'app.saveStatus': async () => this.saveStatus(),
      'app.openLink': async ({ url }) =>
        followLink(url, {
          session: () => this.session,
          open: (root) => this.open(root),
          scanned: () => this.background,
          summary: (session) => this.summary(session),
          knowsFolder: (root) => openedBefore(root, { settings: this.settings.data, dataDir: this.options.dataDir, sampleRoot: this.options.sampleRoot })
        }),
      'tags.list': async () => this.current().tagCounts(),
      'tags.rename': async ({ from, to }) => this.current().renameTag(from, to),
      'tags.delete': async ({ tag }) => this.current().deleteTag(tag),
      'tags.mergePreview': async ({ from, to }) => this.current().mergeTagPreview(from, to),
      'prefs.get': async () => ({ ...this.settings.data.prefs }),
      'prefs.set': async (patch) => {
        this.settings.update((data) => {
          Object.assign(data.prefs, patch)
        })
        return { ...this.settings.data.prefs }
      },
      'history.undo': async ({ expect }) => this.undoLog(true)!.undo(expect),
      'history.redo': async () => this.undoLog(true)!.redo(),
      'history.state': async () => this.undoLog(true)!.state()
    }, () => this.undoLog(false))
  }

  /** What undo and redo would do in the open folder now (empty with no folder open): in every change event. */
  historyState(): HistoryState {
    return this.undoLog(false)?.state() ?? { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null }
  }

  /** The open folder's undo log: a new folder (or the same one opened again) starts a new one. */
  private undoLog(required: boolean): UndoLog | null {
    const session = required ? this.current() : this.session
    if (!session) return null
    let log = this.histories.get(session)
    if (!log) {
      const subject = {
        get data() {
          return session.store.data as unknown as Record<string, unknown>
        },
        restore: (writeBack: (data: Record<string, unknown>) => void) => session.annotations.restore(writeBack),
        get scan() {
          return session.scan
        }
      }
      log = new UndoLog(subject, {
        now: () => this.now().getTime(),
        onChange: (touched) => this.emitChange(session, touched.cause, annotationsChanged(touched, (id) => session.catalogue.has(id)))
      })
      this.histories.set(session, log)
    }
    return log
  }

  async close(): Promise<void> {
    this.closed = true
    this.scanAbort?.abort(new GlossError('UNAVAILABLE', 'Gloss is closing'))
    await this.opening.catch(() => undefined)
    await this.background
    await this.stopWatching()
    // The summary cache is written in the background; a quit right after a first scan
    // must still leave it, or the next open is cold again.
    await this.scanner?.flushCache()
    try {
      await this.session?.store.close()
      await this.settings.close()
    } finally {
      await this.search?.close()
      await this.held.release()
    }
  }

  /** The first problem of the data folder or its open stores, for the banner. */
  saveStatus(): SaveStatus {
    const problem = this.settings.saveProblem ?? this.session?.store.saveProblem ?? this.held.problem
    return { problem: problem ? { code: problem.code, message: problem.message, since: problem.since } : null }
  }

  /** A store's save problem came or went: the page asks app.saveStatus again. */
  saveStatusChanged(): void {
    if (this.session) this.emitChange(this.session, 'save', { saving: true })
  }

  windowState(): WindowState | undefined {
    const saved = this.settings.data.window
    return saved ? { ...saved } : undefined
  }

  saveWindowState(state: WindowState): void {
    // The window's last 'close' may come after the quit has flushed and closed the store.
    if (this.closed) return
    this.settings.update((data) => {
      data.window = { ...state }
    })
  }

  subscribe(listener: (event: GlossEvent) => void): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  async watchReady(): Promise<void> {
    await this.opening.catch(() => undefined)
    await this.background
    await this.watcher?.ready
  }

  /**
   * Brings the search index up to date with the open folder and its annotations (only
   * the differences go to the worker). The app (watching) indexes from the moment a
   * folder opens and after every change it reports; otherwise from the first query on.
   */
  private searchIndex(create: boolean): SearchService | null {
    if (!this.session || (!this.search && !create)) return null
    this.search ??= createSearchService({ log: this.options.log, dataDir: this.options.dataDir, workerFile: this.options.searchWorker })
    this.search.sync(librarySnapshot(this.session))
    return this.search
  }

  /** The one `changed` event of a change to `session`'s data (none once another folder is open). */
  private emitChange(session: LibrarySession, cause: ChangeCause, parts: ChangeParts): void {
    if (this.session !== session) return
    this.emit({ type: 'changed', change: dataChange(session.root, cause, this.historyState(), parts) })
  }

  private emit(event: GlossEvent): void {
    this.searchIndex(false)
    for (const listener of [...this.listeners]) {
      try {
        listener(event)
      } catch (error) {
        console.error('gloss: an event listener failed', error)
      }
    }
  }

  /** Opens are serialised: a second open waits for the first, then replaces it. */
  private open(folder: string): Promise<LibrarySession> {
    // The folder being read is given up at once: its scan stops at the next batch.
    this.scanAbort?.abort(new GlossError('UNAVAILABLE', 'Another folder was opened'))
    const next = this.opening.catch(() => undefined).then(() => this.openNow(folder))
    this.opening = next
    return next
  }

  private async openNow(folder: string): Promise<LibrarySession> {
    const root = await resolveFolder(folder)
    const isSample = root === (await realpath(this.options.sampleRoot).catch(() => this.options.sampleRoot))
    // Parsed summaries are kept in the data folder, so a reopened folder reads only what changed.
    const scanner = await CorpusScanner.open(root, { cacheFile: scanCacheFile(this.options.dataDir, root), summarizer: this.parser })
    const controller = new AbortController()
    this.scanAbort = controller
    const background = this.options.backgroundScan ?? Boolean(this.options.watch)
    const started = Date.now()
    let session: LibrarySession | null = null
    let latest: ScanProgress | null = null
    let lastReport = 0
    let reportEvery = PROGRESS_INTERVAL_MS
    let showFirstRows: () => void = () => undefined
    const firstRows = new Promise<null>((resolve) => (showFirstRows = () => resolve(null)))
    const scanning = scanner.scan({
      signal: controller.signal,
      onProgress: (progress) => {
        // The last batch: the whole result follows at once.
        if (progress.scanned >= progress.total) return
        latest = { root: scanner.root, ...progress, done: false }
        // A folder read within FIRST_ROWS_MS opens complete; a larger one shows what is
        // read so far and goes on in the background.
        if (!session) {
          if (background && Date.now() - started >= (this.options.firstRowsMs ?? FIRST_ROWS_MS)) showFirstRows()
          return
        }
        const now = Date.now()
        if (this.session !== session || now - lastReport < reportEvery) return
        const change = session.applyScan(scanner.snapshot(), { partial: true })
        this.emit({ type: 'scan-progress', progress: latest })
        // Mid-scan nothing is missing yet (missingArticles lists none until the end).
        this.emitChange(session, 'scan', { ...filesChanged(change), missing: false })
        // Listing a growing library costs more each time (pairing, sorting, the page's
        // queries): report less often as it grows, so reporting never outweighs reading.
        lastReport = Date.now()
        reportEvery = Math.max(PROGRESS_INTERVAL_MS, (lastReport - now) * 8)
      }
    })
    const store = await openCorpusStore(this.options.dataDir, scanner.root, {
      onSaveProblem: () => {
        if (this.session?.root === scanner.root) this.saveStatusChanged()
      },
      journal: journalFile(corpusStoreFile(this.options.dataDir, scanner.root))
    }).catch(async (error: unknown) => {
      controller.abort(error)
      await scanning.catch(() => undefined)
      throw error
    })
    let scan: ScanResult | null
    try {
      scan = await Promise.race([scanning, firstRows])
    } catch (error) {
      await store.close()
      throw error
    }
    const previous = this.session
    // The old folder's watcher goes first: a batch it is applying finishes before the
    // session it applies to is replaced.
    await this.stopWatching()
    session = new LibrarySession(scan ?? scanner.snapshot(), store, isSample, this.now, { partial: scan === null, parser: this.parser })
    this.session = session
    const previousScanner = this.scanner
    this.scanner = scanner
    if (this.options.watch) this.searchIndex(true)
    if (scan === null) {
      lastReport = Date.now()
      if (latest) this.emit({ type: 'scan-progress', progress: latest })
      this.background = this.finishScan(session, scanner, scanning, controller.signal)
    } else if (this.options.watch) this.startWatching(session, scanner)
    await previous?.store.close()
    await previousScanner?.flushCache()
    if (this.options.rememberFolders !== false) {
      this.settings.update((settings) => {
        // The sample is reopened by default anyway; it does not belong in the recent list.
        if (isSample) settings.lastFolder = scanner.root
        else rememberFolder(settings, scanner.root)
      })
    }
    // Last, once the recent list has the folder too (the Open Recent menu follows this).
    this.emitChange(session, 'open', folderOpened())
    // A store that could not be written when it opened (its repair, on a read-only disk).
    if (store.saveProblem || this.held.problem) this.saveStatusChanged()
    return session
  }

  /** The end of a background scan: the whole folder listed, then watched. */
  private async finishScan(session: LibrarySession, scanner: CorpusScanner, scanning: Promise<ScanResult>, signal: AbortSignal): Promise<void> {
    let scan: ScanResult
    try {
      scan = await scanning
    } catch (error) {
      if (!signal.aborted) (this.options.log ?? console.error)('gloss: reading the folder failed', error)
      scan = scanner.snapshot()
    }
    if (this.session !== session || signal.aborted) return
    const change = session.applyScan(scan)
    const total = scan.articles.length
    this.emit({ type: 'scan-progress', progress: { root: session.root, scanned: total, total, currentFolder: '', done: true } })
    // The whole folder is read: missing articles are known from now on.
    this.emitChange(session, 'scan', { ...filesChanged(change), missing: true })
    if (this.options.watch) this.startWatching(session, scanner)
  }

  private startWatching(session: LibrarySession, scanner: CorpusScanner): void {
    const tuning = typeof this.options.watch === 'object' ? this.options.watch : {}
    this.watcher = watchCorpus(session.root, {
      ...tuning,
      onBatch: (batch) => this.applyChanges(session, scanner, batch),
      onError: (error) => (this.options.log ?? console.error)('gloss: watching the folder failed', error)
    })
  }

  private async stopWatching(): Promise<void> {
    const watcher = this.watcher
    this.watcher = null
    await watcher?.close()
  }

  private async applyChanges(session: LibrarySession, scanner: CorpusScanner, batch: CorpusChanges): Promise<void> {
    if (this.session !== session) return
    const problemsBefore = JSON.stringify(session.problems)
    const next = await scanner.update(batch)
    // Another folder may have been opened while the files were read.
    if (this.session !== session) return
    const change = session.applyScan(next)
    const nothing =
      !change.changedArticleIds.length && !change.addedArticleIds.length && !change.removedArticleIds.length && !change.movedArticles.length
    if (nothing && JSON.stringify(next.problems) === problemsBefore) return
    this.emitChange(session, 'disk', filesChanged(change))
  }

  private current(): LibrarySession {
    if (!this.session) throw new GlossError('UNAVAILABLE', 'No folder is open')
    return this.session
  }

  private summary(session: LibrarySession): LibrarySummary {
    return {
      root: session.root,
      name: path.basename(session.root) || session.root,
      articleCount: session.scan.articles.length,
      problems: session.problems,
      topics: session.topics(),
      sources: session.sources(),
      lastArticleId: session.lastArticleId(),
      isSample: session.isSample,
      // A damaged settings.json repaired at start is told too, not only the folder's store.
      storeNotice: [session.store.notice, this.settings.notice].filter(Boolean).join(' ') || null
    }
  }

  private runExport(request: ExportRunRequest): Promise<ExportRunResult> {
    const session = this.current()
    return runExport(session, request, {
      dialogs: this.options.dialogs,
      dataDir: this.options.dataDir,
      exportedAt: this.now().toISOString(),
      libraryName: this.summary(session).name
    })
  }

}

