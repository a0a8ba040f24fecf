// An article's body, read from its text file the way the scan reads it (scan.ts keeps
// only summaries and reads bodies on demand): the search worker reads the files itself
// so that 10,000 bodies are never read on the main thread.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseFileBytes } from '../corpus/parse-bytes'
import type { ArticleFormat } from '../corpus/parse-file'

export function readArticleBody(root: string, file: string, format: ArticleFormat): string {
  try {
    const parsed = parseFileBytes(readFileSync(path.join(root, ...file.split('/'))), file, format)
    return parsed.ok ? parsed.document.body : ''
  } catch {
    // Gone or unreadable: indexed as empty until the watcher reports the change.
    return ''
  }
}
