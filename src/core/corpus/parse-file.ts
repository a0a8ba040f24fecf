// One decoded file → one document: its metadata, its title and its body. Whether a
// document is a whole article, only metadata, or only a body is decided here; pairing
// the halves is pair.ts's job.
import { bodyFingerprint, countWords, exactHash } from './article-id'
import { readFrontMatter } from './front-matter'
import { EMPTY_METADATA, mapMetadata, type ArticleMetadata } from './metadata'
import { firstMarkdownHeading, normaliseTitle, splitTitleLine, trimBlankLines } from './title'

/** markdown and text are read as written; html is a saved web page, its body the extracted article as Markdown. */
export type ArticleFormat = 'markdown' | 'text' | 'html'

export interface ParsedDocument {
  /** Relative to the corpus root, '/'-separated. */
  path: string
  format: ArticleFormat
  /** True when the file has front matter with at least one field. */
  hasMetadata: boolean
  metadata: ArticleMetadata
  /** Resolved title: metadata, then the text's own title, then the file name. */
  title: string
  body: string
  encodingNote: string | null
  /** What the scan keeps of the body (it is read again from the file when needed). */
  hasText: boolean
  words: number
  /** Whitespace-insensitive hash of the body; null when the body is empty. */
  bodyFingerprint: string | null
  /** Exact hash of the body: tells a re-wrapped text from an untouched one. */
  bodyHash: string
}

/** A document without its body: what the scan keeps in memory and in its cache. */
export type DocumentSummary = Omit<ParsedDocument, 'body'>

export type ParseResult = { ok: true; document: ParsedDocument } | { ok: false; reason: string }

export interface ParseInput {
  path: string
  text: string
  format: ArticleFormat
  encodingNote: string | null
}

export function parseDocument({ path, text, format, encodingNote }: ParseInput): ParseResult {
  if (text.trim() === '') return { ok: false, reason: 'Empty file' }
  const frontMatter = readFrontMatter(text)
  if (frontMatter.kind === 'error') return { ok: false, reason: frontMatter.reason }

  const data = frontMatter.kind === 'fields' ? frontMatter.data : {}
  const hasMetadata = Object.keys(data).length > 0
  const metadata = hasMetadata ? mapMetadata(data) : EMPTY_METADATA
  const content = frontMatter.body
  if (!hasMetadata && content.trim() === '') return { ok: false, reason: 'Empty file' }

  const { title: textTitle, body } = format === 'text' ? splitText(content, metadata.title) : splitMarkdown(content)
  const title = metadata.title ?? textTitle ?? fileTitle(path)
  const document: ParsedDocument = {
    path,
    format,
    hasMetadata,
    metadata,
    title,
    body,
    encodingNote,
    hasText: body.trim() !== '',
    words: countWords(body),
    bodyFingerprint: bodyFingerprint(body),
    bodyHash: exactHash(body)
  }
  return { ok: true, document }
}

/**
 * Only the body parseDocument would give (same front matter and title handling),
 * without the word count and hashes, which cost seconds on a 20 MB file: what opening
 * an article needs, the scan having kept the rest. '' where parseDocument fails.
 */
export function documentBody({ text, format }: Pick<ParseInput, 'text' | 'format'>): string {
  if (text.trim() === '') return ''
  const frontMatter = readFrontMatter(text)
  if (frontMatter.kind === 'error') return ''
  const data = frontMatter.kind === 'fields' ? frontMatter.data : {}
  const metadataTitle = Object.keys(data).length > 0 ? mapMetadata(data).title : null
  return format === 'text' ? splitText(frontMatter.body, metadataTitle).body : splitMarkdown(frontMatter.body).body
}

/** Metadata and no text: the first half of a seed-style pair. */
export const isMetadataOnly = (document: DocumentSummary): boolean => document.hasMetadata && !document.hasText
/** Text and no metadata: the second half of a seed-style pair. */
export const isBodyOnly = (document: DocumentSummary): boolean => !document.hasMetadata && document.hasText

// Plain text: the first non-empty line is the title. When the front matter already
// names the title, that line is only dropped if it repeats it.
function splitText(content: string, metadataTitle: string | null): { title: string | null; body: string } {
  const { title, rest } = splitTitleLine(content)
  if (title === null) return { title: null, body: '' }
  if (metadataTitle !== null && normaliseTitle(metadataTitle) !== normaliseTitle(title)) {
    return { title: null, body: trimBlankLines(content) }
  }
  return { title, body: trimBlankLines(rest) }
}

// Markdown keeps its source as written; the heading only lends the title.
function splitMarkdown(content: string): { title: string | null; body: string } {
  return { title: firstMarkdownHeading(content), body: trimBlankLines(content) }
}

function fileTitle(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  // Only known extensions: `Mr. Smith goes` (no extension) keeps its whole name.
  return name.replace(/\.(md|markdown|txt)$/i, '') || name
}
