// The open folder's tags with their counts (tags.list), for autocomplete, the library's
// tag filter and the Manage tags dialog. Fetched when the folder changes and again on
// demand (after an edit, or when a control that shows them gets focus), so an undo or a
// rename elsewhere never leaves a stale list for long.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { TagCount } from '../../../../shared/model'

export function useTagList(api: Api, root: string | null) {
  const [tags, setTags] = useState<TagCount[]>([])
  const request = useRef(0)

  const refresh = useCallback(async (): Promise<TagCount[]> => {
    if (root === null) return []
    const id = ++request.current
    try {
      const next = await api['tags.list']({})
      if (id === request.current) setTags(next)
      return next
    } catch {
      // No folder open any more, or it is being replaced: the next refresh tells.
      return []
    }
  }, [api, root])

  useEffect(() => {
    setTags([])
    void refresh()
  }, [refresh])

  /** Tag names, most used first: what autocomplete offers. */
  const loadNames = useCallback(async () => (await refresh()).map((t) => t.tag), [refresh])

  return { tags, refresh, loadNames }
}
