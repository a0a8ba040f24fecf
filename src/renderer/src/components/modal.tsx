// A modal dialog: role=dialog, aria-modal, named by its title; focus moves in on open,
// Tab and Shift+Tab stay inside, Escape closes, and focus returns to where it was. The
// rest of the page is made inert by the caller (App marks its other parts `inert`).
import { useEffect, useId, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react'

export interface ModalProps {
  title: string
  onClose: () => void
  children: ReactNode
  /** Receives focus on open; else the first focusable element. */
  initialFocus?: RefObject<HTMLElement | null>
  className?: string
  testId?: string
}

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[tabindex]:not([tabindex="-1"])'
].join(',')

export function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.closest('[inert]') && !el.hidden && !el.closest('details:not([open]) > :not(summary)') && !skippedRadio(root, el)
  )
}

/** Tab visits a radio group once, at its checked radio: the others are not Tab stops. */
function skippedRadio(root: HTMLElement, el: HTMLElement): boolean {
  if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || el.checked || !el.name) return false
  return [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')].some((other) => other.name === el.name && other.checked)
}

export function Modal({ title, onClose, children, initialFocus, className, testId }: ModalProps) {
  const titleId = useId()
  const ref = useRef<HTMLDivElement>(null)
  const closeRef = useRef(onClose)
  closeRef.current = onClose

  useLayoutEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const target = initialFocus?.current ?? (ref.current ? focusableIn(ref.current)[0] : null) ?? ref.current
    target?.focus()
    return () => {
      // Back to the button that opened the dialog, if it is still there — after the
      // commit, once the rest of the page is no longer inert, and unless focus moved on.
      setTimeout(() => {
        const active = document.activeElement
        if (before?.isConnected && (!active || active === document.body)) before.focus()
      }, 0)
    }
    // Once per opening.
  }, [])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const dialog = ref.current
      if (!dialog) return
      if (event.key === 'Escape') {
        event.preventDefault()
        event.stopPropagation()
        closeRef.current()
        return
      }
      if (event.key !== 'Tab') return
      const items = focusableIn(dialog)
      if (items.length === 0) {
        event.preventDefault()
        dialog.focus()
        return
      }
      const first = items[0]
      const last = items[items.length - 1]
      const active = document.activeElement
      if (!dialog.contains(active)) {
        event.preventDefault()
        first.focus()
      } else if (event.shiftKey && (active === first || active === dialog)) {
        event.preventDefault()
        last.focus()
      } else if (!event.shiftKey && active === last) {
        event.preventDefault()
        first.focus()
      }
    }
    // Capture: Escape closes the dialog before anything under it reacts.
    document.addEventListener('keydown', onKey, true)
    return () => document.removeEventListener('keydown', onKey, true)
  }, [])

  return (
    <div className="modal-backdrop">
      <div
        ref={ref}
        className={`modal${className ? ` ${className}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
      >
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  )
}
