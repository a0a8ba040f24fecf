// Which folder the page shows, and how it gets there: the start-up folder (the one the
// core has open, else the sample), the folder picker, a recent folder or a dropped one.
// Entering a folder writes the core's answer into the cached library.current (the
// change the core pushes then makes the rest stale) and tells the caller, which shows
// the folder's last-read article.
import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { LibrarySummary } from '../../../../shared/model'
import { contractKey, useContractQuery } from '../../data/use-contract-query'

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

export interface OpenFolderOptions {
  api: Api
  /** A folder is shown now (its last-read article, if any, is the caller's to open). */
  onEnter: (summary: LibrarySummary) => void
  onError: (error: unknown) => void
}

export function useOpenFolder({ api, onEnter, onError }: OpenFolderOptions) {
  const client = useQueryClient()
  const current = useContractQuery(api, 'library.current', {})
  const [starting, setStarting] = useState(true)
  const [startError, setStartError] = useState<string | null>(null)

  const enter = useCallback(
    (next: LibrarySummary) => {
      client.setQueryData(contractKey('library.current', {}), next)
      setStartError(null)
      onEnter(next)
    },
    [client, onEnter]
  )

  // The start-up folder, once: the one open in the core, else the sample.
  const started = useRef(false)
  useEffect(() => {
    if (started.current || current.isPending) return
    started.current = true
    ;(async () => {
      try {
        if (current.error) throw current.error
        enter(current.data ?? (await api['library.openSample']({})))
      } catch (error) {
        setStartError(messageOf(error))
      } finally {
        setStarting(false)
      }
    })()
  }, [api, current.isPending, current.data, current.error, enter])

  // The first folder is shown (the caller subscribed to events on its first render): the
  // host may hand over what it queued, such as the gloss:// link the app was started with.
  useEffect(() => {
    if (!starting) api['app.ready']({}).catch(() => undefined)
  }, [api, starting])

  const openFolder = useCallback(async () => {
    try {
      const next = await api['library.chooseFolder']({})
      if (next) enter(next)
    } catch (error) {
      onError(error)
    }
  }, [api, enter, onError])

  const openRecent = useCallback(
    async (root: string) => {
      try {
        enter(await api['library.open']({ root }))
      } catch (error) {
        onError(error)
      }
    },
    [api, enter, onError]
  )

  const loadRecent = useCallback(async () => (await api['library.recent']({})).folders, [api])

  return { starting, startError, openFolder, openRecent, loadRecent }
}
