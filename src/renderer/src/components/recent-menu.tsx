// "Recent" menu button: the folder list is fetched each time the menu opens, so it is
// never stale. Arrow keys move between items, Escape closes and returns focus.
import { useEffect, useRef, useState } from 'react'
import { onMenuKeyDown } from './menu-keys'

export interface RecentMenuProps {
  loadRecent: () => Promise<string[]>
  onOpen: (root: string) => void
  currentRoot: string | null
}

const baseName = (folder: string): string => folder.replace(/[\\/]+$/, '').split(/[\\/]/).pop() || folder

export function RecentMenu({ loadRecent, onOpen, currentRoot }: RecentMenuProps) {
  const [open, setOpen] = useState(false)
  const [folders, setFolders] = useState<string[] | null>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLUListElement>(null)
  const wrapRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    let live = true
    setFolders(null)
    loadRecent()
      .then((list) => live && setFolders(list))
      .catch(() => live && setFolders([]))
    const onPointer = (event: MouseEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', onPointer)
    return () => {
      live = false
      document.removeEventListener('mousedown', onPointer)
    }
  }, [open, loadRecent])

  useEffect(() => {
    if (open && folders) menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
  }, [open, folders])

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
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault()
            setOpen(true)
          }
        }}
      >
        Recent <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul ref={menuRef} className="menu" role="menu" aria-label="Recent folders" onKeyDown={(event) => onMenuKeyDown(event, menuRef.current, close, () => setOpen(false))}>
          {folders === null && (
            <li role="none" className="menu-note">
              Loading…
            </li>
          )}
          {folders?.length === 0 && (
            <li role="none" className="menu-note">
              No recent folders
            </li>
          )}
          {folders?.map((folder) => (
            <li role="none" key={folder}>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={`menu-item${folder === currentRoot ? ' current' : ''}`}
                title={folder}
                onClick={() => {
                  // Focus back on the Recent button, not lost with the menu.
                  close()
                  onOpen(folder)
                }}
              >
                <span className="menu-item-name">{baseName(folder)}</span>
                <span className="menu-item-path">{folder}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
