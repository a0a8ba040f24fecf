// The yardstick: an ordinary folder opened and an ordinary article read, the same
// steps as the hostile-Markdown scenarios. Its delay is what the machine itself adds
// (start-up, a loaded CPU), to read the others' figures against.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { FaultScenario } from '../scenario'

const scenario: FaultScenario = {
  name: 'control: an ordinary folder and article',
  control: true,
  async prepare(context) {
    await writeFile(path.join(context.corpus, 'walk.md'), '# A Walk\n\nAlong the canal, past the lock keeper\'s cottage, to the mill.\n')
    await writeFile(path.join(context.corpus, 'calm.md'), '# Calm\n\nAn ordinary page about a walk along the canal.\n')
    return async () => {
      const { call } = await context.start()
      const { articles } = await call('library.list', { sort: 'title' })
      // About as long as a hostile scenario (its budget, ~1-2 s), so that it has as much
      // chance to meet the machine's own stalls: reading articles, then idle turns.
      const until = Date.now() + (context.short ? 1_500 : 5_500)
      let reads = 0
      while (Date.now() < until) {
        for (const { id } of articles) await call('article.get', { articleId: id })
        reads += articles.length
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      return { told: `${articles.length} articles listed, ${reads} reads` }
    }
  }
}

export default scenario
