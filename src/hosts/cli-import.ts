// `gloss import`: a JSON export merged into the folder's annotations, as File › Import
// Annotations… does it.
import { importIntoSession, readAnnotationsFile } from '../core/export/export-actions'
import type { ImportReport } from '../core/export/import-annotations'
import { openCorpus } from '../core/export/open-corpus'
import { acquireDataFolderLock } from '../core/store/data-folder-lock'
import { dataDirOf, fromUserCwd, type CliIo, type Parsed } from './cli-context'

export async function importCommand(parsed: Parsed, io: CliIo, now: () => Date): Promise<number> {
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
