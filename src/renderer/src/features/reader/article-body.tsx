// The article body, rendered from blocks. Text only ever enters the DOM as React text
// nodes (never as HTML), so markup inside an article shows as literal characters.
// Every block element carries data-start (its offset in article.text) and holds exactly
// the block's text; text-offsets.ts relies on both. A table is the exception that keeps
// the rule one level down: each cell carries its own data-start and holds exactly the
// cell's text, so a selection across cells maps to the text between them (tabs and
// newlines included) and a highlight draws in every cell it covers. Task boxes, rules,
// footnote numbers and back-links sit outside every [data-start] element: not text.
import { createElement, Fragment, memo, useMemo, useRef, type KeyboardEvent, type MouseEvent, type ReactNode, type Ref } from 'react'
import type { Block, Highlight, Mark } from '../../../../shared/model'
import { bodyLinkUrl } from '../../components/safe-url'
import { COLORS, highlightLabel } from '../highlights/colors'
import { indexBlockHighlights, NO_HIGHLIGHTS, type BlockHighlights } from './block-highlights'
import { layoutBody, type BodyNode, type ListNode } from './body-layout'
import { splitBlock, type Segment } from './segments'
import { tableRows } from './table-cells'

export interface ArticleBodyProps {
  blocks: readonly Block[]
  highlights: readonly Highlight[]
  /** Highlight to draw attention to (after a jump from the side panel). */
  flashId?: string | null
  /** A highlight was clicked or activated with the keyboard. */
  onActivateHighlight?: (highlightId: string, element: HTMLElement) => void
  bodyRef?: Ref<HTMLDivElement>
}

// Rendering a block's text is the costly part (segments, nested marks), so it is a
// memoised component per block: a new highlight re-renders only the blocks it overlaps.
interface TextContext {
  flashId: string | null
  /** Highlights whose first segment has been rendered: later segments get no tab stop. */
  seen: Set<string>
  /** Element ids already given in this block: a mark cut by a highlight is several elements, one id. */
  ids: Set<string>
}

interface RenderContext {
  index: ReadonlyMap<Block, BlockHighlights>
  flashId: string | null
  /** Footnote numbers with a reference in the body: only those get a back-link. */
  referenced: ReadonlySet<number>
}

function wrapMark(mark: Mark, children: ReactNode, ids: Set<string>): ReactNode {
  switch (mark.type) {
    case 'emphasis':
      return <em>{children}</em>
    case 'strong':
      return <strong>{children}</strong>
    case 'code':
      return <code>{children}</code>
    case 'strike':
      return <s>{children}</s>
    case 'kbd':
      return <kbd>{children}</kbd>
    case 'sub':
      return <sub>{children}</sub>
    case 'sup':
      return <sup>{children}</sup>
    case 'marked':
      return <mark className="author-mark">{children}</mark>
    case 'abbr':
      return <abbr title={mark.title}>{children}</abbr>
    case 'footnote': {
      // In-page jumps are handled by the body's click handler (scroll and focus), not by
      // the location hash, which belongs to the app.
      const target = footnoteElementId(mark.href ?? '')
      const id = mark.id && !ids.has(mark.id) ? footnoteElementId(mark.id) : undefined
      if (mark.id) ids.add(mark.id)
      return (
        <sup className="footnote-ref">
          <a href={`#${target}`} id={id} data-jump={target}>
            {children}
          </a>
        </sup>
      )
    }
    case 'link': {
      const href = bodyLinkUrl(mark.href)
      return href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      ) : (
        children
      )
    }
  }
}

// Screen readers announce a <mark> as highlighted text; its colour and whether it has a
// note come from one of these shared descriptions (kept outside the blocks, whose text
// must be exactly the article's: see text-offsets.ts).
const highlightDescriptionId = (color: Highlight['color'], note: string): string => `hl-desc-${color}${note.trim() ? '-note' : ''}`

function HighlightDescriptions() {
  return (
    <div hidden>
      {COLORS.flatMap((color) =>
        ['', 'note'].map((note) => (
          <span key={`${color}${note}`} id={highlightDescriptionId(color, note)}>
            {highlightLabel(color, note)}
          </span>
        ))
      )}
    </div>
  )
}

/** Element ids of footnotes and references, prefixed so they cannot meet the app's own. */
const footnoteElementId = (id: string): string => `gloss-${id}`

function renderSegment(segment: Segment, ctx: TextContext): ReactNode {
  let node: ReactNode = segment.text
  for (let i = segment.marks.length - 1; i >= 0; i--) node = wrapMark(segment.marks[i], node, ctx.ids)
  for (let i = segment.highlights.length - 1; i >= 0; i--) {
    const h = segment.highlights[i]
    const first = !ctx.seen.has(h.id)
    ctx.seen.add(h.id)
    const classes = ['hl', `hl-${h.color}`]
    if (h.note.trim()) classes.push('hl-has-note')
    if (ctx.flashId === h.id) classes.push('hl-flash')
    node = (
      <mark
        className={classes.join(' ')}
        data-highlight-id={h.id}
        data-color={h.color}
        title={highlightLabel(h.color, h.note)}
        aria-describedby={highlightDescriptionId(h.color, h.note)}
        tabIndex={first ? 0 : undefined}
      >
        {node}
      </mark>
    )
  }
  return <Fragment key={segment.start}>{node}</Fragment>
}

interface BlockTextProps {
  block: Block
  entry: BlockHighlights
  /** The flashing highlight's id when it is drawn in this block, else null. */
  flashId: string | null
}

const BlockText = memo(function BlockText({ block, entry, flashId }: BlockTextProps) {
  const ctx: TextContext = { flashId, seen: new Set(entry.continued), ids: new Set() }
  return <>{splitBlock(block, entry.highlights).map((segment) => renderSegment(segment, ctx))}</>
})

/** One table; each cell is rendered as its own slice of the block (see the header). */
const TableText = memo(function TableText({ block, entry, flashId }: BlockTextProps) {
  const ctx: TextContext = { flashId, seen: new Set(entry.continued), ids: new Set() }
  const [head, ...body] = tableRows(block)
  const align = (column: number) => {
    const a = block.align?.[column]
    return a && a !== 'none' ? a : undefined
  }
  const cells = (row: Block[], Cell: 'th' | 'td') =>
    row.map((cell, c) => (
      <Cell key={c} style={{ textAlign: align(c) }} scope={Cell === 'th' ? 'col' : undefined}>
        <span className="block-text" dir="auto" data-start={cell.start}>
          {splitBlock(cell, entry.highlights).map((segment) => renderSegment(segment, ctx))}
        </span>
      </Cell>
    ))
  return (
    <table>
      {head && (
        <thead>
          <tr>{cells(head, 'th')}</tr>
        </thead>
      )}
      <tbody>
        {body.map((row, r) => (
          <tr key={r}>{cells(row, 'td')}</tr>
        ))}
      </tbody>
    </table>
  )
})

function renderText(block: Block, ctx: RenderContext): ReactNode {
  const entry = ctx.index.get(block) ?? NO_HIGHLIGHTS
  const flashId = ctx.flashId !== null && entry.highlights.some((h) => h.id === ctx.flashId) ? ctx.flashId : null
  if (block.type === 'table') return <TableText block={block} entry={entry} flashId={flashId} />
  return <BlockText block={block} entry={entry} flashId={flashId} />
}

function renderList(list: ListNode, ctx: RenderContext, key: string | number): ReactNode {
  const items = list.items.map((item) => (
    <li
      key={item.block.start}
      value={list.ordered && item.block.index !== undefined ? item.block.index : undefined}
      className={item.block.checked !== undefined ? 'task-item' : undefined}
    >
      {item.block.checked !== undefined && <input type="checkbox" className="task-box" checked={item.block.checked} disabled readOnly aria-label={item.block.checked ? 'Done' : 'Not done'} />}
      <span className="block-text" dir="auto" data-start={item.block.start}>
        {renderText(item.block, ctx)}
      </span>
      {item.children.map((child, i) => renderList(child, ctx, i))}
    </li>
  ))
  return list.ordered ? (
    <ol key={key} start={list.start}>
      {items}
    </ol>
  ) : (
    <ul key={key}>{items}</ul>
  )
}

// Every block takes its direction from its own first strong character (dir="auto"), so
// an Arabic or Hebrew paragraph lays out right to left inside an English article and
// the other way round; code stays left to right as written.
function renderNode(node: BodyNode, ctx: RenderContext, key: string | number): ReactNode {
  switch (node.kind) {
    case 'rule':
      return <hr key={key} />
    case 'list':
      return renderList(node, ctx, key)
    case 'quote':
      return <blockquote key={key}>{node.children.map((child, i) => renderNode(child, ctx, i))}</blockquote>
    case 'block':
      return node.block.footnote === undefined ? renderBlock(node.block, ctx, key) : renderFootnote(node.block, ctx, key)
  }
}

/** A footnote definition as GitHub shows it: its number, its text, a link back to the first reference. */
function renderFootnote(block: Block, ctx: RenderContext, key: string | number): ReactNode {
  const n = block.footnote!
  const back = ctx.referenced.has(n) ? footnoteElementId(`fnref-${n}`) : null
  return (
    <div key={key} className="footnote" id={footnoteElementId(`fn-${n}`)} tabIndex={-1} role="note" aria-label={`Footnote ${n}`}>
      <span className="footnote-number" aria-hidden="true">
        {n}.
      </span>
      <div className="footnote-text">{renderBlock(block, ctx, 0)}</div>
      {back && (
        <a href={`#${back}`} data-jump={back} className="footnote-back" aria-label={`Back to reference ${n}`}>
          ↩
        </a>
      )}
    </div>
  )
}

function renderBlock(block: Block, ctx: RenderContext, key: string | number): ReactNode {
  const text = renderText(block, ctx)
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, block.level ?? 2))
      return createElement(`h${level}`, { key, dir: 'auto', 'data-start': block.start }, text)
    }
    case 'code':
      return (
        <pre key={key} data-start={block.start}>
          <code>{text}</code>
        </pre>
      )
    case 'table':
      // The wrapper scrolls sideways so a wide table never widens the column of text.
      return (
        <div key={key} className="table-scroll" tabIndex={0} role="region" aria-label="Table">
          {text}
        </div>
      )
    default:
      // Paragraphs, and quote/list blocks met outside a group.
      return (
        <p key={key} dir="auto" data-start={block.start}>
          {text}
        </p>
      )
  }
}

function referencedFootnotes(blocks: readonly Block[]): Set<number> {
  const numbers = new Set<number>()
  for (const block of blocks) for (const mark of block.marks) if (mark.type === 'footnote' && mark.id) numbers.add(Number(mark.id.slice('fnref-'.length)))
  return numbers
}

/** A click on a footnote reference or back-link: scroll its target into view and focus it. */
function jumpToFootnote(event: MouseEvent): boolean {
  const link = (event.target as Element | null)?.closest<HTMLElement>('a[data-jump]')
  if (!link) return false
  event.preventDefault()
  const target = link.ownerDocument.getElementById(link.dataset.jump!)
  if (target) {
    target.scrollIntoView({ block: 'center' })
    target.focus({ preventScroll: true })
  }
  return true
}

function highlightTarget(event: MouseEvent | KeyboardEvent): HTMLElement | null {
  const target = event.target as Element | null
  return target?.closest<HTMLElement>('mark[data-highlight-id]') ?? null
}

export const ArticleBody = memo(function ArticleBody({ blocks, highlights, flashId = null, onActivateHighlight, bodyRef }: ArticleBodyProps) {
  const layout = useMemo(() => layoutBody(blocks), [blocks])
  // The previous index lets unchanged blocks keep their entries (and skip re-rendering).
  const previous = useRef<Map<Block, BlockHighlights> | undefined>(undefined)
  const index = useMemo(() => indexBlockHighlights(blocks, highlights, previous.current), [blocks, highlights])
  previous.current = index
  const referenced = useMemo(() => referencedFootnotes(blocks), [blocks])
  const ctx: RenderContext = { index, flashId, referenced }

  const onClick = (event: MouseEvent) => {
    if (jumpToFootnote(event)) return
    const mark = highlightTarget(event)
    if (!mark || !onActivateHighlight) return
    // A click on a link inside a highlight follows the link; the end of a drag-select
    // is a selection, not a request to edit.
    if ((event.target as Element).closest('a')) return
    const selection = window.getSelection()
    if (selection && !selection.isCollapsed) return
    onActivateHighlight(mark.dataset.highlightId!, mark)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    const mark = highlightTarget(event)
    if (!mark || mark !== event.target || !onActivateHighlight) return
    event.preventDefault()
    onActivateHighlight(mark.dataset.highlightId!, mark)
  }

  return (
    <>
      {/* Focusable, so the keyboard can reach and scroll the text and select in it (s, p, Shift+arrows). */}
      <div className="article-body" data-testid="article-body" ref={bodyRef} tabIndex={0} onClick={onClick} onKeyDown={onKeyDown}>
        {layout.map((node, i) => renderNode(node, ctx, node.kind === 'block' ? node.block.start : `g${i}`))}
      </div>
      <HighlightDescriptions />
    </>
  )
})
