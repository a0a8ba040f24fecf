// The library's status line, beside its title: what would otherwise only be found at the
// very bottom of a long list (files that could not be read, articles whose file went)
// and the last import's report. Each is a button that opens its list; a scan in progress
// shows its own bar just below (library-panel.tsx).
import type { RefObject } from 'react'

export interface LastImport {
  /** One line: "Import: 4 added, 1 not placed". */
  text: string
  show: () => void
}

export interface LibraryStatusProps {
  problems: number
  missing: number
  lastImport?: LastImport | null
  /** The library column, where the Problems and Missing lists are. */
  panelRef: RefObject<HTMLElement | null>
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`

/** Opens a <details> list at the bottom of the library, brings it into view and puts focus on its summary. */
function openList(panel: HTMLElement | null, testId: string): void {
  const details = panel?.querySelector<HTMLDetailsElement>(`details[data-testid="${testId}"]`)
  if (!details) return
  details.open = true
  const summary = details.querySelector<HTMLElement>('summary')
  summary?.scrollIntoView?.({ block: 'start' })
  summary?.focus()
}

export function LibraryStatus({ problems, missing, lastImport = null, panelRef }: LibraryStatusProps) {
  if (problems === 0 && missing === 0 && !lastImport) return null
  return (
    <div className="library-status" role="group" aria-label="Library status">
      {problems > 0 && (
        <button type="button" className="status-chip status-warn" onClick={() => openList(panelRef.current, 'problems')}>
          {count(problems, 'problem', 'problems')}
        </button>
      )}
      {missing > 0 && (
        <button type="button" className="status-chip" onClick={() => openList(panelRef.current, 'missing-articles')}>
          {count(missing, 'missing article', 'missing articles')}
        </button>
      )}
      {lastImport && (
        <button type="button" className="status-chip" aria-haspopup="dialog" onClick={lastImport.show}>
          {lastImport.text}
        </button>
      )}
    </div>
  )
}
