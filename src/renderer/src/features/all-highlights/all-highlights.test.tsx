// @vitest-environment jsdom
// The "All highlights" view against the in-memory fake, which answers annotations.list
// with the same query code as the main process.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApi } from '../../../../shared/api'
import type { DataChange, GlossEvents, ScanProgress } from '../../../../shared/events'
import type { AnnotationQuery } from '../../../../shared/model'
import { buildArticle, buildHighlight } from '../../test-support/build-article'
import { diskChange as diskChangeOf } from '../../test-support/data-change'
import { WithQueries } from '../../test-support/with-queries'
import { FakeGloss, librarySummary } from '../../test-support/fake-gloss'
import { AllHighlights } from './all-highlights'
import { DEFAULT_FILTERS, type WorkspaceFilters } from './workspace-filters'

afterEach(cleanup)

const ROOT = '/home/reader/Clippings'

/** `moonNow`: the words the "moon" highlight covers now, when its article was edited under it. */
function makeFake(withHighlights = true, moonNow?: string) {
  const tides = buildArticle('tides', [{ type: 'paragraph', text: 'The sea rises twice a day, pulled by the moon.' }], {
    title: 'Why the sea keeps time',
    source: 'Harbour Times'
  })
  const keepers = buildArticle('keepers', [{ type: 'paragraph', text: 'Lighthouse keepers kept a log of every storm.' }], {
    title: 'Keepers of the light',
    source: 'Dock Weekly'
  })
  if (withHighlights) {
    tides.highlights = [
      {
        ...buildHighlight('tides', tides.text, 27, 45, 'green', { createdAt: '2025-03-02T10:00:00.000Z', tags: ['Moon'] }),
        id: 'moon',
        ...(moonNow === undefined ? {} : { currentQuote: moonNow })
      },
      { ...buildHighlight('tides', tides.text, 4, 7, 'yellow', { createdAt: '2025-03-01T10:00:00.000Z', note: 'Salt water' }), id: 'sea' }
    ]
    keepers.highlights = [{ ...buildHighlight('keepers', keepers.text, 0, 18, 'blue', { createdAt: '2025-03-03T10:00:00.000Z' }), id: 'log' }]
  }
  const library = { summary: librarySummary(ROOT, [tides, keepers]), articles: [tides, keepers] }
  return new FakeGloss(new Map([[ROOT, library]]), ROOT, ROOT)
}

function Harness({
  fake,
  onOpen = () => undefined,
  initial = DEFAULT_FILTERS,
  events = null
}: {
  fake: FakeGloss
  onOpen?: (a: string, h: string) => void
  initial?: WorkspaceFilters
  events?: GlossEvents | null
}) {
  const [api] = useState(() => createApi(fake.transport))
  const [filters, setFilters] = useState(initial)
  const [shown, setShown] = useState(true)
  return (
    <>
      <button type="button" onClick={() => setShown((s) => !s)}>
        Toggle
      </button>
      <WithQueries events={fake.events(events)}>
        {shown && <AllHighlights api={api} root={ROOT} filters={filters} onFiltersChange={setFilters} onOpen={onOpen} />}
      </WithQueries>
    </>
  )
}

/** Files changed on disk, as the core reports it. */
const diskChange = (root: string, changed: string[]): DataChange => diskChangeOf(root, { changed })

const region = () => screen.getByRole('region', { name: 'All highlights' })
const quotes = () => [...region().querySelectorAll('.ah-quote')].map((q) => q.textContent)
const lastQuery = (fake: FakeGloss) => fake.callsTo('annotations.list').at(-1) as AnnotationQuery

describe('AllHighlights', () => {
  it('lists every highlight newest first, with colour names, notes, tags and article titles', async () => {
    render(<Harness fake={makeFake()} />)
    await waitFor(() => expect(screen.getByTestId('workspace-count').textContent).toBe('3 highlights'))
    expect(quotes()).toEqual(['Lighthouse keepers', 'pulled by the moon', 'sea'])
    const entries = within(region()).getByRole('list', { name: 'Highlights' })
    const first = entries.querySelector('[data-highlight-entry="moon"]') as HTMLElement
    expect(first.textContent).toContain('Green')
    expect(first.textContent).toContain('Moon')
    expect(first.textContent).toContain('Why the sea keeps time')
    expect(entries.querySelector('[data-highlight-entry="sea"]')!.textContent).toContain('Salt water')
    // The search box has focus as the view opens.
    expect(document.activeElement).toBe(within(region()).getByRole('searchbox', { name: 'Search highlights' }))
  })

  it('filters by colour, tag and source, shows the facet counts, and groups by article', async () => {
    const fake = makeFake()
    render(<Harness fake={fake} />)
    await waitFor(() => expect(quotes()).toHaveLength(3))
    const blue = within(region()).getByRole('button', { name: /^Blue/ })
    expect(blue.textContent).toBe('Blue1')
    fireEvent.click(blue)
    expect(blue.getAttribute('aria-pressed')).toBe('true')
    await waitFor(() => expect(quotes()).toEqual(['Lighthouse keepers']))
    expect(lastQuery(fake)).toMatchObject({ colors: ['blue'] })
    expect(screen.getByTestId('workspace-count').textContent).toBe('1 highlight of 3')
    fireEvent.click(blue)

    fireEvent.change(within(region()).getByLabelText('Tag'), { target: { value: 'Moon' } })
    await waitFor(() => expect(quotes()).toEqual(['pulled by the moon']))
    fireEvent.change(within(region()).getByLabelText('Tag'), { target: { value: '' } })
    fireEvent.change(within(region()).getByLabelText('Source'), { target: { value: 'Harbour Times' } })
    await waitFor(() => expect(quotes()).toEqual(['pulled by the moon', 'sea']))

    fireEvent.change(within(region()).getByLabelText('Order'), { target: { value: 'article' } })
    await waitFor(() => expect(quotes()).toEqual(['sea', 'pulled by the moon']))
    expect([...region().querySelectorAll('.ah-group-title')].map((h) => h.textContent)).toEqual(['Why the sea keeps time · Harbour Times'])
  })

  it('searches after a pause in typing, ignoring case and accents', async () => {
    const fake = makeFake()
    render(<Harness fake={fake} />)
    await waitFor(() => expect(quotes()).toHaveLength(3))
    fireEvent.change(within(region()).getByRole('searchbox', { name: 'Search highlights' }), { target: { value: 'SÄLT' } })
    await waitFor(() => expect(quotes()).toEqual(['sea']))
    expect(lastQuery(fake)).toMatchObject({ query: 'SÄLT' })
  })

  it('shows and finds the words a highlight covers now when its article was edited, saying so quietly', async () => {
    // The article now says "drawn by the moon": the core placed the highlight on the new words.
    const fake = makeFake(true, 'drawn by the moon')
    render(<Harness fake={fake} />)
    await waitFor(() => expect(quotes()).toEqual(['Lighthouse keepers', 'drawn by the moon', 'sea']))
    const edited = region().querySelector('[data-highlight-entry="moon"] [data-edited-since]') as HTMLElement
    expect(edited.textContent).toContain('edited since you highlighted it')
    expect(edited.title).toBe('First highlighted: “pulled by the moon”')
    expect(region().querySelectorAll('[data-edited-since]')).toHaveLength(1)
    fireEvent.change(within(region()).getByRole('searchbox', { name: 'Search highlights' }), { target: { value: 'drawn by' } })
    await waitFor(() => expect(quotes()).toEqual(['drawn by the moon']))
  })

  it('moves between entries with the arrow keys and opens one with Enter', async () => {
    const onOpen = vi.fn()
    render(<Harness fake={makeFake()} onOpen={onOpen} />)
    await waitFor(() => expect(quotes()).toHaveLength(3))
    const buttons = within(region()).getAllByRole('button', { name: 'Open in article' })
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1])
    buttons[0].focus()
    fireEvent.keyDown(buttons[0], { key: 'ArrowDown' })
    await waitFor(() => expect(document.activeElement).toBe(buttons[1]))
    fireEvent.keyDown(buttons[1], { key: 'End' })
    await waitFor(() => expect(document.activeElement).toBe(buttons[2]))
    expect(buttons.map((b) => b.tabIndex)).toEqual([-1, -1, 0])
    fireEvent.click(buttons[2])
    expect(onOpen).toHaveBeenCalledWith('tides', 'sea')
  })

  it('↓ from the search box moves into the results (no Tab walk through every filter)', async () => {
    render(<Harness fake={makeFake()} />)
    await waitFor(() => expect(quotes()).toHaveLength(3))
    const search = within(region()).getByRole('searchbox')
    await waitFor(() => expect(document.activeElement).toBe(search))
    fireEvent.keyDown(search, { key: 'ArrowDown' })
    const buttons = within(region()).getAllByRole('button', { name: 'Open in article' })
    expect(document.activeElement).toBe(buttons[0])
  })

  it('says when there are no highlights yet', async () => {
    render(<Harness fake={makeFake(false)} />)
    await waitFor(() => expect(screen.getByTestId('workspace-empty').textContent).toBe('No highlights yet — select text in an article to make one.'))
  })

  it('says when the filters match nothing, and clears them', async () => {
    render(<Harness fake={makeFake()} initial={{ ...DEFAULT_FILTERS, colors: ['pink'], sort: 'oldest' }} />)
    await waitFor(() => expect(screen.getByTestId('workspace-empty').textContent).toContain('No highlights match these filters.'))
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }))
    await waitFor(() => expect(quotes()).toEqual(['sea', 'pulled by the moon', 'Lighthouse keepers']))
    expect(within(region()).getByLabelText('Order')).toHaveProperty('value', 'oldest')
  })

  it('keeps its filters when hidden and shown again, and asks again when shown', async () => {
    const fake = makeFake()
    render(<Harness fake={fake} />)
    await waitFor(() => expect(quotes()).toHaveLength(3))
    fireEvent.click(within(region()).getByRole('button', { name: /^Yellow/ }))
    await waitFor(() => expect(quotes()).toEqual(['sea']))
    fireEvent.click(screen.getByRole('button', { name: 'Toggle' }))
    const calls = fake.callsTo('annotations.list').length
    // A highlight changed colour while the view was away.
    await act(async () => {
      await createApi(fake.transport)['highlight.update']({ highlightId: 'log', color: 'yellow' })
    })
    fireEvent.click(screen.getByRole('button', { name: 'Toggle' }))
    await waitFor(() => expect(quotes()).toEqual(['Lighthouse keepers', 'sea']))
    expect(within(region()).getByRole('button', { name: /^Yellow/ }).getAttribute('aria-pressed')).toBe('true')
    expect(fake.callsTo('annotations.list').length).toBeGreaterThan(calls)
  })

  it('asks again when the folder changes on disk or its scan ends, not on every scan report', async () => {
    const fake = makeFake()
    const changed = new Set<(change: DataChange) => void>()
    const progress = new Set<(report: ScanProgress) => void>()
    const events: GlossEvents = {
      onMenuCommand: () => () => undefined,
      onChange: (listener) => (changed.add(listener), () => changed.delete(listener)),
      onScanProgress: (listener) => (progress.add(listener), () => progress.delete(listener))
    }
    render(<Harness fake={fake} events={events} />)
    await waitFor(() => expect(quotes()).toHaveLength(3))
    const asked = () => fake.callsTo('annotations.list').length
    const before = asked()
    act(() => progress.forEach((l) => l({ root: ROOT, scanned: 10, total: 20, currentFolder: '', done: false })))
    act(() => changed.forEach((l) => l(diskChange('/elsewhere', []))))
    expect(asked()).toBe(before)
    act(() => progress.forEach((l) => l({ root: ROOT, scanned: 20, total: 20, currentFolder: '', done: true })))
    await waitFor(() => expect(asked()).toBe(before + 1))
    act(() => changed.forEach((l) => l(diskChange(ROOT, ['tides']))))
    await waitFor(() => expect(asked()).toBe(before + 2))
  })
})
