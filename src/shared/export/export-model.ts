// The export model: everything any export format or template needs, built once per
// export (src/core/export/build-export-corpus.ts) and rendered by pure functions — the
// Markdown writer, templates, W3C JSON and CSV — in the main process, the CLI or a
// live preview alike.
import type { HighlightColor, TextPositionSelector, TextQuoteSelector } from '../model'
import { sameTag } from '../tags'
import { assignBlockIds, type ExportStyle, type MarkdownArticle } from './markdown'

export interface ExportHighlight {
  id: string
  /** The exact quote: the article's current text where the highlight sits, else the stored quote. */
  quote: string
  note: string
  color: HighlightColor
  /** The highlight's tags, as the user typed them. */
  tags: string[]
  /** ISO timestamps. */
  created: string
  updated: string
  /** Where the highlight sits in the article's current text; null for an orphan. */
  position: { start: number; end: number } | null
  /**
   * W3C selectors: described afresh from the current text when placed (so the context
   * is today's), the stored quote for an orphan. The position counts Unicode code points
   * (the W3C model's unit; Gloss counts UTF-16 units everywhere else, see
   * src/shared/text/code-points.ts); null for an orphan, whose old position says
   * nothing about today's text.
   */
  selectors: { quote: TextQuoteSelector; position: TextPositionSelector | null }
  /** Set when the highlight came from another annotation tool: given back as it was in JSON exports. */
  origin?: HighlightOrigin
  /** Obsidian block id, `hl-…`, unique within the article's file. */
  blockId: string
  /** Where the highlight starts, as a whole percentage of the article's text (0–100); null for an orphan. */
  location: number | null
  /** gloss://open?… back to the highlight; '' when the corpus has no location (never in practice). */
  link: string
}

/**
 * What another tool's annotation said of itself (W3C or Hypothesis import): its IRI,
 * motivation, creator and the media type of its note, none of which Gloss has a field
 * for. Exports give them back unchanged.
 */
export interface HighlightOrigin {
  id: string
  motivation?: string | string[]
  /** As the file had it (an IRI, an Agent or a list of them). */
  creator?: unknown
  /** The note's media type there; absent when it had none. */
  bodyFormat?: string
}

export interface ExportArticle {
  /** Gloss's article id (hash of the relative path); `gloss_id` in folder exports. */
  id: string
  title: string
  source: string | null
  url: string | null
  published: string | null
  /** As the article's file names them (several joined by ", "); null when unknown. */
  author: string | null
  /** The file's excerpt / description / summary; null when it has none. */
  description: string | null
  /** The first image the article shows (an http(s) URL); null when none. */
  image: string | null
  /** Words in the article's text (0 for annotations of a missing article). */
  words: number
  /** How far the user has read, 0–1; null when never opened. */
  progress: number | null
  /** The latest change to the article's highlights or note in Gloss; null when it has none. */
  updated: string | null
  topics: string[]
  /**
   * Article tags for Markdown and CSV: the file's topics, then the user's own tags in
   * Gloss, a tag in both written once (the topic's spelling).
   */
  tags: string[]
  /** The user's own tags on the article in Gloss (not the topics): what the JSON export carries and imports back. */
  userTags: string[]
  note: string
  /** When the article note was last changed; null without a note. */
  noteUpdated: string | null
  /**
   * When the article's note or its tags last changed (the W3C article annotation's time,
   * also for tags without a note); absent or null when it has neither.
   */
  annotatedAt?: string | null
  /** The text file, relative to the corpus root, '/'-separated; null when unknown. */
  file: string | null
  /** Content fingerprint (follows a moved file); null when unknown. */
  fingerprint: string | null
  highlightCount: number
  /** gloss://open?… back to the article. */
  link: string
  /** Reading order: placed highlights by position, then orphans by creation time. */
  highlights: ExportHighlight[]
  /** True for annotations whose article is not in the folder any more. */
  missing: boolean
}

export interface ExportCorpus {
  /** The corpus folder (absolute). */
  root: string
  /** Its name, for titles and file names. */
  name: string
  /** ISO timestamp of the export; injectable so that exports can be compared. */
  exportedAt: string
  /** Articles in the folder, in corpus order (by default those with highlights or a note). */
  articles: ExportArticle[]
  /** Annotations kept for articles that are no longer in the folder. */
  missing: ExportArticle[]
  /** How times and authors are written (Markdown, templates); defaults: UTC, authors as text. */
  style?: ExportStyle
}

export type ExportHighlightDraft = Omit<ExportHighlight, 'blockId' | 'location'> & { location?: number | null }

/**
 * Puts highlights in reading order (placed ones by start, end, id; orphans after them
 * by creation time, id) and gives each its block id, so that every format and template
 * writes them in the same order with the same ids.
 */
export function orderHighlights(highlights: readonly ExportHighlightDraft[]): ExportHighlight[] {
  const sorted = [...highlights].sort((a, b) => {
    if (a.position && b.position) return a.position.start - b.position.start || a.position.end - b.position.end || compare(a.id, b.id)
    if (a.position || b.position) return a.position ? -1 : 1
    return compare(a.created, b.created) || compare(a.id, b.id)
  })
  const blockIds = assignBlockIds(sorted.map((h) => h.id))
  return sorted.map((h, i) => ({ ...h, location: h.location ?? null, blockId: blockIds[i] }))
}

/** What the Markdown writer takes; positions become ranks so that it keeps this order exactly. */
export function toMarkdownArticle(article: ExportArticle): MarkdownArticle {
  return {
    title: article.title,
    source: article.source,
    url: article.url,
    published: article.published,
    author: article.author,
    tags: article.tags,
    note: article.note,
    highlights: article.highlights.map((h, rank) => ({
      id: h.id,
      quote: h.quote,
      note: h.note,
      color: h.color,
      position: rank,
      tags: h.tags,
      ...(h.link ? { link: h.link } : {}),
      ...(h.position === null ? { orphan: true } : {})
    }))
  }
}

/** Topics and the user's article tags as one list, each tag once (any case; the first spelling). */
export function articleTags(topics: readonly string[], userTags: readonly string[]): string[] {
  const out: string[] = []
  for (const tag of [...topics, ...userTags]) if (!out.some((t) => sameTag(t, tag))) out.push(tag)
  return out
}

/** The latest of these timestamps (ISO text compares in time order), or null. */
export function latest(times: readonly (string | null | undefined)[]): string | null {
  let found: string | null = null
  for (const time of times) if (time && (found === null || time > found)) found = time
  return found
}

/** Has something to export: a highlight or a note that is not blank. */
export function isAnnotated(article: Pick<ExportArticle, 'highlights' | 'note'>): boolean {
  return article.highlights.length > 0 || article.note.trim() !== ''
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
