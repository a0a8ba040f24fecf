// The Gloss application core, without Electron: opens corpora, keeps settings and
// answers every contract method. The desktop app, the CLI, the browser harness and
// the tests all run this same code.
import { mkdir, realpath, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { corpusToMarkdown, articleToMarkdown, exportFileName, type ExportArticle } from '../shared/export/markdown'
import type { ExportScope, LibrarySummary, MarkdownExport } from '../shared/model'
import { badInput, GlossError, notFound, type Result } from '../shared/result'
import { scanCorpus } from './corpus/scan'
import { createDispatcher, type DispatchOptions, type Handlers } from './dispatch'
import { LibrarySession } from './library-session'
import { openCorpusStore, openSettingsStore, rememberFolder, type Settings } from './store/corpus-store'
import type { JsonStore } from './store/json-store'
import type { GlossOptions } from './services'

export interface Gloss {
  dispatch(method: string, input: unknown): Promise<Result<unknown>>
  close(): Promise<void>
}

export interface StartOptions extends GlossOptions, Pick<DispatchOptions, 'validateOutput' | 'log'> {
  /** Record opened folders in the recent list (the CLI does not). */
  rememberFolders?: boolean
}

export async function startGloss(options: StartOptions): Promise<Gloss> {
  const core = new GlossCore(options, await openSettingsStore(options.dataDir))
  await core.openInitialFolder()
  const dispatch = createDispatcher(core.handlers(), options)
  return { dispatch, close: () => core.close() }
}

class GlossCore {
  private session: LibrarySession | null = null
  private opening: Promise<unknown> = Promise.resolve()
  private readonly now: () => Date

  constructor(
    private readonly options: StartOptions,
    private readonly settings: JsonStore<Settings>
  ) {
    this.now = options.now ?? (() => new Date())
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
    return {
      'library.current': async () => (this.session ? this.summary(this.session) : null),
      'library.open': async ({ root }) => this.summary(await this.open(root)),
      'library.chooseFolder': async () => {
        const folder = await this.options.dialogs.chooseFolder()
        return folder ? this.summary(await this.open(folder)) : null
      },
      'library.openSample': async () => this.summary(await this.open(this.options.sampleRoot)),
      'library.recent': async () => ({ folders: [...this.settings.data.recentFolders] }),
      'library.list': async (query) => this.current().list(query),
      'article.get': async ({ articleId }) => this.current().getArticle(articleId),
      'article.setNote': async ({ articleId, note }) => ({ note: this.current().setArticleNote(articleId, note) }),
      'highlight.create': async (input) => this.current().createHighlight(input),
      'highlight.update': async (patch) => this.current().updateHighlight(patch),
      'highlight.delete': async ({ highlightId }) => ({ deleted: this.current().deleteHighlight(highlightId) }),
      'export.markdown': async (scope) => this.exportMarkdown(scope),
      'export.save': async (scope) => {
        const { markdown, fileName } = this.exportMarkdown(scope)
        const target = await this.options.dialogs.chooseSavePath(fileName)
        if (!target) return { path: null }
        return { path: await this.writeExport(target, markdown) }
      }
    }
  }

  async close(): Promise<void> {
    await this.opening.catch(() => undefined)
    await this.session?.store.close()
    await this.settings.close()
  }

  /** Opens are serialised: a second open waits for the first, then replaces it. */
  private open(folder: string): Promise<LibrarySession> {
    const next = this.opening.catch(() => undefined).then(() => this.openNow(folder))
    this.opening = next
    return next
  }

  private async openNow(folder: string): Promise<LibrarySession> {
    const root = await resolveFolder(folder)
    const isSample = root === (await realpath(this.options.sampleRoot).catch(() => this.options.sampleRoot))
    const scan = await scanCorpus(root)
    const store = await openCorpusStore(this.options.dataDir, scan.root)
    const previous = this.session
    this.session = new LibrarySession(scan, store, isSample, this.now)
    await previous?.store.close()
    if (this.options.rememberFolders !== false) {
      this.settings.update((settings) => {
        // The sample is reopened by default anyway; it does not belong in the recent list.
        if (isSample) settings.lastFolder = scan.root
        else rememberFolder(settings, scan.root)
      })
    }
    return this.session
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
      lastArticleId: session.lastArticleId(),
      isSample: session.isSample,
      storeNotice: session.store.notice
    }
  }

  private exportMarkdown(scope: ExportScope): MarkdownExport {
    const session = this.current()
    const exportedAt = this.now().toISOString()
    if (scope.scope === 'article') {
      const article = exportArticle(session, scope.articleId)
      return { markdown: articleToMarkdown(article, exportedAt), fileName: exportFileName(article.title) }
    }
    const name = path.basename(session.root) || 'Gloss'
    const articles = session.annotatedArticleIds().map((id) => exportArticle(session, id))
    return { markdown: corpusToMarkdown(articles, exportedAt, name), fileName: exportFileName(`${name} notes`) }
  }

  private async writeExport(target: string, markdown: string): Promise<string> {
    const absolute = path.resolve(target)
    const session = this.current()
    const parent = await realpath(path.dirname(absolute)).catch(() => path.dirname(absolute))
    if (session.isInsideRoot(path.join(parent, path.basename(absolute)))) {
      throw badInput('Gloss never writes into the folder it reads. Choose a location outside it.')
    }
    await mkdir(path.dirname(absolute), { recursive: true })
    await writeFile(absolute, markdown, 'utf8')
    return absolute
  }
}

function exportArticle(session: LibrarySession, articleId: string): ExportArticle {
  const article = session.getArticle(articleId, { remember: false })
  return {
    title: article.title,
    source: article.source,
    url: article.sourceUrl,
    published: article.published,
    tags: article.topics,
    note: article.note,
    highlights: article.highlights.map((h) => ({
      id: h.id,
      quote: h.anchor ? article.text.slice(h.anchor.start, h.anchor.end) : h.quote.exact,
      note: h.note,
      color: h.color,
      // Orphans keep their place at the end, in the order getArticle gives.
      position: h.anchor ? h.anchor.start : Number.MAX_SAFE_INTEGER
    }))
  }
}

async function resolveFolder(folder: string): Promise<string> {
  const absolute = path.resolve(folder)
  let info
  try {
    info = await stat(absolute)
  } catch {
    throw notFound(`Folder ${absolute}`)
  }
  if (!info.isDirectory()) throw badInput(`${absolute} is not a folder`)
  return realpath(absolute)
}
