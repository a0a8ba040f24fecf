// The reader's single-key shortcuts (the table in shortcuts.ts), on the whole window.
// Keys typed into text fields, during IME composition, or while a dialog is open are
// left alone. Selecting text works on the DOM selection directly (not the React state
// that follows it a tick later), so s, e and Shift+arrows can be pressed in quick
// succession; the selection toolbar then appears as it does for a mouse selection.
import { useCallback, useEffect, useRef, type RefObject } from 'react'
import type { Api } from '../../../../shared/api'
import type { ArticleSummary, HighlightColor } from '../../../../shared/model'
import { BLOCK_SELECTOR, domPointAt, selectionToTextRange, textOffsetAt, trimRange, type TextRange } from '../reader/text-offsets'
import { listQuery, type LibraryRows, type LibraryView } from '../library/use-library'
import { truncate } from '../highlights/colors'
import { extendBySentence, sentenceAfter, sentenceAt, sentenceBefore } from './sentences'
import { shortcutFor, type ShortcutAction } from './shortcuts'

const TEXT_INPUT_TYPES = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'])

/** Whether a key typed at `target` is text for that element (a field, select or contenteditable). */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLInputElement) return !TEXT_INPUT_TYPES.has(target.type)
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
}

/**
 * The article id `direction` rows away from the open one in the library's current
 * order; rows not fetched yet are asked for. An open article outside the fetched rows
 * is looked up with `locate` (its row in the whole list, null when the filters leave it
 * out). With no open article, or one the list does not hold, j starts at the top and k
 * at the bottom. Null past either end.
 */
export async function neighbourArticleId(
  list: LibraryRows | null,
  currentId: string | null,
  direction: 1 | -1,
  fetchAt: (index: number) => Promise<ArticleSummary | undefined>,
  locate?: (articleId: string) => Promise<number | null>
): Promise<string | null> {
  if (!list || list.total === 0) return null
  let at = currentId === null ? -1 : list.rows.findIndex((row) => row?.id === currentId)
  if (at < 0 && currentId !== null && locate) at = (await locate(currentId)) ?? -1
  const target = at < 0 ? (direction === 1 ? 0 : list.total - 1) : at + direction
  if (target < 0 || target >= list.total) return null
  return (list.rows[target] ?? (await fetchAt(target)))?.id ?? null
}

export interface ReaderShortcutOptions {
  api: Api
  /** False while a modal dialog is open: its keys are its own. */
  enabled: boolean
  bodyRef: RefObject<HTMLElement | null>
  /** The open article's text (null: none open). */
  text: string | null
  articleId: string | null
  library: { list: LibraryRows | null; view: LibraryView }
  /** The highlight whose popover is open. */
  popoverId: string | null
  openArticle: (articleId: string) => void
  /** Highlights the current selection (the body selection the app tracks). */
  highlightSelection: (color: HighlightColor, withNote: boolean) => void
  recolor: (highlightId: string, color: HighlightColor) => void
  jumpToHighlight: (highlightId: string) => void
  focusArticleNote: () => void
  focusSearch: () => void
  showShortcuts: () => void
  /** A short spoken/visible explanation when a key has nothing to act on. */
  hint: (message: string) => void
}

const NOTHING_SELECTED = 'Nothing is selected: press s to select a sentence (p a paragraph), then h or 1–4.'

function bodySelectionRange(body: HTMLElement, text: string): TextRange | null {
  const sel = window.getSelection()
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null
  return selectionToTextRange(body, sel.getRangeAt(0), text)
}

function focusedMark(body: HTMLElement): HTMLElement | null {
  const active = document.activeElement
  return active instanceof HTMLElement && body.contains(active) && active.matches('mark[data-highlight-id]') ? active : null
}

function blockElements(body: HTMLElement): HTMLElement[] {
  return [...body.querySelectorAll<HTMLElement>(BLOCK_SELECTOR)]
}

/** Text offsets of the rendered blocks: selections stay inside what is shown. */
function renderedBounds(body: HTMLElement): TextRange | null {
  const blocks = blockElements(body)
  if (blocks.length === 0) return null
  const last = blocks[blocks.length - 1]
  return { start: Number(blocks[0].dataset.start), end: Number(last.dataset.start) + (last.textContent ?? '').length }
}

/** Where keyboard selection starts without a selection: a focused highlight, else the first block in view. */
function startingOffset(body: HTMLElement): number {
  const mark = focusedMark(body)
  if (mark) return textOffsetAt(body, mark, 0) ?? 0
  const view = body.closest<HTMLElement>('.reader') ?? body
  const top = view.getBoundingClientRect().top
  const blocks = blockElements(body)
  const visible = blocks.find((el) => el.getBoundingClientRect().bottom > top + 1) ?? blocks[0]
  return visible ? Number(visible.dataset.start) : 0
}

function blockRangeAt(body: HTMLElement, text: string, offset: number): TextRange | null {
  let found: HTMLElement | null = null
  for (const el of blockElements(body)) {
    if (Number(el.dataset.start) <= offset) found = el
    else break
  }
  if (!found) return null
  const start = Number(found.dataset.start)
  return trimRange(text, start, start + (found.textContent ?? '').length)
}

/** Puts the DOM selection on a text range of the body and brings it into view. */
function selectText(body: HTMLElement, range: TextRange): void {
  const start = domPointAt(body, range.start)
  const end = domPointAt(body, range.end)
  const sel = window.getSelection()
  if (!start || !end || !sel) return
  sel.setBaseAndExtent(start.node, start.offset, end.node, end.offset)
  const el = start.node instanceof HTMLElement ? start.node : start.node.parentElement
  el?.scrollIntoView?.({ block: 'nearest' })
}

/** Highlight ids in reading order (a highlight split over blocks counts once, at its start). */
function highlightOrder(body: HTMLElement): string[] {
  const ids: string[] = []
  for (const el of body.querySelectorAll<HTMLElement>('mark[data-highlight-id]')) {
    const id = el.dataset.highlightId!
    if (!ids.includes(id)) ids.push(id)
  }
  return ids
}

/**
 * A polite live region for what keyboard selection selected: a selection made in
 * non-editable text is not announced by screen readers on its own.
 */
function useSelectionAnnouncer(): (message: string) => void {
  const region = useRef<HTMLElement | null>(null)
  useEffect(() => {
    const el = document.createElement('div')
    el.setAttribute('role', 'status')
    el.className = 'sr-only'
    el.dataset.testid = 'selection-announcer'
    document.body.append(el)
    region.current = el
    return () => {
      el.remove()
      region.current = null
    }
  }, [])
  return useCallback((message: string) => {
    if (region.current) region.current.textContent = message
  }, [])
}

export function useReaderShortcuts(options: ReaderShortcutOptions): { rememberColor: (color: HighlightColor) => void } {
  const optionsRef = useRef(options)
  optionsRef.current = options
  const lastColor = useRef<HighlightColor>('yellow')
  const announce = useSelectionAnnouncer()
  const announceRef = useRef(announce)
  announceRef.current = announce
  /**
   * The last j/k step, while the article it left is still the one shown: a quick second
   * press steps on from where the first one is going instead of opening the same
   * article again (the first may still be loading).
   */
  const lastStep = useRef<{ from: string | null; to: Promise<string | null> } | null>(null)

  useEffect(() => {
    const run = (action: ShortcutAction, event: KeyboardEvent): void => {
      const o = optionsRef.current
      // Another view (All highlights) hides the reader: only / and ? mean anything there.
      const readerHidden = document.getElementById('reader')?.closest('[hidden]') != null
      if (readerHidden && action.type !== 'focus-search' && action.type !== 'show-shortcuts') return
      const body = o.bodyRef.current
      const text = o.text
      const selected = body && text !== null ? bodySelectionRange(body, text) : null

      switch (action.type) {
        case 'focus-search':
          event.preventDefault()
          return o.focusSearch()
        case 'show-shortcuts':
          event.preventDefault()
          return o.showShortcuts()
        case 'next-article':
        case 'previous-article': {
          event.preventDefault()
          const { view } = o.library
          const fetchAt = async (index: number) => (await o.api['library.list']({ ...listQuery(view, 0), offset: index, limit: 1 })).articles[0]
          // The list may still be loading (a key pressed just after the start-up article
          // appears): then its first page is asked for here rather than taking "no list"
          // for "no articles" and saying this is the last one.
          const rows = async (): Promise<LibraryRows> => {
            const loaded = optionsRef.current.library.list
            if (loaded) return loaded
            const page = await o.api['library.list'](listQuery(view, 0))
            return { total: page.total, rows: page.articles }
          }
          // The open article may sit in rows never fetched (opened from search or a link).
          let outside = false
          const locate = async (articleId: string) => {
            const { offset: _o, limit: _l, ...filters } = listQuery(view, 0)
            const { index } = await o.api['library.position']({ ...filters, articleId })
            outside = index === null
            return index
          }
          const from = o.articleId
          const pending = lastStep.current?.from === from ? lastStep.current.to : null
          const to = (async () => {
            const base = pending ? ((await pending.catch(() => null)) ?? from) : from
            return neighbourArticleId(await rows(), base, action.type === 'next-article' ? 1 : -1, fetchAt, locate)
          })()
          lastStep.current = { from, to }
          void to.then(
            (id) => {
              if (id && outside) optionsRef.current.hint(`The open article is not in this list: ${action.type === 'next-article' ? 'j starts at the top' : 'k starts at the bottom'}.`)
              if (id) optionsRef.current.openArticle(id)
              else optionsRef.current.hint(action.type === 'next-article' ? 'This is the last article in the list.' : 'This is the first article in the list.')
            },
            () => optionsRef.current.hint('Could not load the next article.')
          )
          return
        }
        case 'adjust-selection': {
          // Only a selection in the article: elsewhere Shift+arrows keep their own meaning.
          const sel = window.getSelection()
          if (!body || !selected || !sel) return
          event.preventDefault()
          sel.modify('extend', action.direction, action.unit)
          announceRef.current(`Selected: ${truncate(sel.toString())}`)
          return
        }
        case 'color':
        case 'highlight':
        case 'note': {
          const color = action.type === 'color' ? action.color : lastColor.current
          if (action.type === 'color') {
            // An open or focused highlight takes the colour; otherwise it is for the selection.
            const target = o.popoverId ?? (body ? focusedMark(body)?.dataset.highlightId : undefined) ?? null
            if (target && !selected) {
              event.preventDefault()
              lastColor.current = color
              return o.recolor(target, color)
            }
          }
          if (o.popoverId) return
          if (selected) {
            event.preventDefault()
            lastColor.current = color
            return o.highlightSelection(color, action.type === 'note')
          }
          if (action.type === 'note' && o.articleId) {
            event.preventDefault()
            return o.focusArticleNote()
          }
          if (action.type === 'highlight' && body && focusedMark(body)) o.hint('This passage is highlighted already: 1–4 change its colour, Enter opens it.')
          else if (o.articleId) o.hint(NOTHING_SELECTED)
          return
        }
        case 'highlight-step': {
          if (!body) return
          event.preventDefault()
          const ids = highlightOrder(body)
          if (ids.length === 0) return o.hint('This article has no highlights yet.')
          const current = (body ? focusedMark(body)?.dataset.highlightId : undefined) ?? o.popoverId
          const at = current ? ids.indexOf(current) : -1
          // From a highlight, the one beside it; from nowhere, the one beside what is on screen.
          const next = at >= 0 ? (action.direction === 'next' ? at + 1 : at - 1) : besideTheView(body, ids, action.direction)
          if (next < 0 || next >= ids.length) return o.hint(action.direction === 'next' ? 'No more highlights after this one.' : 'No highlights before this one.')
          return o.jumpToHighlight(ids[next])
        }
        case 'select-sentence':
        case 'extend-sentence':
        case 'select-paragraph': {
          if (!body || text === null || o.popoverId) return
          const bounds = renderedBounds(body)
          if (!bounds) return
          event.preventDefault()
          let next: TextRange | null
          if (action.type === 'select-paragraph') next = blockRangeAt(body, text, selected ? selected.start : startingOffset(body))
          else if (action.type === 'extend-sentence') next = selected ? extendBySentence(text, selected, bounds) : sentenceAt(text, startingOffset(body), bounds)
          else if (action.direction === 'next') next = selected ? sentenceAfter(text, selected.end, bounds) : sentenceAt(text, startingOffset(body), bounds)
          else next = selected ? sentenceBefore(text, selected.start, bounds) : sentenceAt(text, startingOffset(body), bounds)
          if (next) {
            selectText(body, next)
            announceRef.current(`Selected: ${truncate(text.slice(next.start, next.end))}`)
          } else o.hint(action.type === 'select-sentence' && action.direction === 'previous' ? 'This is the first sentence.' : 'This is the end of the article.')
          return
        }
      }
    }

    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !optionsRef.current.enabled) return
      const action = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        shiftKey: event.shiftKey,
        isComposing: event.isComposing || event.keyCode === 229,
        editable: isEditableTarget(event.target)
      })
      if (action) run(action, event)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  return { rememberColor: (color) => void (lastColor.current = color) }
}

/**
 * With no highlight focused, ] goes to the first highlight at or below the top of the
 * reader's view and [ to the last one above it (not the article's first and last).
 * Returns -1 or ids.length when there is none that way.
 */
export function besideTheView(body: HTMLElement, ids: readonly string[], direction: 'next' | 'previous'): number {
  const viewTop = (body.closest('main.reader') ?? body).getBoundingClientRect().top
  const tops = new Map<string, number>()
  for (const mark of body.querySelectorAll<HTMLElement>('mark[data-highlight-id]')) {
    const id = mark.dataset.highlightId!
    if (!tops.has(id)) tops.set(id, mark.getBoundingClientRect().top)
  }
  const top = (id: string) => tops.get(id) ?? 0
  if (direction === 'next') {
    const at = ids.findIndex((id) => top(id) >= viewTop)
    return at < 0 ? ids.length : at
  }
  return ids.findLastIndex((id) => top(id) < viewTop)
}
