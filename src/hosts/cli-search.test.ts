// `gloss search` gives the results the app's search box gives, from the terminal.
import { realpath } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { makeTempDir, removeDir, writeCorpus } from '../../tests/fixtures/corpus-builder'
import type { SearchResponse } from '../shared/model'
import { runCli } from './cli'
import { startGloss } from '../core/app/gloss'
import { cancelledDialogs } from '../core/test-support/gloss-client'

const cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

async function tempDir(prefix: string): Promise<string> {
  const dir = await realpath(await makeTempDir(`gloss-cli-search-${prefix}-`))
  cleanup.push(() => removeDir(dir))
  return dir
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const withoutTime = ({ tookMs: _t, ...rest }: SearchResponse) => rest

describe('cli search', () => {
  it('answers like the app, notes included, with marked words in text output', async () => {
    const corpus = await tempDir('corpus')
    const dataDir = await tempDir('data')
    await writeCorpus(corpus, {
      'ferry.md': '---\ntitle: Night Ferries\n---\n\nThe last ferry leaves the *pier* at midnight.\n',
      'gulls.md': '# Gulls\n\nGulls follow the ferry to the pier.\n'
    })
    const gloss = await startGloss({
      dataDir,
      sampleRoot: corpus,
      initialFolder: corpus,
      rememberFolders: false,
      log: () => undefined,
      dialogs: cancelledDialogs()
    })
    const call = async (method: string, input: unknown) => {
      const result = await gloss.dispatch(method, input)
      if (!result.ok) throw new Error(result.error.message)
      return result.value
    }
    const { articles } = (await call('library.list', { sort: 'title' })) as { articles: Array<{ id: string; title: string }> }
    await call('article.setNote', { articleId: articles.find((a) => a.title === 'Gulls')!.id, note: 'Ask the pier master.' })
    const inApp = (await call('search.query', { query: 'pier' })) as SearchResponse
    await gloss.close()

    const json = await cli(['search', corpus, 'pier', '--json', '--data-dir', dataDir])
    expect(json.code).toBe(0)
    expect(withoutTime(JSON.parse(json.out) as SearchResponse)).toEqual(withoutTime(inApp))
    expect(inApp.results.map((r) => r.kind).sort()).toEqual(['article', 'article', 'note'])

    const text = await cli(['search', corpus, 'midnigt', '--data-dir', dataDir])
    expect(text.code).toBe(0)
    expect(text.out).toContain('Night Ferries [article]')
    expect(text.out).toContain('The last ferry leaves the pier at »midnight«.')
  }, 30_000)

  it.each([
    [['search', '/nowhere'], 2],
    [['search', '.', 'x', '--limit', '0'], 1]
  ])('refuses %j', async (args, code) => {
    expect((await cli(args)).code).toBe(code)
  })
})
