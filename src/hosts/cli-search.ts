// `gloss search`: the app's search (same index, same ranking) from the terminal.
//
// It uses the folder's saved index when the app (or an earlier search) has built one:
// the folder is listed through the app's scan cache (only files whose size or
// modification time changed are read), the saved index is loaded in the search worker,
// and only articles changed since it was saved are indexed again. Without a saved index
// it says so on stderr, builds one and saves it for the next search and for the app.
import { realpath } from 'node:fs/promises'
import { GlossError } from '../shared/result'
import { openCorpus, type OpenCorpus } from '../core/export/open-corpus'
import { librarySnapshot } from '../core/library/search-snapshot'
import { createSearchService } from '../core/search/search-service'
import { dataDirOf, fromUserCwd, lockForReading, type CliIo, type Parsed } from './cli-context'

export async function searchCommand(parsed: Parsed, io: CliIo, now: () => Date): Promise<number> {
  const [folder, query] = parsed.positional
  const limitText = parsed.values.get('--limit')
  const limit = limitText === undefined ? 20 : Number(limitText)
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new GlossError('BAD_INPUT', '--limit must be a whole number from 1 to 200')
  if (!query.trim()) throw new GlossError('BAD_INPUT', 'The query is empty')
  const dataDir = dataDirOf(parsed)
  // The worker thread, as in the app: measured on 10,000 articles it builds in a third of
  // the time an in-process build takes (its own small heap; see scripts/search-bench).
  // It starts, and loads the saved index, while this thread lists the folder.
  let articleCount: number | null = null
  let missing = false
  const sayBuilding = (): void => {
    if (!missing || articleCount === null) return
    missing = false
    io.err(`gloss: no saved search index for this folder yet; building one for ${articleCount} article${articleCount === 1 ? '' : 's'} (saved for the next search)`)
  }
  const search = createSearchService({
    dataDir,
    log: (message) => io.err(message),
    onOpen: (outcome) => {
      missing = outcome.status === 'missing'
      sayBuilding()
    }
  })
  let corpus: OpenCorpus
  // The app (or harness) may hold the data folder: then read its stores and write none.
  const lock = await lockForReading(dataDir)
  try {
    const root = await realpath(fromUserCwd(folder)).catch(() => null)
    // A folder that is not there is reported by openCorpus, in the app's words.
    if (root) search.prepare(root)
    corpus = await openCorpus(fromUserCwd(folder), dataDir, now, { scanCache: true, readOnly: lock === null })
  } catch (error) {
    await search.close()
    await lock?.release()
    throw error
  }
  articleCount = corpus.session.scan.articles.length
  sayBuilding()
  try {
    search.sync(librarySnapshot(corpus.session))
    const response = await search.query(query, limit)
    if (parsed.flags.has('--json')) {
      io.out(JSON.stringify(response, null, 2))
      return 0
    }
    io.out(`${response.total} result${response.total === 1 ? '' : 's'} for "${query}" (${response.tookMs} ms)`)
    for (const result of response.results) {
      const { text, marks } = result.snippet
      // Marked words between » «, as a terminal has no highlighting to rely on.
      let shown = ''
      let at = 0
      for (const mark of marks) {
        shown += `${text.slice(at, mark.start)}»${text.slice(mark.start, mark.end)}«`
        at = mark.end
      }
      shown += text.slice(at)
      io.out(`\n${result.title} [${result.kind}] ${result.articleId}`)
      io.out(`  ${shown.replace(/\s+/g, ' ').trim()}`)
    }
    return 0
  } finally {
    await search.close()
    await corpus.close()
    await lock?.release()
  }
}
