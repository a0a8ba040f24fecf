// `gloss scan`: what the library would list for a folder, as text or JSON. Needs only the
// corpus reader, so it starts without the exporters, the store or zod.
import { scanCorpus } from '../core/corpus/scan'
import { fromUserCwd, type CliIo, type Parsed } from './cli-context'

export async function scanCommand(parsed: Parsed, io: CliIo): Promise<number> {
  const folder = fromUserCwd(parsed.positional[0])
  const json = parsed.flags.has('--json')
  const result = await scanCorpus(folder)
  const articles = result.articles.map(({ id, title, format, published, source, sourceUrl, topics, files, words }) => ({
    id,
    title,
    format,
    published,
    source,
    sourceUrl,
    topics,
    files,
    words
  }))
  if (json) {
    io.out(JSON.stringify({ root: result.root, articles, problems: result.problems }, null, 2))
    return 0
  }
  io.out(`${result.root}: ${articles.length} articles, ${result.problems.length} problems`)
  for (const a of articles) io.out(`  ${a.published ?? '          '}  ${a.title}${a.source ? ` — ${a.source}` : ''}  (${a.files.join(', ')})`)
  if (result.problems.length) io.out('Problems:')
  for (const p of result.problems) io.out(`  ${p.path}: ${p.reason}`)
  return 0
}
