// Export templates built to exhaust the renderer (4,999 nested sections; five nested
// {{#highlights}} over 30 highlights), sent as the live preview sends them.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { TEMPLATE_BOMBS } from '../../../src/shared/export/test-support/template-bombs'
import type { FaultScenario } from '../scenario'

const scenarios: FaultScenario[] = TEMPLATE_BOMBS.map((bomb) => ({
  name: `template: ${bomb.name}`,
  async prepare(context) {
    const words = Array.from({ length: 30 }, (_, i) => `mark${i} `).join('') + 'end.'
    await writeFile(path.join(context.corpus, 'marks.md'), `# Marks\n\n${words}\n`)
    const { call } = await context.start()
    const { articles } = await call('library.list', {})
    const article = await call('article.get', { articleId: articles[0].id })
    for (let i = 0; i < 30; i++) {
      const start = article.text.indexOf(`mark${i} `)
      await call('highlight.create', { articleId: article.id, start, end: start + `mark${i}`.length, color: 'yellow' })
    }
    return async () => {
      // Three typing pauses' worth of previews.
      let error: string | null = null
      for (let i = 0; i < 3; i++) error = (await call('export.preview', { scope: 'article', articleId: article.id, format: 'md', template: bomb.template })).error
      return { told: error ?? '(no error)', failure: error?.startsWith('Template') ? undefined : 'no template error' }
    }
  }
}))

export default scenarios
