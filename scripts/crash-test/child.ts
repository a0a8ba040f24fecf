// The process the crash test kills: it opens the real corpus store (the code the app
// runs) and changes highlights as fast as it can, printing an acknowledgement after each
// store.update() returns — the moment the app would tell the user "saved". It never
// exits on its own; the parent SIGKILLs it at a random moment.
import { openCorpusStore } from '../../src/core/store/corpus-store'
import { ackLine, between, digest, marker, newHighlight, type ChildPlan, type Op, seededRandom } from './workload'

const plan = JSON.parse(process.argv[2] ?? '') as ChildPlan
const random = seededRandom(plan.seed)

// Pipes to the parent are written synchronously on Linux, so a line that was written
// reached the parent even if the kill lands right after.
const say = (line: string): void => {
  process.stdout.write(line)
}

say(`opening ${Date.now()}\n`)
const store = await openCorpusStore(plan.dataDir, plan.root)
say(`ready ${store.data.highlights.length} ${JSON.stringify(store.notice)}\n`)

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function chooseOp(live: number): Op {
  if (live === 0) return 'create'
  const roll = random()
  if (live < plan.targetLive) return roll < 0.75 ? 'create' : roll < 0.95 ? 'edit' : 'delete'
  return roll < 0.35 ? 'create' : roll < 0.6 ? 'edit' : 'delete'
}

let burst = 0
for (let seq = 1; ; seq++) {
  const highlights = store.data.highlights
  const op = chooseOp(highlights.length)
  const at = new Date().toISOString()
  let id: string
  let recordDigest = '-'
  if (op === 'create') {
    const created = newHighlight(random, at)
    store.update((data) => {
      data.highlights.push(created)
      data.lastArticleId = marker(plan.runId, seq)
    })
    id = created.id
    recordDigest = digest(created)
  } else {
    const index = Math.floor(random() * highlights.length)
    const target = highlights[index]
    id = target.id
    if (op === 'edit') {
      const note = random() < 0.8 ? `${target.note} ${newHighlight(random, at).note}`.slice(-100_000) : ''
      const color = random() < 0.2 ? newHighlight(random, at).color : target.color
      store.update((data) => {
        target.note = note
        target.color = color
        target.updatedAt = at
        data.lastArticleId = marker(plan.runId, seq)
      })
      recordDigest = digest(target)
    } else {
      store.update((data) => {
        data.highlights.splice(index, 1)
        data.lastArticleId = marker(plan.runId, seq)
      })
    }
  }
  say(ackLine(seq, op, id, recordDigest, Date.now()))

  if (plan.pace === 'flat-out') {
    await nextTurn()
  } else if (--burst <= 0) {
    burst = between(random, 1, 30)
    await pause(between(random, 0, 40))
  } else {
    await nextTurn()
  }
}
