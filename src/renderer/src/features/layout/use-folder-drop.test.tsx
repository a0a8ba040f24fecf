// @vitest-environment jsdom
// The drop handling without a browser's drag machinery: events with a stand-in
// DataTransfer, the desktop bridge faked. The real drop runs in tests/e2e/window.spec.ts.
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { GlossFiles } from '../../../../shared/events'
import { DropOverlay, NO_PATH_IN_BROWSER, NO_PATH_MESSAGE, useFolderDrop } from './use-folder-drop'

afterEach(cleanup)

interface FakeData {
  types: string[]
  files?: Array<{ name: string }>
  data?: Record<string, string>
}

function dataTransfer({ types, files = [], data = {} }: FakeData) {
  return { types, files, dropEffect: 'none', getData: (type: string) => data[type] ?? '' }
}

function fire(type: string, fake: FakeData, target: EventTarget = document.body) {
  const event = new Event(type, { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'dataTransfer', { value: dataTransfer(fake) })
  act(() => {
    target.dispatchEvent(event)
  })
  return event
}

function Harness(props: { files?: GlossFiles | null; disabled?: boolean; onPath: (p: string) => void; onNoPath: (m: string) => void }) {
  const over = useFolderDrop(props)
  return (
    <div>
      <textarea aria-label="Note" />
      <DropOverlay visible={over} />
    </div>
  )
}

function setup(options: { files?: GlossFiles | null; disabled?: boolean } = {}) {
  const onPath = vi.fn()
  const onNoPath = vi.fn()
  render(<Harness files={options.files ?? null} disabled={options.disabled} onPath={onPath} onNoPath={onNoPath} />)
  return { onPath, onNoPath }
}

const folderUrl = { types: ['text/uri-list'], data: { 'text/uri-list': 'file:///home/reader/Clippings' } }

describe('useFolderDrop', () => {
  it('shows the overlay while a folder is dragged over, and opens it on drop', () => {
    const { onPath } = setup()
    expect(fire('dragenter', folderUrl).defaultPrevented).toBe(true)
    expect(fire('dragover', folderUrl).defaultPrevented).toBe(true)
    expect(screen.getByTestId('drop-overlay').textContent).toBe('Drop a folder to open it')
    fire('drop', folderUrl)
    expect(onPath).toHaveBeenCalledWith('/home/reader/Clippings')
    expect(screen.queryByTestId('drop-overlay')).toBeNull()
  })

  it('hides the overlay when the drag leaves the window', () => {
    setup()
    fire('dragenter', folderUrl)
    fire('dragleave', folderUrl)
    expect(screen.queryByTestId('drop-overlay')).toBeNull()
  })

  it('in the desktop app, asks the bridge for the dropped folder’s path', () => {
    const pathForFile = vi.fn((file: File) => `/Users/reader/${file.name}`)
    const { onPath } = setup({ files: { pathForFile } })
    const drop = { types: ['Files'], files: [{ name: 'Papers' }] }
    fire('dragover', drop)
    fire('drop', drop)
    expect(pathForFile).toHaveBeenCalledWith({ name: 'Papers' })
    expect(onPath).toHaveBeenCalledWith('/Users/reader/Papers')
  })

  it.each<[string, FakeData, GlossFiles | null, string]>([
    ['a browser gets files without paths', { types: ['Files'], files: [{ name: 'Papers' }] }, null, NO_PATH_IN_BROWSER],
    ['a web link is not a folder', { types: ['text/uri-list'], data: { 'text/uri-list': 'https://example.org/' } }, null, NO_PATH_MESSAGE],
    ['the bridge knows no path (not a local file)', { types: ['Files'], files: [{ name: 'x' }] }, { pathForFile: () => '' }, NO_PATH_MESSAGE]
  ])('says so when nothing names a folder: %s', (_name, drop, files, message) => {
    const { onPath, onNoPath } = setup({ files })
    fire('drop', drop)
    expect(onPath).not.toHaveBeenCalled()
    expect(onNoPath).toHaveBeenCalledWith(message)
  })

  it('leaves drags that start in the page alone (a selection dragged into the note)', () => {
    const { onPath, onNoPath } = setup()
    const text = { types: ['text/plain'], data: { 'text/plain': 'file:///etc' } }
    fire('dragstart', text)
    expect(fire('dragover', text).defaultPrevented).toBe(false)
    expect(fire('drop', text).defaultPrevented).toBe(false)
    fire('dragend', text)
    expect(onPath).not.toHaveBeenCalled()
    expect(onNoPath).not.toHaveBeenCalled()
  })

  it('lets plain text be dropped into a text field, but takes a file:// URL dropped elsewhere', () => {
    const { onPath } = setup()
    const text = { types: ['text/plain'], data: { 'text/plain': 'file:///data/papers' } }
    expect(fire('dragover', text, screen.getByRole('textbox', { name: 'Note' })).defaultPrevented).toBe(false)
    fire('drop', text)
    expect(onPath).toHaveBeenCalledWith('/data/papers')
  })

  it('behind a dialog, still keeps the browser from opening the file, but opens nothing', () => {
    const { onPath, onNoPath } = setup({ disabled: true })
    fire('dragenter', folderUrl)
    expect(screen.queryByTestId('drop-overlay')).toBeNull()
    expect(fire('dragover', folderUrl).defaultPrevented).toBe(true)
    expect(fire('drop', folderUrl).defaultPrevented).toBe(true)
    expect(onPath).not.toHaveBeenCalled()
    expect(onNoPath).not.toHaveBeenCalled()
  })
})
