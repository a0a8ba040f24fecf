// Maps between DOM positions inside the rendered article body and offsets in
// article.text. Each block element carries `data-start` (its offset in the text) and
// contains exactly the block's text as text nodes, so an offset inside a block is the
// block's start plus the characters before the point; points between blocks snap to
// the next block. Kept free of React so it can be tested on any DOM.

export const BLOCK_SELECTOR = '[data-start]'

export interface DomPoint {
  node: Node
  offset: number
}

export interface TextRange {
  start: number
  end: number
}

const blockStart = (el: Element): number => Number((el as HTMLElement).dataset.start)

function closestBlock(root: Element, node: Node): Element | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement
  const block = el?.closest(BLOCK_SELECTOR) ?? null
  return block && root.contains(block) && block !== root ? block : null
}

function blockElements(root: Element): Element[] {
  return [...root.querySelectorAll(BLOCK_SELECTOR)]
}

function blockEnd(el: Element): number {
  return blockStart(el) + (el.textContent ?? '').length
}

/** Text offset of a DOM point inside `root`, or null when the point is outside it. */
export function textOffsetAt(root: Element, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null
  const doc = root.ownerDocument
  const block = closestBlock(root, node)
  if (block) {
    // Range#toString is the concatenated data of the text nodes it covers: exactly the
    // characters of the block before the point, whatever inline elements wrap them.
    const before = doc.createRange()
    before.setStart(block, 0)
    before.setEnd(node, offset)
    return blockStart(block) + before.toString().length
  }
  const blocks = blockElements(root)
  if (blocks.length === 0) return 0
  const point = doc.createRange()
  point.setStart(node, offset)
  point.collapse(true)
  for (const el of blocks) {
    if (point.comparePoint(el, 0) >= 0) return blockStart(el)
  }
  return blockEnd(blocks[blocks.length - 1])
}

/** DOM point for a text offset; offsets between blocks land at the end of the earlier block. */
export function domPointAt(root: Element, textOffset: number): DomPoint | null {
  const blocks = blockElements(root)
  let block: Element | undefined
  for (const el of blocks) {
    if (blockStart(el) <= textOffset) block = el
    else break
  }
  if (!block) block = blocks[0]
  if (!block) return null
  let remaining = Math.max(0, textOffset - blockStart(block))
  const walker = root.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT)
  let last: Text | null = null
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (remaining <= node.data.length) return { node, offset: remaining }
    remaining -= node.data.length
    last = node
  }
  return last ? { node: last, offset: last.data.length } : { node: block, offset: 0 }
}

/** Shrinks a range so it neither starts nor ends with whitespace; null if nothing is left. */
export function trimRange(text: string, start: number, end: number): TextRange | null {
  let s = Math.max(0, start)
  let e = Math.min(text.length, end)
  while (s < e && /\s/.test(text[s])) s++
  while (e > s && /\s/.test(text[e - 1])) e--
  return e > s ? { start: s, end: e } : null
}

/**
 * The text range a DOM range selects inside `root`, trimmed of surrounding whitespace.
 * A boundary outside the body is clamped to the first or last rendered block (not to
 * the ends of the text: a block may be left out of the display), but at least one
 * boundary must be inside: a selection elsewhere on the page (or select-all) is not ours.
 */
export function selectionToTextRange(root: Element, range: Range, text: string): TextRange | null {
  const start = textOffsetAt(root, range.startContainer, range.startOffset)
  const end = textOffsetAt(root, range.endContainer, range.endOffset)
  if (start === null && end === null) return null
  const blocks = blockElements(root)
  if (blocks.length === 0) return null
  return trimRange(text, start ?? blockStart(blocks[0]), end ?? blockEnd(blocks[blocks.length - 1]))
}
