// The data shapes that cross the process boundary. Every shape is a zod schema so
// that the dispatcher can validate input and the tests can check output; the
// TypeScript types are inferred from the schemas, never written twice.
// Over 400 lines on purpose: every shape that crosses the boundary, side by side, so
// the contract's inputs and outputs can be read (and their limits compared) in one place.
import { z } from 'zod'
import { HIGHLIGHT_COLORS } from './colors'

export { HIGHLIGHT_COLORS }
export const HighlightColor = z.enum(HIGHLIGHT_COLORS)
export type HighlightColor = z.infer<typeof HighlightColor>

/** Generous but finite: a note is prose, not a file dump. */
export const MAX_NOTE_LENGTH = 100_000
const Id = z.string().min(1).max(200)
const Note = z.string().max(MAX_NOTE_LENGTH)

export const Problem = z.object({ path: z.string(), reason: z.string() })
export type Problem = z.infer<typeof Problem>

export const ArticleSummary = z.object({
  id: z.string(),
  title: z.string(),
  /** ISO string exactly as written in the file, or null. */
  published: z.string().nullable(),
  source: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  topics: z.array(z.string()),
  excerpt: z.string().nullable(),
  author: z.string().nullable(),
  /** Paths relative to the corpus root, '/'-separated; the text-carrying file first. */
  files: z.array(z.string()),
  words: z.number().int().nonnegative(),
  highlightCount: z.number().int().nonnegative(),
  /** The user's own tags on the article (not the file's topics), as typed, in the order added. */
  tags: z.array(z.string()),
  /** How far the user has read, 0–1 (the last position reported while reading); null = never opened. */
  progress: z.number().min(0).max(1).nullable(),
  /** Note for how the file was decoded when it was not clean UTF-8. */
  encodingNote: z.string().nullable()
})
export type ArticleSummary = z.infer<typeof ArticleSummary>

// kbd/sub/sup/marked/abbr come from the allowlisted inline HTML tags (core/corpus/blocks.ts);
// footnote is a reference to a footnote definition (href is the definition's element id).
export const MarkType = z.enum(['emphasis', 'strong', 'code', 'link', 'strike', 'kbd', 'sub', 'sup', 'marked', 'abbr', 'footnote'])
export type MarkType = z.infer<typeof MarkType>
/** An inline mark; offsets are relative to the block's own text. */
export const Mark = z.object({
  type: MarkType,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  href: z.string().optional(),
  /** abbr: the expansion the author gave in `title` */
  title: z.string().optional(),
  /** footnote: element id of the first reference to a footnote, the target of its back-link */
  id: z.string().optional()
})
export type Mark = z.infer<typeof Mark>

export const BlockType = z.enum(['heading', 'paragraph', 'quote', 'listItem', 'code', 'table'])
export type BlockType = z.infer<typeof BlockType>
export const Block = z.object({
  type: BlockType,
  /** Offset of this block's text in the article text. */
  start: z.number().int().nonnegative(),
  text: z.string(),
  marks: z.array(Mark),
  /** heading level 1–6 */
  level: z.number().int().min(1).max(6).optional(),
  /** list items: ordered list and the item's number */
  ordered: z.boolean().optional(),
  index: z.number().int().optional(),
  /** nesting depth for list items and quotes (0 = top level) */
  depth: z.number().int().nonnegative().optional(),
  /** task list items: the box is ticked (true) or not (false); absent for other items */
  checked: z.boolean().optional(),
  /** tables: column alignment; the text holds rows split by '\n', cells by '\t', the first row is the header */
  align: z.array(z.enum(['left', 'center', 'right', 'none'])).optional(),
  /** a thematic break (horizontal rule) stands before this block; it has no text of its own */
  ruleBefore: z.boolean().optional(),
  /** first block of footnote definition number N (definitions come last, in reference order) */
  footnote: z.number().int().positive().optional()
})
export type Block = z.infer<typeof Block>

export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string()
})
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>
export const TextPositionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative()
})
export type TextPositionSelector = z.infer<typeof TextPositionSelector>

export const Highlight = z.object({
  id: z.string(),
  articleId: z.string(),
  color: HighlightColor,
  note: z.string(),
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The user's tags, as typed (case kept), in the order added. */
  tags: z.array(z.string()),
  /** Where the highlight sits in the article's current text; null = orphan. */
  anchor: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  /**
   * The words the anchor covers now, present only when they differ from `quote.exact`
   * (the article was edited since the highlight was made: "edited since you highlighted
   * it"). The core fills it, since it holds the text; `quote.exact` stays the original.
   */
  currentQuote: z.string().optional()
})
export type Highlight = z.infer<typeof Highlight>

export const Article = ArticleSummary.extend({
  /** The blocks' text joined by "\n\n"; every offset refers to this string. */
  text: z.string(),
  blocks: z.array(Block),
  highlights: z.array(Highlight),
  note: z.string(),
  /** Where to resume reading: the text offset of the first block the user saw (a block's `start`); null = from the top. */
  progressOffset: z.number().int().nonnegative().nullable(),
  /**
   * Why the text shown is not the article's full text, when it is not: the file was too
   * complex to lay out in time and is shown as plain paragraphs, or it cannot be read
   * now (a named pipe, grown past the size limit). Absent when the text is complete.
   */
  textNotice: z.string().optional()
})
export type Article = z.infer<typeof Article>

export const LibrarySummary = z.object({
  root: z.string(),
  name: z.string(),
  articleCount: z.number().int().nonnegative(),
  problems: z.array(Problem),
  topics: z.array(z.string()),
  /** Sources (publications) of the articles, for the source filter. */
  sources: z.array(z.string()).optional(),
  /** The article the user last had open in this folder, if it still exists. */
  lastArticleId: z.string().nullable(),
  /** True when this is the sample corpus shipped with Gloss. */
  isSample: z.boolean(),
  /** Something the user must be told about the store (e.g. restored from backup). */
  storeNotice: z.string().nullable()
})
export type LibrarySummary = z.infer<typeof LibrarySummary>

export const SortOrder = z.enum(['date', 'title'])
/** A calendar day, YYYY-MM-DD. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
/** Rows per page: enough to fill a tall window several times, small enough to send at once. */
export const MAX_LIST_PAGE = 1000
export const ListQuery = z
  .object({
    sort: SortOrder.default('date'),
    topic: z.string().max(500).optional(),
    /** Title filter (case- and accent-insensitive substring). */
    query: z.string().max(1000).optional(),
    /** Source (publication) exactly as listed in LibrarySummary.sources, case-insensitive. */
    source: z.string().max(500).optional(),
    /** Published on or after this day / on or before this day; undated articles are left out. */
    from: Day.optional(),
    to: Day.optional(),
    hasHighlights: z.boolean().optional(),
    /** Articles tagged with this (any case), or with a highlight tagged with it. */
    tag: z.string().max(500).optional(),
    /** Page of the filtered, sorted rows; `total` counts them all. Default: every row. */
    offset: z.number().int().nonnegative().optional(),
    limit: z.number().int().positive().max(MAX_LIST_PAGE).optional()
  })
  .strict()
export type ListQuery = z.input<typeof ListQuery>
export const ArticleList = z.object({ articles: z.array(ArticleSummary), total: z.number().int() })
export type ArticleList = z.infer<typeof ArticleList>
/** Where one article sits in the list a ListQuery's filters and sort make (no paging). */
export const ListPositionQuery = ListQuery.omit({ offset: true, limit: true }).extend({ articleId: Id }).strict()
export type ListPositionQuery = z.input<typeof ListPositionQuery>
/** `index`: its row in that list, null when the filters leave it out; `total`: rows in the list. */
export const ListPosition = z.object({ index: z.number().int().nonnegative().nullable(), total: z.number().int() })
export type ListPosition = z.infer<typeof ListPosition>

export const NewHighlight = z
  .object({
    articleId: Id,
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    color: HighlightColor,
    note: Note.optional()
  })
  .strict()
  .refine((h) => h.end > h.start, { message: 'end must be greater than start' })
export type NewHighlight = z.infer<typeof NewHighlight>

/**
 * A full list of tags as sent; each tag is checked (src/shared/tags.ts) where it is
 * stored, so the rules live in one place. These limits only keep junk out early.
 */
export const TagListInput = z.array(z.string().max(1000)).max(1000)

export const HighlightPatch = z
  .object({ highlightId: Id, color: HighlightColor.optional(), note: Note.optional(), tags: TagListInput.optional() })
  .strict()
export type HighlightPatch = z.infer<typeof HighlightPatch>

export const ReattachHighlight = z
  .object({ highlightId: Id, start: z.number().int().nonnegative(), end: z.number().int().positive() })
  .strict()
  .refine((h) => h.end > h.start, { message: 'end must be greater than start' })
export type ReattachHighlight = z.infer<typeof ReattachHighlight>

/** Annotations kept for an article whose file is no longer in the folder. */
export const MissingArticle = z.object({
  articleId: z.string(),
  /** As last seen; null for annotations made before Gloss recorded it. */
  title: z.string().nullable(),
  path: z.string().nullable(),
  highlights: z.array(z.object({ id: z.string(), quote: z.string(), note: z.string(), color: HighlightColor })),
  note: z.string()
})
export type MissingArticle = z.infer<typeof MissingArticle>

export const ExportScope = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('article'), articleId: Id }).strict(),
  z.object({ scope: z.literal('corpus') }).strict()
])
export type ExportScope = z.infer<typeof ExportScope>
export const MarkdownExport = z.object({ markdown: z.string(), fileName: z.string() })
export type MarkdownExport = z.infer<typeof MarkdownExport>

export { Id as IdSchema, Note as NoteSchema }

// ---- export dialog, folder export, import, links back (issue 6) ----

/**
 * The export formats; equal to EXPORT_FORMATS in src/shared/export/formats.ts (a test
 * checks), written out here so that this file keeps depending on nothing but zod.
 */
export const EXPORT_FORMAT_NAMES = ['md', 'md-folder', 'json', 'csv', 'hypothesis', 'readwise-csv'] as const
export const ExportFormat = z.enum(EXPORT_FORMAT_NAMES)
export type ExportFormat = z.infer<typeof ExportFormat>
/** As long as compileTemplate accepts (MAX_TEMPLATE_LENGTH); a file name template is one line. */
export const MAX_EXPORT_TEMPLATE_LENGTH = 100_000
export const MAX_FILE_NAME_TEMPLATE_LENGTH = 1_000
export const MAX_CREATOR_LENGTH = 200

const exportChoices = {
  format: ExportFormat,
  /** Mustache article template (md, md-folder); absent = the built-in format. */
  template: z.string().max(MAX_EXPORT_TEMPLATE_LENGTH).optional(),
  /** Mustache file name template (md-folder; md for one article); absent = the title. */
  fileNameTemplate: z.string().max(MAX_FILE_NAME_TEMPLATE_LENGTH).optional(),
  /** Markdown: authors as `[[Name]]` links in front matter instead of plain text. */
  authorLinks: z.boolean().optional(),
  /** json: the name written as the annotations' creator; absent = "Gloss user". */
  creator: z.string().trim().min(1).max(MAX_CREATOR_LENGTH).optional()
}
const runChoices = {
  ...exportChoices,
  /** md-folder: report what would be written, write nothing. */
  dryRun: z.boolean().optional(),
  /** md-folder: write files again that the user deleted after an earlier export. */
  recreateDeleted: z.boolean().optional()
}

export const ExportRequest = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('article'), articleId: Id, ...exportChoices }).strict(),
  z.object({ scope: z.literal('corpus'), ...exportChoices }).strict()
])
export type ExportRequest = z.infer<typeof ExportRequest>
export const ExportRunRequest = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('article'), articleId: Id, ...runChoices }).strict(),
  z.object({ scope: z.literal('corpus'), ...runChoices }).strict()
])
export type ExportRunRequest = z.infer<typeof ExportRunRequest>

export const ExportPreview = z.object({
  /** The file's text (md-folder: the file of the article, or of the first annotated one). */
  content: z.string(),
  fileName: z.string(),
  /** A template that does not compile or render, with its line and column; content is '' then. */
  error: z.string().nullable(),
  /** Something to know about what is shown (e.g. the article has no notes to export). */
  notice: z.string().nullable(),
  /** Articles in the preview and in the export (the preview of a big folder shows the first few). */
  shownArticles: z.number().int().nonnegative(),
  totalArticles: z.number().int().nonnegative(),
  /** The content was cut short for the preview. */
  truncated: z.boolean()
})
export type ExportPreview = z.infer<typeof ExportPreview>

export const FolderExportEntry = z.object({ articleId: z.string(), title: z.string(), file: z.string() })
export type FolderExportEntry = z.infer<typeof FolderExportEntry>
export const FolderExportReport = z.object({
  folder: z.string(),
  dryRun: z.boolean(),
  create: z.array(FolderExportEntry),
  update: z.array(FolderExportEntry),
  unchanged: z.array(FolderExportEntry),
  skippedDeleted: z.array(FolderExportEntry),
  problems: z.array(FolderExportEntry.extend({ reason: z.string() })),
  notice: z.string().nullable()
})
export type FolderExportReport = z.infer<typeof FolderExportReport>
export const ExportRunResult = z.object({
  /** The file or folder written (or, for a dry run, looked at); null when the dialog was cancelled. */
  path: z.string().nullable(),
  /** md-folder only. */
  report: FolderExportReport.nullable()
})
export type ExportRunResult = z.infer<typeof ExportRunResult>

export const ExportDefaults = z.object({
  template: z.string(),
  fileNameTemplate: z.string(),
  /** Names a template may use, for the dialog's cheat sheet (docs/export-templates.md has them all). */
  articleVariables: z.array(z.string()),
  highlightVariables: z.array(z.string()),
  fileNameVariables: z.array(z.string())
})
export type ExportDefaults = z.infer<typeof ExportDefaults>

export const ImportReport = z.object({
  imported: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  unplaced: z.array(z.object({ quote: z.string(), note: z.string(), reason: z.string() })),
  unmatchedArticles: z.array(
    z.object({ title: z.string().nullable(), file: z.string().nullable(), url: z.string().nullable(), annotations: z.number().int().nonnegative() })
  )
})
export type ImportReport = z.infer<typeof ImportReport>
export const ImportResult = z.object({
  /** The file imported; null when the dialog was cancelled. */
  file: z.string().nullable(),
  report: ImportReport.nullable()
})
export type ImportResult = z.infer<typeof ImportResult>

/** A gloss:// link is short; anything longer is refused before it is parsed. */
export const MAX_LINK_LENGTH = 8192
export const OpenLinkResult = z.object({
  /** The library the link's article is in, now open (another folder may have been opened). */
  library: LibrarySummary,
  articleId: z.string(),
  /** The highlight to scroll to; null for a link to the article, or when the highlight is gone. */
  highlightId: z.string().nullable(),
  /** What the user should know (the highlight was deleted since the link was made…), or null. */
  notice: z.string().nullable()
})
export type OpenLinkResult = z.infer<typeof OpenLinkResult>

/**
 * Whether everything the user changed is on disk. `problem` is set while Gloss's data
 * cannot be written (the disk is full, the data folder is read-only, no permission): the
 * page shows its message as a banner until it clears. The changes are kept meanwhile.
 */
export const SaveStatus = z.object({
  problem: z
    .object({
      /** errno code behind it (ENOSPC, EROFS, EACCES…), or UNKNOWN. */
      code: z.string(),
      /** "Your last changes are not saved: the disk is full. …" */
      message: z.string(),
      /** When the first unsaved write failed (ISO time). */
      since: z.string()
    })
    .nullable()
})
export type SaveStatus = z.infer<typeof SaveStatus>

// ---- full-text search (issue 3) ----
export const MAX_SEARCH_QUERY_LENGTH = 500
export const SearchQuery = z
  .object({ query: z.string().min(1).max(MAX_SEARCH_QUERY_LENGTH), limit: z.number().int().min(1).max(200).optional() })
  .strict()
export type SearchQuery = z.input<typeof SearchQuery>
export const SearchSnippet = z.object({
  text: z.string(),
  /** Matched words, as ranges of `text` (the renderer marks them; no HTML). */
  marks: z.array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }))
})
export type SearchSnippet = z.infer<typeof SearchSnippet>
export const SearchResultKind = z.enum(['article', 'highlight', 'note'])
export type SearchResultKind = z.infer<typeof SearchResultKind>
export const SearchResult = z.object({
  articleId: z.string(),
  title: z.string(),
  /** Where the words matched: the article's text (or title), a highlight (quote or note), the article note. */
  kind: SearchResultKind,
  highlightId: z.string().nullable(),
  snippet: SearchSnippet,
  /** Offset of the match in the article's text (Article.text), for opening the article there; null when none. */
  offset: z.number().int().nonnegative().nullable(),
  score: z.number(),
  /** True when some word matched only with a typo (fuzzy), not as typed or as a prefix: shown as "approximate", ranked after exact results. */
  approximate: z.boolean().optional()
})
export type SearchResult = z.infer<typeof SearchResult>
export const SearchResponse = z.object({
  results: z.array(SearchResult),
  total: z.number().int().nonnegative(),
  tookMs: z.number().nonnegative()
})
export type SearchResponse = z.infer<typeof SearchResponse>

// ---- reading progress (issue 5) ----
export const ReadingProgressInput = z
  .object({
    articleId: Id,
    /** Share of the article scrolled past, 0–1 (values outside are clamped where stored). */
    fraction: z.number().finite(),
    /** Text offset (a block's `start`) of the first block in view: the restore point. */
    offset: z.number().int().nonnegative()
  })
  .strict()
export type ReadingProgressInput = z.infer<typeof ReadingProgressInput>

// ---- reading preferences (issue 5) ----
export const THEME_CHOICES = ['system', 'light', 'dark', 'sepia'] as const
export const ThemeChoice = z.enum(THEME_CHOICES)
export type ThemeChoice = z.infer<typeof ThemeChoice>
export const FONT_FAMILIES = ['serif', 'sans', 'mono'] as const
export const FontFamily = z.enum(FONT_FAMILIES)
export type FontFamily = z.infer<typeof FontFamily>

/** Limits of each numeric preference; the renderer's controls use the same ones. */
export const PREF_LIMITS = {
  /** Body text in CSS pixels. */
  fontSize: { min: 12, max: 32, step: 1 },
  lineHeight: { min: 1.2, max: 2.2, step: 0.1 },
  /** Reading column in characters (ch). */
  columnWidth: { min: 40, max: 100, step: 4 },
  /** Side bars in CSS pixels. */
  libraryWidth: { min: 180, max: 640, step: 16 },
  panelWidth: { min: 200, max: 640, step: 16 }
} as const

const limited = (key: keyof typeof PREF_LIMITS) => z.number().min(PREF_LIMITS[key].min).max(PREF_LIMITS[key].max)

export const Prefs = z.object({
  /** 'system' follows the OS (prefers-color-scheme / nativeTheme). */
  theme: ThemeChoice,
  fontFamily: FontFamily,
  fontSize: limited('fontSize'),
  lineHeight: limited('lineHeight'),
  columnWidth: limited('columnWidth'),
  libraryWidth: limited('libraryWidth'),
  panelWidth: limited('panelWidth'),
  libraryHidden: z.boolean(),
  panelHidden: z.boolean()
})
export type Prefs = z.infer<typeof Prefs>
export const PrefsPatch = Prefs.partial().strict()
export type PrefsPatch = z.infer<typeof PrefsPatch>

export const DEFAULT_PREFS: Prefs = {
  theme: 'system',
  fontFamily: 'serif',
  fontSize: 18,
  lineHeight: 1.6,
  columnWidth: 68,
  libraryWidth: 300,
  panelWidth: 320,
  libraryHidden: false,
  panelHidden: false
}

/**
 * Stored preferences, read leniently: a value that is missing or out of range falls
 * back to its default instead of making the settings file look damaged.
 */
export function readPrefs(raw: unknown): Prefs {
  const prefs: Prefs = { ...DEFAULT_PREFS }
  if (!raw || typeof raw !== 'object') return prefs
  for (const key of Object.keys(DEFAULT_PREFS) as Array<keyof Prefs>) {
    const parsed = Prefs.shape[key].safeParse((raw as Record<string, unknown>)[key])
    if (parsed.success) (prefs as Record<keyof Prefs, unknown>)[key] = parsed.data
  }
  return prefs
}

// ---- tags (issue 5) ----
export const TagCount = z.object({
  /** The spelling first used in the folder. */
  tag: z.string(),
  /** Highlights and articles carrying it (articles in the folder only). */
  highlights: z.number().int().nonnegative(),
  articles: z.number().int().nonnegative()
})
export type TagCount = z.infer<typeof TagCount>
export const TagUseCount = z.object({ highlights: z.number().int().nonnegative(), articles: z.number().int().nonnegative() })
export type TagUseCount = z.infer<typeof TagUseCount>

// ---- "All highlights" workspace (issue 5) ----
export const ANNOTATION_SORTS = ['newest', 'oldest', 'article'] as const
export const AnnotationSort = z.enum(ANNOTATION_SORTS)
export type AnnotationSort = z.infer<typeof AnnotationSort>
/** Entries per page: the workspace asks for more as the user scrolls. */
export const MAX_ANNOTATION_PAGE = 1000
export const AnnotationQuery = z
  .object({
    /** newest / oldest: by the highlight's creation time; article: grouped by article (titles A–Z), reading order inside. */
    sort: AnnotationSort.default('newest'),
    /** Any of these colours; absent or empty = every colour. */
    colors: z.array(HighlightColor).max(HIGHLIGHT_COLORS.length).optional(),
    /** A tag of the highlight, case-insensitive. */
    tag: z.string().min(1).max(500).optional(),
    /** The article's source (publication), case-insensitive. */
    source: z.string().min(1).max(500).optional(),
    /** Highlighted on or after / on or before this day (UTC, the highlight's createdAt). */
    from: Day.optional(),
    to: Day.optional(),
    /** Case- and accent-insensitive substring of the quote, note, tags or article title. */
    query: z.string().max(1000).optional(),
    offset: z.number().int().nonnegative().optional(),
    limit: z.number().int().positive().max(MAX_ANNOTATION_PAGE).optional()
  })
  .strict()
export type AnnotationQuery = z.input<typeof AnnotationQuery>
export const AnnotationEntry = z.object({
  highlight: z.object({
    id: z.string(),
    color: HighlightColor,
    /** The words the highlight covers now (what was highlighted, unless the article was edited since). */
    quote: z.string(),
    /** The words first highlighted, present only when the article was edited under them since. */
    originalQuote: z.string().optional(),
    note: z.string(),
    tags: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string()
  }),
  article: z.object({
    id: z.string(),
    /** For a missing article: the title it had when last seen, else its file, else "Missing article". */
    title: z.string(),
    source: z.string().nullable(),
    published: z.string().nullable(),
    /** The article's file is no longer in the folder (its annotations are kept). */
    missing: z.boolean()
  })
})
export type AnnotationEntry = z.infer<typeof AnnotationEntry>
const FacetCount = z.number().int().nonnegative()
export const AnnotationList = z.object({
  entries: z.array(AnnotationEntry),
  /** Entries matching the filters (all pages). */
  total: z.number().int().nonnegative(),
  /** Every highlight of the folder, filters or not (tells "none yet" from "none match"). */
  totalHighlights: z.number().int().nonnegative(),
  /** What exists across all highlights, for the filter controls. */
  facets: z.object({
    colors: z.record(HighlightColor, FacetCount),
    tags: z.array(z.object({ tag: z.string(), count: FacetCount })),
    sources: z.array(z.object({ source: z.string(), count: FacetCount }))
  }),
  /** The folder is still being read: an article not read yet shows as missing until it is. */
  scanning: z.boolean(),
  tookMs: z.number().nonnegative()
})
export type AnnotationList = z.infer<typeof AnnotationList>
