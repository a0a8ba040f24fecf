// The article body, rendered from blocks. Text only ever enters the DOM as React text
// nodes (never as HTML), so markup inside an article shows as literal characters.
// Every block element carries data-start (its offset in article.text) and holds exactly
// the block's text; text-offsets.ts relies on both.
import { createElement, Fragment, memo, useMemo, useRef, type KeyboardEvent, type MouseEvent, type ReactNode, type Ref } from 'react'
import type { Block, Highlight, Mark } from '../../../../shared/model'
import { bodyLinkUrl } from '../../components/safe-url'
import { COLORS, highlightLabel } from '../highlights/colors'
import { indexBlockHighlights, NO_HIGHLIGHTS, type BlockHighlights } from './block-highlights'
import { layoutBody, type BodyNode, type ListNode } from './body-layout'
import { splitBlock, type Segment } from './segments'

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
}

interface RenderContext {
  index: ReadonlyMap<Block, BlockHighlights>
  flashId: string | null
}

function wrapMark(mark: Mark, children: ReactNode): ReactNode {
  switch (mark.type) {
    case 'emphasis':
      return <em>{children}</em>
    case 'strong':
      return <strong>{children}</strong>
    case 'code':
      return <code>{children}</code>
    case 'strike':
      return <s>{children}</s>
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

function renderSegment(segment: Segment, ctx: TextContext): ReactNode {
  let node: ReactNode = segment.text
  for (let i = segment.marks.length - 1; i >= 0; i--) node = wrapMark(segment.marks[i], node)
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
  const ctx: TextContext = { flashId, seen: new Set(entry.continued) }
  return <>{splitBlock(block, entry.highlights).map((segment) => renderSegment(segment, ctx))}</>
})

function renderText(block: Block, ctx: RenderContext): ReactNode {
  const entry = ctx.index.get(block) ?? NO_HIGHLIGHTS
  const flashId = ctx.flashId !== null && entry.highlights.some((h) => h.id === ctx.flashId) ? ctx.flashId : null
  return <BlockText block={block} entry={entry} flashId={flashId} />
}

function renderList(list: ListNode, ctx: RenderContext, key: string | number): ReactNode {
  const items = list.items.map((item) => (
    <li key={item.block.start} value={list.ordered && item.block.index !== undefined ? item.block.index : undefined}>
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
    case 'list':
      return renderList(node, ctx, key)
    case 'quote':
      return <blockquote key={key}>{node.children.map((child, i) => renderNode(child, ctx, i))}</blockquote>
    case 'block': {
      const { block } = node
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
        default:
          // Paragraphs, and quote/list blocks met outside a group.
          return (
            <p key={key} dir="auto" data-start={block.start}>
              {text}
            </p>
          )
      }
    }
  }
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
  const ctx: RenderContext = { index, flashId }

  const onClick = (event: MouseEvent) => {
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
