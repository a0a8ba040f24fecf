// A file's bytes → its document, whatever the format: Markdown and plain text are
// decoded (decode.ts) and parsed (parse-file.ts); a saved web page decodes by its own
// declared charset and is extracted (html/parse-html.ts). The one entry point for the
// scan and for every later read of a body (the reader, the search worker).
import { decodeText } from './decode'
import { parseHtmlDocument } from './html/parse-html'
import { parseDocument, type ArticleFormat, type ParseResult } from './parse-file'

export function parseFileBytes(bytes: Uint8Array, path: string, format: ArticleFormat): ParseResult {
  if (format === 'html') return parseHtmlDocument(bytes, path)
  const decoded = decodeText(bytes)
  if (!decoded.ok) return decoded
  return parseDocument({ path, text: decoded.text, format, encodingNote: decoded.encodingNote })
}
