// An article's body, read from its text file the way the scan reads it (scan.ts keeps
// only summaries and reads bodies on demand): the search worker reads the files itself
// so that 10,000 bodies are never read on the main thread.
import path from 'node:path'
import { parseFileBytes } from '../corpus/parse-bytes'
import type { ArticleFormat } from '../corpus/parse-file'
import { DEFAULT_MAX_FILE_BYTES } from '../corpus/scan'
import { readBoundedSync } from '../fs/read-bounded'

export function readArticleBody(root: string, file: string, format: ArticleFormat): string {
  try {
    // Bounded like every corpus read: a file turned into a pipe or grown huge is skipped.
    const read = readBoundedSync(path.join(root, ...file.split('/')), { maxBytes: DEFAULT_MAX_FILE_BYTES })
    if (read.kind !== 'bytes') return ''
    const parsed = parseFileBytes(read.bytes, file, format)
    return parsed.ok ? parsed.document.body : ''
  } catch {
    // Gone or unreadable: indexed as empty until the watcher reports the change.
    return ''
  }
}
