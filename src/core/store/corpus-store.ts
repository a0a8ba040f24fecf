// Highlights and notes for one corpus folder, kept in the app's data directory (never
// in the folder itself), one file per folder.
import { z } from 'zod'
import { HighlightColor, TextPositionSelector, TextQuoteSelector } from '../../shared/model'
import { corpusStoreFile } from './data-folder'
import { openJsonStore, type JsonStore, type JsonStoreOptions } from './json-store'
import { mergeById, mergeRecordMap } from './merge-records'

// gloss.ts takes the settings store from here; it lives in its own module.
export { openSettingsStore, rememberFolder, type Settings } from './settings-store'

export const CORPUS_SCHEMA_VERSION = 1

// Deliberately lenient on values (no length limits): a file that merely holds a long
// note must never be mistaken for a damaged one and set aside.
export const StoredHighlightSchema = z.object({
  id: z.string().min(1),
  articleId: z.string(),
  /** Content fingerprint of the article when the highlight was made, to follow moved files. */
  articleFingerprint: z.string(),
  color: HighlightColor,
  note: z.string(),
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Absent in files written before tags existed. */
  tags: z.array(z.string()).default([]),
  /**
   * The article's title and text file when the highlight was last seen with it, so that
   * an article whose file has gone can still be named. Absent in older files.
   */
  articleTitle: z.string().optional(),
  articlePath: z.string().optional()
})
export type StoredHighlight = z.infer<typeof StoredHighlightSchema>

// An article's note and its user tags share one entry, so that both follow a moved
// file together; an entry with tags and no note is kept (note '').
export const ArticleNoteSchema = z.object({
  note: z.string(),
  /** The user's article tags; absent in files written before tags existed. */
  tags: z.array(z.string()).default([]),
  updatedAt: z.string(),
  articleFingerprint: z.string(),
  articleTitle: z.string().optional(),
  articlePath: z.string().optional()
})
export type ArticleNote = z.infer<typeof ArticleNoteSchema>

// How far the user read an article. Lenient like the rest: a fraction outside 0–1 is
// clamped when read back rather than making the file look damaged.
export const ReadingProgressSchema = z.object({
  fraction: z.number(),
  /** Text offset of the first block in view (a block's `start`): survives edits above it and font changes. */
  offset: z.number(),
  updatedAt: z.string(),
  /** To follow a moved or renamed file, like highlights and notes. */
  articleFingerprint: z.string().optional()
})
export type ReadingProgress = z.infer<typeof ReadingProgressSchema>

export const CorpusDataSchema = z.object({
  schemaVersion: z.literal(CORPUS_SCHEMA_VERSION),
  root: z.string(),
  highlights: z.array(StoredHighlightSchema),
  articleNotes: z.record(z.string(), ArticleNoteSchema),
  lastArticleId: z.string().nullable(),
  /** Reading progress by article id; absent in files written before it existed. */
  progress: z.record(z.string(), ReadingProgressSchema).default({})
})
export type CorpusData = z.infer<typeof CorpusDataSchema>

export { corpusStoreFile }

/**
 * Another process's version of the file merged with ours, record by record (a highlight,
 * an article's note, an article's progress): see merge-records.ts.
 */
export function mergeCorpusData(base: CorpusData, ours: CorpusData, theirs: CorpusData): CorpusData {
  return {
    ...ours,
    highlights: mergeById(base.highlights, ours.highlights, theirs.highlights),
    articleNotes: mergeRecordMap(base.articleNotes, ours.articleNotes, theirs.articleNotes),
    progress: mergeRecordMap(base.progress, ours.progress, theirs.progress),
    lastArticleId: ours.lastArticleId === base.lastArticleId ? theirs.lastArticleId : ours.lastArticleId
  }
}

/** What the host decides about a store: read-only (another process writes), where failures are told. */
export type StoreHooks = Pick<JsonStoreOptions<unknown>, 'readOnly' | 'onSaveProblem' | 'journal'>

export function openCorpusStore(dataDir: string, root: string, hooks: StoreHooks = {}): Promise<JsonStore<CorpusData>> {
  return openJsonStore(corpusStoreFile(dataDir, root), {
    defaults: () => ({ schemaVersion: CORPUS_SCHEMA_VERSION, root, highlights: [], articleNotes: {}, lastArticleId: null, progress: {} }),
    schemaVersion: CORPUS_SCHEMA_VERSION,
    validate: (raw) => CorpusDataSchema.parse(raw),
    merge: mergeCorpusData,
    label: 'Your Gloss data for this folder',
    ...hooks
  })
}
