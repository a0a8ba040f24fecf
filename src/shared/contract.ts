// The one contract: method name → zod input and output. It drives the dispatcher in
// the main process, the IPC binding, the preload bridge, the HTTP harness and the
// renderer's typed API. Adding a feature starts here.
import { z } from 'zod'
import {
  AnnotationList,
  AnnotationQuery,
  Article,
  ArticleList,
  ExportDefaults,
  ExportPreview,
  ExportRequest,
  ExportRunRequest,
  ExportRunResult,
  ExportScope,
  Highlight,
  HighlightPatch,
  IdSchema,
  ImportResult,
  LibrarySummary,
  ListPosition,
  ListPositionQuery,
  ListQuery,
  MarkdownExport,
  MissingArticle,
  NewHighlight,
  MAX_LINK_LENGTH,
  NoteSchema,
  OpenLinkResult,
  SaveStatus,
  Prefs,
  PrefsPatch,
  ReadingProgressInput,
  ReattachHighlight,
  SearchQuery,
  SearchResponse,
  TagCount,
  TagListInput,
  TagUseCount
} from './model'
import type { MethodName } from './channels'
import { HistoryOutcome, HistoryState, UndoRequest } from './history'

const rpc = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output })
const Empty = z.object({}).strict()

export const contract = {
  /** The library that is open now (the one the app started with), or null. */
  'library.current': rpc(Empty, LibrarySummary.nullable()),
  'library.open': rpc(z.object({ root: z.string().min(1).max(4096) }).strict(), LibrarySummary),
  /** Native folder picker, then open; null when the user cancels. */
  'library.chooseFolder': rpc(Empty, LibrarySummary.nullable()),
  'library.openSample': rpc(Empty, LibrarySummary),
  'library.recent': rpc(Empty, z.object({ folders: z.array(z.string()) })),
  'library.list': rpc(ListQuery, ArticleList),
  /** The row of one article in the filtered, sorted library (j/k from an article not fetched yet). */
  'library.position': rpc(ListPositionQuery, ListPosition),
  /** Annotations whose article's file has gone from the folder (until it returns). */
  'library.missing': rpc(Empty, z.array(MissingArticle)),
  'article.get': rpc(z.object({ articleId: IdSchema }).strict(), Article),
  /** The page shows this article now: the folder reopens on it next time. */
  'article.opened': rpc(z.object({ articleId: IdSchema }).strict(), Empty),
  'article.setNote': rpc(z.object({ articleId: IdSchema, note: NoteSchema }).strict(), z.object({ note: z.string() })),
  /** Remembers how far the user read an article and where to resume (sent while reading, throttled). */
  'article.setProgress': rpc(ReadingProgressInput, Empty),
  /** Replaces the user's tags on an article (the full new list); answers with the list as stored. */
  'article.setTags': rpc(z.object({ articleId: IdSchema, tags: TagListInput }).strict(), z.object({ tags: z.array(z.string()) })),
  'highlight.create': rpc(NewHighlight, Highlight),
  'highlight.update': rpc(HighlightPatch, Highlight),
  'highlight.delete': rpc(z.object({ highlightId: IdSchema }).strict(), z.object({ deleted: z.boolean() })),
  /** Moves a highlight (typically an orphan) onto a new range of its article's current text. */
  'highlight.reattach': rpc(ReattachHighlight, Highlight),
  /** Every highlight of the folder, filtered, sorted and paged, with facet counts ("All highlights"). */
  'annotations.list': rpc(AnnotationQuery, AnnotationList),
  /** Deletes the highlights and note of a missing article for good. */
  'annotations.removeMissing': rpc(z.object({ articleId: IdSchema }).strict(), z.object({ removed: z.number().int().nonnegative() })),
  /** Markdown text for one article or the whole corpus (copy to clipboard, preview). */
  'export.markdown': rpc(ExportScope, MarkdownExport),
  /** The built-in templates and the names templates may use (the export dialog's starting point). */
  'export.defaults': rpc(Empty, ExportDefaults),
  /** What an export would write, for the live preview; a broken template is `error`, not a failure. */
  'export.preview': rpc(ExportRequest, ExportPreview),
  /** Native save dialog (md, json, csv) or folder dialog (md-folder), then export; path null when cancelled. */
  'export.run': rpc(ExportRunRequest, ExportRunResult),
  /** Native open dialog for a W3C Web Annotation JSON file, then import into the open folder. */
  'import.annotations': rpc(Empty, ImportResult),
  /**
   * The page has subscribed to events and shown its first folder: the host may now hand
   * it what it queued (a gloss:// link the app was started with, menu commands).
   */
  'app.ready': rpc(Empty, Empty),
  /** Opens the article (and highlight) a gloss:// link points at, opening its folder if needed. */
  'app.openLink': rpc(z.object({ url: z.string().min(1).max(MAX_LINK_LENGTH) }).strict(), OpenLinkResult),
  /** Whether Gloss's data can be written now (a failed save's message for the banner); a change with `saving` names it. */
  'app.saveStatus': rpc(Empty, SaveStatus),
  /** Full text of every article, highlight and note: ranked results with marked snippets. */
  'search.query': rpc(SearchQuery, SearchResponse),
  /** Reading preferences (theme, type, column, side bars), app-wide. */
  'prefs.get': rpc(Empty, Prefs),
  /** Changes some preferences; answers with all of them. */
  'prefs.set': rpc(PrefsPatch, Prefs),
  /** Takes back the last annotation edit in the open folder (highlights, notes, tags). */
  'history.undo': rpc(UndoRequest, HistoryOutcome),
  /** Does again the last edit taken back. */
  'history.redo': rpc(Empty, HistoryOutcome),
  /** Whether undo / redo are possible now, and what they would do. */
  'history.state': rpc(Empty, HistoryState),
  /** Every tag in the open folder with how many highlights and articles carry it, most used first. */
  'tags.list': rpc(Empty, z.array(TagCount)),
  /** Renames a tag on every highlight and article; to an existing tag (any case) it merges. */
  'tags.rename': rpc(z.object({ from: z.string().min(1).max(1000), to: z.string().min(1).max(1000) }).strict(), TagUseCount),
  /** Removes a tag from every highlight and article. */
  'tags.delete': rpc(z.object({ tag: z.string().min(1).max(1000) }).strict(), TagUseCount),
  /**
   * Before a merge: how many distinct highlights and articles carry either tag (any case),
   * so an item with both counts once. Changes nothing.
   */
  'tags.mergePreview': rpc(z.object({ from: z.string().min(1).max(1000), to: z.string().min(1).max(1000) }).strict(), TagUseCount)
} as const satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>
// `satisfies`: the zod-free name list (channels.ts, which the sandboxed preload bundles)
// and this contract cannot drift apart — a name missing here or added here alone fails
// the typecheck.

export type Contract = typeof contract
export type Method = keyof Contract
export const METHODS = Object.keys(contract) as Method[]
export type Input<M extends Method> = z.input<Contract[M]['input']>
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>
export type Output<M extends Method> = z.output<Contract[M]['output']>

/** One async handler per method: what the core implements and the dispatcher calls. */
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Promise<Output<M>> }

export const isMethod = (name: string): name is Method => Object.prototype.hasOwnProperty.call(contract, name)

// Channel names live in the zod-free channels.ts, which the sandboxed preload bundles.
export { channelFor } from './channels'
