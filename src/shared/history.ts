// Undo and redo of annotation edits: what the page asks and what it is told.
import { z } from 'zod'

export const HistoryState = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  /** "Delete highlight", "Edit note"…: for the Edit menu and the toast after an undo. */
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable()
})
export type HistoryState = z.infer<typeof HistoryState>

export const HistoryStep = z.object({
  label: z.string(),
  /** Articles in the folder whose highlights or note the step changed. */
  articleIds: z.array(z.string()),
  /** Highlights the step put back, changed or took away. */
  highlightIds: z.array(z.string())
})
export type HistoryStep = z.infer<typeof HistoryStep>

/** `done` is null when there was nothing to undo or redo (or the expected step was not next). */
export const HistoryOutcome = HistoryState.extend({ done: HistoryStep.nullable() })
export type HistoryOutcome = z.infer<typeof HistoryOutcome>

export const UndoRequest = z
  .object({
    /**
     * Undo only if the next step is this one (a toast's Undo button for one deletion):
     * its label, and a highlight it changed.
     */
    expect: z.object({ label: z.string().max(200), highlightId: z.string().max(200).optional() }).strict().optional()
  })
  .strict()
export type UndoRequest = z.input<typeof UndoRequest>
