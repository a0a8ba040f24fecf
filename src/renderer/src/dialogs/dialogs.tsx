// The page's modal dialogs: at most one is open, so one state says which (or none).
// While one is open the rest of the page is inert and its keys are the dialog's own.
import { useState } from 'react'
import type { Api } from '../../../shared/api'
import type { Article, ImportReport, LibrarySummary } from '../../../shared/model'
import { ReadingSettingsDialog } from '../features/comfort/reading-settings'
import { ExportDialog, type ExportScopeChoice } from '../features/export/export-dialog'
import { useExportSettings } from '../features/export/export-settings'
import { ImportReportDialog } from '../features/export/import-report-dialog'
import { ShortcutsSheet } from '../features/keyboard/shortcuts-sheet'
import { ManageTagsDialog } from '../features/tags/manage-tags-dialog'

export type DialogState =
  | { type: 'none' }
  | { type: 'export'; scope: ExportScopeChoice }
  | { type: 'import-report'; file: string; report: ImportReport }
  | { type: 'shortcuts' }
  | { type: 'manage-tags' }
  | { type: 'reading-settings' }

export const NO_DIALOG: DialogState = { type: 'none' }

export function useDialog() {
  const [dialog, setDialog] = useState<DialogState>(NO_DIALOG)
  return { dialog, open: setDialog, close: () => setDialog(NO_DIALOG), modalOpen: dialog.type !== 'none' }
}

export interface DialogsProps {
  api: Api
  dialog: DialogState
  onClose: () => void
  summary: LibrarySummary | null
  article: Article | null
}

export function Dialogs({ api, dialog, onClose, summary, article }: DialogsProps) {
  const [exportSettings, updateExportSettings] = useExportSettings()
  switch (dialog.type) {
    case 'none':
      return null
    case 'export':
      return summary ? (
        <ExportDialog
          api={api}
          initialScope={dialog.scope}
          article={article ? { id: article.id, title: article.title } : null}
          libraryName={summary.name}
          settings={exportSettings}
          onSettingsChange={updateExportSettings}
          onClose={onClose}
        />
      ) : null
    case 'import-report':
      return <ImportReportDialog file={dialog.file} report={dialog.report} onClose={onClose} />
    case 'shortcuts':
      return <ShortcutsSheet onClose={onClose} />
    case 'manage-tags':
      return <ManageTagsDialog api={api} onClose={onClose} />
    case 'reading-settings':
      return <ReadingSettingsDialog api={api} onClose={onClose} />
  }
}
