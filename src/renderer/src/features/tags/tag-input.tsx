// A tag editor: the tags as chips, each with its own remove button, and a combobox to
// add more with suggestions from the folder's tags (ARIA 1.2 combobox with a listbox
// popup, focus staying in the text box, the active option named by
// aria-activedescendant). Keyboard: type, ↓/↑ through suggestions, Enter, Tab or comma
// adds, Backspace in an empty box removes the last tag, Escape closes the suggestions
// first — only a second Escape reaches whatever holds the editor (the highlight
// popover closes on Escape).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { addTag, checkTag, removeTag, sameTag, splitTypedTags, suggestTags } from '../../../../shared/tags'
import './tags.css'

export interface TagInputProps {
  /** Visible label, e.g. "Tags" or "Article tags". */
  label: string
  tags: readonly string[]
  /** Saves the whole new list; a rejected promise puts the old list back and says why. */
  onChange: (tags: string[]) => Promise<unknown>
  /** The folder's tags, most used first (tags.list); asked again each time the box gets focus. */
  loadSuggestions: () => Promise<string[]>
  testId?: string
}

export function TagInput({ label, tags, onChange, loadSuggestions, testId }: TagInputProps) {
  const id = useId()
  const inputId = `${id}-input`
  const listId = `${id}-list`
  const [current, setCurrent] = useState<string[]>([...tags])
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const [known, setKnown] = useState<string[]>([])
  const [message, setMessage] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  const currentRef = useRef(current)
  currentRef.current = current

  // The list changed elsewhere (saved, undone, renamed in the folder): show it.
  const tagsKey = JSON.stringify(tags)
  useEffect(() => {
    setCurrent(JSON.parse(tagsKey) as string[])
  }, [tagsKey])

  const suggestions = open ? suggestTags(known, text, current) : []
  const activeOption = active >= 0 && active < suggestions.length ? suggestions[active] : null

  const save = (next: string[], said: string) => {
    const before = currentRef.current
    setCurrent(next)
    currentRef.current = next
    setMessage(said)
    onChange(next).catch((error: unknown) => {
      setCurrent(before)
      currentRef.current = before
      setMessage(`Not saved: ${error instanceof Error ? error.message : String(error)}`)
    })
  }

  /** Adds typed or picked tags; true when the box can be cleared. */
  const add = (raw: string[]): boolean => {
    let next = currentRef.current
    const added: string[] = []
    for (const piece of raw) {
      const checked = checkTag(piece)
      if (!checked.ok) {
        setMessage(checked.reason)
        return false
      }
      // The folder's spelling when the tag exists already in another case.
      const tag = known.find((k) => sameTag(k, checked.tag)) ?? checked.tag
      if (next.some((t) => sameTag(t, tag))) continue
      next = addTag(next, tag)
      added.push(tag)
    }
    if (added.length) save(next, `Added tag ${added.join(', ')}`)
    else if (raw.length) setMessage(`Already tagged ${raw.join(', ')}`)
    return true
  }

  const remove = (tag: string) => {
    save(removeTag(currentRef.current, tag), `Removed tag ${tag}`)
  }

  const refreshSuggestions = () => {
    loadSuggestions().then(setKnown, () => setKnown([]))
  }

  const commitText = (): boolean => {
    if (activeOption !== null) {
      add([activeOption])
      setText('')
      setActive(-1)
      setOpen(false)
      return true
    }
    const pieces = splitTypedTags(text)
    if (!pieces.length) return false
    if (add(pieces)) {
      setText('')
      setActive(-1)
      setOpen(false)
    }
    return true
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const consume = () => {
      event.preventDefault()
      // Keys the editor used are not the popover's or the app's shortcuts.
      event.stopPropagation()
    }
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        consume()
        if (!open) {
          setOpen(true)
          setActive(event.key === 'ArrowDown' ? 0 : suggestTags(known, text, current).length - 1)
          return
        }
        const count = suggestions.length
        if (!count) return
        setActive((i) => (event.key === 'ArrowDown' ? (i + 1) % count : i <= 0 ? count - 1 : i - 1))
        return
      }
      case 'Enter':
        if (commitText()) consume()
        else if (open) consume()
        return
      case 'Tab':
        // Tab takes the highlighted suggestion or the typed tag; with nothing typed it moves on.
        if (!event.shiftKey && (activeOption !== null || text.trim() !== '')) {
          consume()
          commitText()
        }
        return
      case ',':
        consume()
        commitText()
        return
      case 'Backspace':
        if (text === '' && currentRef.current.length) {
          consume()
          remove(currentRef.current[currentRef.current.length - 1])
        }
        return
      case 'Escape':
        if (open && suggestions.length) {
          consume()
          setOpen(false)
          setActive(-1)
        }
        return
      default:
        // Typing is text, not the reader's single-key shortcuts; Ctrl/Cmd shortcuts still reach the app.
        if (!event.ctrlKey && !event.metaKey && !event.altKey) event.stopPropagation()
    }
  }

  return (
    <div className="tag-input" data-testid={testId}>
      <label className="tag-input-label" htmlFor={inputId}>
        {label}
      </label>
      <div className="tag-input-box" onClick={() => inputRef.current?.focus()}>
        {current.length > 0 && (
          <ul className="tag-chips" aria-label={label}>
            {current.map((tag) => (
              <li key={tag} className="tag-chip">
                <span className="tag-chip-text">{tag}</span>
                <button type="button" className="tag-chip-remove" aria-label={`Remove tag ${tag}`} title={`Remove tag ${tag}`} onClick={() => remove(tag)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          ref={inputRef}
          id={inputId}
          className="tag-input-text"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open && suggestions.length > 0}
          aria-controls={listId}
          aria-activedescendant={activeOption !== null ? `${listId}-${active}` : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={current.length ? 'Add a tag…' : 'Add tags…'}
          value={text}
          onFocus={refreshSuggestions}
          onChange={(e) => {
            const value = e.target.value
            // A pasted "a, b, c": everything before the last comma becomes tags.
            if (value.includes(',')) {
              const cut = value.lastIndexOf(',')
              // A piece that cannot be a tag stays in the box to be fixed (add says why).
              setText(add(splitTypedTags(value.slice(0, cut))) ? value.slice(cut + 1).trimStart() : value.slice(0, cut))
            } else {
              setText(value)
              setMessage('')
            }
            // Suggestions follow typing; an emptied box closes them (↓ opens them again).
            setOpen(value.trim() !== '')
            setActive(-1)
          }}
          onBlur={() => {
            setOpen(false)
            setActive(-1)
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <ul id={listId} role="listbox" aria-label={`${label}: suggestions`} className="tag-suggestions" hidden={!open || suggestions.length === 0}>
        {suggestions.map((tag, i) => (
          <li
            key={tag}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'tag-suggestion active' : 'tag-suggestion'}
            // Keep focus in the box: a click picks without blurring it.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              add([tag])
              setText('')
              setActive(-1)
              inputRef.current?.focus()
            }}
          >
            {tag}
          </li>
        ))}
      </ul>
      {/* Announced politely; not role=status, which names the note's save status around it. */}
      <p className="tag-input-status" aria-live="polite" aria-atomic="true" data-testid="tag-input-status">
        {message}
      </p>
    </div>
  )
}
