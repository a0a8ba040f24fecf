// Highlights and notes for one corpus folder, kept in the app's data directory (never
// in the folder itself), one file per folder.
import { z } from 'zod'
import { HighlightColor, TextPositionSelector, TextQuoteSelector } from '../../shared/model'
import { corpusStoreFile } from './data-folder'
import { openJsonStore, type JsonStore, type JsonStoreOptions, type Salvaged } from './json-store'
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
  articlePath: z.string().optional(),
  /**
   * Set on a highlight imported from another annotation tool: what it said of itself, so
   * that Gloss's exports give it back as it was (src/shared/export/export-model.ts).
   */
  origin: z
    .object({
      id: z.string(),
      motivation: z.union([z.string(), z.array(z.string())]).optional(),
      creator: z.unknown().optional(),
      bodyFormat: z.string().optional()
    })
    .optional()
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

/**
 * A corpus store with records that do not validate (a colour not in the palette, a note
 * that is not text): those records are set aside, each named with its article, and the
 * rest is kept. null when the file's frame itself is wrong (then the backup is restored).
 */
export function salvageCorpusData(raw: unknown, backup: CorpusData | null = null): Salvaged<CorpusData> | null {
  const frame = z
    .object({
      schemaVersion: z.literal(CORPUS_SCHEMA_VERSION),
      root: z.string(),
      highlights: z.array(z.unknown()),
      articleNotes: z.record(z.string(), z.unknown()),
      lastArticleId: z.string().nullable().catch(null),
      progress: z.record(z.string(), z.unknown()).default({})
    })
    .safeParse(raw)
  if (!frame.success) return null
  const setAside: string[] = []
  let restored = 0
  const backupHighlights = new Map((backup?.highlights ?? []).map((h) => [h.id, h]))
  const articleOf = (value: unknown, fallback: string): string => {
    const v = (value ?? {}) as { articleTitle?: unknown; articlePath?: unknown; articleId?: unknown }
    const name = [v.articleTitle, v.articlePath, v.articleId].find((x) => typeof x === 'string' && x)
    return `"${String(name ?? fallback).slice(0, 120)}"`
  }
  const problem = (error: z.ZodError): string =>
    error.issues
      .slice(0, 2)
      .map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`)
      .join(', ')
  const highlights: StoredHighlight[] = []
  for (const item of frame.data.highlights) {
    const checked = StoredHighlightSchema.safeParse(item)
    if (checked.success) {
      highlights.push(checked.data)
      continue
    }
    setAside.push(`a highlight of ${articleOf(item, 'an unknown article')} (${problem(checked.error)})`)
    const id = (item as { id?: unknown } | null)?.id
    const good = typeof id === 'string' ? backupHighlights.get(id) : undefined
    if (good) {
      highlights.push(good)
      restored++
    }
  }
  const keep = <V>(entries: Record<string, unknown>, schema: z.ZodType<V>, what: string, fromBackup: Record<string, V> | undefined): Record<string, V> => {
    const kept: [string, V][] = []
    for (const [key, value] of Object.entries(entries)) {
      const checked = schema.safeParse(value)
      if (checked.success) {
        kept.push([key, checked.data])
        continue
      }
      setAside.push(`${what} of ${articleOf(value, key)} (${problem(checked.error)})`)
      if (fromBackup && Object.hasOwn(fromBackup, key)) {
        kept.push([key, fromBackup[key]])
        restored++
      }
    }
    return Object.fromEntries(kept)
  }
  const data: CorpusData = {
    schemaVersion: CORPUS_SCHEMA_VERSION,
    root: frame.data.root,
    highlights,
    articleNotes: keep(frame.data.articleNotes, ArticleNoteSchema, 'the note', backup?.articleNotes),
    lastArticleId: frame.data.lastArticleId,
    progress: keep(frame.data.progress, ReadingProgressSchema, 'the reading place', backup?.progress)
  }
  return { data, setAside, restored }
}

/** What the host decides about a store: read-only (another process writes), where failures are told. */
export type StoreHooks = Pick<JsonStoreOptions<unknown>, 'readOnly' | 'onSaveProblem' | 'journal'>

export function openCorpusStore(dataDir: string, root: string, hooks: StoreHooks = {}): Promise<JsonStore<CorpusData>> {
  return openJsonStore(corpusStoreFile(dataDir, root), {
    defaults: () => ({ schemaVersion: CORPUS_SCHEMA_VERSION, root, highlights: [], articleNotes: {}, lastArticleId: null, progress: {} }),
    schemaVersion: CORPUS_SCHEMA_VERSION,
    validate: (raw) => CorpusDataSchema.parse(raw),
    merge: mergeCorpusData,
    salvage: salvageCorpusData,
    label: 'Your Gloss data for this folder',
    ...hooks
  })
}
