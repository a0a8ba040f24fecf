// The undo and redo stacks of one open folder. Entries hold record changes (see
// record-changes.ts); applying them is the caller's business, so this module is pure
// bookkeeping: order, depth, redo cleared by a new edit, and typing coalesced.
import { changesSomething, type RecordChange } from './record-changes'

export interface HistoryEntry {
  /** What the user did, as the menu and toasts say it: "Delete highlight", "Edit note". */
  label: string
  changes: RecordChange[]
  /** Edits with the same key in quick succession become one entry (typing one note). */
  coalesceKey: string | null
  /** When the entry last took an edit (ms), for coalescing. */
  at: number
}

export interface HistoryState {
  canUndo: boolean
  canRedo: boolean
  undoLabel: string | null
  redoLabel: string | null
}

export interface UndoHistoryOptions {
  /** Entries kept; the oldest go first. Default 100. */
  limit?: number
  /** Edits with the same coalesce key this close together (ms) merge. Default 2000. */
  coalesceMs?: number
  /** Record fields whose change alone is no edit (timestamps). Default updatedAt. */
  ignoredFields?: readonly string[]
  now?: () => number
}

export const DEFAULT_HISTORY_LIMIT = 100
export const DEFAULT_COALESCE_MS = 2000

export class UndoHistory {
  private readonly undoStack: HistoryEntry[] = []
  private readonly redoStack: HistoryEntry[] = []
  private readonly limit: number
  private readonly coalesceMs: number
  private readonly ignored: ReadonlySet<string>
  private readonly now: () => number
  /** After an undo or redo the next edit starts a new entry even with the same key. */
  private sealed = false

  constructor(options: UndoHistoryOptions = {}) {
    this.limit = Math.max(1, options.limit ?? DEFAULT_HISTORY_LIMIT)
    this.coalesceMs = options.coalesceMs ?? DEFAULT_COALESCE_MS
    this.ignored = new Set(options.ignoredFields ?? ['updatedAt'])
    this.now = options.now ?? Date.now
  }

  /**
   * Records an edit. One that changed nothing the user can see (no changes, or only a
   * timestamp) is not an entry and leaves the redo stack alone. Returns whether the
   * history changed.
   */
  record(label: string, changes: RecordChange[], coalesceKey: string | null = null): boolean {
    if (!changes.some((change) => changesSomething(change, this.ignored))) return false
    const at = this.now()
    const top = this.undoStack.at(-1)
    this.redoStack.length = 0
    if (top && !this.sealed && coalesceKey !== null && top.coalesceKey === coalesceKey && at - top.at <= this.coalesceMs) {
      mergeInto(top, changes)
      top.at = at
      // Typed and then typed away again: nothing left to undo.
      if (!top.changes.some((change) => changesSomething(change, this.ignored))) this.undoStack.pop()
      return true
    }
    this.sealed = false
    this.undoStack.push({ label, changes, coalesceKey, at })
    if (this.undoStack.length > this.limit) this.undoStack.splice(0, this.undoStack.length - this.limit)
    return true
  }

  /** The entry to undo (moved onto the redo stack); the caller writes its `before` side. */
  undo(): HistoryEntry | null {
    const entry = this.undoStack.pop() ?? null
    if (entry) {
      this.redoStack.push(entry)
      this.sealed = true
    }
    return entry
  }

  /** The entry to redo (moved back onto the undo stack); the caller writes its `after` side. */
  redo(): HistoryEntry | null {
    const entry = this.redoStack.pop() ?? null
    if (entry) {
      this.undoStack.push(entry)
      this.sealed = true
    }
    return entry
  }

  /** The entry an undo would take back now, without taking it. */
  peekUndo(): HistoryEntry | null {
    return this.undoStack.at(-1) ?? null
  }

  state(): HistoryState {
    const undo = this.undoStack.at(-1)
    const redo = this.redoStack.at(-1)
    return { canUndo: !!undo, canRedo: !!redo, undoLabel: undo?.label ?? null, redoLabel: redo?.label ?? null }
  }

  clear(): void {
    this.undoStack.length = 0
    this.redoStack.length = 0
    this.sealed = false
  }
}

/** Later changes to the same record keep the entry's first `before` and take the new `after`. */
function mergeInto(entry: HistoryEntry, changes: RecordChange[]): void {
  for (const change of changes) {
    const same = entry.changes.find((c) => c.collection === change.collection && c.key === change.key)
    if (same) same.after = change.after
    else entry.changes.push(change)
  }
}
