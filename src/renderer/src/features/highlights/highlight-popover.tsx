// Editing one highlight: colour, note, delete. The note is saved on blur, Ctrl/Cmd+Enter
// or Save, and whatever is typed is also saved when the popover closes for any other
// reason: a note must never be lost to a stray Escape or click.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { Highlight, HighlightColor } from '../../../../shared/model'
import { placeFloating, toBox, visibleBoundsOf } from '../../components/floating'
import { focusableIn } from '../../components/modal'
import { useReturnFocusOnUnmount } from '../../components/focus-return'
import { TagInput } from '../tags/tag-input'
import { colorName, COLORS, highlightLabel } from './colors'

export interface HighlightPopoverProps {
  highlight: Highlight
  /** The element the popover points at (first segment of the mark, or an orphan's row). */
  anchor: () => HTMLElement | null
  focusNote: boolean
  onColor: (color: HighlightColor) => Promise<unknown>
  onSaveNote: (note: string) => Promise<unknown>
  onDelete: () => void
  onClose: (reason: 'escape' | 'outside') => void
  /** Saves the highlight's whole new tag list; without it the popover shows no tags. */
  onSetTags?: (tags: string[]) => Promise<unknown>
  /** The folder's tags for autocomplete. */
  loadTagSuggestions?: () => Promise<string[]>
}

type Status = 'idle' | 'saving' | 'saved' | 'error'

export function HighlightPopover({
  highlight,
  anchor,
  focusNote,
  onColor,
  onSaveNote,
  onDelete,
  onClose,
  onSetTags,
  loadTagSuggestions = async () => []
}: HighlightPopoverProps) {
  const [draft, setDraft] = useState(highlight.note)
  const [status, setStatus] = useState<Status>('idle')
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null)
  const ref = useRef<HTMLDivElement>(null)
  const noteRef = useRef<HTMLTextAreaElement>(null)
  const draftRef = useRef(draft)
  const savedRef = useRef(highlight.note)
  const saveRef = useRef(onSaveNote)
  saveRef.current = onSaveNote

  const save = async () => {
    const value = draftRef.current
    if (value === savedRef.current) return
    setStatus('saving')
    try {
      await saveRef.current(value)
      savedRef.current = value
      setStatus('saved')
    } catch {
      setStatus('error')
    }
  }

  // Flush an unsaved note when the popover goes away.
  useEffect(
    () => () => {
      if (draftRef.current !== savedRef.current) void saveRef.current(draftRef.current).catch(() => undefined)
    },
    []
  )

  useLayoutEffect(() => {
    const place = () => {
      const el = ref.current
      const target = anchor()
      if (!el || !target) return
      const rect = target.getClientRects()[0] ?? target.getBoundingClientRect()
      const size = { width: el.offsetWidth || 320, height: el.offsetHeight || 220 }
      setPosition(placeFloating(toBox(rect), size, visibleBoundsOf(el.closest('main.reader')), 'below'))
    }
    place()
    window.addEventListener('scroll', place, true)
    window.addEventListener('resize', place)
    return () => {
      window.removeEventListener('scroll', place, true)
      window.removeEventListener('resize', place)
    }
  }, [anchor, highlight])

  // Focus goes back where it came from when the popover closes, if nothing else took it
  // (after Delete the highlight it came from is gone: then to the article text).
  useReturnFocusOnUnmount(true)

  useLayoutEffect(() => {
    if (focusNote) noteRef.current?.focus({ preventScroll: true })
    else ref.current?.querySelector<HTMLElement>('button[aria-pressed="true"]')?.focus()
  }, [highlight.id, focusNote])

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault()
        onClose('escape')
        return
      }
      // Tab and Shift+Tab cycle inside the popover while focus is in it.
      const popover = ref.current
      if (event.key !== 'Tab' || !popover || !popover.contains(document.activeElement)) return
      const items = focusableIn(popover)
      if (items.length === 0) return
      const first = items[0]
      const last = items[items.length - 1]
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault()
        last.focus()
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault()
        first.focus()
      }
    }
    const onPointer = (event: MouseEvent) => {
      const target = event.target as Element
      if (ref.current?.contains(target)) return
      // Clicking another highlight re-targets the popover; that click handles itself.
      if (target.closest?.('mark[data-highlight-id], [data-orphan-id]')) return
      onClose('outside')
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('mousedown', onPointer)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('mousedown', onPointer)
    }
  }, [onClose])

  const onNoteKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void save()
    }
  }

  const statusText = { idle: '', saving: 'Saving…', saved: 'Saved', error: 'Not saved' }[status]
  return (
    <div
      ref={ref}
      className="popover"
      role="dialog"
      aria-label={highlightLabel(highlight.color, highlight.note)}
      data-testid="highlight-popover"
      data-highlight-id={highlight.id}
      // Until measured it is transparent, not hidden: hidden elements cannot take focus.
      style={position ? { top: position.top, left: position.left } : { opacity: 0, top: 0, left: 0 }}
    >
      <div className="popover-colors" role="group" aria-label="Colour">
        {COLORS.map((color) => (
          <button
            key={color}
            type="button"
            className={`swatch swatch-${color}`}
            aria-label={colorName(color)}
            aria-pressed={highlight.color === color}
            title={colorName(color)}
            onClick={() => void onColor(color)}
          />
        ))}
      </div>
      <label className="popover-label" htmlFor={`note-${highlight.id}`}>
        Note
      </label>
      <textarea
        id={`note-${highlight.id}`}
        ref={noteRef}
        className="popover-note"
        rows={4}
        value={draft}
        placeholder="Write a note…"
        onChange={(e) => {
          draftRef.current = e.target.value
          setDraft(e.target.value)
          if (status !== 'idle') setStatus('idle')
        }}
        onBlur={() => void save()}
        onKeyDown={onNoteKeyDown}
      />
      {onSetTags && (
        <div className="popover-tags">
          <TagInput label="Tags" tags={highlight.tags} onChange={onSetTags} loadSuggestions={loadTagSuggestions} testId="highlight-tags" />
        </div>
      )}
      <div className="popover-actions">
        <button type="button" className="button primary" onClick={() => void save()}>
          Save
        </button>
        <span className="save-status" role="status">
          {statusText}
        </span>
        <button
          type="button"
          className="button danger"
          onClick={() => {
            // Nothing to flush into a highlight that is going away.
            savedRef.current = draftRef.current
            onDelete()
          }}
        >
          Delete
        </button>
      </div>
      <p className="popover-hint">Ctrl+Enter saves · Esc closes</p>
    </div>
  )
}
