// The process a fault scenario runs as "the app": the real Gloss core (startGloss, the
// code the desktop app and the harness run) on a data folder, creating highlights as
// fast as the contract answers. It prints one JSON line per event to its parent:
//   {"ready":true}                          the core has opened the folder
//   {"ack":"<highlight id>"}                highlight.create answered ok: acknowledged
//   {"told":"<message>"}|{"told":null}      app.saveStatus changed (what the banner shows)
//   {"delayMaxMs":n}                        the event loop's longest delay since ready, each second
// Arguments: <data dir> <corpus> [note bytes] [ms between edits] [first offset of the highlights]
// It never exits on its own: the parent kills it (SIGKILL, a crash) or sends "stop".
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { startGloss } from '../../src/core/app/gloss'

const [dataDir, corpus, noteBytesText, paceText, startAtText] = process.argv.slice(2)
const startAt = Number(startAtText ?? 0)
const noteBytes = Number(noteBytesText ?? 2_000)
const paceMs = Number(paceText ?? 5)
const say = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value)}\n`)
}

const delay = monitorEventLoopDelay({ resolution: 10 })
delay.enable()
const gloss = await startGloss({
  dataDir,
  sampleRoot: corpus,
  initialFolder: corpus,
  dialogs: { chooseFolder: async () => null, chooseSavePath: async () => null, chooseExportFolder: async () => null, chooseOpenFile: async () => null },
  log: () => undefined
})
let told: string | null = null
const checkStatus = async () => {
  const status = await gloss.dispatch('app.saveStatus', {})
  const message = status.ok ? ((status.value as { problem: { message: string } | null }).problem?.message ?? null) : null
  if (message !== told) {
    told = message
    say({ told })
  }
}
gloss.onEvent((event) => {
  if (event.type === 'changed' && event.change.saving) void checkStatus()
})
await checkStatus()
const list = await gloss.dispatch('library.list', {})
const articles = list.ok ? (list.value as { articles: { id: string }[] }).articles : []
// Measured from here: start-up (loading modules, the first scan) is not an edit's delay.
delay.reset()
say({ ready: true, articles: articles.length })
setInterval(() => say({ delayMaxMs: Math.round(delay.max / 1e6) }), 1_000).unref()

let stopping = false
process.stdin.on('data', (chunk) => {
  if (String(chunk).includes('stop')) stopping = true
})

const note = 'A note long enough to fill a small disk quickly. '.repeat(Math.ceil(noteBytes / 50)).slice(0, noteBytes)
for (let n = 0; !stopping; n++) {
  const articleId = articles[n % articles.length].id
  const made = await gloss.dispatch('highlight.create', { articleId, start: startAt, end: startAt + 4 + (n % 20), color: 'yellow', note: `${n}: ${note}` })
  if (made.ok) say({ ack: (made.value as { id: string }).id })
  await new Promise((resolve) => setTimeout(resolve, paceMs))
}
await gloss.close().catch(() => undefined)
say({ delayMaxMs: Math.round(delay.max / 1e6), closed: true })
process.exit(0)
