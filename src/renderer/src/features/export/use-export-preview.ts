// The export dialog's live preview: asks the main process what the export would write,
// at once when the dialog opens and then once typing pauses (debounced). The answers sit
// in the query cache keyed by the request, so an older answer arriving late is never
// shown, and a change pushed by the core (an edit, a file changed) asks again.
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { ExportPreview, ExportRequest } from '../../../../shared/model'
import { contractKey } from '../../data/use-contract-query'

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
  const key = request ? JSON.stringify(request) : null
  // The first request goes at once; later ones wait for a pause in typing.
  const [asked, setAsked] = useState<string | null>(key)
  useEffect(() => {
    if (key === asked) return
    const timer = setTimeout(() => setAsked(key), asked === null ? 0 : delayMs)
    return () => clearTimeout(timer)
  }, [key, asked, delayMs])

  const input = asked ? (JSON.parse(asked) as ExportRequest) : null
  const query = useQuery({
    queryKey: input ? contractKey('export.preview', input) : ['export.preview', null],
    queryFn: async () => {
      const started = performance.now()
      const preview = await api['export.preview'](input!)
      return { preview, elapsedMs: Math.round(performance.now() - started) }
    },
    enabled: input !== null,
    placeholderData: keepPreviousData
  })
  return {
    preview: query.data?.preview ?? null,
    pending: key !== null && (key !== asked || query.isFetching),
    failure: query.error ? query.error.message : null,
    elapsedMs: query.data?.elapsedMs ?? null
  }
}
