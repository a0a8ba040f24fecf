// The app (the real core in its own process) is open on a data folder and keeps
// editing; the CLI imports into the same data folder meanwhile. The import must be
// refused with a clear message (or it would be overwritten by the app's next save), the
// app must lose nothing, and once the app has quit the same import must work.
import { execFile } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { cleanup, highlightsAfterRestart, makeCorpus, repoRoot, startWriter, tempBase, type Scenario } from '../support'

const run = promisify(execFile)

export const scenario: Scenario = {
  name: 'CLI import while the app writes the same data folder',
  async run() {
    const base = await tempBase('concurrent')
    const dataDir = path.join(base, 'data')
    const otherData = path.join(base, 'other-data')
    await mkdir(dataDir)
    const corpus = await makeCorpus(base)
    const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/hosts/gloss.ts', ...args], { cwd: repoRoot, env: { ...process.env, INIT_CWD: base } })
    try {
      // Annotations to import: made by another "app" in another data folder, exported as JSON.
      // Elsewhere in the text than the app's own (an import skips a highlight already at its place).
      const maker = startWriter(otherData, corpus, 100, 20, 30)
      await maker.waitFor(() => maker.acks.length >= 50)
      await maker.stop()
      await cli('export', corpus, '--format', 'json', '--out', 'import-me.json', '--data-dir', otherData)

      const app = startWriter(dataDir, corpus, 100, 20)
      await app.waitFor(() => app.acks.length >= 10)
      const refused = await cli('import', corpus, 'import-me.json', '--data-dir', dataDir).then(
        (done) => ({ code: 0, stderr: done.stderr, stdout: done.stdout }),
        (error: { code: number; stderr: string; stdout: string }) => error
      )
      await app.waitFor(() => app.acks.length >= 30)
      await app.stop()
      const afterApp = await highlightsAfterRestart(dataDir, corpus)
      const lost = app.acks.filter((id) => !afterApp.ids.has(id)).length

      const imported = await cli('import', corpus, 'import-me.json', '--data-dir', dataDir)
      const afterImport = await highlightsAfterRestart(dataDir, corpus)
      const importLost = maker.acks.filter((id) => !afterImport.ids.has(id)).length
      const appLostAfterImport = app.acks.filter((id) => !afterImport.ids.has(id)).length
      return {
        name: this.name,
        skipped: null,
        eventLoopMaxMs: app.delayMaxMs,
        acknowledged: app.acks.length + maker.acks.length,
        lost: lost + importLost + appLostAfterImport + (refused.code === 1 ? 0 : 1),
        told: refused.stderr.trim() || `(nothing; exit ${refused.code}, printed: ${refused.stdout.trim()})`,
        notes: [
          `CLI import while the app ran: exit ${refused.code}`,
          `after the app quit: ${imported.stdout.split('\n')[0]}; ${importLost} of ${maker.acks.length} imported highlights missing, ${appLostAfterImport} of the app's`
        ]
      }
    } finally {
      await cleanup(base)
    }
  }
}
