// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RecentMenu } from './recent-menu'

afterEach(() => cleanup())

function start() {
  const onOpen = vi.fn()
  render(<RecentMenu loadRecent={async () => ['/data/clips', '/data/papers']} onOpen={onOpen} currentRoot="/data/clips" />)
  const button = screen.getByRole('button', { name: /Recent/ })
  button.focus()
  fireEvent.keyDown(button, { key: 'ArrowDown' })
  return { onOpen, button }
}

describe('RecentMenu by keyboard', () => {
  it('opens on ArrowDown with the first folder focused; arrows move; choosing one returns focus to the button', async () => {
    const { onOpen, button } = start()
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('menuitem'))
    expect(document.activeElement?.textContent).toContain('/data/clips')
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' })
    expect(document.activeElement?.textContent).toContain('/data/papers')
    fireEvent.click(document.activeElement!)
    expect(onOpen).toHaveBeenCalledWith('/data/papers')
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(button)
  })

  it('Escape closes the menu and focus goes back to the button', async () => {
    const { onOpen, button } = start()
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('menuitem'))
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(button)
    expect(onOpen).not.toHaveBeenCalled()
  })
})
