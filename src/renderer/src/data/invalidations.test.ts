import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'
import type { DataChange } from '../../../shared/events'
import { changeOf } from '../test-support/data-change'
import { applyInvalidations, FOLDER_READS, invalidationsFor, isForShownFolder } from './invalidations'

const HISTORY = { canUndo: true, canRedo: false, undoLabel: 'Create highlight', redoLabel: null }

const change = (extra: Partial<DataChange> = {}): DataChange => changeOf('/clips', { cause: 'edit', history: HISTORY, ...extra })

const files = (articles: Partial<DataChange['articles']>) => ({ articles: { changed: [], added: [], removed: [], moved: [], ...articles } })

/** "action method[ articleId]" for each invalidation but the history state every change sets. */
const summary = (c: DataChange) =>
  invalidationsFor(c)
    .filter((inv) => inv.key[0] !== 'history.state')
    .map((inv) => {
      const input = inv.key[1] as { articleId?: string } | undefined
      return `${inv.action} ${String(inv.key[0])}${input?.articleId ? ` ${input.articleId}` : ''}`
    })
    .sort()

describe('invalidationsFor', () => {
  it.each<[string, Partial<DataChange>, string[]]>([
    ['nothing changed', {}, []],
    [
      'a highlight created',
      { annotations: ['a'], highlights: ['h1'] },
      [
        'refetch annotations.list',
        'refetch article.get a',
        'refetch export.markdown',
        'refetch export.preview',
        'refetch library.list',
        'refetch library.position',
        'refetch search.query'
      ]
    ],
    [
      // Rows show it; the article itself is not asked again (its place is the reader's own).
      'reading progress saved',
      { progress: ['a'] },
      ['refetch library.list', 'refetch library.position', 'stale article.get a']
    ],
    [
      'a tag renamed',
      { cause: 'edit', annotations: ['a', 'b'], highlights: ['h1'], tags: true },
      [
        'refetch annotations.list',
        'refetch article.get a',
        'refetch article.get b',
        'refetch export.markdown',
        'refetch export.preview',
        'refetch library.list',
        'refetch library.position',
        'refetch search.query',
        'refetch tags.list'
      ]
    ],
    [
      'a file changed on disk',
      { cause: 'disk', library: true, ...files({ changed: ['a'] }) },
      [
        'refetch annotations.list',
        'refetch article.get a',
        'refetch export.markdown',
        'refetch export.preview',
        'refetch library.current',
        'refetch library.list',
        'refetch library.position',
        'refetch search.query'
      ]
    ],
    [
      'a file deleted, its notes now missing',
      { cause: 'disk', library: true, missing: true, ...files({ removed: ['a'] }) },
      [
        'refetch annotations.list',
        'refetch export.markdown',
        'refetch export.preview',
        'refetch library.current',
        'refetch library.list',
        'refetch library.missing',
        'refetch library.position',
        'refetch search.query',
        'stale article.get a'
      ]
    ],
    [
      'a file renamed',
      { cause: 'disk', library: true, ...files({ removed: ['a'], added: ['b'], moved: [{ from: 'a', to: 'b' }] }) },
      [
        'refetch annotations.list',
        'refetch export.markdown',
        'refetch export.preview',
        'refetch library.current',
        'refetch library.list',
        'refetch library.position',
        'refetch search.query',
        'stale article.get a'
      ]
    ],
    [
      'a scan report (All highlights waits for the scan to end)',
      { cause: 'scan', library: true, ...files({ added: ['a', 'b'] }) },
      [
        'refetch export.markdown',
        'refetch export.preview',
        'refetch library.current',
        'refetch library.list',
        'refetch library.position',
        'refetch search.query'
      ]
    ],
    ['a folder opened', { cause: 'open', folder: true, library: true }, ['refetch library.current', ...FOLDER_READS.map((m) => `reset ${m}`)].sort()],
    ['a save failed, or works again (the banner)', { cause: 'save', saving: true }, ['refetch app.saveStatus']]
  ])('%s', (_name, extra, expected) => {
    expect(summary(change(extra))).toEqual(expected)
  })

  it('sets the undo state the change carries', () => {
    expect(invalidationsFor(change())).toContainEqual({ action: 'set', key: ['history.state', {}], data: HISTORY })
  })
})

describe('applyInvalidations', () => {
  it('marks what the change names stale, leaves the rest, and stores the undo state', () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } })
    for (const key of [['article.get', { articleId: 'a' }], ['article.get', { articleId: 'b' }], ['tags.list', {}]]) client.setQueryData(key, 'old')
    applyInvalidations(client, invalidationsFor(change({ cause: 'disk', ...files({ removed: ['b'] }), tags: true })))
    expect(client.getQueryState(['article.get', { articleId: 'b' }])?.isInvalidated).toBe(true)
    expect(client.getQueryState(['tags.list', {}])?.isInvalidated).toBe(true)
    expect(client.getQueryState(['article.get', { articleId: 'a' }])?.isInvalidated).toBe(false)
    expect(client.getQueryData(['history.state', {}])).toEqual(HISTORY)
  })

  it('knows which folder is shown', () => {
    const client = new QueryClient()
    expect(isForShownFolder(client, '/clips')).toBe(true)
    client.setQueryData(['library.current', {}], { root: '/clips' })
    expect(isForShownFolder(client, '/clips')).toBe(true)
    expect(isForShownFolder(client, '/elsewhere')).toBe(false)
  })
})

describe('applyInvalidations while a read is in flight', () => {
  /** A shown library page whose answers the test gives by hand; counts requests sent and in flight at once. */
  function shownPage() {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } })
    const answers: Array<(value: string) => void> = []
    let inFlight = 0
    let mostInFlight = 0
    const queryFn = () => {
      inFlight++
      mostInFlight = Math.max(mostInFlight, inFlight)
      return new Promise<string>((resolve) => answers.push((value) => (inFlight--, resolve(value))))
    }
    const observer = new QueryObserver(client, { queryKey: ['library.list', { offset: 0 }], queryFn })
    const off = observer.subscribe(() => undefined)
    const scanReport = () => applyInvalidations(client, invalidationsFor(change({ cause: 'scan', library: true, ...files({ added: ['x'] }) })))
    const answer = async (value: string) => {
      answers[answers.length - 1](value)
      await vi.waitFor(() => expect(observer.getCurrentResult().data).toBe(value))
    }
    return { observer, off, scanReport, answer, sent: () => answers.length, mostInFlight: () => mostInFlight }
  }

  it.each([
    ['one change', 1],
    ['three changes', 3]
  ])('%s while a read is in flight: no second request beside it, one more after it', async (_name, changes) => {
    const page = shownPage()
    await page.answer('first')
    page.scanReport()
    expect(page.sent()).toBe(2)
    for (let i = 0; i < changes; i++) page.scanReport()
    expect(page.sent()).toBe(2)
    await page.answer('second (may predate the changes)')
    await vi.waitFor(() => expect(page.sent()).toBe(3))
    await page.answer('third')
    expect(page.observer.getCurrentResult().data).toBe('third')
    expect(page.sent()).toBe(3)
    expect(page.mostInFlight()).toBe(1)
    page.off()
  })

  it('a change with no read in flight asks once', async () => {
    const page = shownPage()
    await page.answer('first')
    page.scanReport()
    await page.answer('second')
    expect(page.observer.getCurrentResult().data).toBe('second')
    expect(page.sent()).toBe(2)
    page.off()
  })
})
