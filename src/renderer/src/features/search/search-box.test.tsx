// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApi } from '../../../../shared/api'
import { App } from '../../App'
import { withQueries } from '../../test-support/with-queries'
import { buildArticle, buildHighlight } from '../../test-support/build-article'
import { FakeGloss, librarySummary } from '../../test-support/fake-gloss'
import { MarkedText } from './search-box'

const ROOT = '/home/reader/Clippings'

function start(marksApproximate = false) {
  const tides = buildArticle('tides', [{ type: 'paragraph', text: 'The sea rises twice a day, pulled by the moon.' }], { title: 'Why the sea keeps time' })
  const keepers = buildArticle(
    'keepers',
    [
      { type: 'paragraph', text: 'Lighthouse keepers kept a log of every storm.' },
      { type: 'paragraph', text: 'In winter the lamp burned paraffin all night.' }
    ],
    { title: 'Keepers of the light' }
  )
  keepers.highlights = [{ ...buildHighlight('keepers', keepers.text, 0, 17, 'blue', { note: 'ask about the logbooks' }), id: 'log' }]
  const fake = new FakeGloss(new Map([[ROOT, { summary: { ...librarySummary(ROOT, [tides, keepers]), lastArticleId: 'tides' }, articles: [tides, keepers] }]]), ROOT, ROOT)
  // The fake searches substrings; here its answers can come back marked as the core marks typo matches.
  const transport: typeof fake.transport = async (method, input) => {
    const answer = await fake.transport(method, input)
    if (method !== 'search.query' || !marksApproximate || !answer.ok) return answer
    const value = answer.value as { results: object[] }
    return { ...answer, value: { ...value, results: value.results.map((r) => ({ ...r, approximate: true })) } }
  }
  render(<App api={createApi(transport)} events={fake.events()} />, { wrapper: withQueries() })
  return { fake, keepers }
}

const box = () => screen.getByRole('searchbox', { name: 'Search all text' })
const results = () => within(screen.getByTestId('search-results')).queryAllByRole('button')

afterEach(() => {
  cleanup()
})

describe('search box', () => {
  it('shows ranked results with the matched words marked as text, and says when nothing matches', async () => {
    const { fake } = start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    fireEvent.change(box(), { target: { value: 'paraffin' } })
    await waitFor(() => expect(results()).toHaveLength(1))
    const [hit] = results()
    expect(hit.textContent).toContain('Keepers of the light')
    expect(hit.getAttribute('data-kind')).toBe('article')
    expect([...hit.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['paraffin'])
    expect(within(screen.getByTestId('search-results')).getByRole('status').textContent).toBe('1 result')
    expect(fake.callsTo('search.query').at(-1)).toEqual({ query: 'paraffin', limit: 30 })

    fireEvent.change(box(), { target: { value: 'zeppelin' } })
    await waitFor(() => expect(within(screen.getByTestId('search-results')).getByText('No matches')).toBeTruthy())
  })

  it('says "approximate" on a result the core found only with a typo, and nothing on an exact one', async () => {
    start(true)
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    fireEvent.change(box(), { target: { value: 'paraffin' } })
    await waitFor(() => expect(results()).toHaveLength(1))
    expect(within(results()[0]).getByText('approximate')).toBeTruthy()
    cleanup()
    start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    fireEvent.change(box(), { target: { value: 'paraffin' } })
    await waitFor(() => expect(results()).toHaveLength(1))
    expect(within(results()[0]).queryByText('approximate')).toBeNull()
  })

  it('opens the article at a text match: the matched word is selected', async () => {
    start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    fireEvent.change(box(), { target: { value: 'paraffin' } })
    await waitFor(() => expect(results()).toHaveLength(1))
    fireEvent.click(results()[0])
    await screen.findByRole('heading', { level: 1, name: 'Keepers of the light' })
    await waitFor(() => expect(document.getSelection()?.toString()).toBe('paraffin'))
    expect(screen.queryByTestId('search-results')).toBeNull()
  })

  it('opens a highlight result at its highlight', async () => {
    const scroll = vi.fn()
    Element.prototype.scrollIntoView = scroll
    start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    fireEvent.change(box(), { target: { value: 'logbooks' } })
    await waitFor(() => expect(results()).toHaveLength(1))
    expect(results()[0].getAttribute('data-kind')).toBe('highlight')
    fireEvent.click(results()[0])
    await screen.findByRole('heading', { level: 1, name: 'Keepers of the light' })
    const mark = document.querySelector<HTMLElement>('mark[data-highlight-id="log"]')!
    await waitFor(() => expect(document.activeElement).toBe(mark))
    expect(scroll.mock.contexts).toContain(mark)
  })

  it('focuses with / outside text fields, and keyboard moves through results', async () => {
    start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    fireEvent.keyDown(document.body, { key: '/' })
    expect(document.activeElement).toBe(box())
    fireEvent.change(box(), { target: { value: 'the' } })
    await waitFor(() => expect(results().length).toBeGreaterThan(1))
    fireEvent.keyDown(box(), { key: 'ArrowDown' })
    await waitFor(() => expect(document.activeElement).toBe(results()[0]))
    fireEvent.keyDown(results()[0], { key: 'ArrowDown' })
    expect(document.activeElement).toBe(results()[1])
    fireEvent.keyDown(results()[1], { key: 'Escape' })
    expect(document.activeElement).toBe(box())
    expect(screen.queryByTestId('search-results')).toBeNull()
  })
})

describe('MarkedText', () => {
  it.each([
    ['marks in order', { text: 'a cat and a dog', marks: [{ start: 2, end: 5 }, { start: 12, end: 15 }] }, ['cat', 'dog']],
    ['unsorted marks', { text: 'a cat and a dog', marks: [{ start: 12, end: 15 }, { start: 2, end: 5 }] }, ['cat', 'dog']],
    ['overlapping and out-of-range marks are dropped', { text: 'a cat', marks: [{ start: 2, end: 5 }, { start: 3, end: 4 }, { start: 4, end: 99 }] }, ['cat']]
  ])('%s', (_name, snippet, marked) => {
    const { container } = render(<MarkedText snippet={snippet} />)
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(marked)
    expect(container.textContent).toBe(snippet.text)
  })

  it('shows markup in a snippet as text', () => {
    const { container } = render(<MarkedText snippet={{ text: '<img src=x onerror=alert(1)> hello', marks: [{ start: 29, end: 34 }] }} />)
    expect(container.querySelector('img')).toBeNull()
    expect(container.textContent).toBe('<img src=x onerror=alert(1)> hello')
  })
})
