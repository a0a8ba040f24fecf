// What the "All highlights" view is filtered and sorted by. App keeps one value for the
// whole session, so that leaving the view and coming back finds the same filters.
import { useState } from 'react'
import type { AnnotationQuery, AnnotationSort, HighlightColor } from '../../../../shared/model'

export interface WorkspaceFilters {
  query: string
  colors: HighlightColor[]
  tag: string
  source: string
  /** YYYY-MM-DD or '' */
  from: string
  to: string
  sort: AnnotationSort
}

export const DEFAULT_FILTERS: WorkspaceFilters = { query: '', colors: [], tag: '', source: '', from: '', to: '', sort: 'newest' }

/** True when any filter narrows the list (the sort order does not). */
export function isFiltered(filters: WorkspaceFilters): boolean {
  return filters.query.trim() !== '' || filters.colors.length > 0 || filters.tag !== '' || filters.source !== '' || filters.from !== '' || filters.to !== ''
}

/** The contract query for one page; empty filters are left out. */
export function toQuery(filters: WorkspaceFilters, offset: number, limit: number): AnnotationQuery {
  const query: AnnotationQuery = { sort: filters.sort, offset, limit }
  if (filters.query.trim()) query.query = filters.query.trim()
  if (filters.colors.length) query.colors = [...filters.colors]
  if (filters.tag) query.tag = filters.tag
  if (filters.source) query.source = filters.source
  // A date input may hold a partial or swapped range while being typed: send only whole days.
  if (/^\d{4}-\d{2}-\d{2}$/.test(filters.from)) query.from = filters.from
  if (/^\d{4}-\d{2}-\d{2}$/.test(filters.to)) query.to = filters.to
  return query
}

/** The session's filters, remembered while the app runs. */
export function useWorkspaceFilters() {
  return useState<WorkspaceFilters>(DEFAULT_FILTERS)
}
