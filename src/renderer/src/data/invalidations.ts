// The one place that decides what a change makes stale. The core pushes a DataChange
// after every change it makes (an edit, an undo, an import, a scan report, files
// changed on disk, a folder opened); the page turns it into query invalidations here
// and never guesses after its own calls what they may have changed.
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query'
import type { Method } from '../../../shared/contract'
import type { DataChange } from '../../../shared/events'
import type { LibrarySummary } from '../../../shared/model'

/**
 * refetch: stale, asked again now if something shows it (one request in flight per
 * query: see refetchCoalesced). stale: asked again only when
 * shown next (an article whose file went: asking now could only fail). reset: dropped
 * altogether (another folder: what was held about the old one must not show). set: the
 * change itself carries the new value.
 */
export type Invalidation =
  | { action: 'refetch' | 'stale' | 'reset'; key: QueryKey }
  | { action: 'set'; key: QueryKey; data: unknown }

/** Reads that belong to the open folder (prefs, recent folders and export defaults do not). */
export const FOLDER_READS: readonly Method[] = [
  'library.list',
  'library.position',
  'library.missing',
  'article.get',
  'tags.list',
  'annotations.list',
  'search.query',
  'export.preview',
  'export.markdown'
]

const CURRENT_KEY: QueryKey = ['library.current', {}]
const byMethod = (method: Method): QueryKey => [method]
const article = (articleId: string): QueryKey => ['article.get', { articleId }]

export function invalidationsFor(change: DataChange): Invalidation[] {
  const out: Invalidation[] = [{ action: 'set', key: ['history.state', {}], data: change.history }]
  const refetch = (key: QueryKey) => out.push({ action: 'refetch', key })
  // A save failed, or works again: the banner asks again.
  if (change.saving) refetch(byMethod('app.saveStatus'))
  if (change.folder) {
    // The page wrote the new summary when it opened the folder; ask again for the latest.
    refetch(CURRENT_KEY)
    for (const method of FOLDER_READS) out.push({ action: 'reset', key: byMethod(method) })
    return out
  }
  const { changed, added, removed, moved } = change.articles
  const files = changed.length + added.length + removed.length + moved.length > 0
  if (change.library) refetch(CURRENT_KEY)
  // Rows show highlight counts, tags and reading progress; a tag rename changes a tag-filtered list.
  if (change.library || change.annotations.length > 0 || change.progress.length > 0 || change.tags || files) {
    refetch(byMethod('library.list'))
    refetch(byMethod('library.position'))
  }
  for (const id of new Set([...changed, ...change.annotations])) refetch(article(id))
  // The reader's own place moves on while it reads: the article is asked again only when next opened.
  for (const id of change.progress) out.push({ action: 'stale', key: article(id) })
  // Gone (or gone under another name): asking now could only fail; if it returns it is asked again.
  for (const id of new Set([...removed, ...moved.map((m) => m.from)])) out.push({ action: 'stale', key: article(id) })
  if (change.tags) refetch(byMethod('tags.list'))
  if (change.missing) refetch(byMethod('library.missing'))
  // Mid-scan reports would ask every quarter second: "All highlights" asks again when the scan ends (scanEndInvalidations).
  if (change.highlights.length > 0 || change.tags || (files && change.cause !== 'scan')) refetch(byMethod('annotations.list'))
  if (files || change.annotations.length > 0) {
    refetch(byMethod('search.query'))
    refetch(byMethod('export.preview'))
    refetch(byMethod('export.markdown'))
  }
  return out
}

/** The end of a folder's scan: what mid-scan changes left for then. */
export const scanEndInvalidations = (): Invalidation[] => [
  { action: 'refetch', key: byMethod('annotations.list') },
  { action: 'refetch', key: byMethod('library.missing') }
]

/** A change or scan report about another folder than the one shown is stale. */
export function isForShownFolder(client: QueryClient, root: string): boolean {
  const shown = client.getQueryData<LibrarySummary | null>(CURRENT_KEY)
  return !shown || shown.root === root
}

export function applyInvalidations(client: QueryClient, invalidations: readonly Invalidation[]): void {
  for (const inv of invalidations) {
    if (inv.action === 'set') client.setQueryData(inv.key, inv.data)
    else if (inv.action === 'reset') void client.resetQueries({ queryKey: inv.key })
    else if (inv.action === 'refetch') refetchCoalesced(client, inv.key)
    else void client.invalidateQueries({ queryKey: inv.key, refetchType: 'none' })
  }
}

/** Per cache: queries made stale while a fetch of theirs was in flight. */
const askAgain = new WeakMap<QueryClient, Set<Query>>()

/**
 * Marks the queries stale and asks again for those shown, one request in flight per
 * query. A request cannot be called back once sent (the transports have no abort), so
 * a change arriving while one is in flight does not start another beside it (a scan
 * reporting every quarter second would pile them up): the query is asked once more
 * when the one in flight ends, however many changes came meanwhile, since that answer
 * may predate them.
 */
function refetchCoalesced(client: QueryClient, key: QueryKey): void {
  let pending = askAgain.get(client)
  if (!pending) {
    const queries = new Set<Query>()
    pending = queries
    askAgain.set(client, queries)
    client.getQueryCache().subscribe((event) => {
      if (event.type === 'removed') queries.delete(event.query)
      if (event.type !== 'updated' || !queries.has(event.query)) return
      if (event.action.type !== 'success' && event.action.type !== 'error') return
      queries.delete(event.query)
      void client.invalidateQueries({ queryKey: event.query.queryKey, exact: true, refetchType: 'active' }, { cancelRefetch: false })
    })
  }
  for (const query of client.getQueryCache().findAll({ queryKey: key })) if (query.state.fetchStatus === 'fetching') pending.add(query)
  void client.invalidateQueries({ queryKey: key, refetchType: 'active' }, { cancelRefetch: false })
}
