// A saved web page (`.html`, `.htm`, `.xhtml`: "Save Page As", SingleFile, browser
// extensions) → one document, like a Markdown file's: metadata from the page's head,
// the article itself extracted from the page chrome, and its text as Markdown, so that
// blocks.ts turns it into the reader's blocks exactly as it does for `.md` files
// (headings, paragraphs, lists, quotes, code, links: one text model, one set of offsets
// for highlights, search and export).
//
// Choices, measured in scripts/bench/html-pages.ts (docs/formats.md has the figures):
// - DOM: linkedom, not jsdom. Readability needs a DOM; on a 60 KB page with chrome,
//   linkedom parses and extracts several times faster than jsdom and loads no
//   network, script or CSS machinery at all (jsdom only stays a dev dependency for
//   component tests).
// - Extraction: @mozilla/readability, Firefox Reader View's own algorithm.
// - To blocks: turndown to Markdown, then blocks.ts. Walking the DOM into blocks by
//   hand would be a second Markdown-like model to keep in step with the first.
//
// Pure: bytes and a path in, a ParseResult out; nothing from the page runs (linkedom
// executes no script, loads nothing) and nothing of it survives but text and links:
// scripts, handlers, styles, frames, forms and images are dropped before extraction.
// It can therefore move into a parse worker as it is.
import { createRequire } from 'node:module'
import type TurndownService from 'turndown'
import { bodyFingerprint, countWords, exactHash } from '../article-id'
import { mapMetadata } from '../metadata'
import type { ParsedDocument, ParseResult } from '../parse-file'
import { decodeHtml } from './decode-html'
import { pageMetadata } from './page-metadata'

// The three libraries cost 0.4–0.8 s to load on a busy machine: loaded the first time a
// page is met, so a folder without pages (and the search worker's start) never pays.
const requireLibrary = createRequire(import.meta.url)
interface HtmlLibraries {
  parseHTML: (typeof import('linkedom'))['parseHTML']
  Readability: (typeof import('@mozilla/readability'))['Readability']
  isProbablyReaderable: (typeof import('@mozilla/readability'))['isProbablyReaderable']
  Turndown: typeof TurndownService
}
let libraries: HtmlLibraries | null = null
function load(): HtmlLibraries {
  if (!libraries) {
    const { parseHTML } = requireLibrary('linkedom') as typeof import('linkedom')
    const { Readability, isProbablyReaderable } = requireLibrary('@mozilla/readability') as typeof import('@mozilla/readability')
    const Turndown = requireLibrary('turndown') as typeof TurndownService
    libraries = { parseHTML, Readability, isProbablyReaderable, Turndown }
  }
  return libraries
}

/** Fewer words than this after extraction: not an article (a login form, an error page). */
export const MIN_ARTICLE_WORDS = 40
/** More of the text than this inside links: an index of links, not an article. */
export const MAX_LINK_SHARE = 0.5

// The core is typed without the DOM library; these are the few calls made on linkedom's nodes.
interface PageNode {
  textContent: string | null
  querySelectorAll(selector: string): ArrayLike<PageNode>
  getAttribute(name: string): string | null
  remove(): void
}
type TurndownInput = Parameters<TurndownService['turndown']>[0]

const DROPPED = 'script, style, noscript, template, iframe, frame, frameset, object, embed, applet, form, button, input, select, textarea, canvas, svg, math, link, base, dialog, img, picture, video, audio, source, track, map'

export function parseHtmlDocument(bytes: Uint8Array, path: string): ParseResult {
  const decoded = decodeHtml(bytes)
  if (!decoded.ok) return decoded
  if (decoded.text.trim() === '') return { ok: false, reason: 'Empty file' }
  try {
    return extract(decoded.text, path, decoded.encodingNote)
  } catch (error) {
    // linkedom and Readability accept any tag soup; this is for what nobody foresaw.
    return { ok: false, reason: `The page could not be read: ${error instanceof Error ? error.message.split('\n', 1)[0] : String(error)}` }
  }
}

// SingleFile pages inline every image as a data: URI, often megabytes of base64 that
// the DOM would copy around for nothing: images are dropped anyway, so the URIs go first.
const DATA_URI = /(["'(])data:[^"')]{256,}(?=["')])/g

function extract(source: string, path: string, encodingNote: string | null): ParseResult {
  const { parseHTML, Readability, isProbablyReaderable } = load()
  const html = source.replace(DATA_URI, '$1data:,')
  // linkedom builds no <html> element for a bare fragment (browsers do): give it one.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`)
  if (!document.documentElement || !document.body) return notAnArticle('the page has no body')
  // Read before scripts go: JSON-LD lives in <script> elements.
  const metadata = mapMetadata(pageMetadata(document))
  for (const element of Array.from((document as unknown as PageNode).querySelectorAll(DROPPED))) element.remove()
  const article = new Readability(document as unknown as Document, { charThreshold: 200, keepClasses: false }).parse()
  if (!article?.content) {
    // Only to word the reason (Readability has already changed the DOM, which is what it reads).
    return notAnArticle(isProbablyReaderable(document as unknown as Document) ? 'no article text was found' : 'the page has almost no running text')
  }

  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`)
  const root = content.body as unknown as PageNode
  const body = tidy(markdownOf(root, metadata.sourceUrl))
  const words = countWords(body)
  if (words < MIN_ARTICLE_WORDS) return notAnArticle(`only ${words} word${words === 1 ? '' : 's'} of text (a sign-in page or a page that needs scripts?)`)
  const linkShare = share(root)
  if (linkShare > MAX_LINK_SHARE) return notAnArticle(`${Math.round(linkShare * 100)}% of its text is links (an index or a list of links)`)

  const title = metadata.title ?? (article.title?.trim() || null) ?? fileTitle(path)
  const document_: ParsedDocument = {
    path,
    format: 'html',
    // A page is never half of a seed-style pair (pair.ts): it always counts as carrying metadata.
    hasMetadata: true,
    metadata: {
      ...metadata,
      title,
      author: metadata.author ?? (article.byline?.trim() || null),
      source: metadata.source ?? (article.siteName?.trim() || null),
      excerpt: metadata.excerpt ?? (article.excerpt?.trim() || null)
    },
    title,
    body,
    encodingNote,
    hasText: body.trim() !== '',
    words,
    bodyFingerprint: bodyFingerprint(body),
    bodyHash: exactHash(body)
  }
  return { ok: true, document: document_ }
}

const notAnArticle = (why: string): ParseResult => ({ ok: false, reason: `Not an article: ${why}` })

/** The page's name without its extension, when the page names nothing better. */
function fileTitle(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return name.replace(/\.(html?|xhtml)$/i, '') || name
}

// Share of the text inside links: an index page is mostly links, an article mostly prose.
function share(root: PageNode): number {
  const all = (root.textContent ?? '').replace(/\s+/g, '').length
  if (all === 0) return 0
  let linked = 0
  for (const link of Array.from(root.querySelectorAll('a'))) linked += (link.textContent ?? '').replace(/\s+/g, '').length
  return linked / all
}

const tidy = (markdown: string): string => markdown.replace(/\n{3,}/g, '\n\n').trim()

let service: TurndownService | null = null
let baseUrl: string | null = null

function markdownOf(root: PageNode, base: string | null): string {
  service ??= createTurndown()
  baseUrl = base
  try {
    return service.turndown(root as unknown as TurndownInput)
  } finally {
    baseUrl = null
  }
}

function createTurndown(): TurndownService {
  const turndown = new (load().Turndown)({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*', hr: '---' })
  turndown.remove(['script', 'style', 'noscript', 'iframe', 'form', 'button', 'img', 'picture', 'svg', 'video', 'audio'] as unknown as TurndownService.Filter)
  // A link keeps its target only when it leads to a web page or a mail address,
  // resolved against the page's own address; anything else (javascript:, a file, a
  // relative link with no known base) stays as its text.
  turndown.addRule('safe-links', {
    filter: (node) => node.nodeName === 'A',
    replacement: (content, node) => {
      const href = (node as unknown as PageNode).getAttribute('href')?.trim()
      const target = href ? resolveLink(href) : null
      const label = content.trim()
      if (!target || label === '') return content
      return `[${label}](<${target.replace(/[<>]/g, encodeURIComponent)}>)`
    }
  })
  return turndown
}

function resolveLink(href: string): string | null {
  try {
    const url = baseUrl ? new URL(href, baseUrl) : new URL(href)
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null
  } catch {
    return null
  }
}
