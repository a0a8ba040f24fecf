// A file's bytes → what the scan keeps of it (its summary), a problem, or null when an
// extension-less file turns out not to be an article (a saved web page is extracted:
// html/parse-html.ts). Cheap for ordinary Markdown and text files, but
// linear work over the whole text (decoding, word count, fingerprint): about 5–8 s for
// a 20 MB file, so the scan hands large files to the parse worker (text-model-pool.ts)
// and runs this there; small ones stay on the calling thread.
import { decodeText } from './decode'
import { readFrontMatter } from './front-matter'
import { parseFileBytes } from './parse-bytes'
import { parseDocument, type ArticleFormat, type DocumentSummary, type ParseResult } from './parse-file'

export interface SummaryJob {
  mode: 'summary'
  bytes: Uint8Array
  /** Relative to the root, '/'-separated. */
  path: string
  format: ArticleFormat
  /** No known extension: only complete front matter with fields makes it an article. */
  sniffing: boolean
}

export type SummaryReply = { ok: true; summary: DocumentSummary | null } | { ok: false; reason: string }

/** Files at least this large are summarized off the main thread when the scan has a worker. */
export const OFF_THREAD_SUMMARY_BYTES = 64 * 1024

export function runSummaryJob(job: SummaryJob): SummaryReply {
  if (job.format === 'html') return summaryOf(parseFileBytes(job.bytes, job.path, 'html'))
  const decoded = decodeText(job.bytes)
  if (!decoded.ok) return decoded
  if (job.sniffing) {
    const frontMatter = readFrontMatter(decoded.text)
    if (frontMatter.kind !== 'fields' || Object.keys(frontMatter.data).length === 0) return { ok: true, summary: null }
  }
  return summaryOf(parseDocument({ path: job.path, text: decoded.text, format: job.format, encodingNote: decoded.encodingNote }))
}

function summaryOf(parsed: ParseResult): SummaryReply {
  if (!parsed.ok) return parsed
  const { body: _body, ...summary } = parsed.document
  return { ok: true, summary }
}
