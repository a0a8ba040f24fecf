// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ACTION_LIFETIME_MS, Toasts, useToasts, type ToastOptions } from './toasts'

let api: ReturnType<typeof useToasts>
function Host() {
  api = useToasts()
  return <Toasts toasts={api.toasts} shown={api.shown} onDismiss={api.dismiss} onPause={api.pause} onResume={api.resume} />
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const show = (message: string, options?: ToastOptions) => act(() => void api.show(message, 'info', options))
const advance = (ms: number) => act(() => void vi.advanceTimersByTime(ms))

describe('toasts', () => {
  it.each<[string, ToastOptions | undefined, number]>([
    ['a plain message', undefined, 4000],
    ['a message with an action', { action: { label: 'Undo', run: () => undefined } }, ACTION_LIFETIME_MS]
  ])('%s stays for %i ms', (_name, options, lifetime) => {
    render(<Host />)
    show('Highlight deleted', options)
    advance(lifetime - 100)
    expect(screen.getByRole('status').textContent).toContain('Highlight deleted')
    advance(200)
    expect(screen.getByRole('status').textContent).not.toContain('Highlight deleted')
  })

  it('runs the action once and goes away', () => {
    const run = vi.fn()
    render(<Host />)
    show('Highlight deleted', { action: { label: 'Undo', run } })
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
    expect(run).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull()
  })

  it.each([
    ['hovered', (el: HTMLElement) => fireEvent.mouseEnter(el), (el: HTMLElement) => fireEvent.mouseLeave(el)],
    ['focused', (el: HTMLElement) => fireEvent.focus(el), (el: HTMLElement) => fireEvent.blur(el)]
  ])('is held while %s, then given a little more time', (_name, enter, leave) => {
    render(<Host />)
    show('Highlight deleted', { action: { label: 'Undo', run: () => undefined } })
    const toast = screen.getByText('Highlight deleted').closest<HTMLElement>('[data-toast-id]')!
    advance(1000)
    enter(toast)
    advance(60_000)
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeNull()
    leave(toast)
    advance(1900)
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeNull()
    advance(ACTION_LIFETIME_MS)
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull()
  })

  it('can put focus on its action (when the deletion took focus away)', () => {
    render(<Host />)
    show('Highlight deleted', { action: { label: 'Undo', run: () => undefined }, focusAction: true })
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Undo' }))
  })

  it('shows one message at a time, the newest, and counts the others waiting', () => {
    render(<Host />)
    show('Nothing is selected.')
    show('Saved to the clipboard.')
    act(() => void api.show('Could not read the file.', 'error'))
    show('Highlight deleted')
    const visible = () => [...document.querySelectorAll('[data-toast-id] .toast-message')].map((el) => el.textContent)
    // The newest error comes first: nothing else is shown while it waits.
    expect(visible()).toEqual(['Could not read the file.'])
    expect(screen.getByText('3 more messages')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss message' }))
    expect(visible()).toEqual(['Highlight deleted'])
    expect(screen.getByText('2 more messages')).toBeTruthy()
  })

  it('runs the clock only for the message on screen: one waiting is not timed out unseen', () => {
    render(<Host />)
    show('First message')
    show('Second message')
    advance(3900)
    expect(screen.getByRole('status').textContent).toContain('Second message')
    advance(200)
    // The second went after its 4 s; the first then gets its own full time.
    expect(screen.getByRole('status').textContent).toContain('First message')
    advance(3900)
    expect(screen.getByRole('status').textContent).toContain('First message')
    advance(200)
    expect(screen.getByRole('status').textContent).not.toContain('First message')
  })

  it('keeps a held message on screen while others arrive behind it', () => {
    render(<Host />)
    show('Highlight deleted', { action: { label: 'Undo', run: () => undefined }, focusAction: true })
    show('Nothing is selected.')
    expect(screen.getByRole('button', { name: 'Undo' })).toBe(document.activeElement)
    expect(screen.getByText('1 more message')).toBeTruthy()
  })
})
