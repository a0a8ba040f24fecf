// The export dialog's live preview: asks the main process what the export would write,
// at once when the dialog opens and then once typing pauses (debounced), and shows only
// the answer to the latest request — an older answer arriving late is dropped.
import { useEffect, useRef, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { ExportPreview, ExportRequest } from '../../../../shared/model'

export const PREVIEW_DEBOUNCE_MS = 200

export interface PreviewState {
  preview: ExportPreview | null
  /** A newer preview is on its way. */
  pending: boolean
  /** The call itself failed (not a template error: those are preview.error). */
  failure: string | null
  /** How long the last preview took to come back, request to answer. */
  elapsedMs: number | null
}

export function useExportPreview(api: Api, request: ExportRequest | null, delayMs = PREVIEW_DEBOUNCE_MS): PreviewState {
  const [state, setState] = useState<PreviewState>({ preview: null, pending: request !== null, failure: null, elapsedMs: null })
  const sequence = useRef(0)
  const first = useRef(true)
  const key = request ? JSON.stringify(request) : null

  useEffect(() => {
    if (!request) return
    const id = ++sequence.current
    setState((s) => ({ ...s, pending: true }))
    const run = async () => {
      const started = performance.now()
      try {
        const preview = await api['export.preview'](request)
        if (id === sequence.current) setState({ preview, pending: false, failure: null, elapsedMs: Math.round(performance.now() - started) })
      } catch (error) {
        if (id === sequence.current) setState((s) => ({ ...s, pending: false, failure: error instanceof Error ? error.message : String(error) }))
      }
    }
    const wait = first.current ? 0 : delayMs
    first.current = false
    const timer = setTimeout(() => void run(), wait)
    return () => clearTimeout(timer)
    // The key stands for the request's content.
  }, [api, key, delayMs])

  return state
}
