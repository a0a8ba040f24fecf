// The workspace's filter controls. Each shows what exists in the folder (the facet
// counts of the last answer), so a tag or source that no highlight has is never offered.
import { useId } from 'react'
import { HIGHLIGHT_COLORS } from '../../../../shared/colors'
import type { AnnotationList, AnnotationSort, HighlightColor } from '../../../../shared/model'
import { colorName } from '../highlights/colors'
import type { WorkspaceFilters } from './workspace-filters'

const SORT_LABELS: Record<AnnotationSort, string> = { newest: 'Newest first', oldest: 'Oldest first', article: 'By article' }

export interface FilterBarProps {
  filters: WorkspaceFilters
  facets: AnnotationList['facets'] | null
  onChange: (patch: Partial<WorkspaceFilters>) => void
}

export function FilterBar({ filters, facets, onChange }: FilterBarProps) {
  const id = useId()
  const ids = { search: `${id}-search`, tag: `${id}-tag`, source: `${id}-source`, from: `${id}-from`, to: `${id}-to`, sort: `${id}-sort` }
  const toggleColor = (color: HighlightColor) =>
    onChange({ colors: filters.colors.includes(color) ? filters.colors.filter((c) => c !== color) : HIGHLIGHT_COLORS.filter((c) => c === color || filters.colors.includes(c)) })
  // A remembered choice stays selectable even when nothing carries it any more.
  const tags = facets?.tags ?? []
  const tagOptions = filters.tag && !tags.some((t) => t.tag.toLowerCase() === filters.tag.toLowerCase()) ? [...tags, { tag: filters.tag, count: 0 }] : tags
  const sources = facets?.sources ?? []
  const sourceOptions =
    filters.source && !sources.some((s) => s.source.toLowerCase() === filters.source.toLowerCase()) ? [...sources, { source: filters.source, count: 0 }] : sources

  return (
    <div className="ah-filters">
      <div className="ah-filters-row">
        <div className="ah-field ah-search">
          <label htmlFor={ids.search} className="sr-only">
            Search highlights
          </label>
          <input
            id={ids.search}
            type="search"
            className="ah-input"
            placeholder="Search quotes, notes, tags, titles"
            value={filters.query}
            onChange={(event) => onChange({ query: event.target.value })}
            data-workspace-search=""
          />
        </div>
        <div className="ah-colors" role="group" aria-label="Colours">
          {HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className={`ah-color-toggle hl-${color}`}
              aria-pressed={filters.colors.includes(color)}
              onClick={() => toggleColor(color)}
            >
              <span className="ah-swatch" aria-hidden="true" />
              {colorName(color)}
              {facets && <span className="ah-count">{facets.colors[color].toLocaleString()}</span>}
            </button>
          ))}
        </div>
      </div>
      <div className="ah-filters-row">
        <div className="ah-field">
          <label htmlFor={ids.tag}>Tag</label>
          <select id={ids.tag} value={filters.tag} onChange={(event) => onChange({ tag: event.target.value })}>
            <option value="">All tags</option>
            {tagOptions.map(({ tag, count }) => (
              <option key={tag} value={tag}>
                {tag} ({count.toLocaleString()})
              </option>
            ))}
          </select>
        </div>
        <div className="ah-field">
          <label htmlFor={ids.source}>Source</label>
          <select id={ids.source} value={filters.source} onChange={(event) => onChange({ source: event.target.value })}>
            <option value="">All sources</option>
            {sourceOptions.map(({ source, count }) => (
              <option key={source} value={source}>
                {source} ({count.toLocaleString()})
              </option>
            ))}
          </select>
        </div>
        <div className="ah-field">
          <label htmlFor={ids.from}>From</label>
          <input id={ids.from} type="date" value={filters.from} max={filters.to || undefined} onChange={(event) => onChange({ from: event.target.value })} />
        </div>
        <div className="ah-field">
          <label htmlFor={ids.to}>To</label>
          <input id={ids.to} type="date" value={filters.to} min={filters.from || undefined} onChange={(event) => onChange({ to: event.target.value })} />
        </div>
        <div className="ah-field">
          <label htmlFor={ids.sort}>Order</label>
          <select id={ids.sort} value={filters.sort} onChange={(event) => onChange({ sort: event.target.value as AnnotationSort })}>
            {(Object.keys(SORT_LABELS) as AnnotationSort[]).map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  )
}
