// @vitest-environment jsdom
// The library column on its own: the scan progress bar, the filter controls that are
// applied in the main process, and the virtual list asking for the rows it shows.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ArticleSummary, LibrarySummary } from '../../../../shared/model'
import { LibraryPanel, type LibraryPanelProps } from './library-panel'
import { DEFAULT_VIEW, type LibraryRows } from './use-library'

afterEach(cleanup)

const summary: LibrarySummary = {
  root: '/clips',
  name: 'clips',
  articleCount: 5000,
  problems: [],
  topics: ['Sea'],
  sources: ['Dock Weekly', 'Harbour Times'],
  lastArticleId: null,
  isSample: false,
  storeNotice: null
}

const row = (i: number): ArticleSummary => ({
  id: `id-${i}`,
  title: `Article ${i}`,
  published: null,
  source: null,
  sourceUrl: null,
  topics: [],
  excerpt: null,
  author: null,
  files: [`a-${i}.md`],
  words: 10,
  highlightCount: 0,
  tags: [],
  progress: null,
  encodingNote: null
})

/** 5,000 rows of which only the first 3 are fetched. */
const sparse = (): LibraryRows => {
  const rows = new Array<ArticleSummary | undefined>(5000)
  for (let i = 0; i < 3; i++) rows[i] = row(i)
  return { total: 5000, rows }
}

function renderPanel(props: Partial<LibraryPanelProps> = {}) {
  const onViewChange = vi.fn()
  const onRange = vi.fn()
  const onOpen = vi.fn()
  render(
    <LibraryPanel
      summary={summary}
      list={sparse()}
      view={DEFAULT_VIEW}
      onViewChange={onViewChange}
      currentId={null}
      onOpen={onOpen}
      onOpenFolder={() => undefined}
      onRange={onRange}
      {...props}
    />
  )
  return { onViewChange, onRange, onOpen }
}

describe('LibraryPanel', () => {
  it('shows how far the folder has been read, and nothing once it is read', () => {
    renderPanel({ scan: { root: '/clips', scanned: 1200, total: 6000, currentFolder: 'shelf-3', done: false } })
    const status = screen.getByRole('status')
    expect(status.textContent).toContain('Reading files: 1,200 of 6,000')
    expect(status.textContent).toContain('shelf-3')
    const bar = within(status).getByRole('progressbar', { name: 'Reading the folder' })
    expect(bar.getAttribute('value')).toBe('1200')
    expect(bar.getAttribute('max')).toBe('6000')
    cleanup()
    renderPanel({ scan: null })
    expect(screen.queryByRole('status')).toBeNull()
  })

  it.each([
    ['source', () => fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'Dock Weekly' } }), { source: 'Dock Weekly' }],
    ['from', () => fireEvent.change(screen.getByLabelText('From'), { target: { value: '2022-01-01' } }), { from: '2022-01-01' }],
    ['to', () => fireEvent.change(screen.getByLabelText('to'), { target: { value: '2022-12-31' } }), { to: '2022-12-31' }],
    ['has highlights', () => fireEvent.click(screen.getByLabelText('With highlights only')), { highlighted: true }]
  ])('changes the view by %s', (_name, act, change) => {
    const { onViewChange } = renderPanel()
    act()
    expect(onViewChange).toHaveBeenLastCalledWith({ ...DEFAULT_VIEW, ...change })
  })

  it('counts the filtered rows against the whole library', () => {
    renderPanel({ view: { ...DEFAULT_VIEW, source: 'Dock Weekly' }, list: { total: 1234, rows: [] } })
    expect(screen.getByRole('heading', { name: /Library/ }).textContent).toContain('1,234 of 5,000')
  })

  it('renders only rows in view, placeholders for rows not fetched, and asks for the range it shows', async () => {
    const { onRange, onOpen } = renderPanel()
    const options = await within(screen.getByRole('listbox', { name: 'Articles' })).findAllByRole('option')
    expect(options.length).toBeGreaterThan(3)
    expect(options.length).toBeLessThan(100)
    expect(options[0].getAttribute('aria-setsize')).toBe('5000')
    expect(options[0].getAttribute('data-article-id')).toBe('id-0')
    expect(options[3].getAttribute('data-article-id')).toBeNull()
    expect(options[3].textContent).toBe('Loading…')
    expect(onRange).toHaveBeenCalledWith(0, options.length - 1)
    fireEvent.keyDown(options[0], { key: 'ArrowDown' })
    fireEvent.keyDown(options[1], { key: 'Enter' })
    expect(onOpen).toHaveBeenCalledWith('id-1')
  })

  it('says beside its title when there are problems, missing articles or an import report, each opening its list', () => {
    const onShowImport = vi.fn()
    renderPanel({
      summary: { ...summary, problems: [{ path: 'broken.md', reason: 'not UTF-8 text' }, { path: 'empty.txt', reason: 'empty file' }] },
      missing: [{ articleId: 'gone', title: 'A gone article', path: 'gone.md', note: '', highlights: [] }],
      lastImport: { text: 'Import: 4 added, 1 not placed', show: onShowImport }
    })
    const status = screen.getByRole('group', { name: 'Library status' })
    fireEvent.click(within(status).getByRole('button', { name: '2 problems' }))
    const problems = screen.getByTestId('problems') as HTMLDetailsElement
    expect(problems.open).toBe(true)
    expect(document.activeElement).toBe(problems.querySelector('summary'))
    fireEvent.click(within(status).getByRole('button', { name: '1 missing article' }))
    const missing = screen.getByTestId('missing-articles') as HTMLDetailsElement
    expect(missing.open).toBe(true)
    expect(document.activeElement).toBe(missing.querySelector('summary'))
    fireEvent.click(within(status).getByRole('button', { name: 'Import: 4 added, 1 not placed' }))
    expect(onShowImport).toHaveBeenCalledTimes(1)
  })

  it('has no status line when all is well', () => {
    renderPanel()
    expect(screen.queryByRole('group', { name: 'Library status' })).toBeNull()
  })
})
