// @vitest-environment jsdom
import { cleanup, render, waitFor } from '@testing-library/react'
import { useLayoutEffect, useRef } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useReturnFocusOnUnmount } from './focus-return'

/** Takes focus on mount, like a toast's Undo button. */
function Grabber({ active = true }: { active?: boolean }) {
  const ref = useRef<HTMLButtonElement>(null)
  useReturnFocusOnUnmount(active)
  useLayoutEffect(() => ref.current?.focus(), [])
  return <button ref={ref}>Undo</button>
}

function page() {
  document.body.innerHTML = '<main id="reader" tabindex="-1"><div data-testid="article-body" tabindex="0"></div></main><button id="opener">Delete</button>'
  const opener = document.getElementById('opener')!
  opener.focus()
  const host = document.body.appendChild(document.createElement('div'))
  return { opener, host, body: document.querySelector<HTMLElement>('[data-testid="article-body"]')! }
}

afterEach(() => {
  vi.useRealTimers()
  cleanup()
  document.body.innerHTML = ''
})

describe('useReturnFocusOnUnmount', () => {
  it('gives focus back to the element focused before', async () => {
    const { opener, host } = page()
    const view = render(<Grabber />, { container: host })
    expect(document.activeElement?.textContent).toBe('Undo')
    view.unmount()
    await waitFor(() => expect(document.activeElement).toBe(opener))
  })

  it('falls back to the article text when that element has gone', async () => {
    const { opener, host, body } = page()
    const view = render(<Grabber />, { container: host })
    opener.remove()
    view.unmount()
    await waitFor(() => expect(document.activeElement).toBe(body))
  })

  it('leaves focus alone when it has moved somewhere else', async () => {
    const { host, body } = page()
    const view = render(<Grabber />, { container: host })
    const other = document.body.appendChild(document.createElement('input'))
    other.focus()
    // The hook gives focus back on a timer after unmount: run it, on a clock the test holds.
    vi.useFakeTimers()
    view.unmount()
    vi.runAllTimers()
    expect(document.activeElement).toBe(other)
    expect(document.activeElement).not.toBe(body)
  })

  it('does nothing when not active', async () => {
    const { host } = page()
    const view = render(<Grabber active={false} />, { container: host })
    vi.useFakeTimers()
    view.unmount()
    vi.runAllTimers()
    expect(document.activeElement).toBe(document.body)
  })
})
