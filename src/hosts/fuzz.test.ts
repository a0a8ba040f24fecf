// The hardened boundary under fire: every contract method of the real Gloss core is
// called with hundreds of generated malformed payloads (wrong types, missing and extra
// keys, prototype-pollution keys, huge strings, deep nesting, traversal paths, symlink
// escapes, odd numbers, odd Unicode), in process and over the browser harness's HTTP.
// Every answer must be a structured Result with a known error code and no stack; the
// prototypes stay clean, the corpus stays byte-for-byte the same, nothing outside the
// opened folder is read, and a normal session works afterwards.
//
// Reproduce a failure with GLOSS_FUZZ_SEED=<seed printed in the failure> npx vitest run src/hosts/fuzz.test.ts
import { createHash } from 'node:crypto'
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestCorpus, type TestCorpus } from '../../tests/fixtures/corpus-builder'
import { contract, METHODS, type Method } from '../shared/contract'
import { ERROR_CODES, type Result } from '../shared/result'
import { startGloss, type Gloss } from '../core/app/gloss'
import { MAX_BODY_BYTES, reserveExportPath, startHarness, TOKEN_HEADER, type Harness } from './web'
import { seededRandom as seeded } from '../../tests/fixtures/seeded-random'

const SEED = Number(process.env.GLOSS_FUZZ_SEED ?? 0x61055)
/** Random mutations per method, on top of the systematic ones. */
const RANDOM_PER_METHOD = 150
const CANARY = 'CANARY-7f3e: text that lives outside the corpus and must never be served'
const repoSource = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')

// ---- random but reproducible --------------------------------------------------------------

type Random = () => number
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]

// ---- the sandbox ---------------------------------------------------------------------------

interface Sandbox {
  parent: string
  corpus: string
  outside: string
  sample: string
  nowhere: string
  dataDir: string
  exportsDir: string
  testCorpus: TestCorpus
}

/**
 * parent/corpus   the test corpus, plus symlinks that point out of it (to a file and a
 *                 folder next to it, and to an absolute system path)
 * parent/outside  a folder beside the corpus holding the canary
 * parent/sample   the "sample corpus"
 * dataDir         Gloss's data folder, elsewhere
 */
async function makeSandbox(): Promise<Sandbox> {
  const parent = await realpath(await mkdtemp(path.join(os.tmpdir(), 'gloss-fuzz-')))
  const corpus = path.join(parent, 'corpus')
  const outside = path.join(parent, 'outside')
  const sample = path.join(parent, 'sample')
  await mkdir(corpus)
  await mkdir(outside)
  await mkdir(sample)
  const testCorpus = await buildTestCorpus(corpus)
  await writeFile(path.join(outside, 'secret.md'), `# Outside\n\n${CANARY}\n`)
  await writeFile(path.join(outside, 'secret-notes.txt'), `Outside notes\n\n${CANARY}\n`)
  await writeFile(path.join(sample, 'welcome.md'), '# Welcome\n\nA sample article.\n')
  await symlink('../outside/secret.md', path.join(corpus, 'escape-link.md'))
  await symlink('../outside', path.join(corpus, 'linked-dir'))
  await symlink(path.join(outside, 'secret-notes.txt'), path.join(corpus, 'absolute-link.txt'))
  const dataDir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'gloss-fuzz-data-')))
  return { parent, corpus, outside, sample, nowhere: path.join(parent, 'nowhere'), dataDir, exportsDir: path.join(dataDir, 'exports'), testCorpus }
}

/** Every entry under dir: type, size, mtime and content hash (links: their target). */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  async function walk(relative: string): Promise<void> {
    const full = path.join(dir, relative)
    const info = await lstat(full)
    if (info.isSymbolicLink()) out[relative] = `link ${await readlink(full)}`
    else if (info.isDirectory()) {
      out[relative] = `dir ${info.mode}`
      for (const name of (await readdir(full)).sort()) await walk(path.join(relative, name))
    } else {
      const hash = createHash('sha256').update(await readFile(full)).digest('hex')
      out[relative] = `file ${info.size} ${info.mtimeMs} ${info.mode} ${hash}`
    }
  }
  await walk('.')
  return out
}

// ---- payloads ------------------------------------------------------------------------------

type Labelled = [label: string, value: unknown]

function nested(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value }
  return value
}

const ONE_MB = 'x'.repeat(1024 * 1024)
const TEN_MB = 'y'.repeat(10 * 1024 * 1024)
const WIDE_TEN_MB = '€'.repeat(3_500_000) // ~10 MB of UTF-8
const LONG_ID = 'a'.repeat(201)

/** Strings that must never be taken for a path, and would hurt if they were. */
function hostileStrings(box: Sandbox): Labelled[] {
  return [
    ['empty string', ''],
    ['space', ' '],
    ['"null"', 'null'],
    ['"__proto__"', '__proto__'],
    ['"constructor"', 'constructor'],
    ['../ traversal', '../../../../../../etc/passwd'],
    ['..', '..'],
    ['.', '.'],
    ['/', '/'],
    ['absolute /etc/passwd', '/etc/passwd'],
    ['absolute file outside the corpus', path.join(box.outside, 'secret.md')],
    ['corpus-relative traversal', 'notes/../../outside/secret.md'],
    ['symlink escaping the corpus', 'escape-link.md'],
    ['symlinked folder escaping the corpus', 'linked-dir/secret.md'],
    ['absolute symlink', path.join(box.corpus, 'absolute-link.txt')],
    ['percent-encoded traversal', '%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['backslash traversal', '..\\..\\windows\\system32'],
    ['UNC path', '\\\\server\\share\\file.md'],
    ['file URL', 'file:///etc/passwd'],
    ['home', '~/.ssh/id_rsa'],
    ['NUL byte', 'notes\u0000.md'],
    ['lone high surrogate', '\ud800'],
    ['lone low surrogate', '\udfff abc'],
    ['right-to-left override', 'gnp.\u202eexe'],
    ['zero-width and BOM', '\ufeff\u200b\u200d'],
    ['combining marks', 'e\u0301\u0301\u0301\u0301'],
    ['noncharacter', '\uffff\ufffe'],
    ['control characters', '\u0001\u0007\u001b[31m\r\n\t'],
    ['emoji', '🦉'.repeat(100)],
    ['an id that is too long', LONG_ID],
    ['1 MB string', ONE_MB],
    ['10 MB string', TEN_MB],
    ['10 MB of multi-byte UTF-8', WIDE_TEN_MB],
    ['JSON text', '{"ok":true}'],
    ['script markup', '<script>alert(1)</script>']
  ]
}

function hostileValues(box: Sandbox): Labelled[] {
  return [
    ['undefined', undefined],
    ['null', null],
    ['true', true],
    ['false', false],
    ['0', 0],
    ['-0', -0],
    ['-1', -1],
    ['1.5', 1.5],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['2^53', 2 ** 53],
    ['Number.MAX_VALUE', Number.MAX_VALUE],
    ['tiny float', 1e-300],
    ['BigInt', 10n],
    ['Date', new Date(0)],
    ['RegExp', /x/g],
    ['Map', new Map([['articleId', 'x']])],
    ['Set', new Set([1])],
    ['Uint8Array', new Uint8Array(8)],
    ['empty array', []],
    ['array of strings', ['a', 'b']],
    ['array holding a payload', [{ articleId: 'x' }]],
    ['empty object', {}],
    ['object', { a: 1 }],
    ['object with a toString', { toString: () => 'x', valueOf: () => 1 }],
    ['__proto__ pollution (JSON)', JSON.parse('{"__proto__":{"polluted":"yes"}}')],
    ['constructor.prototype pollution (JSON)', JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}')],
    ['prototype key (JSON)', JSON.parse('{"prototype":{"polluted":"yes"}}')],
    ['object without a prototype', Object.create(null)],
    ['deep object (5,000 levels)', nested(5000, 'x', false)],
    ['deep array (5,000 levels)', nested(5000, 'x', true)],
    ...hostileStrings(box)
  ]
}

/** Keys that must never become anything but an unknown key. */
const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'extra', '']

/** An object with an own property named `key` (even "__proto__"), as JSON.parse would make it. */
function withOwn(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...base }
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true })
  return copy
}

function without(base: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _gone, ...rest } = base
  return rest
}

type Good = Record<string, () => unknown>
type ZodLike = { _zod: { def: Record<string, any> }; shape?: Record<string, ZodLike> }

/** A value of the schema's type, preferring a real one (an existing article id…) by key. */
function goodValue(key: string, schema: ZodLike, good: Good): unknown {
  if (good[key]) return good[key]()
  const def = schema._zod.def
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
      return goodValue(key, def.innerType, good)
    case 'string':
      return 'x'
    case 'number':
      return 1
    case 'boolean':
      return true
    case 'enum':
      return Object.values(def.entries)[0]
    case 'literal':
      return def.values[0]
    case 'array':
      return []
    case 'object':
      return validBases(schema, good)[0]
    default:
      throw new Error(`fuzz: no good value for ${key} (${def.type}); teach goodValue about it`)
  }
}

/** Valid payloads of a method's input schema: one per branch of a union. */
function validBases(schema: ZodLike, good: Good): Array<Record<string, unknown>> {
  const def = schema._zod.def
  if (def.type === 'union') return def.options.flatMap((option: ZodLike) => validBases(option, good))
  if (def.type === 'pipe') return validBases(def.in, good)
  if (def.type !== 'object' || !schema.shape) throw new Error(`fuzz: cannot derive payloads for a ${def.type} schema`)
  return [Object.fromEntries(Object.entries(schema.shape).map(([key, value]) => [key, goodValue(key, value, good)]))]
}

interface Payload {
  label: string
  input: unknown
}

function payloadsFor(method: Method, box: Sandbox, good: Good, random: Random): Payload[] {
  const values = hostileValues(box)
  const bases = validBases(contract[method].input as unknown as ZodLike, good)
  const out: Payload[] = []
  for (const [label, value] of values) out.push({ label: `payload = ${label}`, input: value })
  for (const base of bases) {
    out.push({ label: 'valid', input: base })
    for (const key of Object.keys(base)) {
      out.push({ label: `without ${key}`, input: without(base, key) })
      for (const [label, value] of values) out.push({ label: `${key} = ${label}`, input: { ...base, [key]: value } })
    }
    for (const key of EXTRA_KEYS) {
      out.push({ label: `extra own key ${JSON.stringify(key)}`, input: withOwn(base, key, { polluted: 'yes' }) })
      out.push({ label: `extra key ${JSON.stringify(key)} (JSON.parse)`, input: JSON.parse(JSON.stringify({ ...base, [key]: { polluted: 'yes' } })) })
    }
  }
  for (let i = 0; i < RANDOM_PER_METHOD; i++) {
    let input: Record<string, unknown> = { ...pick(random, bases) }
    const steps: string[] = []
    for (const key of Object.keys(input)) {
      const roll = random()
      if (roll < 0.25) {
        input = without(input, key)
        steps.push(`-${key}`)
      } else if (roll < 0.65) {
        const [label, value] = pick(random, values)
        input[key] = value
        steps.push(`${key}=${label}`)
      }
    }
    if (random() < 0.4) {
      const key = random() < 0.5 ? pick(random, EXTRA_KEYS) : `k${Math.floor(random() * 1000)}`
      const [label, value] = pick(random, values)
      input = withOwn(input, key, value)
      steps.push(`+${JSON.stringify(key)}=${label}`)
    }
    out.push({ label: `random #${i}: ${steps.join(', ') || 'unchanged'}`, input: random() < 0.1 ? [input] : input })
  }
  return method === 'library.open' ? out.map((p) => ({ ...p, input: confineRoot(p.input, box) })) : out
}

/**
 * library.open may open any folder the user names, so a fuzzed root must not name a big
 * real one ("/", "..") and make the test scan the disk: strings other than the roots
 * under test go below a folder that does not exist, with dots and slashes defused.
 */
function confineRoot(input: unknown, box: Sandbox): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input) || !Object.prototype.hasOwnProperty.call(input, 'root')) return input
  const root = (input as { root: unknown }).root
  if (typeof root !== 'string' || root === '' || root.length > 4096 || rootCases(box).some(([, r]) => r === root)) return input
  return { ...(input as object), root: path.join(box.nowhere, `x-${root.replace(/[./\\]/g, '_')}`) }
}

/** Folders and non-folders to open; `opens` = the folder it must open (realpath), or null. */
function rootCases(box: Sandbox): Array<[label: string, root: string, opens: string | null]> {
  return [
    ['the corpus', box.corpus, box.corpus],
    ['the corpus with a trailing slash', `${box.corpus}/`, box.corpus],
    ['the corpus through a subfolder and ..', path.join(box.corpus, 'notes') + '/..', box.corpus],
    ['the corpus as a relative path', path.relative(process.cwd(), box.corpus), box.corpus],
    ['a subfolder of the corpus', path.join(box.corpus, 'notes'), path.join(box.corpus, 'notes')],
    ['the folder beside it, by ..', `${box.corpus}/../outside`, box.outside],
    ['the folder beside it, through a symlink inside the corpus', path.join(box.corpus, 'linked-dir'), box.outside],
    ['the parent of the corpus', box.parent, box.parent],
    ['a file', path.join(box.corpus, 'plain-letter.txt'), null],
    ['a symlink to a file outside', path.join(box.corpus, 'escape-link.md'), null],
    ['a folder that does not exist', box.nowhere, null],
    ['a folder that does not exist, through ..', `${box.nowhere}/../nowhere-either`, null],
    ['a path with a NUL byte', `${box.corpus}\u0000/notes`, null]
  ]
}

// ---- checking answers ----------------------------------------------------------------------

const STACK_LINE = /\n\s*at\s|\bat\s\S+\s\(.*:\d+:\d+\)|node:internal|\.(ts|js|mjs|cjs):\d+:\d+/

/** What is wrong with an error envelope, or null. */
function errorProblem(result: unknown): string | null {
  if (!result || typeof result !== 'object') return `not an object: ${String(result)}`
  const r = result as Result<unknown>
  if (r.ok !== false) return 'not an error'
  const error = (r as { error?: unknown }).error as { code?: unknown; message?: unknown } | undefined
  if (!error || typeof error !== 'object') return 'no error object'
  const keys = Object.keys(error).sort().join(',')
  if (keys !== 'code,message') return `error has keys ${keys}`
  if (!(ERROR_CODES as readonly unknown[]).includes(error.code)) return `unknown code ${String(error.code)}`
  if (error.code === 'INTERNAL') return `INTERNAL: ${String(error.message)}`
  if (typeof error.message !== 'string' || error.message.length === 0) return 'no message'
  if (error.message.length > 600) return `message of ${error.message.length} characters`
  if (STACK_LINE.test(error.message) || error.message.includes(repoSource)) return `stack or source path in message: ${error.message}`
  return null
}

function prototypeState(): string {
  const names = (o: object) => Object.getOwnPropertyNames(o).sort().join(',')
  return [names(Object.prototype), names(Array.prototype), names(Function.prototype), names(String.prototype)].join('|')
}

function describeInput(input: unknown): string {
  const text = (() => {
    try {
      return JSON.stringify(input, (_k, v) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'string' && v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v))
    } catch {
      // Too deep to print (String() of a 5,000-level array overflows the stack too).
      return Object.prototype.toString.call(input)
    }
  })()
  return text && text.length > 200 ? `${text.slice(0, 200)}…` : `${text}`
}

// ---- the tests -----------------------------------------------------------------------------

let box: Sandbox
let before: Record<string, string>
const cleanup: string[] = []

beforeAll(async () => {
  box = await makeSandbox()
  cleanup.push(box.parent, box.dataDir)
  before = await snapshot(box.parent)
})

afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true })
})

async function startCore(dataDir: string): Promise<{ gloss: Gloss; logged: unknown[] }> {
  const logged: unknown[] = []
  const gloss = await startGloss({
    dataDir,
    sampleRoot: box.sample,
    initialFolder: box.corpus,
    validateOutput: true,
    log: (message, error) => logged.push([message, error]),
    dialogs: {
      chooseFolder: async () => null,
      chooseSavePath: async (name) => reserveExportPath(path.join(dataDir, 'exports'), name),
      chooseExportFolder: async (name) => path.join(dataDir, 'exports', name),
      chooseOpenFile: async () => null
    }
  })
  return { gloss, logged }
}

async function mustSucceed<T>(gloss: Gloss, method: string, input: unknown): Promise<T> {
  const result = await gloss.dispatch(method, input)
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

describe('the fuzz checks themselves', () => {
  it.each<[string, unknown, RegExp | null]>([
    ['a clean error', { ok: false, error: { code: 'BAD_INPUT', message: 'Invalid input for x: input: expected object' } }, null],
    ['a stack trace', { ok: false, error: { code: 'BAD_INPUT', message: 'boom\n    at handler (/app/src/main/gloss.ts:10:5)' } }, /stack/],
    ['a source position', { ok: false, error: { code: 'NOT_FOUND', message: 'failed in library-session.ts:42:7' } }, /stack/],
    ['an INTERNAL error', { ok: false, error: { code: 'INTERNAL', message: 'x failed: undefined is not a function' } }, /INTERNAL/],
    ['an unknown code', { ok: false, error: { code: 'EACCES', message: 'denied' } }, /unknown code/],
    ['an extra field', { ok: false, error: { code: 'BAD_INPUT', message: 'm', stack: 'at x' } }, /keys/],
    ['an echoed 10 MB string', { ok: false, error: { code: 'BAD_INPUT', message: TEN_MB } }, /characters/],
    ['a thrown value', 'Error: boom', /not an object/]
  ])('%s', (_name, result, problem) => {
    const found = errorProblem(result)
    if (problem === null) expect(found).toBeNull()
    else expect(found).toMatch(problem)
  })

  it('notices prototype pollution', () => {
    const state = prototypeState()
    Object.defineProperty(Object.prototype, 'fuzzProbe', { value: 1, configurable: true })
    try {
      expect(prototypeState()).not.toBe(state)
    } finally {
      delete (Object.prototype as Record<string, unknown>).fuzzProbe
    }
    expect(prototypeState()).toBe(state)
  })
})

describe('IPC fuzz: every contract method through the dispatcher', () => {
  it(`answers every malformed payload with a structured error and keeps the corpus intact (seed ${SEED})`, async () => {
    const { gloss, logged } = await startCore(box.dataDir)
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    const prototypesBefore = prototypeState()
    const started = performance.now()
    const failures: string[] = []
    const perMethod: Record<string, { payloads: number; ok: number; codes: Record<string, number> }> = {}
    try {
      // Real ids for the fields that take them, so that valid-looking payloads reach the handlers.
      const listing = await mustSucceed<{ articles: Array<{ id: string; title: string }> }>(gloss, 'library.list', { sort: 'title' })
      const articleIds = listing.articles.map((a) => a.id)
      const pair = listing.articles.find((a) => a.title === box.testCorpus.pairTitle)!
      const article = await mustSucceed<{ text: string }>(gloss, 'article.get', { articleId: pair.id })
      const at = article.text.indexOf(box.testCorpus.pairSentence)
      const highlightIds: string[] = []
      for (let k = 0; k < 3; k++) {
        const h = await mustSucceed<{ id: string }>(gloss, 'highlight.create', { articleId: pair.id, start: at + k, end: at + 20 + k, color: 'green' })
        highlightIds.push(h.id)
      }
      const random = seeded(SEED)
      const good: Good = {
        root: () => box.corpus,
        articleId: () => pick(random, articleIds),
        highlightId: () => pick(random, highlightIds),
        note: () => 'a fuzzed note',
        start: () => at,
        end: () => at + 12,
        color: () => 'blue',
        sort: () => 'title',
        topic: () => 'Libraries',
        query: () => 'harbour'
      }
      const okRoots = new Set(rootCases(box).flatMap(([, , opens]) => (opens ? [opens] : [])))
      // library.open last: it replaces the open folder the others work on.
      const order = [...METHODS.filter((m) => m !== 'library.open'), 'library.open' as Method]
      for (const method of order) {
        const payloads = payloadsFor(method, box, good, random)
        if (method === 'library.open') {
          for (const [label, root] of rootCases(box)) payloads.push({ label: `root = ${label}`, input: { root } })
        }
        const stats = (perMethod[method] = { payloads: payloads.length, ok: 0, codes: {} as Record<string, number> })
        for (const { label, input } of payloads) {
          let result: Result<unknown>
          try {
            result = await gloss.dispatch(method, input)
          } catch (error) {
            failures.push(`${method} [${label}] threw: ${String(error)}`)
            continue
          }
          const where = `${method} [${label}] ${describeInput(input)}`
          if (result && (result as { ok?: unknown }).ok === true) {
            stats.ok++
            const value = (result as { value: unknown }).value as Record<string, unknown> | null
            if (method === 'library.open' && !okRoots.has(String(value?.root))) failures.push(`${where}: opened ${String(value?.root)}`)
            if (method === 'export.run' && value?.path !== null && !String(value?.path).startsWith(box.exportsDir + path.sep)) {
              failures.push(`${where}: wrote ${String(value?.path)}`)
            }
            if (method !== 'library.open' && JSON.stringify(value ?? null).includes(CANARY)) failures.push(`${where}: served text from outside the corpus`)
            continue
          }
          const problem = errorProblem(result)
          if (problem) failures.push(`${where}: ${problem}`)
          else {
            const code = (result as { error: { code: string } }).error.code
            stats.codes[code] = (stats.codes[code] ?? 0) + 1
          }
        }
        // Each method's batch starts from the corpus again (openSample, open switch folders).
        await mustSucceed(gloss, 'library.open', { root: box.corpus })
      }
      for (const [label, root, opens] of rootCases(box)) {
        const result = await gloss.dispatch('library.open', { root })
        if (opens === null && result.ok) failures.push(`library.open [${label}] opened ${JSON.stringify(result.value)}`)
        if (opens !== null && (!result.ok || (result.value as { root: string }).root !== opens)) {
          failures.push(`library.open [${label}] should open ${opens}: ${JSON.stringify(result)}`)
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 50))

      const elapsed = performance.now() - started
      const total = Object.values(perMethod).reduce((n, s) => n + s.payloads, 0)
      console.log(
        `IPC fuzz (seed ${SEED}): ${total} payloads over ${order.length} methods in ${(elapsed / 1000).toFixed(1)} s\n` +
          Object.entries(perMethod)
            .map(([m, s]) => `  ${m.padEnd(26)} ${String(s.payloads).padStart(4)} payloads, ${String(s.ok).padStart(3)} ok, ${JSON.stringify(s.codes)}`)
            .join('\n')
      )
      expect(failures.slice(0, 25), `${failures.length} bad answers (seed ${SEED})`).toEqual([])
      expect(logged, 'no handler failed').toEqual([])
      expect(unhandled, 'no unhandled rejection').toEqual([])
      expect(prototypeState(), 'built-in prototypes unchanged').toBe(prototypesBefore)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(Object.keys(perMethod).sort()).toEqual([...METHODS].sort())
      for (const [method, stats] of Object.entries(perMethod)) expect(stats.payloads, method).toBeGreaterThanOrEqual(100)
      expect(total).toBeGreaterThan(3000)

      // A normal session still works on the same core.
      const reopened = await mustSucceed<{ root: string; articleCount: number }>(gloss, 'library.open', { root: box.corpus })
      expect(reopened).toMatchObject({ root: box.corpus, articleCount: listing.articles.length })
      const again = await mustSucceed<{ articles: unknown[] }>(gloss, 'library.list', { sort: 'date' })
      expect(again.articles).toHaveLength(listing.articles.length)
      const fresh = await mustSucceed<{ anchor: { start: number; end: number } }>(gloss, 'highlight.create', {
        articleId: pair.id,
        start: at,
        end: at + box.testCorpus.pairSentence.length,
        color: 'yellow'
      })
      expect(fresh.anchor).toEqual({ start: at, end: at + box.testCorpus.pairSentence.length })
    } finally {
      process.off('unhandledRejection', onUnhandled)
      await gloss.close()
    }
    expect(await snapshot(box.parent), 'corpus, the folder beside it and the sample are byte-for-byte unchanged').toEqual(before)
  }, 60_000)

  it('never serves a file through a symlink or path that leads out of the opened folder', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gloss-fuzz-data-'))
    cleanup.push(dataDir)
    const { gloss } = await startCore(dataDir)
    try {
      const summary = await mustSucceed<{ problems: Array<{ path: string; reason: string }> }>(gloss, 'library.current', {})
      const problemPaths = summary.problems.map((p) => p.path).sort()
      expect(problemPaths).toEqual(expect.arrayContaining(['absolute-link.txt', 'escape-link.md', 'linked-dir']))
      for (const p of summary.problems.filter((p) => /link/.test(p.path))) expect(p.reason).toMatch(/outside/i)
      const { articles } = await mustSucceed<{ articles: Array<{ id: string; files: string[] }> }>(gloss, 'library.list', { sort: 'title' })
      const served: string[] = [JSON.stringify(summary), JSON.stringify(articles)]
      for (const a of articles) {
        expect(a.files.every((f) => !f.startsWith('..') && !path.isAbsolute(f) && !f.startsWith('linked-dir'))).toBe(true)
        served.push(JSON.stringify(await mustSucceed(gloss, 'article.get', { articleId: a.id })))
        served.push(JSON.stringify(await mustSucceed(gloss, 'export.markdown', { scope: 'article', articleId: a.id })))
      }
      served.push(JSON.stringify(await mustSucceed(gloss, 'export.markdown', { scope: 'corpus' })))
      expect(served.filter((s) => s.includes(CANARY))).toEqual([])
      // Ids are looked up, never resolved as paths.
      for (const [, value] of hostileStrings(box)) {
        if (typeof value !== 'string' || value.length === 0 || value.length > 200) continue
        const result = await gloss.dispatch('article.get', { articleId: value })
        expect(result, `article.get ${JSON.stringify(value)}`).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      }
    } finally {
      await gloss.close()
    }
    expect(await snapshot(box.parent)).toEqual(before)
  })
})

// ---- over HTTP -----------------------------------------------------------------------------

interface Reply {
  status: number
  body: string
}

/** A raw request (exact path bytes, any headers); resolves on the response even if the server cut the upload. */
function send(port: number, options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let answered = false
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path, headers: { host: `127.0.0.1:${port}`, connection: 'close', ...options.headers } },
      (res) => {
        answered = true
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
      }
    )
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    if (options.body !== undefined) req.end(options.body)
    else req.end()
  })
}

describe('IPC fuzz over the browser harness (HTTP)', () => {
  let harness: Harness
  let dataDir: string

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gloss-fuzz-http-'))
    cleanup.push(dataDir)
    const rendererDir = path.join(dataDir, 'renderer')
    await mkdir(rendererDir)
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Gloss</title>')
    harness = await startHarness({ corpus: box.corpus, dataDir, rendererDir, sampleRoot: box.sample })
  })

  afterAll(async () => {
    await harness?.close()
  })

  const rpc = (method: string, body: string | Buffer, headers: Record<string, string | number> = {}) =>
    send(harness.port, {
      path: `/rpc/${method}`,
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token, ...headers },
      body
    })

  it('answers malformed requests with a status and a structured error, and stays up', async () => {
    const random = seeded(SEED + 1)
    const started = performance.now()
    const cases: Array<{ label: string; do: () => Promise<Reply>; status: number[] }> = []
    const methods = ['library.list', 'article.get', 'highlight.create', 'export.markdown', 'library.open']
    const bodies: Labelled[] = [
      ['truncated JSON', '{"articleId":'],
      ['an open brace', '{'],
      ['the word undefined', 'undefined'],
      ['NaN', 'NaN'],
      ['a NUL byte', '\u0000'],
      ['invalid UTF-8', Buffer.from([0xff, 0xfe, 0x7b, 0x7d])],
      ['a BOM before the JSON', '\ufeff{}'],
      ['trailing garbage', '{} {}'],
      ['a comment', '{/* x */}'],
      ['single quotes', "{'sort':'date'}"],
      ['a huge number', '{"start":1e999,"end":2e999}'],
      ['deeply nested arrays', '['.repeat(100_000) + ']'.repeat(100_000)],
      ['deeply nested objects', '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000)],
      ['__proto__ pollution', '{"__proto__":{"polluted":"yes"},"sort":"date"}'],
      ['constructor pollution', '{"constructor":{"prototype":{"polluted":"yes"}}}'],
      ['duplicate keys', '{"articleId":"a","articleId":{"__proto__":1}}'],
      ['an empty body', ''],
      ['null', 'null'],
      ['an array', '[{"sort":"date"}]'],
      ['a string', '"library.list"'],
      ['1 MB of JSON string', JSON.stringify({ query: ONE_MB })],
      ['4 MB of multi-byte JSON string', JSON.stringify({ articleId: '€'.repeat(1_300_000) })]
    ]
    for (const method of methods) {
      for (const [label, body] of bodies) cases.push({ label: `${method}: ${label}`, do: () => rpc(method, body as string | Buffer), status: [200, 400] })
    }
    const types = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'application/json-patch+json', 'text/json', '']
    for (const type of types) cases.push({ label: `content-type ${JSON.stringify(type)}`, do: () => rpc('library.list', '{"sort":"date"}', { 'content-type': type }), status: [415] })
    cases.push({ label: 'content-type in capitals', do: () => rpc('library.list', '{"sort":"date"}', { 'content-type': 'APPLICATION/JSON; charset=utf-8' }), status: [200] })
    cases.push({ label: 'a body just over the limit', do: () => rpc('library.list', Buffer.alloc(MAX_BODY_BYTES + 1, 0x20)), status: [413] })
    cases.push({ label: 'a 10 MB body', do: () => rpc('article.get', JSON.stringify({ articleId: TEN_MB })), status: [413] })
    cases.push({ label: 'a 10 MB body sent without a length (chunked)', do: () => rpc('article.get', Buffer.from(JSON.stringify({ articleId: TEN_MB })), { 'transfer-encoding': 'chunked' }), status: [413] })
    cases.push({ label: 'a declared length far over the limit', do: () => rpc('library.list', '{}', { 'content-length': MAX_BODY_BYTES * 4 }), status: [413] })
    cases.push({ label: 'no token', do: () => rpc('library.list', '{}', { [TOKEN_HEADER]: '' }), status: [403] })
    cases.push({ label: 'a wrong token', do: () => rpc('library.list', '{}', { [TOKEN_HEADER]: 'f'.repeat(64) }), status: [403] })
    cases.push({ label: 'a foreign Origin', do: () => rpc('library.list', '{}', { origin: 'http://evil.example' }), status: [403] })
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '..%2F..%2Fetc%2Fpasswd', '%E0%A4%A', 'library.list%00', 'LIBRARY.LIST', '']) {
      cases.push({ label: `method name ${JSON.stringify(name)}`, do: () => rpc(name, '{}'), status: [404, 400] })
    }
    cases.push({ label: 'GET on an rpc method', do: () => send(harness.port, { method: 'GET', path: '/rpc/library.list', headers: { [TOKEN_HEADER]: harness.token } }), status: [405] })
    // Structured payloads from the dispatcher fuzz, as JSON bodies (what survives JSON).
    const good: Good = { root: () => box.corpus, articleId: () => 'none', highlightId: () => 'none', start: () => 0, end: () => 4, note: () => 'n' }
    for (const method of methods) {
      const payloads = payloadsFor(method as Method, box, good, random).filter((p) => !/MB/.test(p.label))
      for (let k = 0; k < 30; k++) {
        const p = pick(random, payloads)
        let body: string | undefined
        try {
          body = JSON.stringify(p.input, (_k, v) => (typeof v === 'bigint' ? Number(v) : v))
        } catch {
          continue
        }
        cases.push({ label: `${method} [${p.label}]`, do: () => rpc(method, body ?? 'null'), status: [200, 400] })
      }
    }

    const failures: string[] = []
    for (const c of cases) {
      let reply: Reply
      try {
        reply = await c.do()
      } catch (error) {
        failures.push(`${c.label}: request failed: ${String(error)}`)
        continue
      }
      if (!c.status.includes(reply.status)) failures.push(`${c.label}: status ${reply.status}, wanted ${c.status.join('/')}: ${reply.body.slice(0, 200)}`)
      let parsed: unknown
      try {
        parsed = JSON.parse(reply.body)
      } catch {
        failures.push(`${c.label}: body is not JSON: ${reply.body.slice(0, 200)}`)
        continue
      }
      if ((parsed as { ok?: unknown }).ok === true) {
        if (reply.status !== 200) failures.push(`${c.label}: ok with status ${reply.status}`)
        continue
      }
      const problem = errorProblem(parsed)
      if (problem) failures.push(`${c.label}: ${problem}`)
    }
    const elapsed = performance.now() - started
    console.log(`HTTP fuzz (seed ${SEED}): ${cases.length} requests in ${(elapsed / 1000).toFixed(1)} s`)
    expect(failures.slice(0, 25), `${failures.length} bad answers`).toEqual([])
    expect(cases.length).toBeGreaterThan(250)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()

    // The harness still answers a normal session.
    const list = JSON.parse((await rpc('library.list', '{"sort":"title"}')).body)
    expect(list.ok).toBe(true)
    expect(list.value.articles.length).toBe(Object.keys(box.testCorpus.articles).length)
    const page = await send(harness.port, { method: 'GET', path: '/' })
    expect(page.status).toBe(200)
  }, 60_000)

  it('serves no file from outside the renderer folder, however the path is spelled', async () => {
    const paths = [
      '/../../../../etc/passwd',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/%252e%252e/etc/passwd',
      '/..\\..\\etc\\passwd',
      '/index.html%00.png',
      `/${encodeURIComponent(path.join(box.outside, 'secret.md'))}`,
      `//${box.outside}/secret.md`
    ]
    for (const p of paths) {
      const reply = await send(harness.port, { method: 'GET', path: p })
      expect(reply.status, p).toBe(404)
      expect(reply.body).not.toContain('root:')
      expect(reply.body).not.toContain(CANARY)
    }
    expect(await snapshot(box.parent)).toEqual(before)
  })
})
