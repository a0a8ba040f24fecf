// A DataChange as the core pushes it, for tests that fire change events by hand.
import { noChange, type DataChange } from '../../../shared/events'

export function changeOf(root: string, parts: Partial<Omit<DataChange, 'root'>> = {}): DataChange {
  return { ...noChange(root, 'disk', { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null }), ...parts }
}

/** Files changed on disk: the articles by id. As the core says it: the missing list may change when files come, go or move. */
export function diskChange(root: string, articles: Partial<DataChange['articles']>): DataChange {
  const all = { changed: [], added: [], removed: [], moved: [], ...articles }
  const missing = all.added.length + all.removed.length + all.moved.length > 0
  return changeOf(root, { cause: 'disk', library: true, missing, articles: all })
}
