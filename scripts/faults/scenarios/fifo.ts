// An article file replaced by a named pipe after the folder was read: opening it used
// to hang the main process for good (a blocking readFileSync with no type check).
import { execFileSync } from 'node:child_process'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { FaultScenario } from '../scenario'

const scenario: FaultScenario = {
  name: 'article replaced by a named pipe (FIFO)',
  skip: () => (process.platform === 'win32' ? 'no named pipes in a Windows folder' : null),
  async prepare(context) {
    const file = path.join(context.corpus, 'field-notes.md')
    await writeFile(file, '# Field Notes\n\nThe heron stood in the shallows until the tide turned.\n')
    // As in the report: the watcher never said the file changed (a pipe is not a file to
    // it), so the article is still listed when it is clicked.
    const { call } = await context.start({ watch: false })
    const { articles } = await call('library.list', {})
    await rm(file)
    execFileSync('mkfifo', [file])
    return async () => {
      // Twice: the second click used to hang again.
      await call('article.get', { articleId: articles[0].id })
      const article = await call('article.get', { articleId: articles[0].id })
      return {
        told: article.textNotice ?? '(nothing)',
        failure: article.textNotice?.startsWith('Not a regular file') ? undefined : 'no notice about the pipe'
      }
    }
  }
}

export default scenario
