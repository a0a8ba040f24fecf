// What an import did: how many annotations came in, were brought up to date or were
// already here, and — by quote — every one that could not be placed in its article's
// text or whose article is not in this folder (kept all the same, never dropped).
import type { ImportReport } from '../../../../shared/model'
import { Modal } from '../../components/modal'

export interface ImportReportDialogProps {
  file: string
  report: ImportReport
  onClose: () => void
}

const SHOWN = 100

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

export function ImportReportDialog({ file, report, onClose }: ImportReportDialogProps) {
  const { imported, updated, duplicates, unplaced, unmatchedArticles } = report
  return (
    <Modal title="Annotations imported" onClose={onClose} className="import-dialog" testId="import-report">
      <p className="import-file">
        From <code>{file}</code>
      </p>
      <ul className="import-counts" aria-label="Import summary">
        <li>
          <strong>{imported}</strong> imported
        </li>
        <li>
          <strong>{updated}</strong> updated
        </li>
        <li>
          <strong>{duplicates}</strong> already here
        </li>
      </ul>
      {unplaced.length === 0 && unmatchedArticles.length === 0 ? (
        <p>Every highlight was placed in its article.</p>
      ) : (
        <>
          {unplaced.length > 0 && (
            <section aria-labelledby="import-unplaced">
              <h3 id="import-unplaced" className="import-heading">
                Not placed ({unplaced.length})
              </h3>
              <p className="muted small">
                Kept all the same: a highlight whose quote is not in the text is listed under “Could not be placed” in its article, to
                re-attach by hand; one whose article is not in this folder waits under Missing articles.
              </p>
              <ul className="import-unplaced">
                {unplaced.slice(0, SHOWN).map((item, i) => (
                  <li key={i}>
                    {item.quote ? <blockquote>{item.quote}</blockquote> : item.note ? <p className="muted">Note: {item.note}</p> : null}
                    <p className="small">{item.reason}</p>
                  </li>
                ))}
                {unplaced.length > SHOWN && <li className="muted">and {unplaced.length - SHOWN} more</li>}
              </ul>
            </section>
          )}
          {unmatchedArticles.length > 0 && (
            <section aria-labelledby="import-unmatched">
              <h3 id="import-unmatched" className="import-heading">
                Articles not in this folder ({unmatchedArticles.length})
              </h3>
              <ul>
                {unmatchedArticles.slice(0, SHOWN).map((article, i) => (
                  <li key={i}>
                    {article.title ?? article.file ?? article.url ?? 'Unknown article'}{' '}
                    <span className="muted">({plural(article.annotations, 'annotation', 'annotations')}, kept under Missing articles)</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      <div className="modal-actions">
        <button type="button" className="button primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Modal>
  )
}
