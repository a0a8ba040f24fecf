// The search box: full text of every article, highlight and note. Results come from
// the main process (search.query) as plain text plus match ranges; matched words are
// wrapped in <mark> as React text nodes, never as HTML.
import { keepPreviousData } from '@tanstack/react-query'
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { Api } from '../../../../shared/api'
import type { SearchResult, SearchSnippet } from '../../../../shared/model'
import { useContractQuery } from '../../data/use-contract-query'
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
  const [open, setOpen] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLUListElement>(null)
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

  // Another folder: the old query and its results go.
  useEffect(() => setQuery(''), [root])

  // The query waits for a pause in typing; answers sit in the query cache, so a late
  // answer to an older query is never shown and a change pushed by the core asks again.
  const [asked, setAsked] = useState('')
  useEffect(() => {
    const text = query.trim()
    const timer = setTimeout(() => setAsked(text), text ? DEBOUNCE_MS : 0)
    return () => clearTimeout(timer)
  }, [query])
  const answer = useContractQuery(api, 'search.query', { query: asked, limit: LIMIT }, { enabled: asked !== '', placeholderData: keepPreviousData })
  useEffect(() => {
    if (answer.error) onError(answer.error)
    // onError may be a fresh closure; the failure is what matters.
  }, [answer.error])
  // The last results stay while the next ones are on their way.
  const state: State = query.trim() && asked && answer.data ? { query: asked, ...answer.data } : null
  const searching = query.trim() !== '' && (query.trim() !== asked || answer.isFetching)

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
                    {result.approximate && (
                      <span className="search-approximate" title="Found with a spelling close to what you typed">
                        approximate
                      </span>
                    )}
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
