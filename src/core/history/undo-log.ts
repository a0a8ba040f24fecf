// The undo log of one open folder's annotations: undo and redo. Every edit method runs between a
// snapshot of the stored records and a diff against it (record-changes.ts), so undo
// covers whatever the method touched — highlights, notes, tags, merges, imports —
// without knowing how the method works. An edit of one article or one highlight
// copies and compares only that article's records (its scope), so it costs the same
// however many highlights the folder holds; edits across the folder (rename a tag,
// import) compare every record. Undo writes the records back as they were: a
// deleted highlight returns with the same id, colour, note, tags, anchor and dates.
import type { Handlers, Method } from '../../shared/contract'
import { applyRecordChanges, diffRecords, snapshotRecords, type RecordChange, type RecordScope } from './record-changes'
import { UndoHistory, type HistoryEntry, type HistoryState, type UndoHistoryOptions } from './undo-history'

/** What an undo or redo did, for the page to refresh and point at. */
export interface HistoryStep {
  label: string
  /** Articles whose highlights or note changed (those in the folder now). */
  articleIds: string[]
  /** Highlights put back, changed or taken away. */
  highlightIds: string[]
}

export interface HistoryOutcome extends HistoryState {
  done: HistoryStep | null
}

/** The part of a LibrarySession the undo log uses. */
export interface HistorySubject {
  /** The stored annotations, to read (library/annotations.ts is their one writer). */
  readonly data: Record<string, unknown>
  /**
   * Writes records back (annotations.restore), after which annotations whose article
   * file was renamed meanwhile follow it.
   */
  restore(writeBack: (data: Record<string, unknown>) => void): void
  readonly scan: { readonly articles: ReadonlyArray<{ id: string }> }
}

/** Why the annotations changed, as far as the undo log can tell. */
export type EditCause = 'edit' | 'import' | 'undo' | 'redo'

/** What an edit, an undo or a redo changed in the stored annotations (for the change event). */
export interface Touched {
  cause: EditCause
  /** Articles whose highlights or note/tags changed (in the folder or missing). */
  articleIds: string[]
  /** Highlights created, changed or removed. */
  highlightIds: string[]
  /** Some tag list changed. */
  tags: boolean
  /** Annotations of an article that is not in the folder changed (the missing list). */
  missing: boolean
}

export interface UndoLogOptions extends UndoHistoryOptions {
  /** Told after every recorded edit, undo or redo that did something. */
  onChange?: (touched: Touched) => void
}

/**
 * Fields the app keeps up to date by itself (the article file a highlight follows when
 * the file is moved): an undo leaves them as they are now on a record that still exists.
 */
const BOOKKEEPING = new Set(['articleId', 'articleFingerprint', 'articleTitle', 'articlePath'])
/**
 * Stored state that is not an edit of annotations: where the reader is in each article.
 * Left out of snapshots (it can hold an entry per article read) and never undone.
 */
const NOT_EDITS = new Set(['progress'])
/** The collection whose records are highlights (ids reported to the page). */
const HIGHLIGHTS = 'highlights'

/** How an edit method is named in the history, and which edits of it merge. */
type EditSpec = (input: Record<string, unknown>) => { label: string; coalesceKey: string | null }

/**
 * The records an edit can touch, looked up in the stored data just before it runs:
 * those of some articles (highlights by their articleId, article notes by key) and
 * some highlights by id; 'all' for an edit across the folder.
 */
export type EditScope = { articleIds: string[]; highlightIds?: string[] } | 'all'
type ScopeOf = (input: Record<string, unknown>, data: Record<string, unknown>) => EditScope

interface EditMethod {
  describe: EditSpec
  scope: ScopeOf
}

const fixed = (label: string): EditSpec => () => ({ label, coalesceKey: null })

const everything: ScopeOf = () => 'all'

/** The article named in the input. */
const ofArticle: ScopeOf = (input) => (typeof input.articleId === 'string' ? { articleIds: [input.articleId] } : 'all')

/**
 * The highlight named in the input, and its article as stored before the edit (the
 * highlight is also followed by id, whatever its article after the edit).
 */
const ofHighlight: ScopeOf = (input, data) => {
  const highlightId = input.highlightId
  const highlights = data[HIGHLIGHTS]
  if (typeof highlightId !== 'string' || !Array.isArray(highlights)) return 'all'
  const found = (highlights as Array<{ id?: unknown; articleId?: unknown } | null>).find((h) => h?.id === highlightId)
  // Not found: the method fails and records nothing (anything it did add elsewhere would
  // still be seen, by reference).
  const articleIds = typeof found?.articleId === 'string' ? [found.articleId] : []
  return { articleIds, highlightIds: [highlightId] }
}

/**
 * The contract methods that change annotations (keyed by contract method: a misspelt
 * name fails the typecheck). A new edit method only needs a line here.
 */
export const EDIT_METHODS: Partial<Record<Method, EditMethod>> = {
  'highlight.create': { describe: fixed('Create highlight'), scope: ofArticle },
  'highlight.update': {
    describe: (input) => {
      const fields = ['color', 'note', 'tags'].filter((field) => input[field] !== undefined)
      if (fields.length === 1 && fields[0] === 'note') return { label: 'Edit note', coalesceKey: `highlight-note:${String(input.highlightId)}` }
      if (fields.length === 1 && fields[0] === 'color') return { label: 'Change colour', coalesceKey: null }
      if (fields.length === 1 && fields[0] === 'tags') return { label: 'Edit tags', coalesceKey: null }
      return { label: 'Edit highlight', coalesceKey: null }
    },
    scope: ofHighlight
  },
  'highlight.delete': { describe: fixed('Delete highlight'), scope: ofHighlight },
  'highlight.reattach': { describe: fixed('Re-attach highlight'), scope: ofHighlight },
  'article.setNote': {
    describe: (input) => ({ label: 'Edit article note', coalesceKey: `article-note:${String(input.articleId)}` }),
    scope: ofArticle
  },
  'article.setTags': { describe: fixed('Edit article tags'), scope: ofArticle },
  // The highlights and note of one article that is not in the folder.
  'annotations.removeMissing': { describe: fixed('Remove missing notes'), scope: ofArticle },
  'import.annotations': { describe: fixed('Import annotations'), scope: everything },
  'tags.rename': { describe: fixed('Rename tag'), scope: everything },
  'tags.delete': { describe: fixed('Delete tag'), scope: everything }
}

export class UndoLog {
  private readonly history: UndoHistory
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly subject: HistorySubject,
    private readonly options: UndoLogOptions = {}
  ) {
    this.history = new UndoHistory(options)
  }

  /**
   * Runs an edit and records what it changed (nothing is recorded if it fails).
   * `scope`: the records it can touch, asked of the data as it is when the edit starts.
   */
  async record<T>(
    label: string,
    coalesceKey: string | null,
    edit: () => Promise<T>,
    scope?: (data: Record<string, unknown>) => EditScope,
    cause: 'edit' | 'import' = 'edit'
  ): Promise<T> {
    // One edit at a time, so that an edit waiting on a dialog (an import) never takes
    // another edit's changes into its own step.
    const run = this.queue.then(async () => {
      const data = this.subject.data
      const before = snapshotRecords(data, NOT_EDITS, recordScope(scope ? scope(data) : 'all'))
      const result = await edit()
      const changes = diffRecords(before, this.subject.data, NOT_EDITS)
      this.history.record(label, changes, coalesceKey)
      // Every successful edit is told, even one that changed nothing (a note saved
      // unchanged): the caller made a change and hears it was made.
      this.options.onChange?.(this.touched(cause, changes))
      return result
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  /**
   * Takes back the last edit; with `expect`, only if that edit is the one expected (its
   * label, and a highlight it changed), so a stale toast's Undo never takes back
   * something else.
   */
  async undo(expect?: { label: string; highlightId?: string }): Promise<HistoryOutcome> {
    // After the edit in progress, if any: its step comes first.
    await this.queue
    if (expect) {
      const next = this.history.peekUndo()
      const matches =
        next !== null &&
        next.label === expect.label &&
        (expect.highlightId === undefined || next.changes.some((c) => c.collection === HIGHLIGHTS && c.key === expect.highlightId))
      if (!matches) return { done: null, ...this.history.state() }
    }
    return this.step(this.history.undo(), 'before')
  }

  async redo(): Promise<HistoryOutcome> {
    await this.queue
    return this.step(this.history.redo(), 'after')
  }

  state(): HistoryState {
    return this.history.state()
  }

  private step(entry: HistoryEntry | null, side: 'before' | 'after'): HistoryOutcome {
    // A highlight deleted before its file was renamed comes back to the renamed article (restore follows moves).
    if (entry) this.subject.restore((data) => applyRecordChanges(data, entry.changes, side, BOOKKEEPING))
    const outcome = { done: entry ? this.describe(entry) : null, ...this.history.state() }
    // Nothing to undo is not a change.
    if (entry) this.options.onChange?.(this.touched(side === 'before' ? 'undo' : 'redo', entry.changes))
    return outcome
  }

  private touched(cause: EditCause, changes: readonly RecordChange[]): Touched {
    const present = new Set(this.subject.scan.articles.map((article) => article.id))
    const articleIds = new Set<string>()
    const highlightIds = new Set<string>()
    const now = currentArticleIds(this.subject.data, changes)
    let tags = false
    for (const change of changes) {
      if (change.collection === HIGHLIGHTS) {
        highlightIds.add(change.key)
        for (const id of articleIdsOf(change).slice(1)) articleIds.add(id)
        const current = now.get(HIGHLIGHTS)?.get(change.key)
        if (current) articleIds.add(current)
      } else articleIds.add(change.key)
      // A record added or removed without tags leaves the tag list as it was.
      if (JSON.stringify(tagsOf(change.before) ?? []) !== JSON.stringify(tagsOf(change.after) ?? [])) tags = true
    }
    const ids = [...articleIds]
    return { cause, articleIds: ids, highlightIds: [...highlightIds], tags, missing: ids.some((id) => !present.has(id)) }
  }

  private describe(entry: HistoryEntry): HistoryStep {
    const present = new Set(this.subject.scan.articles.map((article) => article.id))
    const articleIds = new Set<string>()
    const highlightIds = new Set<string>()
    const now = currentArticleIds(this.subject.data, entry.changes)
    for (const change of entry.changes) {
      for (const id of articleIdsOf(change)) if (present.has(id)) articleIds.add(id)
      // Where the record is now (it may have followed a renamed file).
      const current = now.get(change.collection)?.get(change.key)
      if (current && present.has(current)) articleIds.add(current)
      if (change.collection === HIGHLIGHTS) highlightIds.add(change.key)
    }
    return { label: entry.label, articleIds: [...articleIds], highlightIds: [...highlightIds] }
  }
}

function recordScope(scope: EditScope): RecordScope | null {
  if (scope === 'all') return null
  return { articleIds: new Set(scope.articleIds), recordIds: new Set(scope.highlightIds ?? []) }
}

/** The articleId of each changed record of an array collection as it is stored now. */
function currentArticleIds(data: Record<string, unknown>, changes: readonly RecordChange[]): Map<string, Map<string, string>> {
  const found = new Map<string, Map<string, string>>()
  for (const collection of new Set(changes.map((c) => c.collection))) {
    const records = data[collection]
    if (!Array.isArray(records)) continue
    const byKey = new Map<string, string>()
    for (const record of records as Array<{ id?: unknown; articleId?: unknown }>) {
      if (typeof record?.id === 'string' && typeof record.articleId === 'string') byKey.set(record.id, record.articleId)
    }
    found.set(collection, byKey)
  }
  return found
}

/** A record's tags, if it has any. */
function tagsOf(side: unknown): unknown {
  return typeof side === 'object' && side !== null ? (side as { tags?: unknown }).tags : undefined
}

/** A record's article: its articleId field, or its key in a per-article map. */
function articleIdsOf(change: RecordChange): string[] {
  const ids = [change.key]
  for (const side of [change.before, change.after]) {
    if (typeof side === 'object' && side !== null && typeof (side as { articleId?: unknown }).articleId === 'string') {
      ids.push((side as { articleId: string }).articleId)
    }
  }
  return ids
}

/**
 * The handlers with every edit method recorded in the history of the folder it edits.
 * `historyOf` gives the open folder's history (null when none is open: the handler
 * then fails on its own, as it would without history).
 */
export function recordEdits(handlers: Handlers, historyOf: () => UndoLog | null): Handlers {
  const wrapped: Record<string, unknown> = { ...handlers }
  for (const [method, { describe, scope }] of Object.entries(EDIT_METHODS) as Array<[Method, EditMethod]>) {
    const handler = (handlers as Record<string, ((input: unknown) => Promise<unknown>) | undefined>)[method]
    if (!handler) continue
    wrapped[method] = async (input: unknown) => {
      const history = historyOf()
      if (!history) return handler(input)
      const fields = (input ?? {}) as Record<string, unknown>
      const { label, coalesceKey } = describe(fields)
      const cause = method === 'import.annotations' ? 'import' : 'edit'
      return history.record(label, coalesceKey, () => handler(input), (data) => scope(fields, data), cause)
    }
  }
  return wrapped as Handlers
}
