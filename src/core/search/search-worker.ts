// The search index's thread: building it (parsing every body into the reader's text
// and indexing it) takes seconds at 10,000 articles, which must not freeze the window.
import { parentPort } from 'node:worker_threads'
import { SearchIndex } from './search-index'
import { applyCommand, type SearchCommand } from './search-protocol'

const index = new SearchIndex()
let warming = false

// Between messages, build reader texts a few at a time (a query waits at most for one
// small batch), so that snippets of later queries need no Markdown parse.
function warm(): void {
  if (warming) return
  warming = true
  const step = (): void => {
    if (index.warmTexts(4)) setImmediate(step)
    else warming = false
  }
  setImmediate(step)
}

parentPort?.on('message', (command: SearchCommand) => {
  const reply = applyCommand(index, command)
  if (reply) parentPort?.postMessage(reply)
  warm()
})
