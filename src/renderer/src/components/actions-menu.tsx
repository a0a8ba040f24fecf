// "More actions" menu button: the header's folder, export and import buttons folded into
// one menu when the window is too narrow for them on one row. Keys as in the Recent menu
// (menu-keys.ts); choosing an item closes the menu first, so a dialog it opens takes
// focus from the button and gives it back there.
import { useEffect, useRef, useState } from 'react'
import { onMenuKeyDown } from './menu-keys'

export interface MenuAction {
  label: string
  run: () => void
  disabled?: boolean
}

export function ActionsMenu({ label, actions }: { label: string; actions: readonly MenuAction[] }) {
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLUListElement>(null)
  const wrapRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus()
    const onPointer = (event: MouseEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', onPointer)
    return () => document.removeEventListener('mousedown', onPointer)
  }, [open])

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
        More <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul ref={menuRef} className="menu menu-end" role="menu" aria-label={label} onKeyDown={(event) => onMenuKeyDown(event, menuRef.current, close, () => setOpen(false))}>
          {actions.map((action) => (
            <li role="none" key={action.label}>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu-item"
                disabled={action.disabled}
                onClick={() => {
                  close()
                  action.run()
                }}
              >
                <span className="menu-item-name">{action.label}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
