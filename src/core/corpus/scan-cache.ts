// The scan's memory between runs: for every file, its size, modification time and
// parsed summary (never its body), so that reopening a folder re-reads only the files
// that changed. It lives in Gloss's data folder (store/data-folder.ts names the file),
// never in the corpus. A cache that cannot be read or does not fit is ignored: the
// folder is simply read again.
import { readFile } from 'node:fs/promises'
import { writeDurably } from '../fs/durable-write'
import type { DocumentSummary } from './parse-file'
import type { FileKind } from './walk'

// 2: saved web pages (kind html), and CJK characters counted as words.
const VERSION = 2

/** One file as it was last read; `document` null = not an article (an extension-less non-article). */
export interface CachedEntry {
  absolutePath: string
  kind: FileKind
  size: number
  mtimeMs: number
  document: DocumentSummary | null
}

interface CacheFileShape {
  version: number
  root: string
  files: Record<string, CachedEntry>
}

/** The cached entries by relative path, or an empty map when there is no usable cache. */
export async function readScanCache(file: string, root: string): Promise<Map<string, CachedEntry>> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheFileShape>
    if (parsed?.version !== VERSION || parsed.root !== root || typeof parsed.files !== 'object' || parsed.files === null) return new Map()
    const entries = new Map<string, CachedEntry>()
    for (const [relative, entry] of Object.entries(parsed.files)) if (isEntry(entry)) entries.set(relative, entry)
    return entries
  } catch {
    return new Map()
  }
}

/** Writes the cache durably (fs/durable-write): a crash leaves the old one or none. */
export async function writeScanCache(file: string, root: string, entries: Map<string, CachedEntry>): Promise<void> {
  const shape: CacheFileShape = { version: VERSION, root, files: Object.fromEntries(entries) }
  await writeDurably(file, JSON.stringify(shape), { makeFolder: true })
}

// Checked only as far as a wrong shape could mislead the scan; a damaged entry is re-read.
function isEntry(value: unknown): value is CachedEntry {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  if (typeof entry.absolutePath !== 'string' || typeof entry.size !== 'number' || typeof entry.mtimeMs !== 'number') return false
  if (entry.kind !== 'markdown' && entry.kind !== 'text' && entry.kind !== 'html' && entry.kind !== 'sniff') return false
  if (entry.document === null) return true
  const document = entry.document as Record<string, unknown> | undefined
  return (
    typeof document === 'object' &&
    typeof document.path === 'string' &&
    typeof document.title === 'string' &&
    typeof document.hasText === 'boolean' &&
    typeof document.hasMetadata === 'boolean' &&
    typeof document.words === 'number' &&
    typeof document.bodyHash === 'string' &&
    typeof document.metadata === 'object' &&
    document.metadata !== null &&
    Array.isArray((document.metadata as { topics?: unknown }).topics)
  )
}
