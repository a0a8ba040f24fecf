// Literal text → Markdown source that renders as exactly that text, in CommonMark,
// GFM and Obsidian. Quotes are the article's words, so nothing in them may turn into
// emphasis, links, HTML, headings, lists, tags, math, comments or block ids.
//
// The escapes are chosen to keep the source readable: a backslash before the few
// characters that can start syntax, and character references only where a backslash
// cannot help (leading/trailing whitespace and newlines that Markdown would swallow).

/** Always escaped: each can open inline syntax somewhere in a line. */
const ALWAYS = new Set([
  '\\', // escapes
  '`', // code spans
  '*', // emphasis, lists, thematic breaks
  '_', // emphasis, thematic breaks
  '[', // links, images, footnotes, [[wikilinks]], task items, callouts
  ']',
  '<', // HTML, autolinks
  '|', // GFM tables
  '~', // GFM strikethrough, ~~~ fences
  '#', // headings, and Obsidian #tags anywhere in a line
  '$', // Obsidian math
  '^' // Obsidian block ids ^id and inline footnotes ^[...]
])

/** A character reference Markdown would decode: `&amp;`, `&#35;`, `&#x23;`. */
const CHARACTER_REFERENCE = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/
/** Schemes GFM turns into links straight from the source, where escapes would then show. */
const AUTOLINK_SCHEME = /(?:^|[^A-Za-z0-9])(?:https?|mailto|xmpp)$/i
const WWW = /(?:^|[^A-Za-z0-9])www$/i

/**
 * Escapes one line of literal text (no "\n") for use inside a paragraph, heading or
 * blockquote. `atLineStart` adds the escapes that only matter at the start of a line
 * (block syntax: `>`, `-`, `+`, `=`, `1.`).
 */
export function escapeInline(text: string, atLineStart = false): string {
  const chars = Array.from(text)
  let out = ''
  let offset = 0 // of chars[i] in text, in UTF-16 units
  const before = (i: number) => chars.slice(Math.max(0, i - 8), i).join('')
  for (let i = 0; i < chars.length; offset += chars[i].length, i++) {
    const ch = chars[i]
    if (ch === '\r') {
      out += '&#13;'
    } else if ((ch === ' ' || ch === '\t') && (i === 0 || i === chars.length - 1)) {
      // Markdown strips leading and trailing spaces/tabs of a line (and two trailing
      // spaces make a line break); a character reference is kept as the character.
      out += ch === ' ' ? '&#32;' : '&#9;'
    } else if (ALWAYS.has(ch)) {
      out += `\\${ch}`
    } else if (ch === '&' && CHARACTER_REFERENCE.test(text.slice(offset, offset + 40))) {
      out += '\\&'
    } else if ((ch === '=' || ch === '%') && (chars[i - 1] === ch || chars[i + 1] === ch)) {
      // `==highlight==` and `%%comment%%` are Obsidian syntax; single ones are plain.
      out += `\\${ch}`
    } else if (ch === ':' && AUTOLINK_SCHEME.test(before(i))) {
      // GFM links a bare https://… straight from the source, and any backslash we add
      // inside it then shows as a character. Escaping the scheme's colon stops that;
      // the URL text still comes through exactly (GFM may still link the decoded text).
      out += '\\:'
    } else if (ch === '.' && WWW.test(before(i))) {
      out += '\\.'
    } else if (atLineStart && i === 0 && (ch === '>' || ch === '-' || ch === '+' || ch === '=')) {
      // quote marker, list bullet, thematic break / setext underline
      out += `\\${ch}`
    } else {
      out += ch
    }
  }
  if (atLineStart) out = out.replace(/^([0-9]{1,9})([.)])/, '$1\\$2') // ordered list item
  return out
}

/**
 * A literal quote as a Markdown blockquote whose text is exactly the quote when the
 * paragraphs are joined with "\n\n" (the article text model's block separator).
 *
 * - every line starts with `>`; a blank line inside the quote is a line holding only `>`;
 * - "\n" becomes a line break in the source (a soft break, so the text keeps "\n");
 * - "\n\n" separates paragraphs; longer runs and newlines at either end, which
 *   Markdown would swallow, are written as `&#10;`.
 */
export function quoteToBlockquote(quote: string): string {
  return quoteToParagraphs(quote)
    .map((para) => para.map((l) => (l === '' ? '>' : `> ${l}`)).join('\n'))
    .join('\n>\n')
}

/** The same quote as plain Markdown paragraphs (no `>`): lines joined by "\n", paragraphs by "\n\n". */
export function quoteToMarkdown(quote: string): string {
  return quoteToParagraphs(quote)
    .map((para) => para.join('\n'))
    .join('\n\n')
}

/** The escaped lines of each paragraph of a quote (see quoteToBlockquote). */
function quoteToParagraphs(quote: string): string[][] {
  const paragraphs: string[][] = []
  let lines: string[] = []
  let line = ''
  const pieces = quote.split(/(\n+)/)
  pieces.forEach((piece, index) => {
    if (piece === '') return
    if (piece[0] !== '\n') {
      line += escapeInline(piece, line === '')
      return
    }
    const atStart = paragraphs.length === 0 && lines.length === 0 && line === ''
    const atEnd = pieces.slice(index + 1).every((rest) => rest === '')
    if (atStart || atEnd) {
      line += '&#10;'.repeat(piece.length)
    } else if (piece.length === 1) {
      lines.push(line)
      line = ''
    } else {
      lines.push(line)
      paragraphs.push(lines)
      lines = []
      line = '&#10;'.repeat(piece.length - 2)
    }
  })
  lines.push(line)
  paragraphs.push(lines)
  return paragraphs
}
