// The header's and the menu's one-shot actions on the open folder: copy the article's
// notes, import annotations (the report opens in its dialog), and remove the notes of
// a missing article with an Undo. What they change reaches the page through the core's
// change events, not from here. The last import's report stays reachable from the
// library's status line until another folder is opened.
import { useState } from 'react'
import type { Api } from '../../../shared/api'
import type { Article, ImportReport } from '../../../shared/model'
import type { LastImport } from '../features/library/library-status'
import { copyText } from '../components/clipboard'
import type { ToastOptions } from '../components/toasts'
import type { DialogState } from '../dialogs/dialogs'
import type { UndoExpectation } from '../features/history/use-undo-redo'

export interface PageActionsOptions {
  api: Api
  article: Article | null
  openDialog: (dialog: DialogState) => void
  undo: (expect: UndoExpectation) => void
  toast: (message: string, kind?: 'info' | 'error', options?: ToastOptions) => void
  reportError: (error: unknown) => void
  /** The open folder: an import report belongs to it. */
  root: string | null
}

/** "Import: 4 added, 1 updated, 2 not placed" — what the report dialog says, in one line. */
export function importSummary(report: ImportReport): string {
  const parts = [`${report.imported} added`]
  if (report.updated > 0) parts.push(`${report.updated} updated`)
  const unplaced = report.unplaced.length + report.unmatchedArticles.reduce((n, a) => n + a.annotations, 0)
  if (unplaced > 0) parts.push(`${unplaced} not placed`)
  return `Import: ${parts.join(', ')}`
}

export function usePageActions({ api, article, openDialog, undo, toast, reportError, root }: PageActionsOptions) {
  const [last, setLast] = useState<{ root: string | null; file: string; report: ImportReport } | null>(null)
  const lastImport: LastImport | null =
    last && last.root === root ? { text: importSummary(last.report), show: () => openDialog({ type: 'import-report', file: last.file, report: last.report }) } : null
  const attempt = async (action: () => Promise<void>) => {
    try {
      await action()
    } catch (error) {
      reportError(error)
    }
  }
  return {
    lastImport,
    /** Without an open article the export starts on all notes. */
    exportArticle: () => openDialog({ type: 'export', scope: article ? 'article' : 'corpus' }),
    exportCorpus: () => openDialog({ type: 'export', scope: 'corpus' }),
    copyNotes: () =>
      attempt(async () => {
        if (!article) return void toast('Open an article to copy its notes')
        await copyText((await api['export.markdown']({ scope: 'article', articleId: article.id })).markdown)
        toast('Notes copied')
      }),
    importAnnotations: () =>
      attempt(async () => {
        const { file, report } = await api['import.annotations']({})
        if (!file || !report) return
        setLast({ root, file, report })
        openDialog({ type: 'import-report', file, report })
      }),
    removeMissing: (articleId: string) =>
      attempt(async () => {
        const { removed } = await api['annotations.removeMissing']({ articleId })
        toast(`Removed ${removed === 1 ? '1 annotation' : `${removed} annotations`}`, 'info', {
          action: { label: 'Undo', run: () => undo({ label: 'Remove missing notes' }) }
        })
      })
  }
}
