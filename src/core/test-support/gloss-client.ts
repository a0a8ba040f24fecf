// What every test of the application core needs: dialogs that answer "cancelled"
// unless a test says otherwise, a typed call that throws on an error envelope, temp
// folders cleaned up after each test, the core started the same way, and text ranges.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import type { Input, Method, Output } from '../../shared/contract'
import type { Article } from '../../shared/model'
import { startGloss, type Gloss, type StartOptions } from '../app/gloss'
import type { Dialogs } from '../ports'

export function cancelledDialogs(overrides: Partial<Dialogs> = {}): Dialogs {
  return {
    chooseFolder: async () => null,
    chooseSavePath: async () => null,
    chooseExportFolder: async () => null,
    chooseOpenFile: async () => null,
    ...overrides
  }
}

export type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>

/** A typed call through the dispatcher; an error envelope becomes a thrown "CODE: message". */
export function callThrough(gloss: Pick<Gloss, 'dispatch'>): Call {
  return async (method, input) => {
    const result = await gloss.dispatch(method, input)
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
    return result.value as Output<typeof method>
  }
}

/**
 * Temp folders for one test file, removed after each test: call once at the top of the
 * file (it registers the afterEach).
 */
export function tempDirs(prefix: string): (name: string) => Promise<string> {
  const made: string[] = []
  afterEach(async () => {
    for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true })
  })
  return async (name) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), `gloss-${prefix}-${name}-`))
    made.push(dir)
    return dir
  }
}

/**
 * The core as the tests start it: a one-article sample folder, outputs validated against
 * the contract, logs silenced, every dialog cancelled unless `options` says otherwise.
 */
export async function startTestGloss(
  tempDir: (name: string) => Promise<string>,
  options: Omit<StartOptions, 'sampleRoot' | 'dialogs'> & { dialogs?: Partial<Dialogs> }
): Promise<Gloss> {
  const sampleRoot = await tempDir('sample')
  await writeFile(path.join(sampleRoot, 'welcome.md'), '# Welcome\n\nA sample.\n')
  return startGloss({ validateOutput: true, log: () => undefined, ...options, sampleRoot, dialogs: cancelledDialogs(options.dialogs) })
}

/** The range of `phrase` in the article's text (the first occurrence); throws when it is not there. */
export function rangeOf(article: Pick<Article, 'text' | 'title'>, phrase: string): { start: number; end: number } {
  const start = article.text.indexOf(phrase)
  if (start < 0) throw new Error(`"${phrase}" not in ${article.title}`)
  return { start, end: start + phrase.length }
}

/** The open folder's article with this title, in full; throws when there is none. */
export async function articleTitled(call: Call, title: string): Promise<Output<'article.get'>> {
  const { articles } = await call('library.list', { sort: 'title' })
  const found = articles.find((a) => a.title === title)
  if (!found) throw new Error(`no article ${title}`)
  return call('article.get', { articleId: found.id })
}
