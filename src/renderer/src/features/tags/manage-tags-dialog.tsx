// "Manage tags": every tag of the folder with how many highlights and articles carry it;
// rename one everywhere (typing the name of another tag merges the two, and the dialog
// says so before anything is changed) or delete it everywhere.
import { useEffect, useId, useRef, useState } from 'react'
import type { Api } from '../../../../shared/api'
import type { TagCount, TagUseCount } from '../../../../shared/model'
import { checkTag, sameTag } from '../../../../shared/tags'
import { Modal } from '../../components/modal'
import './tags.css'

export interface ManageTagsDialogProps {
  api: Api
  onClose: () => void
  /** Tags changed on highlights and articles (what shows them follows the core's change event). */
  onChanged?: () => void
}

type Editing = { tag: string; mode: 'rename' | 'delete' } | null

const uses = (t: TagCount): string => {
  const parts: string[] = []
  if (t.highlights) parts.push(`${t.highlights} highlight${t.highlights === 1 ? '' : 's'}`)
  if (t.articles) parts.push(`${t.articles} article${t.articles === 1 ? '' : 's'}`)
  return parts.join(', ')
}

/**
 * How many distinct items a merge of `from` into `into` leaves carrying the tag (an item
 * with both counts once, which adding the two rows' counts would not): asked of the core.
 * Null until it answers, or when nothing merges.
 */
function useMergeCount(api: Api, from: string | null, into: string | null | false | undefined): TagUseCount | null {
  const [count, setCount] = useState<{ key: string; uses: TagUseCount } | null>(null)
  const key = from && into ? `${from}\n${into}` : null
  useEffect(() => {
    if (!from || !into) return
    let current = true
    api['tags.mergePreview']({ from, to: into }).then(
      (uses) => current && setCount({ key: `${from}\n${into}`, uses }),
      // Only the sum is missing: the merge itself still says what it changed.
      () => undefined
    )
    return () => {
      current = false
    }
  }, [api, from, into])
  return key !== null && count?.key === key ? count.uses : null
}

export function ManageTagsDialog({ api, onClose, onChanged }: ManageTagsDialogProps) {
  const [tags, setTags] = useState<TagCount[] | null>(null)
  const [editing, setEditing] = useState<Editing>(null)
  const [name, setName] = useState('')
  const [status, setStatus] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const inputId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const deleteRef = useRef<HTMLButtonElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  const opener = useRef<HTMLElement | null>(null)

  const load = async () => {
    try {
      setTags(await api['tags.list']({}))
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
      setTags([])
    }
  }

  useEffect(() => {
    void load()
  }, [])

  useEffect(() => {
    if (editing?.mode === 'rename') inputRef.current?.focus()
    if (editing?.mode === 'delete') deleteRef.current?.focus()
  }, [editing])

  const start = (tag: string, mode: 'rename' | 'delete', from: HTMLElement) => {
    opener.current = from
    setEditing({ tag, mode })
    setName(mode === 'rename' ? tag : '')
    setError('')
    setStatus('')
  }

  const cancel = () => {
    setEditing(null)
    setError('')
    opener.current?.focus()
  }

  const checked = editing?.mode === 'rename' ? checkTag(name) : null
  const target = checked?.ok && editing ? (tags ?? []).find((t) => sameTag(t.tag, checked.tag) && !sameTag(t.tag, editing.tag)) : undefined
  const unchanged = checked?.ok && editing ? checked.tag === editing.tag : false
  const source = editing ? (tags ?? []).find((t) => t.tag === editing.tag) : undefined
  const merged = useMergeCount(api, editing?.tag ?? null, target ? checked?.ok && checked.tag : null)

  const confirm = async () => {
    if (!editing || busy) return
    if (editing.mode === 'rename' && (!checked?.ok || unchanged)) return
    setBusy(true)
    setError('')
    try {
      if (editing.mode === 'rename' && checked?.ok) {
        const changed = await api['tags.rename']({ from: editing.tag, to: checked.tag })
        const count = changed.highlights + changed.articles
        setStatus(
          target
            ? `Merged “${editing.tag}” into “${checked.tag}” (${count} item${count === 1 ? '' : 's'}).`
            : `Renamed “${editing.tag}” to “${checked.tag}” (${count} item${count === 1 ? '' : 's'}).`
        )
      } else {
        const changed = await api['tags.delete']({ tag: editing.tag })
        const count = changed.highlights + changed.articles
        setStatus(`Deleted “${editing.tag}” from ${count} item${count === 1 ? '' : 's'}.`)
      }
      setEditing(null)
      await load()
      onChanged?.()
      // The form is gone: focus stays in the dialog.
      closeRef.current?.focus()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal title="Manage tags" onClose={onClose} className="manage-tags" testId="manage-tags">
      {tags === null ? (
        <p>Loading…</p>
      ) : tags.length === 0 ? (
        <p className="muted">No tags yet. Add tags to highlights (in their popover) or to articles (in the notes panel).</p>
      ) : (
        <ul className="manage-tags-list" aria-label="Tags">
          {tags.map((t) => (
            <li key={t.tag} className="manage-tags-row" data-tag={t.tag}>
              <span className="manage-tags-name">{t.tag}</span>
              <span className="manage-tags-count">{uses(t)}</span>
              <button type="button" className="button" aria-label={`Rename ${t.tag}`} onClick={(e) => start(t.tag, 'rename', e.currentTarget)}>
                Rename…
              </button>
              <button type="button" className="button danger" aria-label={`Delete ${t.tag}`} onClick={(e) => start(t.tag, 'delete', e.currentTarget)}>
                Delete…
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing?.mode === 'rename' && (
        <form
          className="manage-tags-rename"
          onSubmit={(e) => {
            e.preventDefault()
            void confirm()
          }}
        >
          <label htmlFor={inputId}>New name for “{editing.tag}”</label>
          <input
            id={inputId}
            ref={inputRef}
            type="text"
            value={name}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${inputId}-note`}
            onChange={(e) => setName(e.target.value)}
          />
          <p id={`${inputId}-note`} className="manage-tags-note" role="status" data-testid="manage-tags-note">
            {!checked?.ok
              ? name.trim() === ''
                ? 'Type the new name.'
                : checked?.reason
              : target
                ? `“${target.tag}” already exists: the two tags will be merged into “${checked.tag}”${merged ? `, on ${uses({ tag: checked.tag, ...merged })} in all` : ''}.`
                : unchanged
                  ? 'That is its name now.'
                  : `Renames it on ${source ? uses(source) : 'every item'}.`}
          </p>
          <div className="manage-tags-actions">
            <button type="button" className="button" onClick={cancel}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={!checked?.ok || unchanged || busy}>
              {target ? 'Merge' : 'Rename'}
            </button>
          </div>
        </form>
      )}
      {editing?.mode === 'delete' && (
        <div className="manage-tags-rename" role="group" aria-label={`Delete ${editing.tag}`}>
          <p className="manage-tags-note">
            Remove “{editing.tag}” from {source ? uses(source) : 'every item'}? The highlights and articles stay.
          </p>
          <div className="manage-tags-actions">
            <button type="button" className="button" onClick={cancel}>
              Cancel
            </button>
            <button ref={deleteRef} type="button" className="button danger" disabled={busy} onClick={() => void confirm()}>
              Delete tag
            </button>
          </div>
        </div>
      )}
      <p className="manage-tags-note" role="status">
        {status}
      </p>
      {error && (
        <p className="manage-tags-note" role="alert">
          {error}
        </p>
      )}
      <div className="manage-tags-actions">
        <button ref={closeRef} type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  )
}
