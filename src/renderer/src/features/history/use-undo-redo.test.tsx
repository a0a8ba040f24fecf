// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApi } from '../../../../shared/api'
import type { GlossEvents, MenuCommand } from '../../../../shared/events'
import { App } from '../../App'
import { withQueries } from '../../test-support/with-queries'
import { buildArticle, buildHighlight } from '../../test-support/build-article'
import { FakeGloss, librarySummary } from '../../test-support/fake-gloss'
import { commandForKey } from '../keyboard/use-command-keys'
import { isTextField } from './use-undo-redo'

const ROOT = '/home/reader/Clippings'

afterEach(cleanup)

// Which history step a key press asks for: the Undo / Redo rows of the commands table.
const historyKey = (event: Parameters<typeof commandForKey>[0], isMac: boolean) => commandForKey(event, isMac ? 'darwin' : 'linux')?.type ?? null

describe('historyKey', () => {
  const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
    key: k,
    ctrlKey: !!mods.ctrl,
    metaKey: !!mods.meta,
    shiftKey: !!mods.shift,
    altKey: !!mods.alt
  })
  it.each<[string, 'undo' | 'redo' | null, ReturnType<typeof key>, boolean]>([
    ['Ctrl+Z', 'undo', key('z', { ctrl: true }), false],
    ['Ctrl+Shift+Z', 'redo', key('Z', { ctrl: true, shift: true }), false],
    ['Ctrl+Y', 'redo', key('y', { ctrl: true }), false],
    ['Cmd+Z on macOS', 'undo', key('z', { meta: true }), true],
    ['Cmd+Shift+Z on macOS', 'redo', key('z', { meta: true, shift: true }), true],
    ['Cmd+Y on macOS is not redo', null, key('y', { meta: true }), true],
    ['Ctrl+Z on macOS is not undo', null, key('z', { ctrl: true }), true],
    ['plain z', null, key('z'), false],
    ['Ctrl+Alt+Z', null, key('z', { ctrl: true, alt: true }), false]
  ])('%s → %s', (_name, expected, event, isMac) => {
    expect(historyKey(event, isMac)).toBe(expected)
  })
})

describe('isTextField', () => {
  it.each<[string, boolean, () => Element]>([
    ['a textarea', true, () => document.createElement('textarea')],
    ['a search box', true, () => Object.assign(document.createElement('input'), { type: 'search' })],
    ['a checkbox', false, () => Object.assign(document.createElement('input'), { type: 'checkbox' })],
    ['a read-only textarea', false, () => Object.assign(document.createElement('textarea'), { readOnly: true })],
    ['a button', false, () => document.createElement('button')],
    ['a highlight mark', false, () => document.createElement('mark')]
  ])('%s: %s', (_name, expected, make) => {
    expect(isTextField(make())).toBe(expected)
  })
})

function start(options: { nativeMenu?: boolean } = {}) {
  const article = buildArticle('tides', [{ type: 'paragraph', text: 'The sea rises twice a day, pulled by the moon.' }], { title: 'Why the sea keeps time', note: 'moon first' })
  article.highlights = [{ ...buildHighlight('tides', article.text, 4, 7, 'blue', { note: 'which sea?' }), id: 'sea' }]
  const fake = new FakeGloss(new Map([[ROOT, { summary: { ...librarySummary(ROOT, [article]), lastArticleId: 'tides' }, articles: [article] }]]), ROOT, ROOT)
  let menu: ((command: MenuCommand) => void) | null = null
  const events: GlossEvents = {
    onMenuCommand: (listener) => {
      menu = listener
      return () => (menu = null)
    },
    onChange: () => () => undefined,
    onScanProgress: () => () => undefined
  }
  render(<App api={createApi(fake.transport)} events={fake.events(events)} nativeMenu={options.nativeMenu} />, { wrapper: withQueries() })
  return { fake, menu: (command: MenuCommand) => act(() => menu!(command)) }
}

const mark = (id: string) => screen.getByTestId('article-body').querySelector(`mark[data-highlight-id="${id}"]`)
const articleNote = () => screen.getByRole('textbox', { name: 'Article note' }) as HTMLTextAreaElement

describe('undo and redo in the page', () => {
  it('a deleted highlight comes back from the toast\'s Undo, which has focus', async () => {
    const { fake } = start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    fireEvent.click(mark('sea')!)
    fireEvent.click(within(await screen.findByTestId('highlight-popover')).getByRole('button', { name: 'Delete' }))
    const undo = await screen.findByRole('button', { name: 'Undo' })
    expect(screen.getByText('Highlight deleted').closest('[role="status"]')).not.toBeNull()
    await waitFor(() => expect(document.activeElement).toBe(undo))
    expect(mark('sea')).toBeNull()
    fireEvent.click(undo)
    await waitFor(() => expect(mark('sea')).not.toBeNull())
    expect(fake.callsTo('history.undo')).toEqual([{ expect: { label: 'Delete highlight', highlightId: 'sea' } }])
    expect(await screen.findByText('Undid: Delete highlight')).toBeTruthy()
    expect(mark('sea')!.className).toContain('hl-blue')
  })

  it('Ctrl+Z in a text field is left to the field; outside it undoes and redoes the last edit', async () => {
    const { fake } = start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    const note = articleNote()
    fireEvent.change(note, { target: { value: 'tides first' } })
    fireEvent.blur(note)
    await waitFor(() => expect(fake.callsTo('article.setNote')).toHaveLength(1))
    fireEvent.keyDown(note, { key: 'z', ctrlKey: true })
    expect(fake.callsTo('history.undo')).toHaveLength(0)

    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true })
    await waitFor(() => expect(articleNote().value).toBe('moon first'))
    expect(fake.callsTo('history.undo')).toHaveLength(1)
    fireEvent.keyDown(document.body, { key: 'y', ctrlKey: true })
    await waitFor(() => expect(articleNote().value).toBe('tides first'))
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true, shiftKey: true })
    expect(await screen.findByText('Nothing to redo')).toBeTruthy()
  })

  it('"All highlights" asks again after an undo', async () => {
    const { fake } = start()
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    fireEvent.click(mark('sea')!)
    fireEvent.click(within(await screen.findByTestId('highlight-popover')).getByRole('button', { name: 'Delete' }))
    await screen.findByRole('button', { name: 'Undo' })
    fireEvent.click(screen.getByRole('button', { name: 'All highlights' }))
    const count = await screen.findByTestId('workspace-count')
    await waitFor(() => expect(count.textContent).toMatch(/^0 highlights/))
    const asked = fake.callsTo('annotations.list').length
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true })
    await waitFor(() => expect(screen.getByTestId('workspace-count').textContent).toMatch(/^1 highlight\b/))
    expect(fake.callsTo('annotations.list').length).toBeGreaterThan(asked)
  })

  it('with the native menu, Edit › Undo runs the field\'s text undo inside a field and the history elsewhere', async () => {
    const { fake, menu } = start({ nativeMenu: true })
    await screen.findByRole('heading', { level: 1, name: 'Why the sea keeps time' })
    const execCommand = vi.fn(() => true)
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true })
    // The page leaves the keys to the menu: no double undo.
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true })
    articleNote().focus()
    menu({ type: 'undo' })
    expect(execCommand).toHaveBeenCalledWith('undo')
    articleNote().blur()
    menu({ type: 'undo' })
    expect(await screen.findByText('Nothing to undo')).toBeTruthy()
    expect(fake.callsTo('history.undo')).toHaveLength(1)
  })
})
