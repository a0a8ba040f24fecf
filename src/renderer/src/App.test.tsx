// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApi } from '../../shared/api'
import type { DataChange, GlossEvents, MenuCommand } from '../../shared/events'
import { diskChange } from './test-support/data-change'
import { App } from './App'
import { buildArticle, buildBlocks, buildHighlight } from './test-support/build-article'
import { FakeGloss, librarySummary, type FakeLibrary } from './test-support/fake-gloss'
import { withQueries } from './test-support/with-queries'

const SAMPLE = '/opt/gloss/sample'
const MINE = '/home/reader/Clippings'

function makeLibraries() {
  const essay = buildArticle(
    'essay',
    [
      { type: 'heading', level: 2, text: 'On tides' },
      { type: 'paragraph', text: 'The sea rises twice a day, pulled by the moon.' },
      { type: 'paragraph', text: 'Sailors learned the rhythm long before the theory.' }
    ],
    {
      title: 'Why the sea keeps time',
      source: 'Harbour Review',
      sourceUrl: 'https://harbour.example/tides',
      published: '2023-05-02',
      author: 'R. Marsh',
      topics: ['Oceans']
    }
  )
  const older = buildArticle('older', [{ type: 'paragraph', text: 'A short piece about lighthouses and their keepers.' }], {
    title: 'Keepers of the light',
    source: 'Coastal Notes',
    sourceUrl: 'javascript:alert(1)',
    published: '2019-11-20T09:00:00Z',
    topics: ['History']
  })
  const metaOnly = buildArticle('meta', [], {
    title: 'Only the summary survived',
    excerpt: 'A summary of a story whose body was never clipped.',
    published: 'last spring'
  })
  essay.highlights = [
    { ...buildHighlight('essay', essay.text, essay.blocks[2].start, essay.blocks[2].start + 7, 'blue', { note: 'who?' }), id: 'late' },
    { ...buildHighlight('essay', essay.text, essay.blocks[1].start + 4, essay.blocks[1].start + 7, 'green'), id: 'early' },
    { ...buildHighlight('essay', essay.text, 0, 2, 'pink'), id: 'lost', anchor: null, quote: { type: 'TextQuoteSelector', exact: 'a vanished sentence', prefix: '', suffix: '' } }
  ]
  const sample: FakeLibrary = {
    summary: librarySummary(SAMPLE, [older], { isSample: true, name: 'Sample' }),
    articles: [older]
  }
  const mine: FakeLibrary = {
    summary: librarySummary(MINE, [essay, older, metaOnly], {
      problems: [{ path: 'broken/bad.md', reason: 'Front matter is not valid YAML' }],
      lastArticleId: 'essay'
    }),
    articles: [essay, older, metaOnly]
  }
  return new Map([
    [SAMPLE, sample],
    [MINE, mine]
  ])
}

function start(
  options: { current?: string | null; events?: GlossEvents | null; nativeMenu?: boolean; setup?: (fake: FakeGloss) => void } = {}
) {
  const fake = new FakeGloss(makeLibraries(), options.current === undefined ? MINE : options.current, SAMPLE)
  options.setup?.(fake)
  render(<App api={createApi(fake.transport)} events={fake.events(options.events ?? null)} nativeMenu={options.nativeMenu} />, { wrapper: withQueries() })
  return fake
}

/** Events the test fires by hand, as the main process would. */
function manualEvents() {
  let menu: ((c: MenuCommand) => void) | null = null
  let library: ((c: DataChange) => void) | null = null
  const events: GlossEvents = {
    onMenuCommand: (l) => {
      menu = l
      return () => (menu = null)
    },
    onChange: (l) => {
      library = l
      return () => (library = null)
    },
    onScanProgress: () => () => undefined
  }
  return {
    events,
    menu: (command: MenuCommand) => act(() => menu!(command)),
    libraryChanged: (change: Partial<DataChange['articles']> & { root?: string }) => {
      const { root = MINE, ...articles } = change
      return act(() => library!(diskChange(root, articles)))
    }
  }
}

const body = () => screen.getByTestId('article-body')
const rows = () => within(screen.getByRole('listbox', { name: 'Articles' })).getAllByRole('option')

/** Selects `needle` inside the article body the way a mouse drag would, then releases. */
async function selectInBody(needle: string) {
  const walker = document.createTreeWalker(body(), NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const at = n.data.indexOf(needle)
    if (at < 0) continue
    const range = document.createRange()
    range.setStart(n, at)
    range.setEnd(n, at + needle.length)
    const selection = window.getSelection()!
    selection.removeAllRanges()
    fireEvent.mouseDown(n.parentElement!)
    selection.addRange(range)
    fireEvent.mouseUp(n.parentElement!)
    return screen.findByTestId('selection-toolbar')
  }
  throw new Error(`${needle} not in one text node`)
}

beforeEach(() => {
  window.getSelection()?.removeAllRanges()
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

describe('starting', () => {
  it('opens the sample corpus when no folder is open, and says so', async () => {
    const fake = start({ current: null })
    expect(await screen.findByTestId('folder-name')).toHaveProperty('textContent', 'Sample')
    expect(fake.callsTo('library.openSample')).toHaveLength(1)
    expect(await screen.findByText(/Sample articles/)).toBeTruthy()
    expect(await screen.findByRole('option', { name: /Keepers of the light/ })).toBeTruthy()
  })

  it('lists articles with source, date and highlight count, and reopens the last-read article', async () => {
    start()
    const list = await screen.findByRole('listbox', { name: 'Articles' })
    const options = await within(list).findAllByRole('option')
    expect(options.map((r) => r.querySelector('.row-title')!.textContent)).toEqual([
      'Why the sea keeps time',
      'Keepers of the light',
      'Only the summary survived'
    ])
    expect(options[0].textContent).toContain('Harbour Review')
    expect(options[0].querySelector('time')?.getAttribute('dateTime')).toBe('2023-05-02')
    expect(options[0].querySelector('time')?.textContent).toMatch(/2023/)
    expect(options[2].textContent).toContain('last spring')
    expect(options[0].querySelector('.badge')?.textContent).toBe('3 highlights')
    expect(await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })).toBeTruthy()
    await waitFor(() => expect(options[0].getAttribute('aria-selected')).toBe('true'))
    const original = screen.getByRole('link', { name: 'Open original' })
    expect(original.getAttribute('href')).toBe('https://harbour.example/tides')
    expect(original.getAttribute('rel')).toBe('noopener noreferrer')
  })

  it('shows the problems panel with each path and reason', async () => {
    start()
    const problems = await screen.findByTestId('problems')
    expect(within(problems).getByText('Problems (1)')).toBeTruthy()
    expect(problems.textContent).toContain('broken/bad.md')
    expect(problems.textContent).toContain('Front matter is not valid YAML')
  })

  it('shows a store notice until dismissed', async () => {
    start({ setup: (fake) => (fake.libraries.get(MINE)!.summary.storeNotice = 'Your notes were restored from a backup.') })
    const banner = await screen.findByText('Your notes were restored from a backup.')
    fireEvent.click(within(banner.parentElement!).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByText('Your notes were restored from a backup.')).toBeNull()
  })
})

describe('library', () => {
  it('filters by title, topic and sort through library.list', async () => {
    const fake = start()
    await screen.findByRole('listbox', { name: 'Articles' })
    fireEvent.change(screen.getByLabelText('Filter by title'), { target: { value: 'keepers' } })
    await waitFor(() => expect(rows()).toHaveLength(1))
    expect(fake.callsTo('library.list').at(-1)).toEqual({ sort: 'date', query: 'keepers', offset: 0, limit: 200 })
    fireEvent.change(screen.getByLabelText('Filter by title'), { target: { value: '' } })
    await waitFor(() => expect(rows()).toHaveLength(3))
    fireEvent.change(screen.getByLabelText('Topic (from the file)'), { target: { value: 'Oceans' } })
    await waitFor(() => expect(rows()).toHaveLength(1))
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'title' } })
    await waitFor(() => expect(fake.callsTo('library.list').at(-1)).toEqual({ sort: 'title', topic: 'Oceans', offset: 0, limit: 200 }))
  })

  it('opens articles by click and with the keyboard', async () => {
    start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    const options = await within(await screen.findByRole('listbox', { name: 'Articles' })).findAllByRole('option')
    options[0].focus()
    fireEvent.keyDown(options[0], { key: 'ArrowDown' })
    expect(document.activeElement).toBe(options[1])
    fireEvent.keyDown(options[1], { key: 'Enter' })
    expect(await screen.findByRole('heading', { level: 1, name: 'Keepers of the light' })).toBeTruthy()
    // A javascript: source URL is not offered as a link.
    expect(screen.queryByRole('link', { name: 'Open original' })).toBeNull()
    fireEvent.click(screen.getByRole('option', { name: /Only the summary survived/ }))
    expect(await screen.findByText('A summary of a story whose body was never clipped.')).toBeTruthy()
  })

  it('opens a folder, and shows why when that fails', async () => {
    const fake = start({ current: null, setup: (f) => (f.chooseFolderResult = new Error('Folder dialogs are not available in the browser harness')) })
    await screen.findByTestId('folder-name')
    fireEvent.click(screen.getByRole('button', { name: 'Open Folder…' }))
    expect(await screen.findByText('Folder dialogs are not available in the browser harness')).toBeTruthy()
    fake.chooseFolderResult = MINE
    fireEvent.click(screen.getByRole('button', { name: 'Open Folder…' }))
    await waitFor(() => expect(screen.getByTestId('folder-name').textContent).toBe('Clippings'))
    expect(await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })).toBeTruthy()
  })

  it('reopens a recent folder from the Recent menu', async () => {
    start({ current: null, setup: (f) => (f.recent = [MINE]) })
    await screen.findByTestId('folder-name')
    fireEvent.click(screen.getByRole('button', { name: /Recent/ }))
    fireEvent.click(await screen.findByRole('menuitem', { name: /Clippings/ }))
    await waitFor(() => expect(screen.getByTestId('folder-name').textContent).toBe('Clippings'))
  })
})

describe('highlighting', () => {
  it('highlights a selection with the chosen colour and updates the count', async () => {
    const fake = start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    const toolbar = await selectInBody('pulled by the moon')
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Highlight green' }))
    const essay = fake.libraries.get(MINE)!.articles[0]
    const start_ = essay.text.indexOf('pulled by the moon')
    expect(fake.callsTo('highlight.create')).toEqual([{ articleId: 'essay', start: start_, end: start_ + 18, color: 'green' }])
    await waitFor(() => expect(body().querySelectorAll('mark.hl-green')).toHaveLength(2))
    expect(screen.queryByTestId('selection-toolbar')).toBeNull()
    const row = screen.getByRole('option', { name: /Why the sea keeps time/ })
    await waitFor(() => expect(row.querySelector('.badge')?.textContent).toMatch(/^4/))
  })

  it('trims surrounding whitespace from a selection', async () => {
    const fake = start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    const toolbar = await selectInBody(' twice a day, ')
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Highlight yellow' }))
    await waitFor(() => expect(fake.callsTo('highlight.create')).toHaveLength(1))
    const { start: s, end } = fake.callsTo('highlight.create')[0] as { start: number; end: number }
    expect(fake.libraries.get(MINE)!.articles[0].text.slice(s, end)).toBe('twice a day,')
  })

  it('Add note creates a yellow highlight and saves the note typed into it', async () => {
    const fake = start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    const toolbar = await selectInBody('the rhythm')
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Add note' }))
    const popover = await screen.findByTestId('highlight-popover')
    const note = within(popover).getByLabelText('Note')
    await waitFor(() => expect(document.activeElement).toBe(note))
    expect((fake.callsTo('highlight.create')[0] as { color: string }).color).toBe('yellow')
    fireEvent.change(note, { target: { value: 'Knowledge *before* theory' } })
    fireEvent.keyDown(note, { key: 'Enter', ctrlKey: true })
    await waitFor(() => expect(fake.callsTo('highlight.update')).toEqual([{ highlightId: 'fake-1', note: 'Knowledge *before* theory' }]))
    expect(await within(popover).findByText('Saved')).toBeTruthy()
    // Shown in the side panel as the Markdown it is: the asterisks make emphasis (issue 15).
    const notes = [...screen.getByRole('region', { name: 'Highlights' }).querySelectorAll('.hl-item-note')]
    const shown = notes.find((el) => el.textContent === 'Knowledge before theory')!
    expect(shown).toBeTruthy()
    expect(shown.querySelector('em')?.textContent).toBe('before')
  })

  it('edits an existing highlight: colour, note saved on close, delete with a toast', async () => {
    const fake = start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    fireEvent.click(body().querySelector('mark[data-highlight-id="early"]')!)
    let popover = await screen.findByTestId('highlight-popover')
    expect(within(popover).getByRole('button', { name: 'Green' }).getAttribute('aria-pressed')).toBe('true')
    fireEvent.click(within(popover).getByRole('button', { name: 'Pink' }))
    await waitFor(() => expect(body().querySelector('mark[data-highlight-id="early"]')!.className).toContain('hl-pink'))
    expect(within(popover).getByRole('button', { name: 'Pink' }).getAttribute('aria-pressed')).toBe('true')

    // A note typed and then abandoned with Escape is still saved.
    fireEvent.change(within(popover).getByLabelText('Note'), { target: { value: 'tides!' } })
    fireEvent.keyDown(document, { key: 'Escape' })
    expect(screen.queryByTestId('highlight-popover')).toBeNull()
    await waitFor(() => expect(fake.callsTo('highlight.update')).toContainEqual({ highlightId: 'early', note: 'tides!' }))

    fireEvent.click(body().querySelector('mark[data-highlight-id="early"]')!)
    popover = await screen.findByTestId('highlight-popover')
    fireEvent.click(within(popover).getByRole('button', { name: 'Delete' }))
    expect(await screen.findByText('Highlight deleted')).toBeTruthy()
    expect(body().querySelector('mark[data-highlight-id="early"]')).toBeNull()
    expect(fake.callsTo('highlight.delete')).toEqual([{ highlightId: 'early' }])
  })

  it('lists highlights in reading order, orphans separately, and jumps to one', async () => {
    start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    const side = screen.getByRole('region', { name: 'Highlights' })
    const items = [...side.querySelectorAll<HTMLElement>('[data-list-highlight-id]')]
    expect(items.map((b) => b.dataset.listHighlightId)).toEqual(['early', 'late'])
    expect(items[1].textContent).toContain('who?')
    const orphans = within(side).getByTestId('orphans')
    expect(orphans.textContent).toContain('Could not be placed (1)')
    expect(orphans.textContent).toContain('a vanished sentence')
    const scroll = vi.fn()
    Element.prototype.scrollIntoView = scroll
    fireEvent.click(items[1])
    const target = body().querySelector<HTMLElement>('mark[data-highlight-id="late"]')!
    expect(scroll).toHaveBeenCalled()
    expect(document.activeElement).toBe(target)
    await waitFor(() => expect(target.className).toContain('hl-flash'))
  })

  it('opens an orphan for editing from the side panel', async () => {
    start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    fireEvent.click(screen.getByRole('button', { name: /a vanished sentence/ }))
    const popover = await screen.findByTestId('highlight-popover')
    expect(within(popover).getByRole('button', { name: 'Pink' }).getAttribute('aria-pressed')).toBe('true')
  })
})

describe('article note', () => {
  it('saves while typing (debounced) and shows Saved', async () => {
    const fake = start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    const note = screen.getByLabelText('Article note')
    fireEvent.change(note, { target: { value: 'Read again' } })
    fireEvent.change(note, { target: { value: 'Read again in winter' } })
    await waitFor(() => expect(fake.callsTo('article.setNote')).toEqual([{ articleId: 'essay', note: 'Read again in winter' }]), { timeout: 3000 })
    expect(await screen.findByText('Saved')).toBeTruthy()
  })

  it('saves a pending note when another article is opened', async () => {
    const fake = start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    fireEvent.change(screen.getByLabelText('Article note'), { target: { value: 'unfinished thought' } })
    fireEvent.click(screen.getByRole('option', { name: /Keepers of the light/ }))
    await screen.findByRole('heading', { level: 1, name: 'Keepers of the light' })
    expect(fake.callsTo('article.setNote')).toEqual([{ articleId: 'essay', note: 'unfinished thought' }])
  })
})

describe('export', () => {
  const dialog = () => screen.getByRole('dialog', { name: 'Export notes' })

  it('opens the export dialog for the article or all notes, exports and reports the path', async () => {
    const fake = start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    fireEvent.click(screen.getByRole('button', { name: 'Export article…' }))
    expect(within(dialog()).getByRole('radio', { name: /This article/ })).toHaveProperty('checked', true)
    // While the dialog is open the rest of the window is out of reach.
    expect(document.querySelector('.app-header')!.hasAttribute('inert')).toBe(true)
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Export…' }))
    expect(await within(dialog()).findByText('Saved to /tmp/export/notes.md')).toBeTruthy()
    expect(fake.callsTo('export.run')).toEqual([{ scope: 'article', articleId: 'essay', format: 'md' }])
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.querySelector('.app-header')!.hasAttribute('inert')).toBe(false)

    // A cancelled save dialog says nothing.
    fake.savePath = null
    fireEvent.click(screen.getByRole('button', { name: 'Export all notes…' }))
    expect(within(dialog()).getByRole('radio', { name: /All notes/ })).toHaveProperty('checked', true)
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(fake.callsTo('export.run')).toHaveLength(2))
    expect(fake.callsTo('export.run')[1]).toEqual({ scope: 'corpus', format: 'md' })
    expect(screen.queryByText(/Saved to/)).toBeNull()
  })

  it('copies the article notes to the clipboard', async () => {
    const writeText = vi.fn(async (_text: string) => undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    fireEvent.click(screen.getByRole('button', { name: 'Copy notes' }))
    expect(await screen.findByText('Notes copied')).toBeTruthy()
    expect(writeText.mock.calls[0][0]).toContain('# Why the sea keeps time')
  })

  it('runs native menu commands through the same handlers', async () => {
    const manual = manualEvents()
    const fake = start({ events: manual.events, nativeMenu: true })
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    manual.menu({ type: 'export-corpus' })
    expect(within(dialog()).getByRole('radio', { name: /All notes/ })).toHaveProperty('checked', true)
    await waitFor(() => expect(fake.callsTo('export.preview')).toEqual([{ scope: 'corpus', format: 'md' }]))
    // With a native menu, the page leaves Ctrl+O to it.
    fireEvent.keyDown(window, { key: 'o', ctrlKey: true })
    expect(fake.callsTo('library.chooseFolder')).toHaveLength(0)
  })

  it('handles Ctrl+O and Ctrl+E itself in the browser harness', async () => {
    const fake = start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    fireEvent.keyDown(window, { key: 'o', ctrlKey: true })
    await waitFor(() => expect(fake.callsTo('library.chooseFolder')).toHaveLength(1))
    // CmdOrCtrl is Ctrl off macOS, as in the native menu (jsdom is not a Mac).
    fireEvent.keyDown(window, { key: 'e', ctrlKey: true })
    expect(within(dialog()).getByRole('radio', { name: /This article/ })).toHaveProperty('checked', true)
    // While the dialog is open, Ctrl+O does not open a folder behind it.
    fireEvent.keyDown(window, { key: 'o', ctrlKey: true })
    expect(fake.callsTo('library.chooseFolder')).toHaveLength(1)
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    fireEvent.keyDown(window, { key: 'E', ctrlKey: true, shiftKey: true })
    expect(within(dialog()).getByRole('radio', { name: /All notes/ })).toHaveProperty('checked', true)
  })
})

describe('import', () => {
  it('imports annotations, shows the report with the unplaced quotes, and refreshes the open article', async () => {
    const fake = start({
      setup: (f) => {
        f.importResult = {
          file: '/home/reader/exports/notes.json',
          report: {
            imported: 3,
            updated: 1,
            duplicates: 2,
            unplaced: [{ quote: 'a sentence that was edited away', note: 'still mine', reason: 'The quote was not found in the article' }],
            unmatchedArticles: [{ title: 'An article from elsewhere', file: 'elsewhere.md', url: null, annotations: 2 }]
          }
        }
      }
    })
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    const gets = fake.callsTo('article.get').length
    fireEvent.click(screen.getByRole('button', { name: 'Import annotations…' }))
    const report = await screen.findByRole('dialog', { name: 'Annotations imported' })
    expect(within(report).getByLabelText('Import summary').textContent).toBe('3 imported1 updated2 already here')
    expect(within(report).getByText('a sentence that was edited away')).toBeTruthy()
    expect(within(report).getByText('The quote was not found in the article')).toBeTruthy()
    expect(within(report).getByText(/An article from elsewhere/).textContent).toContain('2 annotations')
    await waitFor(() => expect(fake.callsTo('article.get')).toHaveLength(gets + 1))
    expect(fake.callsTo('library.missing').length).toBeGreaterThan(1)
    fireEvent.click(within(report).getByRole('button', { name: 'Done' }))
    expect(screen.queryByRole('dialog')).toBeNull()
     // The report stays one click away, beside the library's title.
    const status = screen.getByRole('group', { name: 'Library status' })
    fireEvent.click(within(status).getByRole('button', { name: /^Import: 3 added, 1 updated, \d+ not placed$/ }))
    expect(await screen.findByRole('dialog', { name: 'Annotations imported' })).toBeTruthy()
  })

  it('says nothing when the open dialog is cancelled, and shows why an import failed', async () => {
    const manual = manualEvents()
    const fake = start({ events: manual.events, nativeMenu: true })
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    manual.menu({ type: 'import-annotations' })
    await waitFor(() => expect(fake.callsTo('import.annotations')).toHaveLength(1))
    expect(screen.queryByRole('dialog')).toBeNull()
    fake.importResult = new Error('The file is not a Web Annotation collection')
    manual.menu({ type: 'import-annotations' })
    expect(await screen.findByText('The file is not a Web Annotation collection')).toBeTruthy()
  })
})

describe('gloss:// links', () => {
  it('opens the linked article and scrolls to the highlight', async () => {
    const manual = manualEvents()
    const scroll = vi.fn()
    Element.prototype.scrollIntoView = scroll
    const fake = start({ events: manual.events })
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    fireEvent.click(await screen.findByRole('option', { name: /Keepers of the light/ }))
    await screen.findByRole('heading', { level: 1, name: 'Keepers of the light' })
    scroll.mockClear()
    manual.menu({ type: 'open-link', url: `gloss://open?corpus=${encodeURIComponent(MINE)}&article=essay&highlight=late` })
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    const target = body().querySelector<HTMLElement>('mark[data-highlight-id="late"]')!
    await waitFor(() => expect(document.activeElement).toBe(target))
    expect(scroll.mock.contexts).toContain(target)
    expect(fake.callsTo('app.openLink')).toHaveLength(1)
  })

  it('follows a link that arrives while the app is starting, after the start-up article, into another folder', async () => {
    const manual = manualEvents()
    const fake = start({ events: manual.events, current: SAMPLE })
    manual.menu({ type: 'open-link', url: `gloss://open?corpus=${encodeURIComponent(MINE)}&article=essay&highlight=lost` })
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    expect(screen.getByTestId('folder-name').textContent).toBe('Clippings')
    // An orphan has no place in the text: its entry under "Could not be placed" opens.
    const popover = await screen.findByTestId('highlight-popover')
    expect(within(popover).getByRole('button', { name: 'Pink' }).getAttribute('aria-pressed')).toBe('true')
    expect(fake.calls.findIndex((c) => c.method === 'app.openLink')).toBeGreaterThan(fake.calls.findIndex((c) => c.method === 'library.current'))
  })

  it('shows why a link cannot be followed', async () => {
    const manual = manualEvents()
    start({ events: manual.events })
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    manual.menu({ type: 'open-link', url: 'gloss://elsewhere?x=1' })
    expect(await screen.findByText('This is not a Gloss link')).toBeTruthy()
    expect(screen.getByRole('heading', { level: 1, name: 'Why the sea keeps time' })).toBeTruthy()
  })
})

describe('live folder', () => {
  const essayOf = (fake: FakeGloss) => fake.libraries.get(MINE)!.articles.find((a) => a.id === 'essay')!

  it('reloads the open article in place when its file changes, keeping its highlights', async () => {
    const manual = manualEvents()
    const fake = start({ events: manual.events })
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    const essay = essayOf(fake)
    Object.assign(
      essay,
      buildBlocks([...essay.blocks.map(({ type, text, level }) => ({ type, text, level })), { type: 'paragraph', text: 'A paragraph added on disk.' }])
    )
    const gets = fake.callsTo('article.get').length
    manual.libraryChanged({ changed: ['essay'] })
    expect(await screen.findByText('A paragraph added on disk.')).toBeTruthy()
    expect(fake.callsTo('article.get')).toHaveLength(gets + 1)
    // In place: no "Opening…" on the way, the highlights are still drawn.
    expect(screen.getByRole('heading', { level: 1, name: 'Why the sea keeps time' })).toBeTruthy()
    expect(body().querySelector('mark[data-highlight-id="early"]')).not.toBeNull()
  })

  it('lists a new article without touching the open one, and ignores changes to another folder', async () => {
    const manual = manualEvents()
    const fake = start({ events: manual.events })
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    const mine = fake.libraries.get(MINE)!
    mine.articles.push(buildArticle('new', [{ type: 'paragraph', text: 'Fresh from the clipper.' }], { title: 'Arrived just now' }))
    mine.summary = librarySummary(MINE, mine.articles)
    const lists = fake.callsTo('library.list').length
    manual.libraryChanged({ root: '/elsewhere', added: ['new'] })
    // A change the page took up would ask for the list within this turn: flush it, then look.
    await act(async () => undefined)
    expect(fake.callsTo('library.list')).toHaveLength(lists)
    expect(rows()).toHaveLength(3)
    const gets = fake.callsTo('article.get').length
    manual.libraryChanged({ added: ['new'] })
    await waitFor(() => expect(rows()).toHaveLength(4))
    expect(screen.getByRole('option', { name: /Arrived just now/ })).toBeTruthy()
    expect(fake.callsTo('article.get')).toHaveLength(gets)
  })

  it('says so when the open article is deleted, lists it under Missing articles, and removes it after a confirmation', async () => {
    const manual = manualEvents()
    const fake = start({ events: manual.events })
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    const mine = fake.libraries.get(MINE)!
    const essay = essayOf(fake)
    mine.articles = mine.articles.filter((a) => a !== essay)
    mine.missing = [
      {
        articleId: 'essay',
        title: essay.title,
        path: 'tides/essay.md',
        highlights: [{ id: 'early', quote: 'sea', note: '', color: 'green' }, { id: 'late', quote: 'Sailors', note: 'who?', color: 'blue' }],
        note: 'Check the almanac'
      }
    ]
    manual.libraryChanged({ removed: ['essay'] })
    const gone = await screen.findByTestId('article-gone')
    expect(gone.textContent).toContain('“Why the sea keeps time” is no longer in the folder')
    expect(screen.queryByTestId('article-body')).toBeNull()

    const missing = await screen.findByTestId('missing-articles')
    expect(missing.querySelector('summary')!.textContent).toBe('Missing articles (1)')
    const item = within(missing).getByRole('listitem', { name: 'Why the sea keeps time' })
    expect(item.textContent).toContain('tides/essay.md')
    expect(item.textContent).toContain('2 highlights and a note')
    expect(item.textContent).toContain('who?')
    expect(item.textContent).toContain('Check the almanac')

    fireEvent.click(within(item).getByRole('button', { name: 'Remove' }))
    fireEvent.click(within(item).getByRole('button', { name: 'Keep' }))
    expect(fake.callsTo('annotations.removeMissing')).toEqual([])
    fireEvent.click(within(item).getByRole('button', { name: 'Remove' }))
    fireEvent.click(within(item).getByRole('button', { name: 'Remove for good' }))
    await waitFor(() => expect(screen.queryByTestId('missing-articles')).toBeNull())
    expect(fake.callsTo('annotations.removeMissing')).toEqual([{ articleId: 'essay' }])
    expect(await screen.findByText('Removed 3 annotations')).toBeTruthy()
  })

  it('follows an open article whose file was renamed', async () => {
    const manual = manualEvents()
    const fake = start({ events: manual.events })
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    const essay = essayOf(fake)
    const renamed = { ...essay, id: 'essay-renamed', files: ['renamed.md'], highlights: essay.highlights.map((h) => ({ ...h, articleId: 'essay-renamed' })) }
    const mine = fake.libraries.get(MINE)!
    mine.articles = mine.articles.map((a) => (a === essay ? renamed : a))
    manual.libraryChanged({ removed: ['essay'], added: ['essay-renamed'], moved: [{ from: 'essay', to: 'essay-renamed' }] })
    expect(await screen.findByText('renamed.md')).toBeTruthy()
    expect(screen.queryByTestId('article-gone')).toBeNull()
    expect(fake.callsTo('article.get').at(-1)).toEqual({ articleId: 'essay-renamed' })
  })
})

describe('orphans', () => {
  it('says how many highlights could not be placed', async () => {
    start()
    const banner = await screen.findByTestId('orphan-banner')
    expect(banner.textContent).toContain('1 highlight could not be placed')
    expect(banner.getAttribute('role')).toBe('status')
  })

  it('re-attaches an orphan to the selected passage, keeping its note and colour', async () => {
    const fake = start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    const orphans = screen.getByTestId('orphans')
    // Without a selection it says what to do.
    fireEvent.click(within(orphans).getByRole('button', { name: 'Re-attach to selection' }))
    expect(await screen.findByText(/Select the passage in the article first/)).toBeTruthy()
    expect(fake.callsTo('highlight.reattach')).toEqual([])

    await selectInBody('long before the theory')
    fireEvent.click(within(orphans).getByRole('button', { name: 'Re-attach to selection' }))
    const text = fake.libraries.get(MINE)!.articles[0].text
    const at = text.indexOf('long before the theory')
    await waitFor(() => expect(fake.callsTo('highlight.reattach')).toEqual([{ highlightId: 'lost', start: at, end: at + 22 }]))
    const mark = await waitFor(() => {
      const found = body().querySelector<HTMLElement>('mark[data-highlight-id="lost"]')
      expect(found).not.toBeNull()
      return found!
    })
    expect(mark.textContent).toBe('long before the theory')
    expect(mark.className).toContain('hl-pink')
    expect(screen.queryByTestId('orphans')).toBeNull()
    expect(screen.queryByTestId('orphan-banner')).toBeNull()
    expect(await screen.findByText('Highlight re-attached')).toBeTruthy()
  })

  it('deletes an orphan from the side panel', async () => {
    const fake = start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    fireEvent.click(within(screen.getByTestId('orphans')).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(screen.queryByTestId('orphans')).toBeNull())
    expect(fake.callsTo('highlight.delete')).toEqual([{ highlightId: 'lost' }])
    expect(await screen.findByText('Highlight deleted')).toBeTruthy()
  })
})
