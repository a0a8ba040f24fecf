// A DataChange as the core pushes it, for tests that fire change events by hand.
import type { DataChange } from '../../../shared/events'

export function changeOf(root: string, parts: Partial<Omit<DataChange, 'root'>> = {}): DataChange {
  return {
    root,
    cause: 'disk',
    folder: false,
    library: false,
    articles: { changed: [], added: [], removed: [], moved: [] },
    annotations: [],
    highlights: [],
    tags: false,
    missing: false,
    history: { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null },
    ...parts
  }
}

/** Files changed on disk: the articles by id. */
export function diskChange(root: string, articles: Partial<DataChange['articles']>): DataChange {
  return changeOf(root, { cause: 'disk', library: true, articles: { changed: [], added: [], removed: [], moved: [], ...articles } })
}
