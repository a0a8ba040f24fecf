// Watches the document selection and reports the part of it inside the article body
// as text offsets, plus where it is on screen. While the mouse button is down the
// selection is still being made, so it is read on mouseup instead.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { toBox, type Box } from '../../components/floating'
import { selectionToTextRange, type TextRange } from './text-offsets'

export interface BodySelection {
  range: TextRange
  box: Box
}

function rangeBox(range: Range, fallback: Element): Box {
  // jsdom (and detached ranges) have no layout; fall back to the body's own box.
  const rect = typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : fallback.getBoundingClientRect()
  return toBox(rect)
}

export function useBodySelection(
  bodyRef: RefObject<HTMLElement | null>,
  text: string | null,
  /** Elements (the toolbar) that may hold focus without dismissing the selection. */
  keepRef: RefObject<HTMLElement | null>
) {
  const [selection, setSelection] = useState<BodySelection | null>(null)
  const pointerDown = useRef(false)
  const liveRange = useRef<Range | null>(null)

  const read = useCallback(() => {
    const body = bodyRef.current
    const sel = window.getSelection()
    if (!body || text === null || !sel || sel.rangeCount === 0 || sel.isCollapsed) {
      if (keepRef.current?.contains(document.activeElement)) return
      liveRange.current = null
      setSelection(null)
      return
    }
    const range = sel.getRangeAt(0)
    const offsets = selectionToTextRange(body, range, text)
    liveRange.current = offsets ? range.cloneRange() : null
    setSelection(offsets ? { range: offsets, box: rangeBox(range, body) } : null)
  }, [bodyRef, keepRef, text])

  /**
   * The selection in the body as it is now, read from the document. The state above
   * follows the selection a task later (after selectionchange or keyup): a command
   * given right after the selection changed (Shift+← then 2) must act on what is
   * selected, not on what was. Null when nothing in the body is selected.
   */
  const current = useCallback((): TextRange | null => {
    const body = bodyRef.current
    const sel = window.getSelection()
    if (!body || text === null || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null
    return selectionToTextRange(body, sel.getRangeAt(0), text)
  }, [bodyRef, text])

  const clear = useCallback(() => {
    liveRange.current = null
    setSelection(null)
    window.getSelection()?.removeAllRanges()
  }, [])

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const later = () => {
      clearTimeout(timer)
      timer = setTimeout(read, 0)
    }
    const onDown = (event: MouseEvent) => {
      if (keepRef.current?.contains(event.target as Node)) return
      pointerDown.current = true
    }
    const onUp = () => {
      pointerDown.current = false
      later()
    }
    const onChange = () => {
      if (!pointerDown.current) later()
    }
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') later()
    }
    const onMove = () => {
      const range = liveRange.current
      const body = bodyRef.current
      if (range && body) setSelection((s) => (s ? { ...s, box: rangeBox(range, body) } : s))
    }
    document.addEventListener('mousedown', onDown)
    document.addEventListener('mouseup', onUp)
    document.addEventListener('selectionchange', onChange)
    document.addEventListener('keyup', onKeyUp)
    window.addEventListener('scroll', onMove, true)
    window.addEventListener('resize', onMove)
    return () => {
      clearTimeout(timer)
      document.removeEventListener('mousedown', onDown)
      document.removeEventListener('mouseup', onUp)
      document.removeEventListener('selectionchange', onChange)
      document.removeEventListener('keyup', onKeyUp)
      window.removeEventListener('scroll', onMove, true)
      window.removeEventListener('resize', onMove)
    }
  }, [read, bodyRef, keepRef])

  // A new article invalidates whatever was selected in the old one.
  useEffect(() => {
    liveRange.current = null
    setSelection(null)
  }, [text])

  return { selection, clear, read, current }
}
