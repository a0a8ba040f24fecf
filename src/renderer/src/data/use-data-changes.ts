// Subscribes the query cache to what the core pushes: every DataChange becomes the
// invalidations of data/invalidations.ts, and the end of a scan asks again for what
// mid-scan reports leave alone. `onChange` hears each change for the shown folder
// after the cache has been told (the reader follows a moved or deleted file from it).
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import type { DataChange, GlossEvents } from '../../../shared/events'
import { applyInvalidations, invalidationsFor, isForShownFolder, scanEndInvalidations } from './invalidations'

export function useDataChanges(events: GlossEvents | null, onChange?: (change: DataChange) => void): void {
  const client = useQueryClient()
  const listener = useRef(onChange)
  listener.current = onChange
  useEffect(() => {
    if (!events) return
    const offChange = events.onChange((change) => {
      if (!change.folder && !isForShownFolder(client, change.root)) return
      // The page first (the open article may have gone or moved), then the cache.
      listener.current?.(change)
      applyInvalidations(client, invalidationsFor(change))
    })
    const offProgress = events.onScanProgress((progress) => {
      if (progress.done && isForShownFolder(client, progress.root)) applyInvalidations(client, scanEndInvalidations())
    })
    return () => {
      offChange()
      offProgress()
    }
  }, [events, client])
}
