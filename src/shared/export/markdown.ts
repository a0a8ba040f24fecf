// Notes leave Gloss as Markdown that Obsidian (or any CommonMark reader) opens cleanly:
//
//   ---
//   title: "…"            YAML front matter, every string quoted (yaml-front-matter.ts)
//   aliases:              the title again, so that [[Title]] finds the file whatever
//     - "…"               its (sanitized, shortened) name
//   author: "…"           plain text, or a list of "[[Name]]" links (authorLinks)
//   source: "…"           absent values are left out, never written as null
//   url: "…"
//   published: "…"        Obsidian's Date or Date & time formats (export-dates.ts)
//   exported: "…"
//   tags:                 Obsidian tags, mapped as inline tags are (tags-export.ts)
//     - "…"
//   ---
//
//   # Title
//
//   The article note (the user's Markdown, note-markdown.ts).
//
//   > The quote, escaped so it renders as the literal text,
//   > with `>` on every line.
//
//   ^hl-1a2b3c4d
//
//   The highlight's note.
//
// Block ids: Obsidian takes `^id` at the end of a paragraph, but for quotes, lists and
// tables the id must be on its own line with a blank line before and after, and it
// then names the block just above. So the id goes straight after the blockquote:
// `[[Article#^hl-1a2b3c4d]]` links to the highlighted passage itself, and embedding it
// shows the quote. The note follows as its own paragraph(s). Ids are `hl-` plus the
// first 8 letters and digits of the highlight id (Obsidian allows letters, digits and
// dashes), lengthened when two highlights in one file would share them.
//
// Links back: a highlight that carries a `link` (gloss://open?…, see gloss-link.ts) gets
// it as its own paragraph right after the block id, `[Open in Gloss](gloss://…)`. The
// id has to stay directly under the blockquote to name it, and a link inside the quote
// would change the quoted text, so the link sits between the id and the note.
//
// Highlight tags: a paragraph of `#tags` after the link (before the note), so Obsidian
// indexes them as tags of the file and shows them with the passage: `#history
// #Cold-War`. One mapping (tags-export.ts) serves these and the front matter's `tags`,
// built over every tag of the document so that two distinct tags never meet.
import type { HighlightColor } from '../model'
import { obsidianDateTime, obsidianPublished } from './export-dates'
import { escapeInline, quoteToBlockquote } from './markdown-escape'
import { noteToMarkdown } from './note-markdown'
import { frontMatterTags, inlineTagLine, obsidianTagger, type Tagger } from './tags-export'
import { frontMatter, type FrontMatterEntry } from './yaml-front-matter'

/** How an export writes what has more than one right form; every field has a default. */
export interface ExportStyle {
  /** IANA zone for times (Obsidian's Date & time has none: it is the reader's clock); default UTC. */
  timeZone?: string
  /** Authors as `[[Name]]` links (a list property) instead of plain text. */
  authorLinks?: boolean
}

/** What the Markdown writer needs of a highlight (export-model.ts has the full export model). */
export interface MarkdownHighlight {
  id: string
  /** The exact quote. */
  quote: string
  note: string
  color: HighlightColor
  /** Reading order: highlights are written by position, ties broken by id. */
  position: number
  /** gloss://open?… link back to the highlight, written after the block id when present. */
  link?: string
  /** The highlight's tags, written as a line of #tags after the link. */
  tags?: string[]
  /** Not found in the article's current text: the quote is as it was highlighted, and ORPHAN_LINE says so. */
  orphan?: boolean
}

/** What the Markdown writer needs of an article. */
export interface MarkdownArticle {
  title: string
  source: string | null
  url: string | null
  published: string | null
  /** As the article's file names them, several joined by ", "; null when unknown. */
  author?: string | null
  tags: string[]
  note: string
  highlights: MarkdownHighlight[]
}

/** @deprecated The Markdown writer's input under its first name; new code builds export-model.ts's ExportArticle and calls toMarkdownArticle. */
export type ExportArticle = MarkdownArticle
/** @deprecated See ExportArticle. */
export type ExportHighlight = MarkdownHighlight

export const UNTITLED = 'Untitled'
export const OPEN_IN_GLOSS = 'Open in Gloss'
/** Written after an orphan's quote (and link): its words are no longer in the article as it is now. */
export const ORPHAN_LINE = '*Orphan: not found in the article’s current text.*'

export function articleToMarkdown(article: MarkdownArticle, exportedAt: string, style: ExportStyle = {}): string {
  const tagger = documentTagger([article])
  const blocks = [frontMatter(articleFrontMatter(article, exportedAt, style, tagger)), `# ${headingMarkdown(article.title)}`, ...articleBody(article, new Set(), tagger)]
  return finish(blocks)
}

/** The front matter entries of a one-article export, in the order they are written. */
export function articleFrontMatter(
  article: Pick<MarkdownArticle, 'title' | 'source' | 'url' | 'published' | 'tags' | 'author'>,
  exportedAt: string,
  style: ExportStyle = {},
  tagger: Tagger = obsidianTagger(article.tags)
): FrontMatterEntry[] {
  const title = article.title.trim() || UNTITLED
  const published = present(article.published)
  return [
    ['title', title],
    ['aliases', [oneLine(title)]],
    ['author', authorValue(article.author ?? null, style.authorLinks === true)],
    ['source', present(article.source)],
    ['url', present(article.url)],
    ['published', published ? obsidianPublished(published) : null],
    ['exported', exportedProperty(exportedAt, style)],
    ['tags', frontMatterTags(article.tags, tagger)]
  ]
}

/** The export time as Obsidian's Date & time in the style's zone (as given when it is not a timestamp). */
export function exportedProperty(exportedAt: string, style: ExportStyle = {}): string {
  return obsidianDateTime(exportedAt, style.timeZone) ?? exportedAt
}

/** The author as plain text, or as `[[Name]]` links (one per name, characters that break links removed). */
export function authorValue(author: string | null, links: boolean): string | string[] | null {
  const text = present(author)
  if (!text) return null
  if (!links) return oneLine(text)
  const names = authorNames(text)
    .map((name) => name.replace(/[[\]|#^]+/g, ' ').replace(/\s+/g, ' ').trim())
    .filter((name) => name !== '')
  return names.length ? names.map((name) => `[[${name}]]`) : null
}

/** The names in an author field ("Ana Lima, Bo Chen" → two). */
export function authorNames(author: string | null): string[] {
  const text = present(author)
  return text ? oneLine(text).split(/\s*[,;]\s*|\s+(?:and|&)\s+/).filter((name) => name !== '') : []
}

/** One tag mapping for everything a document holds: article tags and every highlight's. */
export function documentTagger(articles: readonly Pick<MarkdownArticle, 'tags' | 'highlights'>[]): Tagger {
  return obsidianTagger(articles.flatMap((a) => [...a.tags, ...a.highlights.flatMap((h) => h.tags ?? [])]))
}

/** A title as heading text: one line, escaped so that it renders as written anywhere in a line. */
export function headingMarkdown(title: string): string {
  return escapeInline(headingText(title), true)
}

/** One document for the whole corpus: a section per article that has highlights or a note. */
export function corpusToMarkdown(articles: MarkdownArticle[], exportedAt: string, corpusName: string, style: ExportStyle = {}): string {
  const blocks = [
    frontMatter([
      ['title', corpusName.trim() || UNTITLED],
      ['exported', exportedProperty(exportedAt, style)]
    ]),
    `# ${headingMarkdown(corpusName)}`
  ]
  const usedIds = new Set<string>()
  const annotated = articles.filter((a) => a.highlights.length > 0 || noteToMarkdown(a.note) !== null)
  const tagger = documentTagger(annotated)
  if (annotated.length === 0) blocks.push('No highlights or notes yet.')
  for (const article of annotated) {
    blocks.push(`## ${headingMarkdown(article.title)}`)
    const meta = metadataLine(article)
    if (meta) blocks.push(meta)
    // The article's topics and tags, as Obsidian tags of this document.
    const tagLine = inlineTagLine(article.tags, tagger)
    if (tagLine) blocks.push(tagLine)
    blocks.push(...articleBody(article, usedIds, tagger))
  }
  return finish(blocks)
}

/** Most file systems (ext4, APFS, NTFS in UTF-16 units, which UTF-8 bytes bound) take names of at most 255 bytes. */
export const MAX_FILE_NAME_BYTES = 255
/** Titles longer than this many characters are cut too: a name is for finding the file, the title is inside. */
export const MAX_FILE_NAME_CHARACTERS = 100
/** Room left in a name for the counter a second file of the same title gets (" 2" … " 9999999"). */
export const NAME_COUNTER_ROOM_BYTES = 8

/**
 * A file name that every common file system and Obsidian accept: no path separators,
 * no characters Windows rejects, none that break Obsidian links (`# ^ [ ] |`, `%%`), no
 * control, direction-override or zero-width characters, no reserved device names, no
 * leading/trailing dots or spaces, and short enough in UTF-8 bytes (not characters: a
 * Chinese character is 3 bytes, an emoji 4 or more) that the extension and a counter
 * still fit in 255 bytes. Cut between whole characters as a reader sees them (grapheme
 * clusters), so no emoji is split.
 */
export function exportFileName(title: string, extension = '.md'): string {
  let name = title
    .normalize('NFC')
    // Direction marks and overrides (U+202E makes "gpj.md" read as "dm.jpg") and
    // zero-width characters: invisible, so a name could pass for another. Removed; but
    // not the zero-width joiner and non-joiner (U+200C/D), which family and flag emoji
    // and Persian and Indic words are spelt with.
    .replace(/[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    // Windows-reserved, path separators, control characters; `#^[]|` break Obsidian links.
    .replace(/[<>:"/\\|?*#^[\]\u0000-\u001f\u007f-\u009f]/g, ' ')
    // `%%` opens an Obsidian comment; a single `%` ("50% off") is harmless.
    .replace(/%{2,}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
  name = cutToBytes(name, MAX_FILE_NAME_CHARACTERS, MAX_FILE_NAME_BYTES - utf8Length(extension) - NAME_COUNTER_ROOM_BYTES)
    .trim()
    .replace(/[.\s]+$/, '')
  if (name === '') name = UNTITLED
  if (/^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?$/i.test(name)) name = `${name} notes`
  return `${name}${extension}`
}

/** Bytes of the text in UTF-8. */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length
}

/** The longest start of text, in whole grapheme clusters, of at most maxChars code points and maxBytes of UTF-8. */
function cutToBytes(text: string, maxChars: number, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes && Array.from(text).length <= maxChars) return text
  let out = ''
  let bytes = 0
  let chars = 0
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    const size = utf8Length(segment)
    const count = Array.from(segment).length
    if (bytes + size > maxBytes || chars + count > maxChars) break
    out += segment
    bytes += size
    chars += count
  }
  return out
}

function articleBody(article: MarkdownArticle, usedIds: Set<string>, tagger: Tagger): string[] {
  const blocks: string[] = []
  const note = noteToMarkdown(article.note)
  if (note) blocks.push(note)
  for (const highlight of inReadingOrder(article.highlights)) {
    blocks.push(quoteToBlockquote(highlight.quote), `^${blockId(highlight.id, usedIds)}`)
    if (highlight.link) blocks.push(`[${OPEN_IN_GLOSS}](${linkHref(highlight.link)})`)
    if (highlight.orphan) blocks.push(ORPHAN_LINE)
    const tagLine = inlineTagLine(highlight.tags ?? [], tagger)
    if (tagLine) blocks.push(tagLine)
    const highlightNote = noteToMarkdown(highlight.note)
    if (highlightNote) blocks.push(highlightNote)
  }
  return blocks
}

/** By position, ties broken by id: the order every Markdown export writes highlights in. */
export function inReadingOrder<T extends { position: number; id: string }>(highlights: readonly T[]): T[] {
  return [...highlights].sort((a, b) => a.position - b.position || compare(a.id, b.id))
}

/** The block ids one file gives these highlight ids, in this order (see blockId). */
export function assignBlockIds(ids: readonly string[]): string[] {
  const used = new Set<string>()
  return ids.map((id) => blockId(id, used))
}

/**
 * A link destination that holds together in Markdown: characters that would end or
 * break it (whitespace, parentheses, angle brackets) are percent-encoded.
 */
export function linkHref(href: string): string {
  return href.replace(/[()<>\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

/** `hl-` + the first 8 letters/digits of the id, longer (or numbered) if already taken in this file. */
function blockId(id: string, used: Set<string>): string {
  const usable = id.replace(/[^A-Za-z0-9]/g, '') || 'x'
  let length = Math.min(8, usable.length)
  let candidate = `hl-${usable.slice(0, length)}`
  while (used.has(candidate) && length < usable.length) candidate = `hl-${usable.slice(0, ++length)}`
  for (let n = 2; used.has(candidate); n++) candidate = `hl-${usable}-${n}`
  used.add(candidate)
  return candidate
}

/** "Source · author · published · [host](url)" under an article's heading in the corpus export. */
function metadataLine(article: MarkdownArticle): string | null {
  const parts: string[] = []
  const author = present(article.author ?? null)
  const source = present(article.source)
  const published = present(article.published)
  const url = present(article.url)
  if (source) parts.push(escapeInline(oneLine(source), parts.length === 0))
  if (author) parts.push(escapeInline(oneLine(author), parts.length === 0))
  if (published) parts.push(escapeInline(oneLine(published), parts.length === 0))
  if (url) parts.push(linkTo(url.trim()))
  return parts.length ? parts.join(' · ') : null
}

/** A Markdown link for http(s) URLs; anything else (javascript:, file:, junk) is shown as text. */
function linkTo(url: string): string {
  let parsed: URL | null = null
  try {
    parsed = new URL(url)
  } catch {
    parsed = null
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return escapeInline(oneLine(url), true)
  // URL.href is already percent-encoded except for the characters that matter here.
  return `[${escapeInline(parsed.host)}](${linkHref(parsed.href)})`
}

/** The URL as a Markdown link destination when it is http(s); null for anything else. */
export function webLinkHref(url: string | null): string | null {
  const value = present(url)?.trim()
  if (!value) return null
  try {
    const parsed = new URL(value)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? linkHref(parsed.href) : null
  } catch {
    return null
  }
}

/** A blank or missing value is left out of the export. */
export function present(value: string | null): string | null {
  return value !== null && value.trim() !== '' ? value : null
}

export function headingText(title: string): string {
  return oneLine(title) || UNTITLED
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim()
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Blocks separated by one blank line; one final newline. */
function finish(blocks: string[]): string {
  return `${blocks.join('\n\n')}\n`
}
