// Arrow-key movement shared by the header's menus (Recent, More actions): Up/Down wrap,
// Home/End jump, Escape closes (focus back on the menu button), Tab closes and moves on.
import type { KeyboardEvent } from 'react'

export function onMenuKeyDown(event: KeyboardEvent, menu: HTMLElement | null, close: () => void, dismiss: () => void): void {
  const items = [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])]
  const index = items.indexOf(document.activeElement as HTMLElement)
  const move = (to: number) => items[(to + items.length) % items.length]?.focus()
  switch (event.key) {
    case 'ArrowDown':
      move(index + 1)
      break
    case 'ArrowUp':
      move(index - 1)
      break
    case 'Home':
      move(0)
      break
    case 'End':
      move(items.length - 1)
      break
    case 'Escape':
      close()
      break
    case 'Tab':
      dismiss()
      return
    default:
      return
  }
  event.preventDefault()
  event.stopPropagation()
}
