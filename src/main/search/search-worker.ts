// The search index's thread: building it (parsing every body into the reader's text
// and indexing it) takes seconds at 10,000 articles, which must not freeze the window.
import { parentPort } from 'node:worker_threads'
import { SearchIndex } from './search-index'
import { applyCommand, type SearchCommand } from './search-protocol'

const index = new SearchIndex()
parentPort?.on('message', (command: SearchCommand) => {
  const reply = applyCommand(index, command)
  if (reply) parentPort?.postMessage(reply)
})
