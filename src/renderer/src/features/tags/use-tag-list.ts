// The open folder's tags with their counts (tags.list), for autocomplete, the library's
// tag filter and the Manage tags dialog. A read in the query cache: a change pushed by
// the core that touches tags (an edit, an undo, a rename) makes it stale.
import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { Api } from '../../../../shared/api'
import type { TagCount } from '../../../../shared/model'
import { contractQuery, useContractQuery } from '../../data/use-contract-query'

const NO_TAGS: TagCount[] = []

export function useTagList(api: Api, root: string | null) {
  const client = useQueryClient()
  const query = useContractQuery(api, 'tags.list', {}, { enabled: root !== null })
  const tags = root !== null ? (query.data ?? NO_TAGS) : NO_TAGS

  /** Tag names, most used first: what autocomplete offers (from the cache unless stale). */
  const loadNames = useCallback(async (): Promise<string[]> => {
    if (root === null) return []
    try {
      return (await client.fetchQuery(contractQuery(api, 'tags.list', {}))).map((t) => t.tag)
    } catch {
      // No folder open any more, or it is being replaced: no suggestions.
      return []
    }
  }, [api, client, root])

  return { tags, loadNames }
}
