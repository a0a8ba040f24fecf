// A file that grows after the scan (here 25 MB appended to a small article, past the
// 20 MiB limit): it used to be read whole and parsed on the main thread.
import { appendFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { FaultScenario } from '../scenario'

const scenario: FaultScenario = {
  name: 'file grown past the size limit after the scan',
  async prepare(context) {
    const file = path.join(context.corpus, 'log.md')
    await writeFile(file, '# Ship Log\n\nDay one: calm water, light wind from the west.\n')
    // Not watching: the read that matters is the one after the scan, before any rescan.
    const { call } = await context.start({ watch: false })
    const { articles } = await call('library.list', {})
    const line = 'Day n: the same calm water, the same light wind, nothing to report.\n'
    const chunk = line.repeat(Math.ceil((1024 * 1024) / line.length))
    for (let i = 0; i < 25; i++) await appendFile(file, chunk)
    return async () => {
      const article = await call('article.get', { articleId: articles[0].id })
      return {
        told: article.textNotice ?? '(nothing)',
        failure: article.textNotice?.startsWith('File is too large') ? undefined : 'no "too large" notice'
      }
    }
  }
}

export default scenario
