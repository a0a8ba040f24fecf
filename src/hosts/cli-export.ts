// `gloss export`: the export dialog's formats from the terminal. Loaded only when this
// command runs (the exporters and their templates are most of the CLI's code).
import { readFile } from 'node:fs/promises'
import { EXPORT_FORMATS, exportFile, isExportFormat, type ExportFormat } from '../shared/export/formats'
import { compileTemplate, type CompiledTemplate } from '../shared/export/template'
import { GlossError } from '../shared/result'
import { buildExportCorpus } from '../core/export/build-export-corpus'
import { assertOutsideCorpus, writeExportFile } from '../core/export/export-actions'
import { exportToFolder, type FolderExportReport } from '../core/export/folder-export'
import { openCorpus } from '../core/export/open-corpus'
import { dataDirOf, fromUserCwd, lockForReading, type CliIo, type Parsed } from './cli-context'
import { EXIT } from './exit-codes'

export async function exportCommand(parsed: Parsed, io: CliIo, now: () => Date, timeZone: string): Promise<number> {
  const format = parsed.values.get('--format') ?? 'md'
  if (!isExportFormat(format)) {
    io.err(`Unknown format "${format}": use ${EXPORT_FORMATS.join(', ')}`)
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
    const model = buildExportCorpus(corpus.session, {
      exportedAt: now().toISOString(),
      articles: format === 'md-folder' ? 'all' : 'annotated',
      timeZone,
      authorLinks: parsed.flags.has('--author-links')
    })
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
      return report.problems.length ? EXIT.leftAlone : EXIT.ok
    }
    const file = exportFile(model, format, { template: templates.template, creator: parsed.values.get('--creator') })
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
  if (report.problems.length) io.err(`${report.dryRun ? 'Would leave alone' : 'Left alone'}: ${report.problems.length}`)
  for (const problem of report.problems) io.err(`  ${problem.file}: ${problem.reason}`)
}
