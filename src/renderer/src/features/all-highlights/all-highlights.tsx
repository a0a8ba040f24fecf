// "All highlights": every highlight of the open folder in one place, newest first or
// grouped by article, filtered by colour, tag, source and day, searched, and each one
// a way back to its place in the article. Mounted while shown; its pages stay in the
// query cache, which changes pushed by the core make stale (asked again when shown).
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { AnnotationEntry } from '../../../../shared/model'
import { FilterBar } from './filter-bar'
import { HighlightEntries } from './highlight-entries'
import { useAnnotations } from './use-annotations'
import { DEFAULT_FILTERS, isFiltered, type WorkspaceFilters } from './workspace-filters'
import './workspace.css'

export interface AllHighlightsProps {
  api: Api
  /** The open folder; a different one asks again. */
  root: string | null
  filters: WorkspaceFilters
  onFiltersChange: (filters: WorkspaceFilters) => void
  /** Back to the reader, at this highlight. */
  onOpen: (articleId: string, highlightId: string) => void
}

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`

export function AllHighlights({ api, root, filters, onFiltersChange, onOpen }: AllHighlightsProps) {
  const state = useAnnotations(api, filters, root)
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null)
  const change = (patch: Partial<WorkspaceFilters>) => onFiltersChange({ ...filters, ...patch })
  const open = useCallback((entry: AnnotationEntry) => onOpen(entry.article.id, entry.highlight.id), [onOpen])
  const filtered = isFiltered(filters)
  const sectionRef = useRef<HTMLElement>(null)
  const focusSearch = () => sectionRef.current?.querySelector<HTMLInputElement>('[data-workspace-search]')?.focus()
  // Shown from the keyboard: start where the user will type.
  useEffect(focusSearch, [])
  const clearFilters = () => {
    onFiltersChange({ ...DEFAULT_FILTERS, sort: filters.sort })
    focusSearch()
  }

  const counted = filtered ? `${plural(state.total, 'highlight')} of ${state.totalHighlights.toLocaleString()}` : plural(state.total, 'highlight')
  const status = state.loading && state.facets === null ? 'Loading highlights…' : state.scanning ? `${counted} — still reading the folder` : counted

  return (
    <section
      className="all-highlights"
      aria-label="All highlights"
      aria-busy={state.loading}
      ref={sectionRef}
      onKeyDown={(event) => {
        // ↓ from the search box goes into the results (the roving entry), past every filter.
        if (event.key !== 'ArrowDown' || !(event.target as HTMLElement).matches('[data-workspace-search]')) return
        const entry = sectionRef.current?.querySelector<HTMLElement>('.ah-list [tabindex="0"]')
        if (!entry) return
        event.preventDefault()
        entry.focus()
      }}
    >
      <div className="ah-head">
        <h2 className="ah-title">All highlights</h2>
        <p className="ah-status" role="status" data-testid="workspace-count">
          {status}
        </p>
      </div>
      <FilterBar filters={filters} facets={state.facets} onChange={change} />
      {state.error && (
        <p className="ah-error" role="alert">
          Could not list the highlights: {state.error}
        </p>
      )}
      <div className="ah-scroll" ref={setScrollElement}>
        {!state.loading && state.totalHighlights === 0 ? (
          <p className="ah-empty" data-testid="workspace-empty">
            No highlights yet — select text in an article to make one.
          </p>
        ) : !state.loading && state.total === 0 ? (
          <div className="ah-empty" data-testid="workspace-empty">
            <p>No highlights match these filters.</p>
            <button type="button" className="button" onClick={clearFilters}>
              Clear filters
            </button>
          </div>
        ) : (
          <HighlightEntries
            entries={state.entries}
            total={state.total}
            grouped={state.sort === 'article'}
            scanning={state.scanning}
            scrollElement={scrollElement}
            onOpen={open}
            onNearEnd={state.loadMore}
          />
        )}
      </div>
    </section>
  )
}
