// Starting one of the core's worker threads (search, parse) the same way from every
// host. Not a file primitive, but the lowest layer is where every layer can reach it.
// - A host may name the built file (the harness names out/main/<name>.js).
// - Built by electron-vite, the worker is an entry beside the bundle that starts it
//   (out/main/<name>.js next to index.js, or one folder up from a chunk).
// - From source (tests, `npm run cli`, `npm run web`), the TypeScript file, loaded
//   through tsx's API: Node 20 does not apply `--import` loaders to a worker's entry.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker, type ResourceLimits } from 'node:worker_threads'

export interface WorkerEntry {
  /** The built file's name, e.g. 'search-worker.js'. */
  builtName: string
  /** The caller's import.meta.url: where the built entry and the source are looked for. */
  from: string
  /** The TypeScript source, relative to `from`, e.g. './search-worker.ts'. */
  source: string
  /** The built file a host names; it wins when given. */
  file?: string
  resourceLimits?: ResourceLimits
}

let tsxApiUrl: string | null = null
// The ESM build of tsx's API, found next to the CommonJS one that require.resolve gives.
// Resolved once: under tsx's loader hooks require.resolve waits on the hooks' thread,
// which would stall this thread each time a worker is replaced.
function tsxApi(): string {
  tsxApiUrl ??= pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  return tsxApiUrl
}

export function startWorker(entry: WorkerEntry): Worker {
  const options = { resourceLimits: entry.resourceLimits }
  if (entry.file) return new Worker(pathToFileURL(entry.file), options)
  for (const candidate of [`./${entry.builtName}`, `../${entry.builtName}`]) {
    const url = new URL(candidate, entry.from)
    if (existsSync(fileURLToPath(url))) return new Worker(url, options)
  }
  const tsx = tsxApi()
  const source = new URL(entry.source, entry.from).href
  const code = `import(${JSON.stringify(tsx)}).then((api) => (api.tsImport ?? api.default.tsImport)(${JSON.stringify(source)}, ${JSON.stringify(source)}))`
  return new Worker(code, { ...options, eval: true })
}
