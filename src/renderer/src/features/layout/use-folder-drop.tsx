// Dropping a folder on the window opens it. The path comes from the desktop app's
// preload (glossFiles.pathForFile) for a dropped File, or from a file:// URL on the
// drag (what file managers add, and all a browser tab gets). Drags that start inside
// the page (a selection dragged into the note box) are left alone.
import { useEffect, useRef, useState } from 'react'
import type { GlossFiles } from '../../../../shared/events'
import { pathFromDroppedText } from './dropped-path'

export interface FolderDropOptions {
  /** Opens the folder (library.open): a file or a missing folder is reported there. */
  onPath: (path: string) => void
  /** Something was dropped that names no folder Gloss can reach. */
  onNoPath: (message: string) => void
  /** The desktop app's bridge (default: window.glossFiles); absent in a browser. */
  files?: GlossFiles | null
  /** While a dialog is open, nothing is dropped behind it. */
  disabled?: boolean
}

declare global {
  interface Window {
    /** Exposed by the preload script in the desktop app; absent in a browser. */
    glossFiles?: GlossFiles
  }
}

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null)

/** Whether a drag from outside the page may be a folder for Gloss (the data itself is only readable on drop). */
function mayBeFolder(event: DragEvent): boolean {
  const types = Array.from(event.dataTransfer?.types ?? [])
  if (types.includes('Files') || types.includes('text/uri-list')) return true
  // Plain text may be a file:// URL, but into a text field it is just text to paste.
  return types.includes('text/plain') && !isEditable(event.target)
}

export const NO_PATH_MESSAGE = 'Drop a folder to open it.'
export const NO_PATH_IN_BROWSER =
  'This browser does not tell Gloss where a dropped folder is. Use Open Folder… instead, or drag the folder from a file manager that passes its location.'

/** The path a drop names, or null. */
export function droppedPath(data: DataTransfer, files?: GlossFiles | null): string | null {
  if (files) {
    for (const file of Array.from(data.files)) {
      const path = files.pathForFile(file)
      if (path) return path
    }
  }
  return pathFromDroppedText(data.getData('text/uri-list')) ?? pathFromDroppedText(data.getData('text/plain'))
}

/** Returns whether a drag that may open a folder is over the window (for the overlay). */
export function useFolderDrop({ onPath, onNoPath, files = window.glossFiles ?? null, disabled = false }: FolderDropOptions): boolean {
  const [over, setOver] = useState(false)
  const handlers = useRef({ onPath, onNoPath, files, disabled })
  handlers.current = { onPath, onNoPath, files, disabled }

  useEffect(() => {
    let internal = false
    let depth = 0
    const reset = () => {
      depth = 0
      setOver(false)
    }
    const onDragStart = () => {
      internal = true
    }
    const onDragEnd = () => {
      internal = false
      reset()
    }
    const onDragEnter = (event: DragEvent) => {
      if (internal || handlers.current.disabled || !mayBeFolder(event)) return
      event.preventDefault()
      depth++
      setOver(true)
    }
    const onDragOver = (event: DragEvent) => {
      if (internal || !mayBeFolder(event)) return
      // Taken even behind a dialog: left to the browser, a dropped file replaces the page.
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = handlers.current.disabled ? 'none' : 'copy'
    }
    const onDragLeave = (event: DragEvent) => {
      if (internal) return
      depth = Math.max(0, depth - 1)
      // Leaving the window altogether: no element is entered next.
      if (depth === 0 || event.relatedTarget === null) reset()
    }
    const onDrop = (event: DragEvent) => {
      if (internal || !mayBeFolder(event) || !event.dataTransfer) return
      event.preventDefault()
      reset()
      if (handlers.current.disabled) return
      const { onPath, onNoPath, files } = handlers.current
      const path = droppedPath(event.dataTransfer, files)
      if (path) onPath(path)
      else onNoPath(event.dataTransfer.types.includes('Files') && !files ? NO_PATH_IN_BROWSER : NO_PATH_MESSAGE)
    }
    window.addEventListener('dragstart', onDragStart)
    window.addEventListener('dragend', onDragEnd)
    window.addEventListener('dragenter', onDragEnter)
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('dragleave', onDragLeave)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragstart', onDragStart)
      window.removeEventListener('dragend', onDragEnd)
      window.removeEventListener('dragenter', onDragEnter)
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('dragleave', onDragLeave)
      window.removeEventListener('drop', onDrop)
    }
  }, [])

  return over
}

/** Shown while a folder is dragged over the window. */
export function DropOverlay({ visible }: { visible: boolean }) {
  if (!visible) return null
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <p>Drop a folder to open it</p>
    </div>
  )
}
