// The browser harness's HTTP rules, against a real server on a free port backed by
// the real Gloss core on a temp corpus and a temp data folder.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir, realpath, rm, symlink } from 'node:fs/promises'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { writeCorpus } from '../../tests/fixtures/corpus-builder'
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy'
import {
  confinedPath,
  harnessDialogs,
  harnessOptionsFromArgs,
  isAllowedHost,
  MAX_BODY_BYTES,
  reserveExportPath,
  startHarness,
  TOKEN_HEADER,
  type Harness
} from './web'

const cleanup: string[] = []
async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `gloss-web-${prefix}-`))
  cleanup.push(dir)
  return dir
}
afterAll(async () => {
  for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true })
})

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
  json(): { ok: boolean; value?: any; error?: { code: string; message: string } }
}

/** A raw request, so the test controls the Host header and the exact path bytes. */
function request(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8')
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) })
        })
      }
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

const SECRET = 'the contents of a file outside out/renderer'

/** Opens an event stream and collects what arrives; `close()` ends it. */
function openStream(port: number, streamPath: string, headers: Record<string, string> = {}) {
  let received = ''
  let req: http.ClientRequest
  const response = new Promise<http.IncomingMessage>((resolve, reject) => {
    req = http.get({ host: '127.0.0.1', port, path: streamPath, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (received += chunk))
      res.on('error', () => undefined)
      resolve(res)
    })
    req.on('error', reject)
  })
  return { response, text: () => received, close: () => req.destroy() }
}

/** The events in a Server-Sent Events text: name and parsed data. */
function parseEvents(text: string): Array<{ event: string; data: any }> {
  return text
    .split('\n\n')
    .map((block) => block.split('\n'))
    .filter((lines) => lines.some((l) => l.startsWith('event: ')))
    .map((lines) => ({
      event: lines.find((l) => l.startsWith('event: '))!.slice(7),
      data: JSON.parse(lines.find((l) => l.startsWith('data: '))!.slice(6))
    }))
}

describe('browser harness', () => {
  let harness: Harness
  let dataDir: string
  let corpus: string
  let rpc: (method: string, input: unknown, headers?: Record<string, string>) => Promise<Reply>

  beforeAll(async () => {
    const base = await tempDir('site')
    const rendererDir = path.join(base, 'renderer')
    await writeCorpus(base, {
      'secret.txt': SECRET,
      'renderer-evil/x.js': SECRET,
      'renderer/index.html': '<!doctype html><title>Gloss</title><script type="module" src="./assets/app.js"></script>',
      'renderer/assets/app.js': 'console.log("gloss")'
    })
    await symlink(path.join(base, 'secret.txt'), path.join(rendererDir, 'assets', 'link-out.txt'))
    corpus = await tempDir('corpus')
    await writeCorpus(corpus, {
      'harbour.md': '---\ntitle: The Harbour Ledger\ndate: 2023-05-01\ntags: [maritime]\n---\n\nThe harbour master kept a ledger of every ship that came in.\n',
      'bees.md': '# Bees in Winter\n\nA hive keeps warm by shivering together.\n'
    })
    const sampleRoot = await tempDir('sample')
    await writeCorpus(sampleRoot, { 'welcome.md': '# Welcome\n\nA sample.\n' })
    dataDir = await tempDir('data')
    harness = await startHarness({ corpus, dataDir, rendererDir, sampleRoot })
    rpc = (method, input, headers = {}) =>
      request(harness.port, {
        method: 'POST',
        path: `/rpc/${method}`,
        headers: { 'content-type': 'application/json', 'x-gloss-token': harness.token, ...headers },
        body: JSON.stringify(input)
      })
  })
  afterAll(async () => {
    await harness?.close()
  })

  it('listens on 127.0.0.1 with a random token in the page URL', () => {
    expect(harness.url).toBe(`http://127.0.0.1:${harness.port}/?token=${harness.token}`)
    expect(harness.port).toBeGreaterThan(0)
    expect(harness.token).toMatch(/^[0-9a-f]{64}$/)
  })

  it('serves the page with the app CSP and without leaking the token as a Referer', async () => {
    const page = await request(harness.port, { path: `/?token=${harness.token}` })
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    expect(page.body).toContain('<title>Gloss</title>')
    const script = await request(harness.port, { path: '/assets/app.js' })
    expect(script.status).toBe(200)
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(script.headers['x-content-type-options']).toBe('nosniff')
  })

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%5csecret.txt',
    '/..\\secret.txt',
    '/%2e%2e/renderer-evil/x.js',
    '/assets/link-out.txt',
    '/%00',
    '/%E0%A4%A',
    '/assets',
    '/nope.js'
  ])('does not serve %s', async (requestPath) => {
    const reply = await request(harness.port, { path: requestPath })
    expect(reply.status).toBe(404)
    expect(reply.body).not.toContain(SECRET)
  })

  it.each([
    ['a rebound DNS name', (port: number) => `evil.example:${port}`],
    ['another port', (port: number) => `127.0.0.1:${port + 1}`],
    ['no port', () => '127.0.0.1'],
    ['a lookalike', (port: number) => `127.0.0.1:${port}.evil.example`]
  ])('refuses a foreign Host header (%s) for pages and calls', async (_name, host) => {
    const page = await request(harness.port, { path: '/', headers: { host: host(harness.port) } })
    expect(page.status).toBe(403)
    const call = await rpc('library.current', {}, { host: host(harness.port) })
    expect(call.status).toBe(403)
  })

  it('refuses a request without a Host header', async () => {
    // HTTP/1.0 may omit Host (Node's client always sends one, so use a raw socket).
    const head = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(harness.port, '127.0.0.1', () => socket.end('GET / HTTP/1.0\r\n\r\n'))
      let data = ''
      socket.on('data', (chunk) => (data += chunk))
      socket.on('end', () => resolve(data))
      socket.on('error', reject)
    })
    expect(head).toMatch(/^HTTP\/1\.[01] 403/)
    expect(head).not.toContain('<title>Gloss</title>')
  })

  it('accepts localhost:<port> as well as 127.0.0.1:<port>', async () => {
    expect((await request(harness.port, { path: '/', headers: { host: `localhost:${harness.port}` } })).status).toBe(200)
  })

  it('answers a call with the same Result envelope as IPC', async () => {
    const reply = await rpc('library.current', {})
    expect(reply.status).toBe(200)
    expect(reply.headers['cache-control']).toBe('no-store')
    const result = reply.json()
    expect(result.ok).toBe(true)
    expect(result.value).toMatchObject({ articleCount: 2, isSample: false })
    const list = (await rpc('library.list', { sort: 'title' })).json()
    expect(list.value.articles.map((a: { title: string }) => a.title)).toEqual(['Bees in Winter', 'The Harbour Ledger'])
  })

  it.each([
    ['no token', {}],
    ['a wrong token', { 'x-gloss-token': 'f'.repeat(64) }],
    ['a token prefix', { 'x-gloss-token': 'short' }]
  ])('refuses a call with %s', async (_name, headers) => {
    const reply = await request(harness.port, {
      method: 'POST',
      path: '/rpc/library.current',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}'
    })
    expect(reply.status).toBe(403)
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('refuses a call from a foreign page even with the token', async () => {
    const reply = await rpc('library.current', {}, { origin: 'http://evil.example' })
    expect(reply.status).toBe(403)
    expect((await rpc('library.current', {}, { origin: `http://127.0.0.1:${harness.port}` })).status).toBe(200)
  })

  it.each([
    ['an unknown method', { path: '/rpc/library.delete' }, 404],
    ['a prototype key as method', { path: '/rpc/__proto__' }, 404],
    ['no method', { path: '/rpc/' }, 404],
    ['bad JSON', { path: '/rpc/library.current', body: '{"oops":' }, 400],
    ['an empty body', { path: '/rpc/library.current', body: '' }, 400],
    ['a form post', { path: '/rpc/library.current', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415],
    ['GET', { path: '/rpc/library.current', method: 'GET', body: undefined }, 405]
  ])('answers %s with a BAD_INPUT envelope', async (_name, overrides, status) => {
    const reply = await request(harness.port, {
      method: 'POST',
      body: '{}',
      ...overrides,
      headers: { 'content-type': 'application/json', 'x-gloss-token': harness.token, ...('headers' in overrides ? overrides.headers : {}) }
    })
    expect(reply.status).toBe(status)
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it('passes schema errors through as the dispatcher reports them', async () => {
    const reply = await rpc('article.get', { articleId: 42 })
    expect(reply.status).toBe(200)
    expect(reply.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it(`refuses bodies over ${MAX_BODY_BYTES} bytes`, async () => {
    const big = JSON.stringify({ sort: 'date', query: 'x'.repeat(MAX_BODY_BYTES) })
    const reply = await rpc('library.list', JSON.parse(big)).catch((error: NodeJS.ErrnoException) => ({ status: 413, error }))
    expect(reply.status).toBe(413)
    // The server is still fine afterwards.
    expect((await rpc('library.current', {})).status).toBe(200)
  })

  it('streams changes on disk as Server-Sent Events to a page with the token', async () => {
    const stream = openStream(harness.port, `/events?token=${harness.token}`)
    const res = await stream.response
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    expect(res.headers['cache-control']).toBe('no-store')
    await expect.poll(stream.text).toMatch(/^retry: \d+/)
    try {
      const at = Date.now()
      await writeCorpus(corpus, { 'lighthouse.md': '# The Lighthouse\n\nThe lamp turns all night.\n' })
      await expect.poll(() => parseEvents(stream.text()).length, { timeout: 10_000 }).toBeGreaterThan(0)
      const [first] = parseEvents(stream.text())
      expect(first.event).toBe('changed')
      expect(first.data).toMatchObject({ root: await realpath(corpus), cause: 'disk', articles: { added: [expect.any(String)], removed: [] } })
      expect(Date.now() - at).toBeLessThan(5_000)
      const list = (await rpc('library.list', { sort: 'title' })).json().value
      expect(list.articles.map((a: { title: string }) => a.title)).toContain('The Lighthouse')
      // The removal below is a change on disk too: wait for its event here, or it lands
      // in the next test's stream (whenever that test is slower than the watcher).
      await rm(path.join(corpus, 'lighthouse.md'))
      await expect
        .poll(() => parseEvents(stream.text()).some((e) => e.event === 'changed' && e.data.articles?.removed?.length > 0), { timeout: 10_000 })
        .toBe(true)
    } finally {
      stream.close()
      await rm(path.join(corpus, 'lighthouse.md'), { force: true })
    }
  })

  it('streams one `changed` event per edit and per undo, with what changed and the undo state', async () => {
    const stream = openStream(harness.port, `/events?token=${harness.token}`)
    await stream.response
    await expect.poll(stream.text).toMatch(/^retry: \d+/)
    const changes = () => parseEvents(stream.text()).filter((e) => e.event === 'changed')
    try {
      const list = (await rpc('library.list', { sort: 'title' })).json()
      const harbour = list.value.articles.find((a: { title: string }) => a.title === 'The Harbour Ledger')
      const article = (await rpc('article.get', { articleId: harbour.id })).json().value
      const start = article.text.indexOf('ledger')
      const created = (await rpc('highlight.create', { articleId: harbour.id, start, end: start + 'ledger'.length, color: 'pink' })).json()
      await expect.poll(() => changes().length, { timeout: 10_000 }).toBe(1)
      expect(changes()[0].data).toMatchObject({
        cause: 'edit',
        library: true,
        annotations: [harbour.id],
        highlights: [created.value.id],
        history: { canUndo: true, undoLabel: 'Create highlight' }
      })
      expect((await rpc('history.undo', {})).json()).toMatchObject({ ok: true, value: { done: { label: 'Create highlight' } } })
      await expect.poll(() => changes().length, { timeout: 10_000 }).toBe(2)
      expect(changes()[1].data).toMatchObject({ cause: 'undo', highlights: [created.value.id], history: { canUndo: false, redoLabel: 'Create highlight' } })
    } finally {
      stream.close()
    }
  })

  it.each([
    ['no token', '/events', {}, 403],
    ['a wrong token', '/events?token=0123', {}, 403],
    ['the token in a header only', '/events', { [TOKEN_HEADER]: 'the-token' }, 403],
    ['a foreign Host', '/events?token=the-token', { host: 'evil.example:80' }, 403],
    ['a foreign Origin', '/events?token=the-token', { origin: 'http://evil.example' }, 403]
  ])('refuses an event stream with %s', async (_name, streamPath, headers, status) => {
    const withToken = (value: string) => value.replace('the-token', harness.token)
    const fixed = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, withToken(v as string)]))
    const stream = openStream(harness.port, withToken(streamPath), fixed)
    const res = await stream.response
    expect(res.statusCode).toBe(status)
    stream.close()
  })

  it('answers other methods on /events with 405', async () => {
    const reply = await request(harness.port, { method: 'POST', path: `/events?token=${harness.token}` })
    expect(reply.status).toBe(405)
  })

  it('says the folder dialog is not available in the browser', async () => {
    const result = (await rpc('library.chooseFolder', {})).json()
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } })
    expect(result.error?.message).toMatch(/not available in the browser harness/)
  })

  it('saves exports into <data-dir>/exports without overwriting earlier ones', async () => {
    const list = (await rpc('library.list', { sort: 'title' })).json()
    const harbour = list.value.articles.find((a: { title: string }) => a.title === 'The Harbour Ledger')
    const article = (await rpc('article.get', { articleId: harbour.id })).json().value
    const start = article.text.indexOf('ledger')
    const created = (await rpc('highlight.create', { articleId: harbour.id, start, end: start + 'ledger'.length, color: 'green', note: 'kept by hand' })).json()
    expect(created.ok).toBe(true)
    const first = (await rpc('export.run', { scope: 'article', articleId: harbour.id, format: 'md' })).json()
    const second = (await rpc('export.run', { scope: 'article', articleId: harbour.id, format: 'md' })).json()
    const exportsDir = path.join(dataDir, 'exports')
    expect(path.dirname(first.value.path)).toBe(exportsDir)
    expect(path.dirname(second.value.path)).toBe(exportsDir)
    expect(second.value.path).not.toBe(first.value.path)
    expect(second.value.path).toMatch(/-1\.md$/)
    expect((await readdir(exportsDir)).sort()).toEqual([path.basename(first.value.path), path.basename(second.value.path)].sort())
    const markdown = await readFile(first.value.path, 'utf8')
    expect(markdown).toContain('> ledger')
    expect(markdown).toContain('kept by hand')
  })
})

describe('startHarness without a build', () => {
  it('tells the user to run npm run build', async () => {
    const empty = await tempDir('no-build')
    await expect(startHarness({ dataDir: empty, rendererDir: path.join(empty, 'out', 'renderer') })).rejects.toThrow(/npm run build/)
  })
})

describe('isAllowedHost', () => {
  it.each<[string | undefined, boolean]>([
    ['127.0.0.1:4000', true],
    ['localhost:4000', true],
    ['LOCALHOST:4000', false],
    ['127.0.0.1:40000', false],
    ['127.0.0.1', false],
    ['[::1]:4000', false],
    ['evil.example:4000', false],
    ['127.0.0.1:4000.evil.example', false],
    [undefined, false]
  ])('%s → %s', (host, allowed) => {
    expect(isAllowedHost(host, 4000)).toBe(allowed)
  })
})

describe('confinedPath', () => {
  const root = path.resolve('/srv/renderer')
  it.each<[string, string | null]>([
    ['/', path.join(root, 'index.html')],
    ['/index.html', path.join(root, 'index.html')],
    ['/assets/a%20b.js', path.join(root, 'assets', 'a b.js')],
    ['/../etc/passwd', null],
    ['/%2e%2e/etc/passwd', null],
    ['/assets/../../etc/passwd', null],
    ['/a%00b', null],
    ['/%E0%A4%A', null],
    ['/..\\etc', null]
  ])('%s → %s', (urlPath, expected) => {
    expect(confinedPath(root, urlPath)).toBe(expected)
  })
})

describe('harnessDialogs', () => {
  it('exports folders into <data-dir>/exports/<name>, the same folder each time, never outside', async () => {
    const dataDir = await tempDir('dialogs')
    const dialogs = harnessDialogs(dataDir)
    const exportsDir = path.join(dataDir, 'exports')
    expect(await dialogs.chooseExportFolder('Clippings notes')).toBe(path.join(exportsDir, 'Clippings notes'))
    expect(await dialogs.chooseExportFolder('Clippings notes')).toBe(path.join(exportsDir, 'Clippings notes'))
    for (const hostile of ['../../etc', '..', '', '/tmp/elsewhere']) {
      expect(path.dirname((await dialogs.chooseExportFolder(hostile))!)).toBe(exportsDir)
    }
  })

  it('opens the --import-file, else the last JSON it saved, else says it cannot', async () => {
    const dataDir = await tempDir('dialogs')
    const filters = [{ name: 'JSON', extensions: ['json'] }]
    await expect(harnessDialogs(dataDir).chooseOpenFile(filters)).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/--import-file/) })
    expect(await harnessDialogs(dataDir, { importFile: '/data/notes.json' }).chooseOpenFile(filters)).toBe('/data/notes.json')
    const dialogs = harnessDialogs(dataDir)
    await dialogs.chooseSavePath('Clippings annotations.json')
    await dialogs.chooseSavePath('Clippings notes.md')
    expect(await dialogs.chooseOpenFile(filters)).toBe(path.join(dataDir, 'exports', 'Clippings annotations.json'))
  })
})

describe('reserveExportPath', () => {
  it('keeps the name, numbers later ones and strips folders from the suggestion', async () => {
    const dir = path.join(await tempDir('exports'), 'exports')
    const names = []
    for (const suggestion of ['Notes.md', 'Notes.md', '../../Notes.md', '..\\Notes.md', '..', '']) {
      names.push(path.relative(dir, await reserveExportPath(dir, suggestion)))
    }
    expect(names).toEqual(['Notes.md', 'Notes-1.md', 'Notes-2.md', 'Notes-3.md', 'notes.md', 'notes-1.md'])
  })
})

describe('harnessOptionsFromArgs', () => {
  const cwd = path.resolve('/home/reader')
  it.each<[string[], { corpus: string | null; dataDir: string; port: number; importFile: string | null }]>([
    [['--corpus', 'clips'], { corpus: path.resolve(cwd, 'clips'), dataDir: path.resolve('/env/data'), port: 0, importFile: null }],
    [
      ['--corpus=/data/clips', '--data-dir', 'd', '--port', '8123'],
      { corpus: path.resolve('/data/clips'), dataDir: path.resolve(cwd, 'd'), port: 8123, importFile: null }
    ],
    [['--import-file', 'notes.json'], { corpus: null, dataDir: path.resolve('/env/data'), port: 0, importFile: path.resolve(cwd, 'notes.json') }],
    [[], { corpus: null, dataDir: path.resolve('/env/data'), port: 0, importFile: null }]
  ])('%j', (args, expected) => {
    expect(harnessOptionsFromArgs(args, { GLOSS_DATA_DIR: '/env/data' }, cwd)).toEqual(expected)
  })

  it.each([[['--port', 'eighty']], [['--port', '70000']], [['--corpus']], [['--verbose']], [['clips']]])('rejects %j', (args) => {
    expect(() => harnessOptionsFromArgs(args, {}, cwd)).toThrow(/Usage: npm run web/)
  })
})

describe('npm run web', () => {
  let child: ReturnType<typeof spawn> | null = null
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL')
  })

  it('prints the page URL as its first line and stops cleanly on SIGTERM', async (ctx) => {
    if (!existsSync(path.resolve('out/renderer/index.html'))) ctx.skip('out/renderer is missing: run `npm run build` first')
    const corpus = await tempDir('cli-corpus')
    await writeCorpus(corpus, { 'one.md': '# One\n\nText.\n' })
    const dataDir = await tempDir('cli-data')
    child = spawn(process.execPath, ['--import', 'tsx', 'src/hosts/web.ts', '--corpus', corpus, '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const proc = child
    const firstLine = await new Promise<string>((resolve, reject) => {
      let out = ''
      proc.stdout!.on('data', (chunk: Buffer) => {
        out += chunk
        if (out.includes('\n')) resolve(out.split('\n')[0])
      })
      proc.once('exit', (code) => reject(new Error(`harness exited with ${code}`)))
    })
    const match = /^Gloss harness: http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{64})$/.exec(firstLine)
    expect(match, firstLine).not.toBeNull()
    const page = await request(Number(match![1]), { path: '/' })
    expect(page.status).toBe(200)
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)))
    proc.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 30_000)
})
