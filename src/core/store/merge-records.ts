// Three-way merges of a store's records, for when another process wrote the file while
// this one held changes in memory (json-store.ts's merge option): each record is ours if
// this process changed it since the common base, else the other writer's (including its
// deletions and additions). A record both changed keeps ours: the other writer's version
// of it is in the backups.
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** Merges records keyed by name (a plain object used as a map). */
export function mergeRecordMap<V>(base: Record<string, V>, ours: Record<string, V>, theirs: Record<string, V>): Record<string, V> {
  // Entries, then fromEntries: an assignment to a key named __proto__ would set the prototype.
  const merged: [string, V][] = []
  const keys = new Set([...Object.keys(base), ...Object.keys(ours), ...Object.keys(theirs)])
  for (const key of keys) {
    const mine = Object.hasOwn(ours, key) ? ours[key] : undefined
    const before = Object.hasOwn(base, key) ? base[key] : undefined
    const chosen = same(mine, before) ? (Object.hasOwn(theirs, key) ? theirs[key] : undefined) : mine
    if (chosen !== undefined) merged.push([key, chosen])
  }
  return Object.fromEntries(merged) as Record<string, V>
}

/** Merges a list of records with ids, keeping our order and appending their new ones. */
export function mergeById<V extends { id: string }>(base: readonly V[], ours: readonly V[], theirs: readonly V[]): V[] {
  const byId = (list: readonly V[]) => Object.fromEntries(list.map((item) => [item.id, item])) as Record<string, V>
  const merged = mergeRecordMap(byId(base), byId(ours), byId(theirs))
  const order = [...ours.map((item) => item.id), ...theirs.map((item) => item.id)]
  const seen = new Set<string>()
  const result: V[] = []
  for (const id of order) {
    if (seen.has(id) || !Object.hasOwn(merged, id)) continue
    seen.add(id)
    result.push(merged[id])
  }
  return result
}
