// The export dialog: what to export (this article or all notes), the format, the
// template (the built-in one or the user's own, in Mustache), a live preview of what
// will be written, then Export… (a native save or folder dialog in the main process).
// For a folder export, Dry run lists what would be created, updated and left alone.
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { Api } from '../../../../shared/api'
import { MAX_CREATOR_LENGTH, type ExportDefaults, type ExportRequest, type ExportRunResult, type FolderExportReport } from '../../../../shared/model'
import { Modal } from '../../components/modal'
import { EXPORT_FORMATS, isMarkdownFormat, type ExportSettings } from './export-settings'
import { useExportPreview } from './use-export-preview'

export type ExportScopeChoice = 'article' | 'corpus'

export interface ExportDialogProps {
  api: Api
  initialScope: ExportScopeChoice
  /** The open article, if any. */
  article: { id: string; title: string } | null
  libraryName: string
  settings: ExportSettings
  onSettingsChange: (patch: Partial<ExportSettings>) => void
  onClose: () => void
}

type Outcome = { kind: 'saved'; result: ExportRunResult } | { kind: 'error'; message: string } | null

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

export function ExportDialog({ api, initialScope, article, libraryName, settings, onSettingsChange, onClose }: ExportDialogProps) {
  const [scope, setScope] = useState<ExportScopeChoice>(article ? initialScope : 'corpus')
  const [defaults, setDefaults] = useState<ExportDefaults | null>(null)
  const [busy, setBusy] = useState<'export' | 'dry-run' | null>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const formatRef = useRef<HTMLInputElement>(null)
  const ids = { format: useId(), template: useId(), fileName: useId(), preview: useId(), templateHelp: useId() }

  useEffect(() => {
    let live = true
    api['export.defaults']({})
      .then((d) => live && setDefaults(d))
      .catch((error) => live && setOutcome({ kind: 'error', message: messageOf(error) }))
    return () => {
      live = false
    }
  }, [api])

  const { format } = settings
  const markdown = isMarkdownFormat(format)
  const custom = markdown && settings.custom
  // The custom templates start as copies of the built-in ones.
  const template = settings.template ?? defaults?.template ?? ''
  const fileNameTemplate = settings.fileNameTemplate ?? defaults?.fileNameTemplate ?? ''

  const creator = format === 'json' ? settings.creator.trim() : ''
  const request = useMemo<ExportRequest | null>(() => {
    if (custom && !defaults && (settings.template === null || settings.fileNameTemplate === null)) return null
    const links = markdown && settings.authorLinks ? { authorLinks: true } : {}
    const where = scope === 'article' && article ? { scope: 'article' as const, articleId: article.id, format, ...links } : { scope: 'corpus' as const, format, ...links }
    const base = creator ? { ...where, creator } : where
    if (!custom) return base
    return { ...base, template, ...(format === 'md-folder' ? { fileNameTemplate } : {}) }
  }, [scope, article, format, markdown, custom, template, fileNameTemplate, defaults, settings.template, settings.fileNameTemplate, settings.authorLinks, creator])

  const { preview, pending, failure, elapsedMs } = useExportPreview(api, request)

  // A new choice makes the last result stale.
  useEffect(() => setOutcome(null), [scope, format])

  const run = async (dryRun: boolean) => {
    if (!request || busy) return
    setBusy(dryRun ? 'dry-run' : 'export')
    try {
      const extra = format === 'md-folder' ? { dryRun, recreateDeleted: settings.recreateDeleted } : {}
      const result = await api['export.run']({ ...request, ...extra })
      setOutcome(result.path ? { kind: 'saved', result } : null)
    } catch (error) {
      setOutcome({ kind: 'error', message: messageOf(error) })
    } finally {
      setBusy(null)
    }
  }

  const templateError = preview?.error ?? null

  return (
    <Modal title="Export notes" onClose={onClose} initialFocus={formatRef} className="export-dialog" testId="export-dialog">
      <div className="export-layout">
        <form className="export-form" onSubmit={(event) => event.preventDefault()}>
          <fieldset className="export-fieldset">
            <legend>Notes</legend>
            <label className="choice">
              <input type="radio" name="export-scope" checked={scope === 'article'} disabled={!article} onChange={() => setScope('article')} />
              <span>
                This article{article ? <span className="muted">: {article.title}</span> : <span className="muted"> (none open)</span>}
              </span>
            </label>
            <label className="choice">
              <input type="radio" name="export-scope" checked={scope === 'corpus'} onChange={() => setScope('corpus')} />
              <span>
                All notes<span className="muted"> in {libraryName}</span>
              </span>
            </label>
          </fieldset>

          <fieldset className="export-fieldset" aria-describedby={ids.format}>
            <legend>Format</legend>
            {EXPORT_FORMATS.map((option) => (
              <label className="choice" key={option.value}>
                <input
                  ref={option.value === format ? formatRef : undefined}
                  type="radio"
                  name="export-format"
                  value={option.value}
                  checked={format === option.value}
                  onChange={() => onSettingsChange({ format: option.value })}
                />
                <span>{option.label}</span>
              </label>
            ))}
            <p className="export-hint" id={ids.format}>
              {EXPORT_FORMATS.find((f) => f.value === format)?.hint}
            </p>
          </fieldset>

          {format === 'json' && (
            <label className="field-label">
              Your name in the annotations (creator)
              <input
                type="text"
                className="template-file-name"
                maxLength={MAX_CREATOR_LENGTH}
                placeholder="Gloss user"
                value={settings.creator}
                onChange={(event) => onSettingsChange({ creator: event.target.value })}
              />
            </label>
          )}

          {markdown && (
            <fieldset className="export-fieldset">
              <legend>Template</legend>
              <label className="choice">
                <input type="radio" name="export-template" checked={!settings.custom} onChange={() => onSettingsChange({ custom: false })} />
                <span>Default</span>
              </label>
              <label className="choice">
                <input type="radio" name="export-template" checked={settings.custom} onChange={() => onSettingsChange({ custom: true })} />
                <span>Custom (Mustache)</span>
              </label>
              {custom && (
                <div className="template-editor">
                  <label htmlFor={ids.template} className="field-label">
                    Template
                  </label>
                  <textarea
                    id={ids.template}
                    className="template-text"
                    spellCheck={false}
                    rows={12}
                    value={template}
                    aria-invalid={templateError !== null}
                    aria-describedby={`${ids.templateHelp}${templateError ? ` ${ids.preview}-error` : ''}`}
                    onChange={(event) => onSettingsChange({ template: event.target.value })}
                  />
                  {format === 'md-folder' && (
                    <>
                      <label htmlFor={ids.fileName} className="field-label">
                        File name template
                      </label>
                      <input
                        id={ids.fileName}
                        className="template-file-name"
                        spellCheck={false}
                        value={fileNameTemplate}
                        onChange={(event) => onSettingsChange({ fileNameTemplate: event.target.value })}
                      />
                    </>
                  )}
                  <div className="template-tools">
                    <button
                      type="button"
                      className="link-button"
                      disabled={!defaults}
                      onClick={() => onSettingsChange({ template: defaults?.template ?? null, fileNameTemplate: defaults?.fileNameTemplate ?? null })}
                    >
                      Reset to default
                    </button>
                  </div>
                  <details className="template-help" id={ids.templateHelp}>
                    <summary>Variables</summary>
                    {defaults && (
                      <div className="small">
                        <p>
                          Article: <VariableList names={defaults.articleVariables.filter((n) => n !== 'highlights')} />
                        </p>
                        <p>
                          Inside <code>{'{{#highlights}}…{{/highlights}}'}</code>: <VariableList names={defaults.highlightVariables} />
                        </p>
                        {format === 'md-folder' && (
                          <p>
                            File name: <VariableList names={defaults.fileNameVariables} />
                          </p>
                        )}
                        <p className="muted">
                          Values are escaped for Markdown; <code>…_raw</code> ones are as stored, <code>yaml.…</code> ones are for front
                          matter. Every variable, with examples: docs/export-templates.md.
                        </p>
                      </div>
                    )}
                  </details>
                </div>
              )}
            </fieldset>
          )}

          {markdown && (
            <label className="choice export-option">
              <input type="checkbox" checked={settings.authorLinks} onChange={(event) => onSettingsChange({ authorLinks: event.target.checked })} />
              <span>Authors as [[links]]</span>
            </label>
          )}

          {format === 'md-folder' && (
            <label className="choice export-option">
              <input type="checkbox" checked={settings.recreateDeleted} onChange={(event) => onSettingsChange({ recreateDeleted: event.target.checked })} />
              <span>Recreate deleted files</span>
            </label>
          )}
        </form>

        <section className="export-preview" aria-labelledby={`${ids.preview}-title`} aria-busy={pending}>
          <h3 className="export-preview-title" id={`${ids.preview}-title`}>
            Preview{preview?.fileName ? <span className="muted">: {preview.fileName}</span> : null}
          </h3>
          {templateError && (
            <p className="export-error" role="alert" id={`${ids.preview}-error`}>
              {templateError}
            </p>
          )}
          {failure && (
            <p className="export-error" role="alert">
              {failure}
            </p>
          )}
          {preview?.notice && <p className="export-notice">{preview.notice}</p>}
          <pre className="export-preview-text" data-testid="export-preview" data-preview-ms={elapsedMs ?? undefined} tabIndex={0} aria-label="Preview text">
            {preview && !templateError ? preview.content : ''}
          </pre>
          {preview && !templateError && (preview.shownArticles < preview.totalArticles || preview.truncated) && (
            <p className="muted small">
              {preview.shownArticles < preview.totalArticles
                ? `The preview shows ${preview.shownArticles} of ${preview.totalArticles} articles; the export has them all.`
                : 'The preview is cut short; the export is complete.'}
            </p>
          )}
        </section>
      </div>

      <ExportOutcome outcome={outcome} />

      <div className="modal-actions">
        {format === 'md-folder' && (
          <button type="button" className="button" disabled={!request || busy !== null || templateError !== null} onClick={() => void run(true)}>
            {busy === 'dry-run' ? 'Checking…' : 'Dry run'}
          </button>
        )}
        <button type="button" className="button primary" disabled={!request || busy !== null || templateError !== null} onClick={() => void run(false)}>
          {busy === 'export' ? 'Exporting…' : 'Export…'}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  )
}

function VariableList({ names }: { names: readonly string[] }) {
  return (
    <>
      {names.map((name, i) => (
        <span key={name}>
          {i > 0 && ', '}
          <code>{name}</code>
        </span>
      ))}
    </>
  )
}

function ExportOutcome({ outcome }: { outcome: Outcome }) {
  if (!outcome) return <div className="export-outcome" role="status" />
  if (outcome.kind === 'error') {
    return (
      <div className="export-outcome">
        <p className="export-error" role="alert">
          {outcome.message}
        </p>
      </div>
    )
  }
  const { result } = outcome
  return (
    <div className="export-outcome" role="status" data-testid="export-outcome">
      {result.report ? <FolderReport report={result.report} /> : <p>Saved to {result.path}</p>}
    </div>
  )
}

const SHOWN_ENTRIES = 50

function FolderReport({ report }: { report: FolderExportReport }) {
  const sections: Array<[string, FolderExportReport['create'], (n: number) => string]> = [
    ['create', report.create, (n) => (report.dryRun ? `Would create ${n}` : `Created ${n}`)],
    ['update', report.update, (n) => (report.dryRun ? `Would update ${n}` : `Updated ${n}`)],
    ['unchanged', report.unchanged, (n) => `Unchanged ${n}`],
    ['skipped', report.skippedDeleted, (n) => `Deleted by you, not recreated ${n}`]
  ]
  return (
    <div className="folder-report" data-testid="folder-report">
      <p>
        {report.dryRun ? 'Dry run, nothing written: ' : 'Exported to '}
        <span className="report-folder">{report.folder}</span>
      </p>
      {report.notice && <p className="export-notice">{report.notice}</p>}
      <div className="report-sections">
        {sections.map(([key, entries, label]) => (
          <details key={key} className="report-section" data-section={key} open={entries.length > 0 && entries.length <= 10}>
            <summary>{label(entries.length)}</summary>
            <EntryList entries={entries} />
          </details>
        ))}
        {report.problems.length > 0 && (
          <details className="report-section" data-section="problems" open>
            <summary>Left alone {report.problems.length}</summary>
            <ul>
              {report.problems.slice(0, SHOWN_ENTRIES).map((p) => (
                <li key={`${p.articleId}:${p.file}`}>
                  <code>{p.file}</code>: {p.reason}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </div>
  )
}

function EntryList({ entries }: { entries: FolderExportReport['create'] }) {
  if (entries.length === 0) return null
  return (
    <ul>
      {entries.slice(0, SHOWN_ENTRIES).map((entry) => (
        <li key={`${entry.articleId}:${entry.file}`}>
          <code>{entry.file}</code>
        </li>
      ))}
      {entries.length > SHOWN_ENTRIES && <li className="muted">and {entries.length - SHOWN_ENTRIES} more</li>}
    </ul>
  )
}
