// The search box: full text of every article, highlight and note. Results come from
// the main process (search.query) as plain text plus match ranges; matched words are
// wrapped in <mark> as React text nodes, never as HTML.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { Api } from '../../../../shared/api'
import type { SearchResult, SearchSnippet } from '../../../../shared/model'
import './search.css'

const DEBOUNCE_MS = 120
const LIMIT = 30
const KIND_LABEL: Record<SearchResult['kind'], string> = { article: 'Text', highlight: 'Highlight', note: 'Note' }

export interface SearchBoxProps {
  api: Api
  /** The folder open now: results are dropped when it changes. */
  root: string | null
  onOpen: (result: SearchResult) => void
  onError: (error: unknown) => void
}

type State = { query: string; results: SearchResult[]; total: number; tookMs: number } | null

export function SearchBox({ api, root, onOpen, onError }: SearchBoxProps) {
  const [query, setQuery] = useState('')
  const [state, setState] = useState<State>(null)
  const [searching, setSearching] = useState(false)
  const [open, setOpen] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLUListElement>(null)
  const latest = useRef(0)
  const listId = useId()

  // `/` anywhere outside a text field goes to the search box, as on many reading sites.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return
      const target = event.target as HTMLElement | null
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return
      event.preventDefault()
      inputRef.current?.focus()
      inputRef.current?.select()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  useEffect(() => {
    setState(null)
    setQuery('')
  }, [root])

  useEffect(() => {
    const text = query.trim()
    const ticket = ++latest.current
    if (!text) {
      setState(null)
      setSearching(false)
      return
    }
    setSearching(true)
    const timer = setTimeout(() => {
      api['search.query']({ query: text, limit: LIMIT }).then(
        (response) => {
          if (ticket !== latest.current) return
          setState({ query: text, ...response })
          setSearching(false)
        },
        (error: unknown) => {
          if (ticket !== latest.current) return
          setSearching(false)
          onError(error)
        }
      )
    }, DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [api, query, onError])

  const choose = useCallback(
    (result: SearchResult) => {
      setOpen(false)
      onOpen(result)
    },
    [onOpen]
  )

  const focusResult = (index: number) => {
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-search-result]')
    if (!buttons?.length) return
    buttons[Math.max(0, Math.min(buttons.length - 1, index))].focus()
  }

  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setOpen(true)
      requestAnimationFrame(() => focusResult(0))
    } else if (event.key === 'Enter' && state?.results[0]) {
      event.preventDefault()
      choose(state.results[0])
    } else if (event.key === 'Escape') {
      if (open && query) setOpen(false)
      else setQuery('')
    }
  }

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-search-result]') ?? [])]
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      focusResult(at + 1)
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      if (at <= 0) inputRef.current?.focus()
      else focusResult(at - 1)
    } else if (event.key === 'Escape') {
      // Focus first: focusing the box opens the panel, which Escape closes.
      inputRef.current?.focus()
      setOpen(false)
    }
  }

  const showPanel = open && query.trim() !== ''
  const status = searching ? 'Searching…' : state ? summaryOf(state.total, state.results.length) : ''

  return (
    <div
      className="search"
      role="search"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false)
      }}
    >
      <input
        ref={inputRef}
        type="search"
        className="search-input"
        aria-label="Search all text"
        placeholder="Search all text  ( / )"
        value={query}
        disabled={!root}
        // A searchbox may not carry aria-expanded; it points at the results while they show.
        aria-controls={showPanel ? listId : undefined}
        onChange={(event) => {
          setQuery(event.target.value)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onInputKey}
      />
      {showPanel && (
        <div className="search-panel" data-testid="search-results">
          <p className="search-status" role="status">
            {status}
          </p>
          <ul id={listId} ref={listRef} className="search-results" aria-label="Search results" onKeyDown={onListKey}>
            {state?.results.map((result) => (
              <li key={`${result.kind}:${result.highlightId ?? ''}:${result.articleId}`}>
                <button
                  type="button"
                  className="search-result"
                  data-search-result=""
                  data-article-id={result.articleId}
                  data-kind={result.kind}
                  onClick={() => choose(result)}
                >
                  <span className="search-result-head">
                    <span className="search-result-title">{result.title}</span>
                    <span className={`search-kind search-kind-${result.kind}`}>{KIND_LABEL[result.kind]}</span>
                  </span>
                  <span className="search-snippet">
                    <MarkedText snippet={result.snippet} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}

function summaryOf(total: number, shown: number): string {
  if (total === 0) return 'No matches'
  const count = total === 1 ? '1 result' : `${total} results`
  return shown < total ? `${count}, best ${shown} shown` : count
}

/** The snippet's text with its match ranges as <mark>; whitespace runs shown as one space. */
export function MarkedText({ snippet }: { snippet: SearchSnippet }) {
  const parts: Array<{ text: string; marked: boolean }> = []
  let at = 0
  const marks = [...snippet.marks].sort((a, b) => a.start - b.start)
  for (const mark of marks) {
    if (mark.start < at || mark.end > snippet.text.length || mark.end <= mark.start) continue
    if (mark.start > at) parts.push({ text: snippet.text.slice(at, mark.start), marked: false })
    parts.push({ text: snippet.text.slice(mark.start, mark.end), marked: true })
    at = mark.end
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), marked: false })
  return (
    <>
      {parts.map((part, i) =>
        part.marked ? (
          <mark key={i} className="search-mark">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text.replace(/\s+/g, ' ')}</span>
        )
      )}
    </>
  )
}
