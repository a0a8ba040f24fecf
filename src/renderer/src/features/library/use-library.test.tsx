// @vitest-environment jsdom
// The library's rows as the list scrolls: pages in view are asked for (and asked again
// after a change), rows read before stay in the list, and which pages are in view never
// changes which rows the list has (the virtual list's layout depends on them).
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createApi } from '../../../../shared/api'
import type { Article } from '../../../../shared/model'
import { buildArticle } from '../../test-support/build-article'
import { FakeGloss, librarySummary } from '../../test-support/fake-gloss'
import { withQueries } from '../../test-support/with-queries'
import { PAGE_SIZE, useLibrary } from './use-library'

afterEach(cleanup)

const ROOT = '/clips'
const COUNT = 5 * PAGE_SIZE

function start() {
  // Newest first: article i is row i.
  const articles: Article[] = Array.from({ length: COUNT }, (_, i) =>
    buildArticle(`a${i}`, [{ type: 'paragraph', text: `Row ${i}.` }], { published: new Date(Date.UTC(2020, 0, 1) - i * 86_400_000).toISOString() })
  )
  const fake = new FakeGloss(new Map([[ROOT, { summary: librarySummary(ROOT, articles), articles }]]), ROOT, ROOT)
  const { result } = renderHook(() => useLibrary(createApi(fake.transport), (error) => { throw error }), { wrapper: withQueries(fake.events()) })
  /** The offsets of the library.list calls made so far, in order. */
  const listed = () => fake.callsTo('library.list').map((input) => (input as { offset: number }).offset)
  const row = (index: number) => result.current.list?.rows[index]?.id
  const show = (start: number, end: number) => act(() => result.current.showRange(start, end))
  return { fake, result, listed, row, show }
}

describe('useLibrary', () => {
  it('keeps rows read before in the list when the view scrolls on, and does not ask for them again', async () => {
    const { listed, row, show } = start()
    await waitFor(() => expect(row(0)).toBe('a0'))
    show(2 * PAGE_SIZE + 5, 2 * PAGE_SIZE + 20)
    await waitFor(() => expect(row(2 * PAGE_SIZE + 5)).toBe(`a${2 * PAGE_SIZE + 5}`))
    show(4 * PAGE_SIZE + 5, 4 * PAGE_SIZE + 20)
    // At once, before page 4 is read: the rows of page 2 are still there.
    expect(row(2 * PAGE_SIZE + 5)).toBe(`a${2 * PAGE_SIZE + 5}`)
    await waitFor(() => expect(row(4 * PAGE_SIZE + 5)).toBe(`a${4 * PAGE_SIZE + 5}`))
    expect(row(2 * PAGE_SIZE + 5)).toBe(`a${2 * PAGE_SIZE + 5}`)
    // Back to page 2: shown from the cache, not asked again.
    show(2 * PAGE_SIZE + 5, 2 * PAGE_SIZE + 20)
    expect(row(2 * PAGE_SIZE + 5)).toBe(`a${2 * PAGE_SIZE + 5}`)
    expect(listed()).toEqual([0, 2 * PAGE_SIZE, 4 * PAGE_SIZE])
  })

  it('after a change asks again only for the pages in view; a page out of view is asked again when it comes back', async () => {
    const { fake, listed, row, show } = start()
    await waitFor(() => expect(row(0)).toBe('a0'))
    show(2 * PAGE_SIZE, 2 * PAGE_SIZE + 20)
    await waitFor(() => expect(row(2 * PAGE_SIZE)).toBe(`a${2 * PAGE_SIZE}`))
    show(4 * PAGE_SIZE, 4 * PAGE_SIZE + 20)
    await waitFor(() => expect(row(4 * PAGE_SIZE)).toBe(`a${4 * PAGE_SIZE}`))
    const before = listed().length

    act(() => fake.emit({ cause: 'scan', library: true, articles: { changed: [], added: ['a7'], removed: [], moved: [] } }))
    await waitFor(() => expect(listed().length).toBe(before + 2))
    expect(listed().slice(before).sort((a, b) => a - b)).toEqual([0, 4 * PAGE_SIZE])

    show(2 * PAGE_SIZE, 2 * PAGE_SIZE + 20)
    await waitFor(() => expect(listed().length).toBe(before + 3))
    expect(listed().at(-1)).toBe(2 * PAGE_SIZE)
  })
})
