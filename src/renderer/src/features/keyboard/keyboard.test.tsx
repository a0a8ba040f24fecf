// @vitest-environment jsdom
// The reader keys driven through the whole App on the in-memory fake: what a keyboard
// user sees happen (articles opened, text selected, highlights made and recoloured,
// the shortcuts sheet), and what must not happen (keys typed into fields).
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApi, type Transport } from '../../../../shared/api'
import type { ArticleSummary } from '../../../../shared/model'
import { App } from '../../App'
import { withQueries } from '../../test-support/with-queries'
import { buildArticle, buildHighlight } from '../../test-support/build-article'
import { FakeGloss, librarySummary } from '../../test-support/fake-gloss'
import { SHORTCUTS } from './shortcuts'
import { isEditableTarget, neighbourArticleId } from './use-reader-shortcuts'

const ROOT = '/home/reader/Clippings'

/**
 * Holds every library.list answer until release() (the list still loading when the
 * start-up article is already shown: the order a busy machine can produce).
 */
function holdLists(transport: Transport): { transport: Transport; release: () => void } {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  return {
    transport: async (method, input) => {
      if (method === 'library.list') await released
      return transport(method, input)
    },
    release
  }
}

function start({ secondHighlight = false, wrap = (t: Transport) => t } = {}) {
  const first = buildArticle(
    'first',
    [
      { type: 'paragraph', text: 'Tides follow the moon. Sailors knew it long before the theory.' },
      { type: 'paragraph', text: 'A second paragraph about harbours.' }
    ],
    { title: 'Why the sea keeps time', published: '2024-03-01' }
  )
  first.highlights = [{ ...buildHighlight('first', first.text, 0, 5, 'yellow'), id: 'tides' }]
  if (secondHighlight) {
    const at = first.text.indexOf('Sailors')
    first.highlights.push({ ...buildHighlight('first', first.text, at, at + 'Sailors'.length, 'green'), id: 'sailors' })
  }
  const second = buildArticle('second', [{ type: 'paragraph', text: 'Keepers tended the lamp every night.' }], {
    title: 'Keepers of the light',
    published: '2023-01-01'
  })
  const third = buildArticle('third', [{ type: 'paragraph', text: 'Gulls follow the boats home.' }], { title: 'Gulls', published: '2022-01-01' })
  const articles = [first, second, third]
  const fake = new FakeGloss(
    new Map([[ROOT, { summary: librarySummary(ROOT, articles, { lastArticleId: 'first' }), articles }]]),
    ROOT,
    ROOT
  )
  render(<App api={createApi(wrap(fake.transport))} events={fake.events()} />, { wrapper: withQueries() })
  return fake
}

const title = () => document.querySelector<HTMLElement>('h1#article-title') ?? screen.getByRole('heading', { level: 1 })
const body = () => screen.getByTestId('article-body')
const key = (k: string, init: Partial<KeyboardEventInit> = {}, target: Element = document.body) => {
  fireEvent.keyDown(target, { key: k, ...init })
  fireEvent.keyUp(target, { key: k, ...init })
}

beforeEach(() => window.getSelection()?.removeAllRanges())
afterEach(() => cleanup())

describe('reader keys', () => {
  it('j and k open the next and previous article in library order; the ends say so', async () => {
    start()
    await waitFor(() => expect(title().textContent).toContain('Why the sea keeps time'))
    key('j')
    await waitFor(() => expect(title().textContent).toContain('Keepers of the light'))
    key('j')
    await waitFor(() => expect(title().textContent).toContain('Gulls'))
    key('j')
    expect(await screen.findByText('This is the last article in the list.')).toBeTruthy()
    key('k')
    await waitFor(() => expect(title().textContent).toContain('Keepers of the light'))
    const selected = within(screen.getByRole('listbox', { name: 'Articles' })).getByRole('option', { selected: true })
    expect(selected.textContent).toContain('Keepers of the light')
  })

  it('quick j presses step on from the article still loading instead of opening it twice', async () => {
    start()
    await waitFor(() => expect(title().textContent).toContain('Why the sea keeps time'))
    // Two presses in the same moment: the second comes before the first article is shown.
    key('j')
    key('j')
    await waitFor(() => expect(title().textContent).toContain('Gulls'))
  })

  it('j pressed before the list has loaded steps from the open article once the list comes', async () => {
    let held!: ReturnType<typeof holdLists>
    start({ wrap: (t) => (held = holdLists(t)).transport })
    await waitFor(() => expect(title().textContent).toContain('Why the sea keeps time'))
    key('j')
    key('j')
    held.release()
    await waitFor(() => expect(title().textContent).toContain('Gulls'))
    expect(screen.queryByText('This is the last article in the list.')).toBeNull()
  })

  it('s selects a sentence, e extends it, Shift+S steps back; h highlights it', async () => {
    const fake = start()
    await waitFor(() => expect(title().textContent).toContain('Why the sea keeps time'))
    key('s')
    expect(window.getSelection()!.toString()).toBe('Tides follow the moon.')
    // Screen readers hear what was selected.
    expect(screen.getByTestId('selection-announcer').textContent).toBe('Selected: Tides follow the moon.')
    key('s')
    expect(window.getSelection()!.toString()).toBe('Sailors knew it long before the theory.')
    key('e')
    // jsdom puts nothing between blocks in Selection#toString; Chromium puts line breaks.
    expect(window.getSelection()!.toString()).toMatch(/^Sailors knew it long before the theory\.\s*A second paragraph about harbours\.$/)
    key('S', { shiftKey: true })
    expect(window.getSelection()!.toString()).toBe('Tides follow the moon.')
    key('p')
    expect(window.getSelection()!.toString()).toBe('Tides follow the moon. Sailors knew it long before the theory.')
    key('s')
    await screen.findByTestId('selection-toolbar')
    key('2')
    await waitFor(() => expect(body().querySelectorAll('mark[data-color="green"]')).toHaveLength(1))
    const created = fake.article('first').highlights.find((h) => h.color === 'green')!
    expect(created.quote.exact).toBe('A second paragraph about harbours.')
    // h uses the colour used last.
    key('S', { shiftKey: true })
    await screen.findByTestId('selection-toolbar')
    key('h')
    await waitFor(() => expect(body().querySelectorAll('mark[data-color="green"]').length).toBeGreaterThan(1))
  })

  it('Tab cycles inside the selection toolbar; Esc closes it and focus goes back to the text', async () => {
    start()
    await waitFor(() => expect(title().textContent).toContain('Why the sea keeps time'))
    act(() => body().focus())
    key('s', {}, body())
    const toolbar = await screen.findByRole('toolbar', { name: 'Highlight selection' })
    const buttons = within(toolbar).getAllByRole('button')
    act(() => buttons[0].focus())
    fireEvent.keyDown(buttons[0], { key: 'Tab' })
    expect(document.activeElement).toBe(buttons[1])
    fireEvent.keyDown(buttons[1], { key: 'Tab', shiftKey: true })
    fireEvent.keyDown(buttons[0], { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(buttons[buttons.length - 1])
    expect(buttons[buttons.length - 1].textContent).toBe('Add note')
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByRole('toolbar', { name: 'Highlight selection' })).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(body()))
  })

  it('] focuses the next highlight, 3 recolours it, Enter opens it, 4 recolours the open one, Esc returns focus', async () => {
    const fake = start()
    await waitFor(() => expect(title().textContent).toContain('Why the sea keeps time'))
    key(']')
    const mark = body().querySelector<HTMLElement>('mark[data-highlight-id="tides"]')!
    expect(document.activeElement).toBe(mark)
    expect(mark.getAttribute('aria-describedby')).toBe('hl-desc-yellow')
    expect(document.getElementById('hl-desc-yellow')?.textContent).toContain('Yellow highlight')
    key('3', {}, mark)
    await waitFor(() => expect(fake.article('first').highlights[0].color).toBe('blue'))
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' })
    const popover = await screen.findByTestId('highlight-popover')
    key('4', {}, document.activeElement!)
    await waitFor(() => expect(fake.article('first').highlights[0].color).toBe('pink'))
    await waitFor(() => expect(within(popover).getByRole('button', { name: 'Pink' }).getAttribute('aria-pressed')).toBe('true'))
    key('Escape', {}, document.activeElement!)
    await waitFor(() => expect(screen.queryByTestId('highlight-popover')).toBeNull())
    expect((document.activeElement as HTMLElement).dataset.highlightId).toBe('tides')
    key('h', {}, document.activeElement!)
    expect(await screen.findByText(/highlighted already: 1–4 change its colour/)).toBeTruthy()
    key(']', {}, document.activeElement!)
    expect(await screen.findByText('No more highlights after this one.')).toBeTruthy()
  })

  it('[ and ] with a highlight popover open close it and move focus to the other highlight', async () => {
    start({ secondHighlight: true })
    await waitFor(() => expect(title().textContent).toContain('Why the sea keeps time'))
    const mark = (id: string) => body().querySelector<HTMLElement>(`mark[data-highlight-id="${id}"]`)!
    key(']')
    expect(document.activeElement).toBe(mark('tides'))
    fireEvent.keyDown(mark('tides'), { key: 'Enter' })
    const popover = await screen.findByTestId('highlight-popover')
    // Focus is inside the popover (on the pressed colour), which belongs to "tides".
    await waitFor(() => expect(popover.contains(document.activeElement)).toBe(true))
    expect(within(popover).getByRole('button', { name: 'Yellow' }).getAttribute('aria-pressed')).toBe('true')
    key(']', {}, document.activeElement!)
    await waitFor(() => expect(screen.queryByTestId('highlight-popover')).toBeNull())
    expect(document.activeElement).toBe(mark('sailors'))
    // Focus stays on the new mark once the closed popover's focus return has run.
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(document.activeElement).toBe(mark('sailors'))

    // The same going back with [, from the popover of the second highlight.
    fireEvent.keyDown(mark('sailors'), { key: 'Enter' })
    const second = await screen.findByTestId('highlight-popover')
    await waitFor(() => expect(within(second).getByRole('button', { name: 'Green' }).getAttribute('aria-pressed')).toBe('true'))
    await waitFor(() => expect(second.contains(document.activeElement)).toBe(true))
    key('[', {}, document.activeElement!)
    await waitFor(() => expect(screen.queryByTestId('highlight-popover')).toBeNull())
    expect(document.activeElement).toBe(mark('tides'))
  })

  it('n with nothing selected goes to the article note; h explains how to select', async () => {
    start()
    await waitFor(() => expect(title().textContent).toContain('Why the sea keeps time'))
    key('h')
    expect(await screen.findByText(/press s to select a sentence/)).toBeTruthy()
    key('n')
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Article note' }))
    // Typed into the note, j is text, not a shortcut.
    key('j', {}, document.activeElement!)
    expect(title().textContent).toContain('Why the sea keeps time')
  })

  it('n puts the caret at the end of the article note; Esc leaves the note, so / goes to search', async () => {
    const fake = start()
    await waitFor(() => expect(title().textContent).toContain('Why the sea keeps time'))
    await act(async () => void (await fake.transport('article.setNote', { articleId: 'first', note: 'Tides and *moons*' })))
    const note = screen.getByRole('textbox', { name: 'Article note' }) as HTMLTextAreaElement
    await waitFor(() => expect(note.value).toBe('Tides and *moons*'))
    key('n')
    expect(document.activeElement).toBe(note)
    expect([note.selectionStart, note.selectionEnd]).toEqual([note.value.length, note.value.length])
    key('Escape', {}, note)
    expect(document.activeElement).not.toBe(note)
    key('/', {}, document.activeElement!)
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search all text' }))
  })

  it('] and [ with no highlight focused go to the next one below the top of the view and the last one above it', async () => {
    start({ secondHighlight: true })
    await waitFor(() => expect(title().textContent).toContain('Why the sea keeps time'))
    const mark = (id: string) => body().querySelector<HTMLElement>(`mark[data-highlight-id="${id}"]`)!
    // The reader is scrolled past "tides": it is above the view's top, "sailors" below.
    const at = (top: number) => () => ({ top, bottom: top + 20, left: 0, right: 100, width: 100, height: 20, x: 0, y: top, toJSON: () => ({}) }) as DOMRect
    document.querySelector<HTMLElement>('main.reader')!.getBoundingClientRect = at(90)
    mark('tides').getBoundingClientRect = at(-400)
    mark('sailors').getBoundingClientRect = at(300)
    key(']')
    expect(document.activeElement).toBe(mark('sailors'))
    ;(document.activeElement as HTMLElement).blur()
    key('[')
    expect(document.activeElement).toBe(mark('tides'))
  })

  it('? opens the shortcuts sheet from the same table; Esc closes it and focus goes back', async () => {
    start()
    await waitFor(() => expect(title().textContent).toContain('Why the sea keeps time'))
    body().focus()
    key('?', { shiftKey: true }, body())
    const sheet = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
    for (const group of ['Library', 'Selecting text', 'Highlights and notes', 'Search and help', 'Menu commands']) {
      expect(within(sheet).getByRole('heading', { name: group })).toBeTruthy()
    }
    // One row per entry of the table, nothing more, nothing less.
    expect(sheet.querySelectorAll('tbody tr')).toHaveLength(SHORTCUTS.length)
    for (const shortcut of SHORTCUTS) expect(sheet.textContent).toContain(shortcut.description)
    expect(within(sheet).getByRole('rowheader', { name: 'j' })).toBeTruthy()
    expect(within(sheet).getByRole('rowheader', { name: 'Ctrl/⌘ + F' })).toBeTruthy()
    // Keys belong to the sheet while it is open.
    key('j', {}, document.activeElement!)
    expect(title().textContent).toContain('Why the sea keeps time')
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(body()))
  })

  it('the header button "Keyboard shortcuts" opens the sheet for people who do not know about ?', async () => {
    start()
    await waitFor(() => expect(title().textContent).toContain('Why the sea keeps time'))
    const button = screen.getByRole('button', { name: 'Keyboard shortcuts' })
    button.focus()
    fireEvent.click(button)
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy()
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(button))
  })

  it('leaves the hidden reader alone while another view shows; / and ? still work', async () => {
    const fake = start()
    await waitFor(() => expect(title().textContent).toContain('Why the sea keeps time'))
    // What the "All highlights" view does to the reader's column.
    document.getElementById('reader')!.parentElement!.hidden = true
    const asked = fake.calls.length
    key('j')
    key('s')
    // j taken up would ask the core for the next article within this turn: flush it, then look.
    await act(async () => undefined)
    const opening = ['library.position', 'article.get', 'article.opened']
    expect(fake.calls.slice(asked).filter((c) => opening.includes(c.method))).toEqual([])
    expect(title().textContent).toContain('Why the sea keeps time')
    expect(window.getSelection()!.toString()).toBe('')
    key('?')
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy()
  })

  it('/ and Ctrl+F focus the search box; Ctrl+/ opens the sheet', async () => {
    start()
    await waitFor(() => expect(title().textContent).toContain('Why the sea keeps time'))
    const box = screen.getByRole('searchbox', { name: 'Search all text' })
    key('/')
    expect(document.activeElement).toBe(box)
    act(() => body().focus())
    key('f', { ctrlKey: true }, body())
    expect(document.activeElement).toBe(box)
    key('/', { ctrlKey: true }, box)
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy()
  })
})

describe('neighbourArticleId', () => {
  const row = (id: string) => ({ id }) as ArticleSummary
  const list = { total: 5, rows: [row('a'), row('b'), undefined, undefined, row('e')] }
  const fetched: number[] = []
  const fetchAt = async (index: number) => {
    fetched.push(index)
    return row(`fetched-${index}`)
  }

  it.each<[string | null, 1 | -1, string | null]>([
    ['a', 1, 'b'],
    ['b', -1, 'a'],
    ['a', -1, null],
    ['e', 1, null],
    ['e', -1, 'fetched-3'],
    ['b', 1, 'fetched-2'],
    [null, 1, 'a'],
    [null, -1, 'e'],
    ['not-listed', 1, 'a']
  ])('from %s by %i → %s', async (current, direction, expected) => {
    expect(await neighbourArticleId(list, current, direction, fetchAt)).toBe(expected)
  })

  // Rows not fetched: the open article's row comes from library.position (null: filtered out).
  const positions: Record<string, number | null> = { c: 2, d: 3, hidden: null }
  const located: string[] = []
  const locate = async (id: string) => {
    located.push(id)
    return positions[id] ?? null
  }
  it.each<[string | null, 1 | -1, string | null, string[]]>([
    ['c', 1, 'fetched-3', ['c']],
    ['c', -1, 'b', ['c']],
    ['d', 1, 'e', ['d']],
    ['hidden', 1, 'a', ['hidden']],
    ['hidden', -1, 'e', ['hidden']],
    ['a', 1, 'b', []],
    [null, 1, 'a', []]
  ])('from %s (not fetched) by %i → %s, located %j', async (current, direction, expected, lookups) => {
    located.length = 0
    expect(await neighbourArticleId(list, current, direction, fetchAt, locate)).toBe(expected)
    expect(located).toEqual(lookups)
  })

  it('asks only for rows it does not have, and nothing of an empty list', async () => {
    fetched.length = 0
    await neighbourArticleId(list, 'a', 1, fetchAt)
    expect(fetched).toEqual([])
    expect(await neighbourArticleId({ total: 0, rows: [] }, null, 1, fetchAt)).toBeNull()
  })
})

describe('isEditableTarget', () => {
  it.each<[string, () => Element, boolean]>([
    ['a text input', () => Object.assign(document.createElement('input'), { type: 'text' }), true],
    ['a search box', () => Object.assign(document.createElement('input'), { type: 'search' }), true],
    ['a textarea', () => document.createElement('textarea'), true],
    ['a select', () => document.createElement('select'), true],
    ['a checkbox', () => Object.assign(document.createElement('input'), { type: 'checkbox' }), false],
    ['a button', () => document.createElement('button'), false],
    ['a highlight', () => document.createElement('mark'), false]
  ])('%s → %s', (_, make, expected) => {
    expect(isEditableTarget(make())).toBe(expected)
  })

  it('treats contenteditable as editable', () => {
    const div = document.createElement('div')
    div.contentEditable = 'true'
    document.body.append(div)
    // jsdom does not compute isContentEditable; the browser does.
    Object.defineProperty(div, 'isContentEditable', { value: true })
    expect(isEditableTarget(div)).toBe(true)
    div.remove()
  })
})
