// Where a library's search index is kept between runs, and writing it safely: in Gloss's
// data folder (never the corpus), one file per library root, replaced atomically (a temp
// file renamed over it) so that a crash mid-write leaves the previous index or none.
//
// Persisting pays (scripts/search-bench/index-bench.ts, 10,000 articles): loading the
// saved index answered after 1.2 s against 9.2 s to rebuild it, bodies being read later,
// only for the articles a query returns.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { threadId } from 'node:worker_threads'

export function searchIndexFile(dataDir: string, root: string): string {
  const key = createHash('sha256').update(root, 'utf8').digest('hex').slice(0, 16)
  return path.join(dataDir, 'search', `${key}.json`)
}

export function writeFileAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}-${threadId}.tmp`
  try {
    writeFileSync(temp, text)
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

/** The file's text, or null when there is none. */
export function readIfPresent(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
