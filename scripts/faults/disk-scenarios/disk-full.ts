// Disk full: the data folder is a 2 MB tmpfs; the app keeps creating highlights until
// the disk is full and a while after, then is killed (SIGKILL) while the disk is still
// full. After the disk is given room, a restarted Gloss must hold every acknowledged
// highlight (from the journal on another disk), and the stale temporary files must go.
import { mkdir, readdir } from 'node:fs/promises'
import path from 'node:path'
import { cleanup, highlightsAfterRestart, lossAfterKill, makeCorpus, mountTmpfs, remount, startWriter, tempBase, unmount, type Scenario } from '../support'

export const scenario: Scenario = {
  name: 'disk full (2 MB tmpfs), killed while full',
  async run() {
    const base = await tempBase('disk-full')
    const dataDir = path.join(base, 'data')
    await mkdir(dataDir)
    const corpus = await makeCorpus(base)
    const cannot = mountTmpfs(dataDir, '2m')
    if (cannot) {
      await cleanup(base)
      return { name: this.name, skipped: cannot, eventLoopMaxMs: null, acknowledged: 0, lost: 0, told: null, notes: [] }
    }
    try {
      const writer = startWriter(dataDir, corpus, 6_000, 2)
      await writer.waitFor((line) => typeof line.told === 'string' && /disk is full/.test(line.told))
      const ackedWhenTold = writer.acks.length
      // Keep editing on the full disk: each edit is still acknowledged, and must survive.
      await writer.waitFor(() => writer.acks.length >= ackedWhenTold + 20)
      await writer.kill()
      const corpora = path.join(dataDir, 'corpora')
      const tempsBefore = (await readdir(corpora)).filter((n) => n.endsWith('.tmp')).length
      remount(dataDir, 'size=64m')
      const after = await highlightsAfterRestart(dataDir, corpus)
      const tempsAfter = (await readdir(corpora)).filter((n) => n.endsWith('.tmp')).length
      const { lost, inWindow, inWindowLost } = lossAfterKill(writer, after.ids)
      return {
        name: this.name,
        skipped: null,
        eventLoopMaxMs: writer.delayMaxMs,
        acknowledged: writer.acks.length,
        lost,
        told: writer.told,
        notes: [
          `${ackedWhenTold} acknowledged before the disk filled, ${writer.acks.length - ackedWhenTold} after`,
          `stale temporary files: ${tempsBefore} after the kill, ${tempsAfter} after the restart`,
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
