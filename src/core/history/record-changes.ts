// What one edit did to a folder's stored annotations, found by comparing the records
// before and after it, whatever the edit was. Knowing nothing about each method keeps
// undo working for edits added later (tags, merges, imports): every record the store
// holds in a collection is covered.
//
// A collection is a top-level field of the store's data that is either an array of
// records with a string `id` (highlights) or an object keyed by id (article notes, or
// any per-article map). Scalars (schema version, root, last article) are not edits.
// An edit of one article can be given a scope (RecordScope): only its records are
// copied and compared, and the rest are followed by reference.
// Over 400 lines on purpose: taking a snapshot, comparing and putting records back
// must agree on what a record and a collection are; they share those rules here.

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

/**
 * The records an edit of one article or one highlight can touch. With a scope, a
 * snapshot copies only these records, so an edit costs the same on a folder of 100
 * highlights and of 50,000. A record is in scope when its key is one of the ids (an
 * array record's `id`, a per-article map's key) or its `articleId` field names one of
 * `articleIds`.
 */
export interface RecordScope {
  articleIds: ReadonlySet<string>
  recordIds: ReadonlySet<string>
}

/**
 * One collection as it was, by reference: a shallow copy of the list of records (the
 * records themselves, not copies of them) and which places were in scope.
 */
interface Outside {
  values: unknown[]
  /** Per-article maps only (an array record's key is its id). */
  keys: string[] | null
  /** Places of the records in scope (copied in `records`), ascending. */
  taken: number[]
}

/** A copy of the records (all of them, or those in scope) to compare with the data after an edit. */
export interface RecordSnapshot {
  scope: RecordScope | null
  records: Map<string, Map<string, Captured>>
  /**
   * Scoped only: every record, by reference, in order. After the edit each record out
   * of scope is checked by one pointer comparison (no copy, no deep comparison), which
   * finds any record out of scope added, removed or replaced, so such an edit is still
   * recorded whole. What it cannot see is a record out of scope changed in place: the
   * methods given a scope find their one record by id or key, so they do not do that.
   */
  outside: Map<string, Outside>
}

/** An array record's key if it is in scope (by id, or by its article). */
function keyInScope(scope: RecordScope, record: unknown): string | null {
  if (typeof record !== 'object' || record === null) return null
  const { id, articleId } = record as { id?: unknown; articleId?: unknown }
  if (typeof id !== 'string') return null
  // Set lookups only when there are ids to look up (most edits name one article).
  if (typeof articleId === 'string' && scope.articleIds.size && scope.articleIds.has(articleId)) return id
  return scope.recordIds.size && scope.recordIds.has(id) ? id : null
}

/** Whether a per-article map's entry is in scope (by key, or by an articleId field). */
function entryInScope(scope: RecordScope, key: string, value: unknown): boolean {
  if (scope.articleIds.has(key) || scope.recordIds.has(key)) return true
  const articleId = isPlainObject(value) ? value.articleId : undefined
  return typeof articleId === 'string' && scope.articleIds.has(articleId)
}

const NONE: readonly unknown[] = []

type Data = Record<string, unknown>

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function recordKey(record: unknown): string | null {
  return isPlainObject(record) && typeof record.id === 'string' ? record.id : null
}

/**
 * Calls `visit` for each record of each collection. Plain loops rather than a
 * generator: an edit across the folder runs this over every record twice (10,000
 * highlights and more).
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

/**
 * `skip`: collections that are not the user's edits (reading progress), left out of
 * snapshots and diffs. `scope`: copy only the records an edit of one article or
 * highlight can touch (null: every record, for edits across the folder).
 */
export function snapshotRecords(data: Data, skip: ReadonlySet<string> = NOTHING, scope: RecordScope | null = null): RecordSnapshot {
  if (scope) return snapshotScoped(data, skip, scope)
  const records = new Map<string, Map<string, Captured>>()
  eachRecord(data, skip, (collection, key, index, value) => {
    let kept = records.get(collection)
    if (!kept) records.set(collection, (kept = new Map()))
    kept.set(key, { index, value: cloneJson(value) })
  })
  return { scope: null, records, outside: new Map() }
}

/** Every record added, changed or removed since the snapshot, in collection order. */
export function diffRecords(before: RecordSnapshot, data: Data, skip: ReadonlySet<string> = NOTHING): RecordChange[] {
  if (before.scope) return diffScoped(before, before.scope, data, skip)
  const changes: RecordChange[] = []
  const seen = new Map<string, Set<string>>()
  eachRecord(data, skip, (collection, key, index, value) => {
    let keys = seen.get(collection)
    if (!keys) seen.set(collection, (keys = new Set()))
    keys.add(key)
    const old = before.records.get(collection)?.get(key)
    if (old && sameJson(old.value, value)) return
    changes.push({ collection, key, index: old?.index ?? index, before: old ? old.value : null, after: cloneJson(value) })
  })
  removals(before, seen, changes)
  return changes
}

/** Records of the snapshot no longer there. */
function removals(before: RecordSnapshot, seen: Map<string, Set<string>>, changes: RecordChange[]): void {
  for (const [collection, records] of before.records) {
    const keys = seen.get(collection)
    for (const [key, old] of records) {
      if (!keys?.has(key)) changes.push({ collection, key, index: old.index, before: old.value, after: null })
    }
  }
}

// Scoped snapshots walk every record once before and once after the edit, but only
// to test its article (a Set lookup) and keep or compare a pointer: plain loops, no
// callbacks, so that the walk stays far below the cost of copying one article.
function snapshotScoped(data: Data, skip: ReadonlySet<string>, scope: RecordScope): RecordSnapshot {
  const records = new Map<string, Map<string, Captured>>()
  const outside = new Map<string, Outside>()
  for (const collection of Object.keys(data)) {
    if (skip.has(collection)) continue
    const value = data[collection]
    const kept = new Map<string, Captured>()
    let out: Outside
    if (Array.isArray(value)) {
      // A shallow copy of the array is a block copy of pointers: far cheaper than
      // pushing the records out of scope one by one.
      out = { values: value.slice(), keys: null, taken: [] }
      for (let index = 0; index < value.length; index++) {
        const record = value[index]
        const key = keyInScope(scope, record)
        // Keyless records, and a second record with one id, are followed by reference.
        if (key !== null && !kept.has(key)) {
          kept.set(key, { index, value: cloneJson(record) })
          out.taken.push(index)
        }
      }
    } else if (isPlainObject(value)) {
      const keys = Object.keys(value)
      out = { values: new Array(keys.length), keys, taken: [] }
      for (let index = 0; index < keys.length; index++) {
        const key = keys[index]
        out.values[index] = value[key]
        if (entryInScope(scope, key, value[key])) {
          kept.set(key, { index, value: cloneJson(value[key]) })
          out.taken.push(index)
        }
      }
    } else continue
    if (kept.size) records.set(collection, kept)
    outside.set(collection, out)
  }
  return { scope, records, outside }
}

function diffScoped(before: RecordSnapshot, scope: RecordScope, data: Data, skip: ReadonlySet<string>): RecordChange[] {
  const changes: RecordChange[] = []
  const seen = new Map<string, Set<string>>()
  /** Collections where something beyond the scope changed, with what was compared in them. */
  const beyond = new Map<string, { compared: Set<number>; created: Map<string, RecordChange> }>()
  const visited = new Set<string>()
  for (const collection of Object.keys(data)) {
    if (skip.has(collection)) continue
    const value = data[collection]
    const isArray = Array.isArray(value)
    if (!isArray && !isPlainObject(value)) continue
    visited.add(collection)
    const kept = before.records.get(collection)
    const out = before.outside.get(collection)
    const was = out?.values ?? NONE
    const wasKeys = out?.keys ?? null
    const taken = out?.taken ?? []
    let t = 0
    /** Moves `j` on to the next record that was out of scope. */
    const skipTaken = (): void => {
      while (t < taken.length && taken[t] === j) {
        j++
        t++
      }
    }
    const keys = new Set<string>()
    seen.set(collection, keys)
    const compared = new Set<number>()
    const created = new Map<string, RecordChange>()
    let strayed = false
    let j = 0
    skipTaken()
    const compare = (key: string, index: number, record: unknown): void => {
      keys.add(key)
      compared.add(index)
      const old = kept?.get(key)
      if (old && sameJson(old.value, record)) return
      const change: RecordChange = { collection, key, index: old?.index ?? index, before: old ? old.value : null, after: cloneJson(record) }
      changes.push(change)
      if (!old) created.set(key, change)
    }
    if (isArray) {
      const list = value as unknown[]
      for (let index = 0; index < list.length; index++) {
        const record = list[index]
        // The next record out of scope, as it was: nothing to compare.
        if (j < was.length && was[j] === record) {
          j++
          skipTaken()
          continue
        }
        const key = recordKey(record)
        // A record copied before is compared even if the edit took it out of scope.
        if (key !== null && !keys.has(key) && (kept?.has(key) || keyInScope(scope, record) !== null)) compare(key, index, record)
        else strayed = true
      }
    } else {
      const map = value as Record<string, unknown>
      const names = Object.keys(map)
      for (let index = 0; index < names.length; index++) {
        const key = names[index]
        const record = map[key]
        if (j < was.length && was[j] === record && wasKeys?.[j] === key) {
          j++
          skipTaken()
          continue
        }
        if (kept?.has(key) || entryInScope(scope, key, record)) compare(key, index, record)
        else strayed = true
      }
    }
    if (strayed || j !== was.length) beyond.set(collection, { compared, created })
  }
  removals(before, seen, changes)
  for (const [collection, out] of before.outside) {
    // A collection gone altogether: whatever it held beyond the scope went with it.
    if (!visited.has(collection) && out.values.length > out.taken.length) beyond.set(collection, { compared: new Set(), created: new Map() })
  }
  for (const [collection, { compared, created }] of beyond) {
    beyondScope(collection, outsideBefore(before, collection), outsideNow(data[collection], compared), created, changes)
  }
  return changes
}

interface Listed {
  keys: Array<string | null>
  indexes: number[]
  values: unknown[]
}

/** The records of a collection that were out of scope, with their keys and places then. */
function outsideBefore(before: RecordSnapshot, collection: string): Listed {
  const listed: Listed = { keys: [], indexes: [], values: [] }
  const out = before.outside.get(collection)
  if (!out) return listed
  const taken = new Set(out.taken)
  out.values.forEach((record, index) => {
    if (taken.has(index)) return
    listed.keys.push(out.keys ? out.keys[index] : recordKey(record))
    listed.indexes.push(index)
    listed.values.push(record)
  })
  return listed
}

/** The records of a collection now that the scoped diff did not compare. */
function outsideNow(value: unknown, compared: ReadonlySet<number>): Listed {
  const listed: Listed = { keys: [], indexes: [], values: [] }
  const add = (key: string | null, index: number, record: unknown): void => {
    if (compared.has(index)) return
    listed.keys.push(key)
    listed.indexes.push(index)
    listed.values.push(record)
  }
  if (Array.isArray(value)) value.forEach((record, index) => add(recordKey(record), index, record))
  else if (isPlainObject(value)) Object.keys(value).forEach((key, index) => add(key, index, value[key]))
  return listed
}

/**
 * Adds to `changes` what an edit did to records outside its scope, found by reference:
 * added, removed, replaced by another object, or moved into the scope (which the scoped
 * diff took for new). Rare by construction; kept so that such an edit is still undone.
 */
function beyondScope(collection: string, was: Listed, now: Listed, created: Map<string, RecordChange>, changes: RecordChange[]): void {
  const before = new Map<string, number>()
  was.keys.forEach((key, i) => {
    if (key !== null) before.set(key, i)
  })
  const after = new Set(now.keys)
  now.keys.forEach((key, i) => {
    if (key === null) return
    const value = now.values[i]
    const j = before.get(key)
    if (j === undefined) {
      changes.push({ collection, key, index: now.indexes[i], before: null, after: cloneJson(value) })
    } else if (was.values[j] !== value && !sameJson(was.values[j], value)) {
      changes.push({ collection, key, index: was.indexes[j], before: cloneJson(was.values[j]), after: cloneJson(value) })
    }
  })
  was.keys.forEach((key, j) => {
    if (key === null || after.has(key)) return
    const old = was.values[j]
    const movedIn = created.get(key)
    if (!movedIn) {
      changes.push({ collection, key, index: was.indexes[j], before: cloneJson(old), after: null })
    } else if (sameJson(old, movedIn.after)) {
      // The same record, now in scope: not new, and (as far as can be seen) unchanged.
      changes.splice(changes.indexOf(movedIn), 1)
    } else {
      movedIn.before = cloneJson(old)
      movedIn.index = was.indexes[j]
    }
  })
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
