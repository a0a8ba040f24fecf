// The "?" sheet: every shortcut from the table in shortcuts.ts, group by group, with
// how to select text without a mouse. A modal dialog (focus moves in, Tab stays
// inside, Esc closes and focus goes back to where it was).
import { Fragment, useRef } from 'react'
import { Modal } from '../../components/modal'
import { shortcutsByGroup, type Shortcut } from './shortcuts'
import './keyboard.css'

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <span className="shortcut-keys">
      {keys.map((key, i) => (
        <Fragment key={i}>
          {i > 0 && <span className="shortcut-plus">+</span>}
          <kbd>{key}</kbd>
        </Fragment>
      ))}
    </span>
  )
}

function Row({ shortcut }: { shortcut: Shortcut }) {
  return (
    <tr data-shortcut={shortcut.keys.join('+')}>
      <th scope="row">
        <Keys keys={shortcut.keys} />
        {shortcut.alternatives?.map((alt, i) => (
          <Fragment key={i}>
            <span className="shortcut-or"> or </span>
            <Keys keys={alt} />
          </Fragment>
        ))}
      </th>
      <td>{shortcut.description}</td>
    </tr>
  )
}

export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  // The list scrolls on its own and takes focus first, so the sheet opens at its top
  // and arrow keys / Page Down scroll it straight away.
  const listRef = useRef<HTMLDivElement>(null)
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} className="shortcuts-sheet" testId="shortcuts-sheet" initialFocus={listRef}>
      <p className="shortcuts-intro">
        Single keys work when you are not typing in a text field. To highlight without a mouse: press <kbd>s</kbd> to select the first
        sentence in view (or the one at a highlight you moved to with <kbd>]</kbd>), <kbd>s</kbd> / <kbd>Shift</kbd>+<kbd>S</kbd> to
        move sentence by sentence, <kbd>e</kbd> to add the next sentence, <kbd>p</kbd> for the whole paragraph, and{' '}
        <kbd>Shift</kbd>+arrows to trim the ends; then <kbd>h</kbd>, <kbd>1</kbd>–<kbd>4</kbd> or <kbd>n</kbd>.
      </p>
      <div className="shortcuts-groups" ref={listRef} role="region" aria-label="All shortcuts" tabIndex={0}>
        {shortcutsByGroup().map(({ group, shortcuts }) => (
          <section key={group} className="shortcuts-group" aria-labelledby={`shortcuts-${group.replace(/\W+/g, '-')}`}>
            <h3 id={`shortcuts-${group.replace(/\W+/g, '-')}`}>{group}</h3>
            <table className="shortcuts-table">
              <thead className="sr-only">
                <tr>
                  <th scope="col">Keys</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {shortcuts.map((shortcut) => (
                  <Row key={`${shortcut.keys.join('+')}:${shortcut.description}`} shortcut={shortcut} />
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
      <div className="modal-actions">
        <button type="button" className="button primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  )
}
