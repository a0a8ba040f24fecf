// What the app's export dialog, the CLI and the tests ask of the export engine, on an
// open corpus (a LibrarySession): a live preview, an export through a dialog-chosen
// path, writing a single export file safely, and an import. Everything here is glue
// over the engine (buildExportCorpus, exportFile, exportToFolder, importAnnotations,
// compileTemplate); the CLI and the contract handlers call these same functions.
import { lstat, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { isAnnotated } from '../../shared/export/export-model'
import { localTimeZone } from '../../shared/export/export-dates'
import { exportFile, type ExportFormat } from '../../shared/export/formats'
import { newManagedFile, splitRendered } from '../../shared/export/managed-file'
import { exportFileName } from '../../shared/export/markdown'
import {
  ARTICLE_VARIABLES,
  compileTemplate,
  DEFAULT_ARTICLE_TEMPLATE,
  DEFAULT_FILE_NAME_TEMPLATE,
  defaultTemplate,
  FILE_NAME_VARIABLES,
  HIGHLIGHT_VARIABLES,
  renderArticle,
  renderFileName,
  TemplateError,
  type CompiledTemplate
} from '../../shared/export/template'
import type { ExportDefaults, ExportPreview, ExportRequest, ExportRunRequest, ExportRunResult, ExportScope, ImportResult, MarkdownExport } from '../../shared/model'
import { badInput, GlossError } from '../../shared/result'
import type { LibrarySession } from '../library/library-session'
import type { Dialogs, FileFilter } from '../ports'
import { buildExportCorpus } from './build-export-corpus'
import { assertWritableOutside, refuseRemotePath } from '../corpus/paths'
import { writeDurably } from '../fs/durable-write'
import { exportToFolder } from './folder-export'
import { importAnnotations, readImportFile, type ImportReport } from './import-annotations'

/** A preview of a whole folder renders this many articles; the export renders them all. */
export const PREVIEW_ARTICLE_LIMIT = 20
/** Longer previews are cut: the dialog shows a page, not a book. */
export const PREVIEW_MAX_CHARS = 200_000

export const IMPORT_FILTERS: FileFilter[] = [{ name: 'Annotations (W3C or Hypothesis JSON, Readwise CSV)', extensions: ['json', 'jsonld', 'csv'] }]

const SAVE_FILTERS: Record<Exclude<ExportFormat, 'md-folder'>, FileFilter[]> = {
  md: [{ name: 'Markdown', extensions: ['md'] }],
  json: [{ name: 'Web Annotations (JSON)', extensions: ['json'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  hypothesis: [{ name: 'Hypothesis annotations (JSON)', extensions: ['json'] }],
  'readwise-csv': [{ name: 'Readwise CSV', extensions: ['csv'] }]
}

export interface CompiledTemplates {
  template?: CompiledTemplate
  fileNameTemplate?: CompiledTemplate
}

/**
 * The user's templates, compiled and checked (TemplateError, a BAD_INPUT with line and
 * column, when one does not compile). Templates shape Markdown only.
 */
export function compileExportTemplates(format: ExportFormat, sources: { template?: string; fileNameTemplate?: string }): CompiledTemplates {
  const { template, fileNameTemplate } = sources
  if ((template !== undefined || fileNameTemplate !== undefined) && format !== 'md' && format !== 'md-folder') {
    throw badInput('Templates apply to the md and md-folder formats only')
  }
  return {
    template: template === undefined ? undefined : compileTemplate(template, 'article'),
    fileNameTemplate: fileNameTemplate === undefined ? undefined : compileTemplate(fileNameTemplate, 'fileName')
  }
}

/**
 * What the export would write, for the dialog's live preview. A template error comes
 * back as `error` (with its line and column) rather than as a failure, so the dialog
 * can show it next to the template while the user types.
 */
export function previewExport(session: LibrarySession, request: ExportRequest, exportedAt: string): ExportPreview {
  const annotated = request.scope === 'article' ? null : session.annotatedArticleIds()
  const total = annotated ? annotated.length : 1
  const limit = request.format === 'md-folder' ? 1 : PREVIEW_ARTICLE_LIMIT
  const ids = request.scope === 'article' ? [request.articleId] : annotated!.slice(0, limit)
  const base = { shownArticles: ids.length, totalArticles: total, truncated: false, notice: null }
  let templates: CompiledTemplates
  try {
    templates = compileExportTemplates(request.format, request)
  } catch (error) {
    if (error instanceof TemplateError) return { ...base, content: '', fileName: '', error: error.message }
    throw error
  }
  try {
    return renderPreview(session, request, exportedAt, ids, total, base, templates)
  } catch (error) {
    // A template over its budgets (template.ts) fails while rendering: shown like a compile error.
    if (error instanceof TemplateError) return { ...base, content: '', fileName: '', error: error.message }
    throw error
  }
}

function renderPreview(
  session: LibrarySession,
  request: ExportRequest,
  exportedAt: string,
  ids: string[],
  total: number,
  base: Pick<ExportPreview, 'shownArticles' | 'totalArticles' | 'truncated' | 'notice'>,
  templates: CompiledTemplates
): ExportPreview {
  const model = buildExportCorpus(session, { exportedAt, articles: ids, ...exportStyle(request) })
  if (request.format !== 'md-folder') {
    const file = exportFile(model, request.format, { articleId: request.scope === 'article' ? request.articleId : undefined, ...templates, creator: request.creator })
    return { ...base, ...cut(file.content), fileName: file.fileName, error: null }
  }
  const article = model.articles[0]
  if (!article) {
    return { ...base, content: '', fileName: '', error: null, notice: 'No article has highlights or a note yet: a folder export would write no files.' }
  }
  const fileName = renderFileName(templates.fileNameTemplate ?? defaultTemplate('fileName'), article, exportedAt)
  const parts = splitRendered(renderArticle(templates.template ?? defaultTemplate('article'), article, exportedAt, model.style))
  if ('problem' in parts) {
    return { ...base, content: '', fileName, error: `Template: ${parts.problem}; for values in front matter use {{yaml.…}}, e.g. title: {{yaml.title}}` }
  }
  const notice = isAnnotated(article)
    ? total > 1
      ? `One file per article: this is ${fileName}, the first of ${total}.`
      : null
    : 'This article has no highlights or note: a folder export writes no new file for it (an earlier file is still updated).'
  return { ...base, ...cut(newManagedFile(article.id, parts)), fileName, error: null, notice }
}

export interface RunExportOptions {
  dialogs: Dialogs
  /** Gloss's data folder (the folder export keeps its record of what it wrote there). */
  dataDir: string
  exportedAt: string
  /** The name of the open folder, for suggested file and folder names. */
  libraryName: string
}

/**
 * Exports through a native dialog: a save dialog for one file (md, json, csv), a folder
 * dialog for md-folder. Nothing is written when the dialog is cancelled (path null).
 */
export async function runExport(session: LibrarySession, request: ExportRunRequest, options: RunExportOptions): Promise<ExportRunResult> {
  const templates = compileExportTemplates(request.format, request)
  const articleId = request.scope === 'article' ? request.articleId : undefined
  if (request.format === 'md-folder') {
    // Every article of the folder, so that files of articles whose notes were all deleted are updated too.
    const model = buildExportCorpus(session, { exportedAt: options.exportedAt, articles: articleId ? [articleId] : 'all', ...exportStyle(request) })
    const folder = await options.dialogs.chooseExportFolder(exportFileName(`${options.libraryName} notes`, ''))
    if (!folder) return { path: null, report: null }
    const report = await exportToFolder({
      corpus: model,
      folder,
      dataDir: options.dataDir,
      ...templates,
      recreateDeleted: request.recreateDeleted === true,
      dryRun: request.dryRun === true
    })
    return { path: report.folder, report }
  }
  if (request.dryRun) throw badInput('A dry run is for folder exports (md-folder); a single file is only written when you save it')
  const model = buildExportCorpus(session, { exportedAt: options.exportedAt, articles: articleId ? [articleId] : 'annotated', ...exportStyle(request) })
  const file = exportFile(model, request.format, { articleId, ...templates, creator: request.creator })
  const target = await options.dialogs.chooseSavePath(file.fileName, SAVE_FILTERS[request.format])
  if (!target) return { path: null, report: null }
  return { path: await writeExportFile(session.root, target, file.content), report: null }
}

/**
 * BAD_INPUT when target (resolved through symlinks as far as it exists, so also behind a
 * link whose folders are not there yet) lies inside the corpus, or is a network or
 * device path. Checked before any file system call on the target itself.
 */
export async function assertOutsideCorpus(corpusRoot: string, target: string): Promise<void> {
  await assertWritableOutside(corpusRoot, target)
}

/**
 * Writes one export file outside the corpus, atomically; returns its absolute path. A
 * read-only file at the target is not replaced (the user protected it).
 */
export async function writeExportFile(corpusRoot: string, target: string, content: string): Promise<string> {
  // As given: path.resolve would turn //host/share into /host/share on POSIX.
  refuseRemotePath(target)
  const absolute = path.resolve(target)
  await assertWritableOutside(corpusRoot, absolute)
  const existing = await lstat(absolute).catch(() => null)
  if (existing && existing.isFile() && (existing.mode & 0o222) === 0) {
    throw badInput(`${absolute} is read-only; Gloss does not replace it. Choose another name or make it writable.`)
  }
  await mkdir(path.dirname(absolute), { recursive: true })
  // The folders made just now could have been swapped for a link meanwhile: check again.
  await assertWritableOutside(corpusRoot, absolute)
  await writeDurably(absolute, content)
  return absolute
}

/** Imports an annotations file's text into the open corpus (merging, never dropping). */
export function importIntoSession(session: LibrarySession, text: string, now: () => Date): Promise<ImportReport> {
  return importAnnotations({
    text,
    articles: session.scan.articles,
    annotations: session.annotations,
    textOf: (articleId) => session.getArticle(articleId).text,
    now
  })
}

/** Reads an import file a person named: NOT_FOUND (not INTERNAL) when it cannot be read. */
export async function readAnnotationsFile(file: string): Promise<string> {
  try {
    return await readImportFile(file)
  } catch (error) {
    if (error instanceof GlossError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new GlossError('NOT_FOUND', `Cannot read ${file} (${code ?? (error as Error).message})`)
  }
}

/** The open-file dialog, then the import; file null when the dialog was cancelled. */
export async function runImport(session: LibrarySession, dialogs: Dialogs, now: () => Date): Promise<ImportResult> {
  const file = await dialogs.chooseOpenFile(IMPORT_FILTERS)
  if (!file) return { file: null, report: null }
  const report = await importIntoSession(session, await readAnnotationsFile(file), now)
  return { file, report }
}

/** Times in the machine's zone (Obsidian shows a Date & time on the reader's clock); authors as links when asked. */
function exportStyle(request: { authorLinks?: boolean }): { timeZone: string; authorLinks: boolean } {
  return { timeZone: localTimeZone(), authorLinks: request.authorLinks === true }
}

function cut(content: string): { content: string; truncated: boolean } {
  if (content.length <= PREVIEW_MAX_CHARS) return { content, truncated: false }
  return { content: content.slice(0, PREVIEW_MAX_CHARS), truncated: true }
}

/** Markdown for one article or the annotated ones: the md export, as the CLI writes it. */
export function markdownExport(session: LibrarySession, scope: ExportScope, exportedAt: string): MarkdownExport {
  const articleId = scope.scope === 'article' ? scope.articleId : undefined
  const model = buildExportCorpus(session, { exportedAt, articles: articleId ? [articleId] : 'annotated', ...exportStyle({}) })
  const { content, fileName } = exportFile(model, 'md', { articleId })
  return { markdown: content, fileName }
}

/** The built-in templates and the names templates may use: the export dialog's starting point. */
export function exportDefaults(): ExportDefaults {
  return {
    template: DEFAULT_ARTICLE_TEMPLATE,
    fileNameTemplate: DEFAULT_FILE_NAME_TEMPLATE,
    articleVariables: Object.keys(ARTICLE_VARIABLES),
    highlightVariables: Object.keys(HIGHLIGHT_VARIABLES),
    fileNameVariables: Object.keys(FILE_NAME_VARIABLES)
  }
}
