// Markdown that takes a parser seconds to minutes (the shapes of
// src/core/corpus/test-support/hostile-markdown.ts, and 20 MB of plain prose): the
// folder is opened and the article read while the main thread is watched.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { HOSTILE_SHAPES, prose } from '../../../src/core/corpus/test-support/hostile-markdown'
import type { FaultScenario } from '../scenario'

const shapes = [
  ...HOSTILE_SHAPES.map((shape) => ({ ...shape, longOnly: false })),
  { name: '20 MB of plain prose', before: '35 s', markdown: () => prose(20 * 1024 * 1024 - 4096), longOnly: true }
]

const scenarios: FaultScenario[] = shapes.map((shape) => ({
  name: `Markdown: ${shape.name}`,
  longOnly: shape.longOnly,
  async prepare(context) {
    await writeFile(path.join(context.corpus, 'hostile.md'), `---\ntitle: Hostile\n---\n${shape.markdown()}\n`)
    await writeFile(path.join(context.corpus, 'calm.md'), '# Calm\n\nAn ordinary page about a walk along the canal.\n')
    return async () => {
      // Opening the folder (the scan reads the file) and the article, as a user would.
      const { call } = await context.start({ parseBudgetMs: context.short ? 1_000 : undefined })
      const { articles } = await call('library.list', { sort: 'title' })
      const hostile = articles.find((a) => a.title === 'Hostile')
      if (!hostile) {
        const summary = await call('library.current', {})
        return { told: summary?.problems.map((p) => `${p.path}: ${p.reason}`).join('; ') || '(not listed)' }
      }
      const article = await call('article.get', { articleId: hostile.id })
      const calm = await call('article.get', { articleId: articles.find((a) => a.title === 'Calm')!.id })
      return {
        told: article.textNotice ?? `shown in full (${article.blocks.length} blocks)`,
        failure: calm.textNotice ? 'the ordinary article was affected' : undefined
      }
    }
  }
}))

export default scenarios
