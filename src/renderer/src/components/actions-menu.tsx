// "More actions" menu button: the header's folder, export and import buttons folded into
// one menu when the window is too narrow for them on one row. Keys as in the Recent menu
// (menu-button.tsx); choosing an item closes the menu first, so a dialog it opens takes
// focus from the button and gives it back there.
import { useEffect } from 'react'
import { MenuButton, type MenuControls } from './menu-button'

export interface MenuAction {
  label: string
  run: () => void
  disabled?: boolean
}

export function ActionsMenu({ label, actions }: { label: string; actions: readonly MenuAction[] }) {
  return (
    <MenuButton text="More" label={label} menuLabel={label} menuClassName="menu menu-end">
      {(controls) => <ActionItems actions={actions} {...controls} />}
    </MenuButton>
  )
}

function ActionItems({ actions, close, menuRef }: { actions: readonly MenuAction[] } & MenuControls) {
  // The items are there as soon as the menu opens: the first enabled one takes focus.
  useEffect(() => {
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus()
  }, [menuRef])
  return actions.map((action) => (
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
  ))
}
