// What a parse worker does for one article: read its file (bounded, read-bounded.ts),
// decode it, take off front matter and title as the scan does, and build the reader's
// text model. `plain` builds the fallback instead: the text as plain paragraphs, which
// is linear in the text's length whatever its Markdown, for a file whose full parse
// went over its budget. Runs in the worker; tests also call it directly.
import { readBoundedSync, notAFileReason, tooLargeReason } from '../fs/read-bounded'
import { bodyToBlocks, plainTextToBlocks, type TextModel } from './blocks'
import type { BodySource } from './body-source'
import { decodeText } from './decode'
import { parseFileBytes } from './parse-bytes'
import { documentBody, type ArticleFormat } from './parse-file'
import { errorCode } from './paths'

export type TextModelSource = ({ kind: 'file' } & BodySource) | { kind: 'text'; body: string; format: ArticleFormat }

export interface TextModelJob {
  source: TextModelSource
  mode: 'full' | 'plain'
}

/** `tooComplex`: the parser itself gave up (the pool then shows the plain fallback). */
export type TextModelReply = { ok: true; model: TextModel } | { ok: false; reason: string; tooComplex?: boolean }

export function runTextModelJob({ source, mode }: TextModelJob): TextModelReply {
  const body = source.kind === 'text' ? { ok: true as const, body: source.body } : readBody(source)
  if (!body.ok) return body
  const format = source.format
  return { ok: true, model: mode === 'plain' ? plainTextToBlocks(body.body) : bodyToBlocks(body.body, format) }
}

function readBody(source: BodySource): { ok: true; body: string } | { ok: false; reason: string } {
  let read
  try {
    read = readBoundedSync(source.absolutePath, { maxBytes: source.maxBytes })
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ENOENT') return { ok: false, reason: 'The file is no longer in the folder' }
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'Permission denied: this file cannot be read' }
    return { ok: false, reason: `File could not be read (${code ?? 'unknown error'})` }
  }
  if (read.kind === 'not-a-file') return { ok: false, reason: notAFileReason(read.what) }
  if (read.kind === 'too-large') return { ok: false, reason: tooLargeReason(read.size, source.maxBytes) }
  if (source.format === 'html') {
    // A saved web page: the article extracted from it, as the scan extracted it.
    const parsed = parseFileBytes(read.bytes, source.path, 'html')
    return parsed.ok ? { ok: true, body: parsed.document.body } : parsed
  }
  const decoded = decodeText(read.bytes)
  if (!decoded.ok) return decoded
  // An empty file (or only front matter) has an empty body, not a problem.
  return { ok: true, body: documentBody({ text: decoded.text, format: source.format }) }
}
