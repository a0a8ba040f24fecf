// The open article follows the changes the core pushes: a renamed file keeps its scroll
// place under the new id; a deleted one drops the selection and the popover (the reader
// then says the file went). Everything else the query cache does (data/use-data-changes.ts).
import type { DataChange, GlossEvents } from '../../../shared/events'
import { useDataChanges } from '../data/use-data-changes'
import type { useOpenArticle } from '../features/reader/use-open-article'
import type { useScrollPlace } from '../features/reader/use-scroll-place'

export interface FollowChangesOptions {
  openId: string | null
  reader: Pick<ReturnType<typeof useOpenArticle>, 'followChange'>
  place: Pick<ReturnType<typeof useScrollPlace>, 'keepPlaceFor'>
  clearSelection: () => void
  closePopover: () => void
}

export function useFollowChanges(events: GlossEvents | null, { openId, reader, place, clearSelection, closePopover }: FollowChangesOptions): void {
  // useDataChanges keeps the latest listener in a ref: a new closure each render is fine.
  useDataChanges(events, (change: DataChange) => {
    const moved = change.articles.moved.find((m) => m.from === openId)
    if (moved) place.keepPlaceFor(moved.to)
    if (reader.followChange(change) === 'gone') {
      clearSelection()
      closePopover()
    }
  })
}
