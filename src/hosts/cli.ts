// Headless commands over the same services as the app:
//   gloss scan <folder> [--json]
//   gloss export <folder> [--format md|md-folder|json|csv] --out <path> [--template <file>]
//                [--file-name-template <template>] [--dry-run] [--recreate-deleted] [--json] [--data-dir <dir>]
//   gloss import <folder> <file.json> [--json] [--data-dir <dir>]
//   gloss search <folder> "<query>" [--limit <n>] [--json] [--data-dir <dir>]
// Electron-free, so it runs with plain Node (npm run cli -- …). Export and import open
// the folder exactly as the app does (openCorpus) and call the functions the app's
// export and import call.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { exportFile, isExportFormat, type ExportFormat } from '../shared/export/formats'
import { compileTemplate, type CompiledTemplate } from '../shared/export/template'
import { GlossError } from '../shared/result'
import { scanCorpus } from '../core/corpus/scan'
import { buildExportCorpus } from '../core/export/build-export-corpus'
import { assertOutsideCorpus, importIntoSession, readAnnotationsFile, writeExportFile } from '../core/export/export-actions'
import { exportToFolder, type FolderExportReport } from '../core/export/folder-export'
import type { ImportReport } from '../core/export/import-annotations'
import { openCorpus } from '../core/export/open-corpus'
import { dataDirFrom } from '../core/store/data-folder'
import { acquireDataFolderLock, DataFolderBusyError, type DataFolderLock } from '../core/store/data-folder-lock'
import { isProblem, readCommandLine, type CommandLine } from './command-line'
import { librarySnapshot } from '../core/library/search-snapshot'
import { createSearchService } from '../core/search/search-service'

const USAGE = `Usage:
  npm run cli -- scan <folder> [--json]
  npm run cli -- export <folder> [--format md|md-folder|json|csv] --out <path> [--template <file>]
                 [--file-name-template <template>] [--dry-run] [--recreate-deleted] [--json] [--data-dir <dir>]
      md (default): one Markdown file for the whole corpus; md-folder: one file per article
      in the folder --out (re-export keeps your edits outside the Gloss region); json: W3C
      Web Annotations; csv: one row per highlight and article note.
  npm run cli -- import <folder> <file.json> [--json] [--data-dir <dir>]
      Imports a JSON export into the folder's annotations (merging, never duplicating).
  npm run cli -- search <folder> "<query>" [--limit <n>] [--json] [--data-dir <dir>]
      Searches the full text of the articles, highlights and notes (as the app's search box does).`

export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
}

export interface CliOptions {
  /** The clock (tests fix it so that exports can be compared). */
  now?: () => Date
}

type Parsed = CommandLine

const COMMANDS: Record<string, { values: string[]; flags: string[]; positional: number }> = {
  scan: { values: [], flags: ['--json'], positional: 1 },
  export: { values: ['--data-dir', '--out', '--format', '--template', '--file-name-template'], flags: ['--dry-run', '--recreate-deleted', '--json'], positional: 1 },
  import: { values: ['--data-dir'], flags: ['--json'], positional: 2 },
  search: { values: ['--data-dir', '--limit'], flags: ['--json'], positional: 2 }
}

export async function runCli(args: string[], io: CliIo = { out: console.log, err: console.error }, options: CliOptions = {}): Promise<number> {
  const [command, ...rest] = args
  const spec = command ? COMMANDS[command] : undefined
  if (!spec) {
    io.err(USAGE)
    return 2
  }
  const parsed = readCommandLine(rest, spec)
  if (isProblem(parsed)) {
    io.err(`${parsed.problem === 'unknown' ? `Unknown option ${parsed.arg}` : `${parsed.name} needs a value`}\n\n${USAGE}`)
    return 2
  }
  if (parsed.positional.length !== spec.positional) {
    io.err(USAGE)
    return 2
  }
  const now = options.now ?? (() => new Date())
  try {
    if (command === 'scan') return await scan(fromUserCwd(parsed.positional[0]), parsed.flags.has('--json'), io)
    if (command === 'search') return await searchCommand(parsed, io, now)
    if (command === 'export') return await exportCommand(parsed, io, now)
    return await importCommand(parsed, io, now)
  } catch (error) {
    if (error instanceof GlossError) {
      io.err(`gloss: ${error.message}`)
      return 1
    }
    throw error
  }
}

async function scan(folder: string, json: boolean, io: CliIo): Promise<number> {
  const result = await scanCorpus(folder)
  const articles = result.articles.map(({ id, title, published, source, sourceUrl, topics, files, words }) => ({
    id,
    title,
    published,
    source,
    sourceUrl,
    topics,
    files,
    words
  }))
  if (json) {
    io.out(JSON.stringify({ root: result.root, articles, problems: result.problems }, null, 2))
    return 0
  }
  io.out(`${result.root}: ${articles.length} articles, ${result.problems.length} problems`)
  for (const a of articles) io.out(`  ${a.published ?? '          '}  ${a.title}${a.source ? ` — ${a.source}` : ''}  (${a.files.join(', ')})`)
  if (result.problems.length) io.out('Problems:')
  for (const p of result.problems) io.out(`  ${p.path}: ${p.reason}`)
  return 0
}

async function exportCommand(parsed: Parsed, io: CliIo, now: () => Date): Promise<number> {
  const format = parsed.values.get('--format') ?? 'md'
  if (!isExportFormat(format)) {
    io.err(`Unknown format "${format}": use md, md-folder, json or csv`)
    return 2
  }
  const outArg = parsed.values.get('--out')
  if (!outArg) {
    io.err(format === 'md-folder' ? 'export --format md-folder needs --out <folder>' : 'export needs --out <file>')
    return 2
  }
  const templates = await loadTemplates(parsed, format, io)
  if (templates === null) return 2
  const out = fromUserCwd(outArg)
  const dataDir = dataDirOf(parsed)
  const dryRun = parsed.flags.has('--dry-run')
  const lock = await lockForReading(dataDir)
  const corpus = await openCorpus(fromUserCwd(parsed.positional[0]), dataDir, now, { readOnly: lock === null }).catch(async (error: unknown) => {
    await lock?.release()
    throw error
  })
  try {
    const model = buildExportCorpus(corpus.session, { exportedAt: now().toISOString(), articles: format === 'md-folder' ? 'all' : 'annotated' })
    if (format === 'md-folder') {
      const report = await exportToFolder({
        corpus: model,
        folder: out,
        dataDir,
        template: templates.template,
        fileNameTemplate: templates.fileNameTemplate,
        recreateDeleted: parsed.flags.has('--recreate-deleted'),
        dryRun
      })
      printFolderReport(report, parsed.flags.has('--json'), io)
      return 0
    }
    const file = exportFile(model, format, { template: templates.template })
    await assertOutsideCorpus(corpus.session.root, out)
    if (dryRun) {
      io.out(`Would write ${out} (${Buffer.byteLength(file.content, 'utf8')} bytes)`)
      return 0
    }
    io.out(`Wrote ${await writeExportFile(corpus.session.root, out, file.content)}`)
    return 0
  } finally {
    await corpus.close()
    await lock?.release()
  }
}

/**
 * The data folder's lock for a command that only reads it (export, search), or null when
 * the app (or another writer) holds it or it cannot be written: the command then reads
 * the stores as they are on disk and writes nothing to them.
 */
async function lockForReading(dataDir: string): Promise<DataFolderLock | null> {
  try {
    return await acquireDataFolderLock(dataDir, 'cli')
  } catch (error) {
    if (error instanceof DataFolderBusyError) return null
    if (['EROFS', 'EACCES', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) return null
    throw error
  }
}

async function loadTemplates(
  parsed: Parsed,
  format: ExportFormat,
  io: CliIo
): Promise<{ template?: CompiledTemplate; fileNameTemplate?: CompiledTemplate } | null> {
  const templateFile = parsed.values.get('--template')
  const fileNameSource = parsed.values.get('--file-name-template')
  if ((templateFile || fileNameSource) && format !== 'md' && format !== 'md-folder') {
    io.err('Templates apply to the md and md-folder formats only')
    return null
  }
  if (fileNameSource && format !== 'md-folder') {
    io.err('--file-name-template applies to --format md-folder only')
    return null
  }
  try {
    return {
      template: templateFile ? compileTemplate(await readFile(fromUserCwd(templateFile), 'utf8'), 'article') : undefined,
      fileNameTemplate: fileNameSource ? compileTemplate(fileNameSource, 'fileName') : undefined
    }
  } catch (error) {
    if (error instanceof GlossError) {
      io.err(`gloss: ${error.message}`)
      return null
    }
    const code = (error as NodeJS.ErrnoException).code
    io.err(`gloss: cannot read the template ${templateFile} (${code ?? String(error)})`)
    return null
  }
}

function printFolderReport(report: FolderExportReport, json: boolean, io: CliIo): void {
  if (json) {
    io.out(JSON.stringify(report, null, 2))
    return
  }
  const verb = report.dryRun ? 'Would' : 'Did'
  io.out(`${report.dryRun ? 'Dry run: nothing written. ' : ''}Export to ${report.folder}`)
  const sections: [string, { file: string; title: string }[]][] = [
    [`${verb} create`, report.create],
    [`${verb} update`, report.update],
    ['Unchanged', report.unchanged],
    ['Deleted by you, not recreated (use --recreate-deleted)', report.skippedDeleted]
  ]
  for (const [label, entries] of sections) {
    io.out(`${label}: ${entries.length}`)
    for (const entry of entries) io.out(`  ${entry.file}  (${entry.title})`)
  }
  if (report.notice) io.err(report.notice)
  if (report.problems.length) io.err(`Left alone: ${report.problems.length}`)
  for (const problem of report.problems) io.err(`  ${problem.file}: ${problem.reason}`)
}

async function importCommand(parsed: Parsed, io: CliIo, now: () => Date): Promise<number> {
  const [folder, file] = parsed.positional
  const text = await readAnnotationsFile(fromUserCwd(file))
  const dataDir = dataDirOf(parsed)
  // A write: refused (DataFolderBusyError, exit 1, nothing changed) while the app or the
  // harness is open on this data folder, whose next save would overwrite the import.
  const lock = await acquireDataFolderLock(dataDir, 'cli')
  try {
    const corpus = await openCorpus(fromUserCwd(folder), dataDir, now)
    try {
      const report = await importIntoSession(corpus.session, text, now)
      printImportReport(report, parsed.flags.has('--json'), io)
      return 0
    } finally {
      await corpus.close()
    }
  } finally {
    await lock.release()
  }
}

function printImportReport(report: ImportReport, json: boolean, io: CliIo): void {
  if (json) {
    io.out(JSON.stringify(report, null, 2))
    return
  }
  io.out(`Imported ${report.imported}, updated ${report.updated}, already there ${report.duplicates}`)
  if (report.unplaced.length) io.out(`Not placed in the text (${report.unplaced.length}):`)
  for (const item of report.unplaced) io.out(`  "${oneLine(item.quote) || oneLine(item.note) || '—'}": ${item.reason}`)
  if (report.unmatchedArticles.length) io.out(`Articles not in this folder (${report.unmatchedArticles.length}):`)
  for (const article of report.unmatchedArticles) {
    io.out(`  ${article.title ?? article.file ?? article.url ?? 'unknown'}: ${article.annotations} annotation(s) kept with the missing articles`)
  }
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 80 ? `${line.slice(0, 79)}…` : line
}


/** The app's search (same index, same ranking), built for one query. */
async function searchCommand(parsed: Parsed, io: CliIo, now: () => Date): Promise<number> {
  const [folder, query] = parsed.positional
  const limitText = parsed.values.get('--limit')
  const limit = limitText === undefined ? 20 : Number(limitText)
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new GlossError('BAD_INPUT', '--limit must be a whole number from 1 to 200')
  if (!query.trim()) throw new GlossError('BAD_INPUT', 'The query is empty')
  const dataDir = dataDirOf(parsed)
  const lock = await lockForReading(dataDir)
  const corpus = await openCorpus(fromUserCwd(folder), dataDir, now, { readOnly: lock === null }).catch(async (error: unknown) => {
    await lock?.release()
    throw error
  })
  // The worker thread, as in the app: measured on 10,000 articles it builds in a third of
  // the time an in-process build takes (its own small heap; see scripts/search-bench).
  const search = createSearchService()
  try {
    search.sync(librarySnapshot(corpus.session))
    const response = await search.query(query, limit)
    if (parsed.flags.has('--json')) {
      io.out(JSON.stringify(response, null, 2))
      return 0
    }
    io.out(`${response.total} result${response.total === 1 ? '' : 's'} for "${query}" (${response.tookMs} ms)`)
    for (const result of response.results) {
      const { text, marks } = result.snippet
      // Marked words between » «, as a terminal has no highlighting to rely on.
      let shown = ''
      let at = 0
      for (const mark of marks) {
        shown += `${text.slice(at, mark.start)}»${text.slice(mark.start, mark.end)}«`
        at = mark.end
      }
      shown += text.slice(at)
      io.out(`\n${result.title} [${result.kind}] ${result.articleId}`)
      io.out(`  ${shown.replace(/\s+/g, ' ').trim()}`)
    }
    return 0
  } finally {
    await search.close()
    await corpus.close()
    await lock?.release()
  }
}

/** --data-dir (relative to where the user was), else GLOSS_DATA_DIR, else the app's own. */
function dataDirOf(parsed: Parsed): string {
  const flag = parsed.values.get('--data-dir')
  return flag ? fromUserCwd(flag) : dataDirFrom([])
}

/** npm runs scripts from the package root; paths the user typed are relative to where they were. */
function fromUserCwd(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p)
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (invokedDirectly) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`gloss: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    }
  )
}
