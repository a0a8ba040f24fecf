// The loopback browser harness: the built renderer and the contract over HTTP on
// 127.0.0.1, backed by the same Gloss core as the desktop app. It is how the app is
// exercised in a plain browser (Playwright in Debian's Chromium) where Electron's
// binary is not available.
//
//   npm run web -- --corpus <folder> [--data-dir <dir>] [--port <n>]
//
// Protocol: the page URL carries ?token=<token>; the page calls
// POST /rpc/<method> with a JSON body and the header x-gloss-token, and gets the
// Result envelope IPC would give. Events (the core's data changes, scan progress) come as
// Server-Sent Events from GET /events?token=<token> — in the query, because
// EventSource cannot set headers. Without the token, or with a Host header that is
// not this server's (DNS rebinding), the answer is 403.
// Over 400 lines on purpose: the harness's security checks (token, Host, paths,
// body size) sit next to the routes they guard, so none can be missed when one is added.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, open, readFile, realpath, stat } from 'node:fs/promises'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { isMethod } from '../shared/contract'
import { eventPayload } from '../shared/events'
import { fail, unavailable, type Result } from '../shared/result'
import { startGloss, type Gloss } from '../core/app/gloss'
import { isBelow } from '../core/corpus/paths'
import { dataDirFrom, harnessExportsDir, sampleCorpusDir } from '../core/store/data-folder'
import { isProblem, readCommandLine } from './command-line'
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy'
import type { Dialogs } from '../core/ports'

export const MAX_BODY_BYTES = 5 * 1024 * 1024
export const TOKEN_HEADER = 'x-gloss-token'
const HOST = '127.0.0.1'

export interface HarnessOptions {
  /** Folder to open at start; without it, the last folder or the sample opens. */
  corpus?: string | null
  dataDir: string
  /** 0 (the default) picks a free port. */
  port?: number
  /** The built renderer; defaults to <app>/out/renderer. */
  rendererDir?: string
  sampleRoot?: string
  /** The file the open-file "dialog" returns (import); see harnessDialogs. */
  importFile?: string | null
  /**
   * The search worker; defaults to <app>/out/main/search-worker.js, built with the
   * renderer the harness serves, when it exists. Starting the built file rather than
   * compiling the TypeScript source makes each harness (one per E2E test) start and
   * close seconds sooner on a busy machine.
   */
  searchWorker?: string
  /**
   * How long a connection may take to send its request headers, and its whole request
   * (tests shorten them). Without these a client that opens connections and never
   * finishes a request (20,000 half-open ones) exhausts the harness for real clients.
   */
  timeouts?: { headersMs?: number; requestMs?: number; checkEveryMs?: number }
}

/** Generous for a page on the same machine; a stalled connection is closed after this. */
export const HEADERS_TIMEOUT_MS = 10_000
export const REQUEST_TIMEOUT_MS = 30_000

export interface Harness {
  /** The page to open, token included. */
  url: string
  port: number
  token: string
  close(): Promise<void>
}

export class HarnessError extends Error {}

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = await realpath(options.rendererDir ?? path.join(appRoot, 'out', 'renderer')).catch(() => null)
  if (!rendererDir || !existsSync(path.join(rendererDir, 'index.html'))) {
    throw new HarnessError(
      `The built renderer is missing (${options.rendererDir ?? 'out/renderer'}/index.html). Run \`npm run build\` first.`
    )
  }
  const gloss = await startGloss({
    dataDir: options.dataDir,
    sampleRoot: options.sampleRoot ?? sampleCorpusDir(appRoot),
    initialFolder: options.corpus ?? null,
    dialogs: harnessDialogs(options.dataDir, { importFile: options.importFile }),
    watch: true,
    searchWorker: options.searchWorker ?? builtWorker('search-worker.js'),
    parseWorker: builtWorker('parse-worker.js'),
    lockOwner: 'harness'
  })
  // A page opened from the URL this returns sees every change made after it.
  await gloss.watchReady()
  const token = randomBytes(32).toString('hex')
  const streams = new Set<ServerResponse>()
  let port = 0
  const server = http.createServer({
    headersTimeout: options.timeouts?.headersMs ?? HEADERS_TIMEOUT_MS,
    requestTimeout: options.timeouts?.requestMs ?? REQUEST_TIMEOUT_MS,
    // How often Node looks for connections past those limits (its default is 30 s).
    connectionsCheckingInterval: options.timeouts?.checkEveryMs ?? 1_000,
    keepAliveTimeout: 5_000
  }, (req, res) => {
    handleRequest(req, res, { gloss, token, port, rendererDir, streams }).catch((error) => {
      console.error('gloss harness: request failed', error)
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', 'The harness could not answer this request'))
      else res.destroy()
    })
  })
  // Node's headersTimeout does not cover a connection that never sends a byte: until its
  // request arrives, a connection is given headersMs and then closed. Once it arrives the
  // timer is off (an event stream is quiet for long stretches) and keepAliveTimeout
  // takes over between requests.
  const headersMs = options.timeouts?.headersMs ?? HEADERS_TIMEOUT_MS
  server.on('connection', (socket) => {
    socket.setTimeout(headersMs, () => socket.destroy())
  })
  server.on('request', (req) => req.socket.setTimeout(0))
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, HOST, () => resolve())
    })
  } catch (error) {
    await gloss.close()
    throw error
  }
  port = (server.address() as AddressInfo).port
  let closing: Promise<void> | null = null
  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      (closing ??= (async () => {
        // End event streams properly first: a stream cut mid-chunk is a load error in the page.
        await Promise.all([...streams].map(endStream))
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
        await gloss.close()
      })())
  }
}

/** out/main/<name> (the search or parse worker) when `npm run build` has made it. */
function builtWorker(name: string): string | undefined {
  const file = path.join(appRoot, 'out', 'main', name)
  return existsSync(file) ? file : undefined
}

/**
 * Dialog stand-ins, since a browser tab has no native dialogs:
 * - open folder: not available (start the harness with --corpus);
 * - save: a new file in <data-dir>/exports, never overwriting (name.md, name-1.md…);
 * - export folder: <data-dir>/exports/<suggested name>/, the same folder each time, so
 *   that a second export is a re-export into it;
 * - open file (import): the file given with --import-file, else the last .json file
 *   this harness saved; otherwise not available.
 */
export function harnessDialogs(dataDir: string, options: { importFile?: string | null } = {}): Dialogs {
  const exportsDir = harnessExportsDir(dataDir)
  let lastSavedJson: string | null = null
  return {
    async chooseFolder() {
      throw unavailable('The folder dialog is not available in the browser harness; start it with --corpus <folder>.')
    },
    async chooseSavePath(suggestedName) {
      const saved = await reserveExportPath(exportsDir, suggestedName)
      if (/\.json$/i.test(saved)) lastSavedJson = saved
      return saved
    },
    async chooseExportFolder(suggestedName) {
      return path.join(exportsDir, safeName(suggestedName, 'notes'))
    },
    async chooseOpenFile() {
      const file = options.importFile ?? lastSavedJson
      if (!file) {
        throw unavailable('The open-file dialog is not available in the browser harness; start it with --import-file <file.json>, or export JSON first.')
      }
      return file
    }
  }
}

/** A plain file or folder name from a suggested one: no separators, never `.` or `..`. */
function safeName(suggested: string, fallback: string): string {
  const base = path.basename(suggested.replace(/\\/g, '/'))
  return base && base !== '.' && base !== '..' ? base : fallback
}

/**
 * A new file in dir named after suggestedName, never overwriting: name.md, name-1.md,
 * name-2.md, ... The file is created empty (exclusively) so that two exports at once
 * cannot pick the same name; the export then writes into it.
 */
export async function reserveExportPath(dir: string, suggestedName: string): Promise<string> {
  await mkdir(dir, { recursive: true })
  const safe = safeName(suggestedName, 'notes.md')
  const ext = path.extname(safe)
  const stem = safe.slice(0, safe.length - ext.length)
  for (let n = 0; n < 10_000; n++) {
    const candidate = path.join(dir, n === 0 ? safe : `${stem}-${n}${ext}`)
    try {
      await (await open(candidate, 'wx')).close()
      return candidate
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  throw new Error(`Too many exports named ${safe} in ${dir}`)
}

/** Only this server's own names: a foreign Host means a rebound DNS name or a proxy. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `${HOST}:${port}` || host === `localhost:${port}`
}

/** A request path inside root, or null when it would leave it (or is malformed). */
export function confinedPath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const resolved = path.resolve(root, relative)
  return isBelow(root, resolved) ? resolved : null
}

interface RequestContext {
  gloss: Gloss
  token: string
  port: number
  rendererDir: string
  /** Open event streams, ended on close. */
  streams: Set<ServerResponse>
}

async function handleRequest(req: IncomingMessage, res: ServerResponse, context: RequestContext): Promise<void> {
  if (!isAllowedHost(req.headers.host, context.port)) return sendText(res, 403, 'Forbidden: unknown Host')
  const { pathname } = new URL(req.url ?? '/', `http://${HOST}`)
  if (pathname === '/rpc' || pathname.startsWith('/rpc/')) return handleRpc(req, res, pathname.slice('/rpc/'.length), context)
  if (pathname === '/events') return handleEvents(req, res, context)
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD')
    return sendText(res, 405, 'Method not allowed')
  }
  return serveStatic(req, res, pathname, context.rendererDir)
}

async function handleRpc(req: IncomingMessage, res: ServerResponse, rawMethod: string, context: RequestContext): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST')
    return sendJson(res, 405, fail('BAD_INPUT', 'Use POST for /rpc/<method>'))
  }
  const origin = req.headers.origin
  if (origin !== undefined && !isAllowedHost(origin.replace(/^http:\/\//, ''), context.port)) {
    return sendJson(res, 403, fail('BAD_INPUT', 'Forbidden origin'))
  }
  if (!tokenMatches(req.headers[TOKEN_HEADER], context.token)) {
    return sendJson(res, 403, fail('BAD_INPUT', 'This page lacks the access token: open the URL the harness printed (it ends in ?token=…)'))
  }
  let method: string
  try {
    method = decodeURIComponent(rawMethod)
  } catch {
    method = rawMethod
  }
  if (!isMethod(method)) return sendJson(res, 404, fail('BAD_INPUT', `Unknown method: ${method.slice(0, 100)}`))
  const contentType = req.headers['content-type'] ?? ''
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    return sendJson(res, 415, fail('BAD_INPUT', 'The body must be application/json'))
  }
  const body = await readBody(req, MAX_BODY_BYTES)
  if (body === null) {
    res.setHeader('Connection', 'close')
    return sendJson(res, 413, fail('BAD_INPUT', `The body is larger than ${MAX_BODY_BYTES} bytes`))
  }
  let input: unknown
  try {
    input = JSON.parse(body.toString('utf8'))
  } catch {
    return sendJson(res, 400, fail('BAD_INPUT', 'The body is not valid JSON'))
  }
  sendJson(res, 200, await context.gloss.dispatch(method, input))
}

/** How long the page waits before reconnecting a dropped stream; a drop means the harness stopped. */
export const EVENTS_RETRY_MS = 10_000
const EVENTS_KEEPALIVE_MS = 20_000

/** GET /events?token=…: one Server-Sent Event per GlossEvent, named by its type. */
function handleEvents(req: IncomingMessage, res: ServerResponse, context: RequestContext): void {
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET')
    return sendText(res, 405, 'Method not allowed')
  }
  const origin = req.headers.origin
  if (origin !== undefined && !isAllowedHost(origin.replace(/^http:\/\//, ''), context.port)) {
    return sendText(res, 403, 'Forbidden origin')
  }
  const token = new URL(req.url ?? '/', `http://${HOST}`).searchParams.get('token') ?? undefined
  if (!tokenMatches(token, context.token)) return sendText(res, 403, 'Forbidden: this stream needs the access token')
  res.statusCode = 200
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Connection', 'keep-alive')
  setCommonHeaders(res)
  res.flushHeaders()
  res.write(`retry: ${EVENTS_RETRY_MS}\n\n`)
  const unsubscribe = context.gloss.onEvent((event) => {
    res.write(`event: ${event.type}\ndata: ${JSON.stringify(eventPayload(event))}\n\n`)
  })
  // Comments keep idle connections (and anything between) from timing out.
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), EVENTS_KEEPALIVE_MS)
  context.streams.add(res)
  res.on('close', () => {
    context.streams.delete(res)
    clearInterval(keepAlive)
    unsubscribe()
  })
}

/** Ends a stream and waits (briefly) until the end has left for the socket. */
function endStream(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 500)
    const done = () => {
      clearTimeout(timer)
      resolve()
    }
    res.once('finish', done)
    res.once('close', done)
    res.end()
  })
}

function tokenMatches(received: string | string[] | undefined, token: string): boolean {
  if (typeof received !== 'string') return false
  const a = Buffer.from(received)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The body, or null once it grows past limit (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) {
      req.resume()
      return resolve(null)
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.removeAllListeners('data')
        req.resume()
        resolve(null)
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8'
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string, root: string): Promise<void> {
  const candidate = confinedPath(root, pathname)
  if (!candidate) return sendText(res, 404, 'Not found')
  // Symlinks inside out/renderer must not lead outside it either.
  const real = await realpath(candidate).catch(() => null)
  const info = real ? await stat(real).catch(() => null) : null
  if (!real || !info?.isFile() || !isBelow(root, real)) return sendText(res, 404, 'Not found')
  const type = CONTENT_TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream'
  res.statusCode = 200
  res.setHeader('Content-Type', type)
  res.setHeader('Content-Length', info.size)
  res.setHeader('Cache-Control', 'no-cache')
  if (type.startsWith('text/html')) setPageHeaders(res)
  setCommonHeaders(res)
  if (req.method === 'HEAD') return void res.end()
  res.end(await readFile(real))
}

function setPageHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('X-Frame-Options', 'DENY')
}

function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff')
  // The page URL carries the token: never send it along as a Referer.
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

function sendJson(res: ServerResponse, status: number, result: Result<unknown>): void {
  const body = JSON.stringify(result)
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(body))
  res.setHeader('Cache-Control', 'no-store')
  setCommonHeaders(res)
  res.end(body)
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(text))
  setCommonHeaders(res)
  res.end(text)
}

// ---- command line ---------------------------------------------------------------

const USAGE = 'Usage: npm run web -- --corpus <folder> [--data-dir <dir>] [--port <n>] [--import-file <file.json>]'

/** Parses the harness flags; paths are relative to where the user ran npm. */
export function harnessOptionsFromArgs(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): HarnessOptions {
  const read = readCommandLine(args, { values: ['--corpus', '--data-dir', '--port', '--import-file'], flags: [] })
  if (isProblem(read)) throw new HarnessError(`${read.problem === 'unknown' ? `Unknown argument ${read.arg}` : `${read.name} needs a value`}\n${USAGE}`)
  if (read.positional.length) throw new HarnessError(`Unknown argument ${read.positional[0]}\n${USAGE}`)
  const corpus = read.values.get('--corpus')
  const dataDir = read.values.get('--data-dir')
  const importFile = read.values.get('--import-file')
  const portText = read.values.get('--port') ?? '0'
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port > 65535) throw new HarnessError(`--port must be a number from 0 to 65535\n${USAGE}`)
  return {
    corpus: corpus ? path.resolve(cwd, corpus) : null,
    dataDir: dataDir ? path.resolve(cwd, dataDir) : dataDirFrom([], env),
    port,
    importFile: importFile ? path.resolve(cwd, importFile) : null
  }
}

async function main(): Promise<void> {
  let harness: Harness
  try {
    const options = harnessOptionsFromArgs(process.argv.slice(2), process.env, process.env.INIT_CWD ?? process.cwd())
    harness = await startHarness(options)
    console.log(`Gloss harness: ${harness.url}`)
    console.log(`Data folder: ${options.dataDir}`)
  } catch (error) {
    console.error(`gloss harness: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
  const stop = () => {
    harness.close().then(
      () => process.exit(0),
      (error) => {
        console.error('gloss harness: could not close cleanly', error)
        process.exit(1)
      }
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (invokedDirectly) void main()
