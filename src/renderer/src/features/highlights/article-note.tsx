// One note for the whole article: saved shortly after typing stops, on blur, and when
// the user moves to another article (the component unmounts with a pending draft).
import { useEffect, useId, useRef, useState } from 'react'
import { focusArticleText } from '../keyboard/focus-targets'

const SAVE_DELAY_MS = 800

type Status = 'idle' | 'saving' | 'saved' | 'error'

export interface ArticleNoteProps {
  articleId: string
  note: string
  onSave: (articleId: string, note: string) => Promise<void>
}

export function ArticleNote({ articleId, note, onSave }: ArticleNoteProps) {
  const id = useId()
  const [draft, setDraft] = useState(note)
  const [status, setStatus] = useState<Status>('idle')
  const draftRef = useRef(note)
  const savedRef = useRef(note)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const saveRef = useRef(onSave)
  saveRef.current = onSave

  const save = async () => {
    clearTimeout(timer.current)
    const value = draftRef.current
    if (value === savedRef.current) return
    setStatus('saving')
    try {
      await saveRef.current(articleId, value)
      savedRef.current = value
      setStatus(draftRef.current === value ? 'saved' : 'idle')
    } catch {
      setStatus('error')
    }
  }

  useEffect(
    () => () => {
      clearTimeout(timer.current)
      if (draftRef.current !== savedRef.current) void saveRef.current(articleId, draftRef.current).catch(() => undefined)
    },
    [articleId]
  )

  // The note changed elsewhere (an undo or redo) while nothing typed here waits to be
  // saved: show the new text. A pending draft wins: typing is never thrown away.
  useEffect(() => {
    if (note === savedRef.current || draftRef.current !== savedRef.current) return
    draftRef.current = note
    savedRef.current = note
    setDraft(note)
    setStatus('idle')
  }, [note])

  const statusText = { idle: '', saving: 'Saving…', saved: 'Saved', error: 'Not saved' }[status]
  return (
    <div className="article-note">
      <div className="article-note-head">
        <label htmlFor={id} className="panel-title">
          Article note
        </label>
        <span className="save-status" role="status">
          {statusText}
        </span>
      </div>
      <textarea
        id={id}
        className="article-note-text"
        rows={5}
        value={draft}
        placeholder="Thoughts on the whole article…"
        onChange={(e) => {
          draftRef.current = e.target.value
          setDraft(e.target.value)
          setStatus('idle')
          clearTimeout(timer.current)
          timer.current = setTimeout(() => void save(), SAVE_DELAY_MS)
        }}
        onBlur={() => void save()}
        onKeyDown={(event) => {
          // Esc leaves the note (saved on blur) for the article, so the reader's keys (/, j, n) work again.
          // Not prevented: an overlay holding the panel closes on the same key.
          if (event.key === 'Escape') focusArticleText()
        }}
      />
    </div>
  )
}
