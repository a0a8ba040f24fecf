// What one edit did to a folder's stored annotations, found by comparing the records
// before and after it, whatever the edit was. Knowing nothing about each method keeps
// undo working for edits added later (tags, merges, imports): every record the store
// holds in a collection is covered.
//
// A collection is a top-level field of the store's data that is either an array of
// records with a string `id` (highlights) or an object keyed by id (article notes, or
// any per-article map). Scalars (schema version, root, last article) are not edits.

/** One record as it was before and after an edit; null = absent on that side. */
export interface RecordChange {
  collection: string
  key: string
  /** Where the record sat in an array collection, so a restored one goes back there. */
  index: number
  before: unknown
  after: unknown
}

interface Captured {
  index: number
  value: unknown
}

/** A copy of every record, by collection and key, to compare with the data after an edit. */
export type RecordSnapshot = Map<string, Map<string, Captured>>

type Data = Record<string, unknown>

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function recordKey(record: unknown): string | null {
  return isPlainObject(record) && typeof record.id === 'string' ? record.id : null
}

/**
 * Calls `visit` for each record of each collection. Plain loops rather than a
 * generator: this runs over every record twice per edit (10,000 highlights and more).
 */
function eachRecord(data: Data, skip: ReadonlySet<string>, visit: (collection: string, key: string, index: number, value: unknown) => void): void {
  for (const collection of Object.keys(data)) {
    if (skip.has(collection)) continue
    const value = data[collection]
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const key = recordKey(value[index])
        if (key !== null) visit(collection, key, index, value[index])
      }
    } else if (isPlainObject(value)) {
      const keys = Object.keys(value)
      for (let index = 0; index < keys.length; index++) visit(collection, keys[index], index, value[keys[index]])
    }
  }
}

/** A deep copy of JSON data (what the store holds), faster than structuredClone for small records. */
export function cloneJson<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) {
    const copy = new Array(value.length)
    for (let i = 0; i < value.length; i++) copy[i] = cloneJson(value[i])
    return copy as T
  }
  const copy: Record<string, unknown> = {}
  for (const key in value) copy[key] = cloneJson((value as Record<string, unknown>)[key])
  return copy as T
}

/** Deep equality of JSON data, optionally ignoring some top-level fields of records. */
export function sameJson(a: unknown, b: unknown, ignore: ReadonlySet<string> | null = null): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  const isArray = Array.isArray(a)
  if (isArray !== Array.isArray(b)) return false
  if (isArray) {
    const left = a as unknown[]
    const right = b as unknown[]
    if (left.length !== right.length) return false
    for (let i = 0; i < left.length; i++) if (!sameJson(left[i], right[i])) return false
    return true
  }
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  let leftCount = 0
  for (const key in left) {
    if (ignore?.has(key)) continue
    leftCount++
    if (!(key in right) || !sameJson(left[key], right[key])) return false
  }
  let rightCount = 0
  for (const key in right) if (!ignore?.has(key)) rightCount++
  return leftCount === rightCount
}

const NOTHING: ReadonlySet<string> = new Set()

/** `skip`: collections that are not the user's edits (reading progress), left out of snapshots and diffs. */
export function snapshotRecords(data: Data, skip: ReadonlySet<string> = NOTHING): RecordSnapshot {
  const snapshot: RecordSnapshot = new Map()
  eachRecord(data, skip, (collection, key, index, value) => {
    let records = snapshot.get(collection)
    if (!records) snapshot.set(collection, (records = new Map()))
    records.set(key, { index, value: cloneJson(value) })
  })
  return snapshot
}

/** Every record added, changed or removed since the snapshot, in collection order. */
export function diffRecords(before: RecordSnapshot, data: Data, skip: ReadonlySet<string> = NOTHING): RecordChange[] {
  const changes: RecordChange[] = []
  const seen = new Map<string, Set<string>>()
  eachRecord(data, skip, (collection, key, index, value) => {
    let keys = seen.get(collection)
    if (!keys) seen.set(collection, (keys = new Set()))
    keys.add(key)
    const old = before.get(collection)?.get(key)
    if (old && sameJson(old.value, value)) return
    changes.push({ collection, key, index: old?.index ?? index, before: old ? old.value : null, after: cloneJson(value) })
  })
  for (const [collection, records] of before) {
    const keys = seen.get(collection)
    for (const [key, old] of records) {
      if (!keys?.has(key)) changes.push({ collection, key, index: old.index, before: old.value, after: null })
    }
  }
  return changes
}

/** True when a change alters something beyond the ignored fields (e.g. only `updatedAt`). */
export function changesSomething(change: RecordChange, ignore: ReadonlySet<string>): boolean {
  if (change.before === null || change.after === null) return change.before !== change.after
  return !sameJson(change.before, change.after, ignore)
}

/**
 * Writes one side of the changes into the data: `before` to undo, `after` to redo.
 * Fields in `keep` stay as they are now on a record that still exists (bookkeeping the
 * app maintains on its own, such as which article file a highlight follows).
 */
export function applyRecordChanges(data: Data, changes: readonly RecordChange[], side: 'before' | 'after', keep: ReadonlySet<string> = new Set()): void {
  // In collection order, so records put back at their old indexes land where they were.
  for (const change of changes) {
    const target = change[side]
    const collection = data[change.collection]
    if (Array.isArray(collection) || (collection === undefined && recordKey(target) !== null)) {
      const list = (Array.isArray(collection) ? collection : (data[change.collection] = [])) as unknown[]
      const at = list.findIndex((record) => recordKey(record) === change.key)
      if (target === null) {
        if (at >= 0) list.splice(at, 1)
      } else if (at >= 0) {
        list[at] = withKept(cloneJson(target), list[at], keep)
      } else {
        list.splice(Math.min(change.index, list.length), 0, cloneJson(target))
      }
    } else {
      const map = (isPlainObject(collection) ? collection : (data[change.collection] = {})) as Record<string, unknown>
      if (target === null) delete map[change.key]
      else map[change.key] = Object.prototype.hasOwnProperty.call(map, change.key) ? withKept(cloneJson(target), map[change.key], keep) : cloneJson(target)
    }
  }
}

function withKept(target: unknown, current: unknown, keep: ReadonlySet<string>): unknown {
  if (!keep.size || !isPlainObject(target) || !isPlainObject(current)) return target
  for (const field of keep) {
    if (field in current) target[field] = current[field]
  }
  return target
}
