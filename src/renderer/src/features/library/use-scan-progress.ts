// How far the scan of a large folder has got, for the library's progress bar. The rows
// read so far come through the change events (data/invalidations.ts), not from here.
import { useEffect, useState } from 'react'
import type { GlossEvents, ScanProgress } from '../../../../shared/events'

export function useScanProgress(events: GlossEvents | null, root: string | null): ScanProgress | null {
  const [scan, setScan] = useState<ScanProgress | null>(null)
  useEffect(() => events?.onScanProgress(setScan), [events])
  return scan && scan.root === root && !scan.done ? scan : null
}
