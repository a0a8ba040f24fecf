// Notes leave Gloss as Markdown that Obsidian (or any CommonMark reader) opens cleanly:
//
//   ---
//   title: "…"            YAML front matter, every string quoted (yaml-front-matter.ts)
//   source: "…"           absent values are left out, never written as null
//   url: "…"
//   published: "…"
//   exported: "…"
//   tags:
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
import type { HighlightColor } from '../model'
import { escapeInline, quoteToBlockquote } from './markdown-escape'
import { noteToMarkdown } from './note-markdown'
import { frontMatter } from './yaml-front-matter'

export interface ExportHighlight {
  id: string
  /** The exact quote. */
  quote: string
  note: string
  color: HighlightColor
  /** Start offset in the article text: highlights are written in reading order. */
  position: number
}

export interface ExportArticle {
  title: string
  source: string | null
  url: string | null
  published: string | null
  tags: string[]
  note: string
  highlights: ExportHighlight[]
}

const UNTITLED = 'Untitled'

export function articleToMarkdown(article: ExportArticle, exportedAt: string): string {
  const blocks = [
    frontMatter([
      ['title', article.title.trim() || UNTITLED],
      ['source', present(article.source)],
      ['url', present(article.url)],
      ['published', present(article.published)],
      ['exported', exportedAt],
      ['tags', obsidianTags(article.tags)]
    ]),
    `# ${escapeInline(headingText(article.title))}`,
    ...articleBody(article, new Set())
  ]
  return finish(blocks)
}

/** One document for the whole corpus: a section per article that has highlights or a note. */
export function corpusToMarkdown(articles: ExportArticle[], exportedAt: string, corpusName: string): string {
  const blocks = [
    frontMatter([
      ['title', corpusName.trim() || UNTITLED],
      ['exported', exportedAt]
    ]),
    `# ${escapeInline(headingText(corpusName))}`
  ]
  const usedIds = new Set<string>()
  const annotated = articles.filter((a) => a.highlights.length > 0 || noteToMarkdown(a.note) !== null)
  if (annotated.length === 0) blocks.push('No highlights or notes yet.')
  for (const article of annotated) {
    blocks.push(`## ${escapeInline(headingText(article.title))}`)
    const meta = metadataLine(article)
    if (meta) blocks.push(meta)
    blocks.push(...articleBody(article, usedIds))
  }
  return finish(blocks)
}

/**
 * A file name that every common file system and Obsidian accept: no path separators,
 * no characters Windows or Obsidian links reject, no reserved device names, no
 * leading/trailing dots or spaces, at most 100 characters before `.md`.
 */
export function exportFileName(title: string): string {
  let name = title
    .normalize('NFC')
    // Windows-reserved, path separators, control characters; `#^[]|` break Obsidian links.
    .replace(/[<>:"/\\|?*#^[\]\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
  name = Array.from(name).slice(0, 100).join('').trim().replace(/[.\s]+$/, '')
  if (name === '') name = UNTITLED
  if (/^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?$/i.test(name)) name = `${name} notes`
  return `${name}.md`
}

function articleBody(article: ExportArticle, usedIds: Set<string>): string[] {
  const blocks: string[] = []
  const note = noteToMarkdown(article.note)
  if (note) blocks.push(note)
  const inReadingOrder = [...article.highlights].sort((a, b) => a.position - b.position || compare(a.id, b.id))
  for (const highlight of inReadingOrder) {
    blocks.push(quoteToBlockquote(highlight.quote), `^${blockId(highlight.id, usedIds)}`)
    const highlightNote = noteToMarkdown(highlight.note)
    if (highlightNote) blocks.push(highlightNote)
  }
  return blocks
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

/** "Source · published · [host](url)" under an article's heading in the corpus export. */
function metadataLine(article: ExportArticle): string | null {
  const parts: string[] = []
  const source = present(article.source)
  const published = present(article.published)
  const url = present(article.url)
  if (source) parts.push(escapeInline(oneLine(source), parts.length === 0))
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
  const href = parsed.href.replace(/[()<>\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
  return `[${escapeInline(parsed.host)}](${href})`
}

/**
 * Obsidian tags cannot contain spaces and are written without `#` in front matter:
 * "Computer Vision" becomes "Computer-Vision", "#ai" becomes "ai". Duplicates are dropped.
 */
function obsidianTags(tags: string[]): string[] {
  const out: string[] = []
  for (const tag of tags) {
    const clean = tag.trim().replace(/^#+/, '').replace(/\s+/g, '-')
    if (clean && !out.includes(clean)) out.push(clean)
  }
  return out
}

/** A blank or missing value is left out of the export. */
function present(value: string | null): string | null {
  return value !== null && value.trim() !== '' ? value : null
}

function headingText(title: string): string {
  return oneLine(title) || UNTITLED
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim()
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Blocks separated by one blank line; one final newline. */
function finish(blocks: string[]): string {
  return `${blocks.join('\n\n')}\n`
}
