// "Recent" menu button: the folder list is fetched each time the menu opens, so it is
// never stale. Arrow keys move between items, Escape closes and returns focus
// (menu-button.tsx).
import { useCallback, useEffect, useState, type RefObject } from 'react'
import { MenuButton } from './menu-button'

export interface RecentMenuProps {
  loadRecent: () => Promise<string[]>
  onOpen: (root: string) => void
  currentRoot: string | null
}

const baseName = (folder: string): string => folder.replace(/[\\/]+$/, '').split(/[\\/]/).pop() || folder

export function RecentMenu({ loadRecent, onOpen, currentRoot }: RecentMenuProps) {
  const [folders, setFolders] = useState<string[] | null>(null)

  const load = useCallback(() => {
    let live = true
    setFolders(null)
    loadRecent()
      .then((list) => live && setFolders(list))
      .catch(() => live && setFolders([]))
    return () => {
      live = false
    }
  }, [loadRecent])

  return (
    <MenuButton text="Recent" menuLabel="Recent folders" onOpen={load}>
      {({ close, menuRef }) => (
        <>
          <FocusFirstWhenLoaded folders={folders} menuRef={menuRef} />
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
        </>
      )}
    </MenuButton>
  )
}

/** The list arrives after the menu opens: its first folder takes focus once it is there. */
function FocusFirstWhenLoaded({ folders, menuRef }: { folders: string[] | null; menuRef: RefObject<HTMLUListElement | null> }) {
  useEffect(() => {
    if (folders) menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
  }, [folders, menuRef])
  return null
}
