// scanCorpus: a folder in, every readable article and every problem out. Nothing is
// ever written into the folder, and no single bad file stops the scan.
import { open, realpath, stat } from 'node:fs/promises'
import type { ArticleSummary, Problem } from '../../shared/model'
import { badInput, notFound } from '../../shared/result'
import { bytesStartWith, decodeText } from './decode'
import { readFrontMatter } from './front-matter'
import { compareStrings, pairMetadataWithBody } from './pair'
import { parseDocument, type ParsedDocument } from './parse-file'
import { errorCode } from './paths'
import { walkCorpus, type FoundFile } from './walk'

export interface CorpusArticle extends Omit<ArticleSummary, 'highlightCount'> {
  /** Raw body: Markdown source for .md/.markdown, plain text for .txt (after front matter / title line removed). */
  body: string
  format: 'markdown' | 'text'
  /** Hash of the body with whitespace normalised: lets a moved/renamed file be matched back. */
  fingerprint: string
}
export interface ScanResult {
  /** realpath of the scanned folder */
  root: string
  articles: CorpusArticle[]
  problems: Problem[]
}
export interface ScanOptions {
  /** Files larger than this are listed as problems. Default 20 MiB. */
  maxFileBytes?: number
  /** Files read at once. Default 16. */
  concurrency?: number
}

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
const DEFAULT_CONCURRENCY = 16

export async function scanCorpus(root: string, options: ScanOptions = {}): Promise<ScanResult> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const rootReal = await resolveRoot(root)
  const walk = await walkCorpus(rootReal)
  const problems = [...walk.problems]
  const documents: ParsedDocument[] = []

  const outcomes = await mapWithConcurrency(walk.files, options.concurrency ?? DEFAULT_CONCURRENCY, (file) =>
    loadDocument(file, maxFileBytes)
  )
  for (const outcome of outcomes) {
    if (outcome === null) continue
    if ('reason' in outcome) problems.push(outcome)
    else documents.push(outcome)
  }

  return {
    root: rootReal,
    articles: pairMetadataWithBody(documents),
    problems: problems.sort((a, b) => compareStrings(a.path, b.path) || compareStrings(a.reason, b.reason))
  }
}

async function resolveRoot(root: string): Promise<string> {
  let rootReal: string
  try {
    rootReal = await realpath(root)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw notFound(`Folder ${root}`)
    throw badInput(`Folder cannot be opened: ${root}`)
  }
  if (!(await stat(rootReal)).isDirectory()) throw badInput(`Not a folder: ${root}`)
  return rootReal
}

/** A document, a problem, or null for a file that turned out not to be an article. */
async function loadDocument(file: FoundFile, maxFileBytes: number): Promise<ParsedDocument | Problem | null> {
  const sniffing = file.kind === 'sniff'
  const problem = (reason: string): Problem | null => (sniffing ? null : { path: file.path, reason })
  let bytes: Buffer
  try {
    const read = await readWithLimit(file.absolutePath, maxFileBytes, sniffing)
    if (read.kind === 'skip') return null
    if (read.kind === 'too-large') return problem(tooLargeReason(read.size, maxFileBytes))
    bytes = read.bytes
  } catch (error) {
    return problem(readError(error))
  }

  const decoded = decodeText(bytes)
  if (!decoded.ok) return problem(decoded.reason)
  // Without a known extension only complete front matter with fields makes an article.
  if (sniffing) {
    const frontMatter = readFrontMatter(decoded.text)
    if (frontMatter.kind !== 'fields' || Object.keys(frontMatter.data).length === 0) return null
  }
  const parsed = parseDocument({
    path: file.path,
    text: decoded.text,
    format: file.kind === 'text' ? 'text' : 'markdown',
    encodingNote: decoded.encodingNote
  })
  return parsed.ok ? parsed.document : problem(parsed.reason)
}

type ReadOutcome = { kind: 'bytes'; bytes: Buffer } | { kind: 'too-large'; size: number } | { kind: 'skip' }

// One open per file: size check, the few bytes that decide whether an extension-less
// file is an article, and the read itself all go through the same handle.
async function readWithLimit(filePath: string, maxFileBytes: number, sniffing: boolean): Promise<ReadOutcome> {
  const handle = await open(filePath, 'r')
  try {
    const { size } = await handle.stat()
    if (size > maxFileBytes) return sniffing ? { kind: 'skip' } : { kind: 'too-large', size }
    if (sniffing) {
      const head = Buffer.alloc(8)
      const { bytesRead } = await handle.read(head, 0, head.length, 0)
      if (!bytesStartWith(head.subarray(0, bytesRead), '---')) return { kind: 'skip' }
    }
    return { kind: 'bytes', bytes: await handle.readFile() }
  } finally {
    await handle.close()
  }
}

function tooLargeReason(size: number, limit: number): string {
  return `File is too large (${formatMegabytes(size)}; the limit is ${formatMegabytes(limit)})`
}

const formatMegabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`

function readError(error: unknown): string {
  const code = errorCode(error)
  if (code === 'EACCES' || code === 'EPERM') return 'Permission denied: this file cannot be read'
  if (code === 'ENOENT') return 'File disappeared while the folder was being read'
  return `File could not be read (${code ?? (error instanceof Error ? error.message : 'unknown error')})`
}

/** Like Promise.all(items.map(fn)) with at most `limit` calls in flight; keeps order. */
export async function mapWithConcurrency<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}
