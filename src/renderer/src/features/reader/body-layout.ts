// Turns the flat block list from the main process into the nesting HTML needs:
// consecutive list items become <ul>/<ol> trees (by depth), consecutive quote blocks
// become <blockquote> trees. Every block stays a leaf so its text offsets stay simple.
// A block with `ruleBefore` ends the group it would join and gets a rule node before
// it; a footnote definition's first block stands alone (it carries the footnote's id).
import type { Block } from '../../../../shared/model'

export interface ListItemNode {
  block: Block
  children: ListNode[]
}
export interface ListNode {
  kind: 'list'
  ordered: boolean
  /** Number of the first item for ordered lists. */
  start: number
  items: ListItemNode[]
}
export interface QuoteNode {
  kind: 'quote'
  children: Array<BlockNode | QuoteNode>
}
export interface BlockNode {
  kind: 'block'
  block: Block
}
export interface RuleNode {
  kind: 'rule'
}
export type BodyNode = BlockNode | ListNode | QuoteNode | RuleNode

/** The block must not join the list or quote before it. */
const startsAfresh = (b: Block): boolean => b.ruleBefore === true || b.footnote !== undefined

const depthOf = (b: Block): number => b.depth ?? 0

function parseList(blocks: readonly Block[], from: number): { node: ListNode; next: number } {
  const first = blocks[from]
  const depth = depthOf(first)
  const node: ListNode = { kind: 'list', ordered: first.ordered === true, start: first.index ?? 1, items: [] }
  let i = from
  while (i < blocks.length && blocks[i].type === 'listItem') {
    const block = blocks[i]
    const d = depthOf(block)
    if (d < depth || (i !== from && startsAfresh(block))) break
    if (d === depth) {
      // A switch between bullets and numbers at the same depth starts a new list.
      if ((block.ordered === true) !== node.ordered) break
      node.items.push({ block, children: [] })
      i++
    } else if (node.items.length > 0) {
      const nested = parseList(blocks, i)
      node.items[node.items.length - 1].children.push(nested.node)
      i = nested.next
    } else {
      break
    }
  }
  return { node, next: i }
}

function parseQuote(blocks: readonly Block[], from: number): { node: QuoteNode; next: number } {
  const depth = depthOf(blocks[from])
  const node: QuoteNode = { kind: 'quote', children: [] }
  let i = from
  while (i < blocks.length && blocks[i].type === 'quote') {
    const d = depthOf(blocks[i])
    if (d < depth || (i !== from && startsAfresh(blocks[i]))) break
    if (d === depth) {
      node.children.push({ kind: 'block', block: blocks[i] })
      i++
    } else {
      const nested = parseQuote(blocks, i)
      node.children.push(nested.node)
      i = nested.next
    }
  }
  return { node, next: i }
}

export function layoutBody(blocks: readonly Block[]): BodyNode[] {
  const nodes: BodyNode[] = []
  let i = 0
  while (i < blocks.length) {
    const block = blocks[i]
    if (block.ruleBefore) nodes.push({ kind: 'rule' })
    if (block.footnote !== undefined) {
      nodes.push({ kind: 'block', block })
      i++
    } else if (block.type === 'listItem') {
      const { node, next } = parseList(blocks, i)
      nodes.push(node)
      i = next
    } else if (block.type === 'quote') {
      const { node, next } = parseQuote(blocks, i)
      nodes.push(node)
      i = next
    } else {
      nodes.push({ kind: 'block', block })
      i++
    }
  }
  return nodes
}
