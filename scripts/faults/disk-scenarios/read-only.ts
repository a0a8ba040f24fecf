// The data folder is remounted read-only while Gloss runs: edits go on being
// acknowledged, the user is told at once, and after a kill and a read-write remount a
// restarted Gloss holds every one of them. Then: Gloss started on a read-only data
// folder says so before the first edit.
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { cleanup, highlightsAfterRestart, lossAfterKill, makeCorpus, mountTmpfs, remount, startWriter, tempBase, unmount, type Scenario } from '../support'

export const scenario: Scenario = {
  name: 'data folder remounted read-only, killed, then started read-only',
  async run() {
    const base = await tempBase('read-only')
    const dataDir = path.join(base, 'data')
    await mkdir(dataDir)
    const corpus = await makeCorpus(base)
    const cannot = mountTmpfs(dataDir, '32m')
    if (cannot) {
      await cleanup(base)
      return { name: this.name, skipped: cannot, eventLoopMaxMs: null, acknowledged: 0, lost: 0, told: null, notes: [] }
    }
    try {
      const writer = startWriter(dataDir, corpus, 500, 40)
      await writer.waitFor(() => writer.acks.length >= 20)
      remount(dataDir, 'ro')
      await writer.waitFor((line) => typeof line.told === 'string' && /read-only/.test(line.told))
      const ackedWhenTold = writer.acks.length
      // Long enough after the banner that edits older than the write window are checked too.
      await writer.waitFor(() => writer.acks.length >= ackedWhenTold + 60)
      await writer.kill()

      // Started on the read-only folder: told before anything is edited.
      const second = startWriter(dataDir, corpus, 500, 1_000_000)
      await second.waitFor((line) => line.ready === true)
      const toldAtStart = second.toldEver[0] ?? null
      await second.kill()

      remount(dataDir, 'rw')
      const after = await highlightsAfterRestart(dataDir, corpus)
      const { lost, inWindow, inWindowLost } = lossAfterKill(writer, after.ids)
      return {
        name: this.name,
        skipped: null,
        eventLoopMaxMs: Math.max(writer.delayMaxMs, second.delayMaxMs),
        acknowledged: writer.acks.length,
        lost,
        told: writer.told,
        notes: [
          `${ackedWhenTold - 20} acknowledged between the remount and the banner, ${writer.acks.length - ackedWhenTold} after it`,
          `started read-only: ${toldAtStart ?? 'NOTHING TOLD'}`,
          `acknowledged in the last second before the kill (the write window): ${inWindow}, of which lost ${inWindowLost}`,
          `on restart: ${after.notice ?? 'no notice'}`
        ]
      }
    } finally {
      unmount(dataDir)
      await cleanup(base)
    }
  }
}
