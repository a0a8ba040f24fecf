// A header menu button (Recent, More actions): the button that opens its menu (click or
// ↓), the menu's keys (menu-keys.ts), closing on a click outside, and focus back on the
// button when an item is chosen or Escape closes it. The menus differ only in what they
// list and in when their first item can take focus, so they pass those in.
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react'
import { onMenuKeyDown } from './menu-keys'

export interface MenuControls {
  /** Closes the menu and puts focus back on its button (before an item's action runs). */
  close: () => void
  menuRef: RefObject<HTMLUListElement | null>
}

export interface MenuButtonProps {
  /** What the button shows (the ▾ is added). */
  text: ReactNode
  /** The button's accessible name when its text is not enough. */
  label?: string
  menuLabel: string
  menuClassName?: string
  /** Runs while the menu is open: it may load the items; the returned clean-up runs when it closes. */
  onOpen?: () => (() => void) | void
  children: (controls: MenuControls) => ReactNode
}

export function MenuButton({ text, label, menuLabel, menuClassName = 'menu', onOpen, children }: MenuButtonProps) {
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLUListElement>(null)
  const wrapRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const cleanUp = onOpen?.()
    const onPointer = (event: MouseEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', onPointer)
    return () => {
      cleanUp?.()
      document.removeEventListener('mousedown', onPointer)
    }
  }, [open, onOpen])

  const close = () => {
    setOpen(false)
    buttonRef.current?.focus()
  }
  return (
    <div className="menu-wrap" ref={wrapRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={label}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault()
            setOpen(true)
          }
        }}
      >
        {text} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul ref={menuRef} className={menuClassName} role="menu" aria-label={menuLabel} onKeyDown={(event) => onMenuKeyDown(event, menuRef.current, close, () => setOpen(false))}>
          {children({ close, menuRef })}
        </ul>
      )}
    </div>
  )
}
