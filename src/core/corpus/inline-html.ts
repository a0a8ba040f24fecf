// The tiny allowlist of inline HTML tags the reader shows as formatting instead of
// literal text: <kbd>, <sub>, <sup>, <mark>, <abbr title="…">, and <br>. Each raw HTML
// token the Markdown parser hands over is matched whole against these patterns; a tag
// with any other attribute, any other tag, or an opening tag without its closing tag
// stays literal text (blocks.ts). Nothing is ever parsed as HTML or given to innerHTML:
// the result is only a mark type (and an abbr's title as plain text).
import type { MarkType } from '../../shared/model'

export type InlineTag =
  | { kind: 'open'; name: string; mark: MarkType; title?: string }
  | { kind: 'close'; name: string }
  | { kind: 'break' }

const SIMPLE: Record<string, MarkType> = { kbd: 'kbd', sub: 'sub', sup: 'sup', mark: 'marked' }
const OPEN = /^<(kbd|sub|sup|mark)\s*>$/i
const ABBR = /^<abbr(?:\s+title\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)'))?\s*>$/i
const CLOSE = /^<\/(kbd|sub|sup|mark|abbr)\s*>$/i
const BREAK = /^<br\s*\/?>$/i

// The few entities an author is likely to write inside a title; others stay as written.
const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&lt;': '<', '&gt;': '>' }

/** The allowlisted tag a raw HTML token is, or null when it must stay literal text. */
export function allowedInlineTag(raw: string): InlineTag | null {
  if (BREAK.test(raw)) return { kind: 'break' }
  const open = OPEN.exec(raw)
  if (open) {
    const name = open[1].toLowerCase()
    return { kind: 'open', name, mark: SIMPLE[name] }
  }
  const abbr = ABBR.exec(raw)
  if (abbr) {
    const title = (abbr[1] ?? abbr[2])?.replace(/&(?:amp|quot|#39|apos|lt|gt);/g, (e) => ENTITIES[e])
    return title === undefined ? { kind: 'open', name: 'abbr', mark: 'abbr' } : { kind: 'open', name: 'abbr', mark: 'abbr', title }
  }
  const close = CLOSE.exec(raw)
  if (close) return { kind: 'close', name: close[1].toLowerCase() }
  return null
}
