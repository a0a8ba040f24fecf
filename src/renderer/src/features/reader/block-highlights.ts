// Which highlights each block must draw, computed once per change of the highlight list
// so the body can re-render only the blocks a change touches. Each highlight is placed
// by a binary search over the blocks (sorted by offset) and then walks only the blocks
// it overlaps: O(highlights × log blocks + overlaps), not O(blocks × highlights).
import type { Block, Highlight } from '../../../../shared/model'
import { isPlaced, type PlacedHighlight } from './segments'

export interface BlockHighlights {
  /** Highlights overlapping the block, in the order of the input list. */
  highlights: readonly Highlight[]
  /** Ids of those that already show in an earlier block: they get no tab stop here. */
  continued: readonly string[]
}

export const NO_HIGHLIGHTS: BlockHighlights = Object.freeze({ highlights: Object.freeze([]), continued: Object.freeze([]) })

const blockEnd = (b: Block): number => b.start + b.text.length

/** First index in `order` whose block ends after `offset`. */
function firstEndingAfter(blocks: readonly Block[], order: readonly number[], offset: number): number {
  let low = 0
  let high = order.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (blockEnd(blocks[order[mid]]) > offset) high = mid
    else low = mid + 1
  }
  return low
}

function sameEntry(a: BlockHighlights, b: BlockHighlights): boolean {
  if (a.highlights.length !== b.highlights.length || a.continued.length !== b.continued.length) return false
  for (let i = 0; i < a.highlights.length; i++) if (a.highlights[i] !== b.highlights[i]) return false
  for (let i = 0; i < a.continued.length; i++) if (a.continued[i] !== b.continued[i]) return false
  return true
}

/**
 * One entry per block (same indices as `blocks`). Entries equal to those in `previous`
 * (same highlight objects) are returned as the previous objects, so memoised blocks
 * whose highlights did not change are skipped by React.
 */
export function indexBlockHighlights(
  blocks: readonly Block[],
  highlights: readonly Highlight[],
  previous?: ReadonlyMap<Block, BlockHighlights>
): Map<Block, BlockHighlights> {
  // Blocks arrive in text order; sorting indices keeps this correct if they ever do not.
  const order = blocks.map((_, i) => i).sort((a, b) => blocks[a].start - blocks[b].start)
  const lists: Highlight[][] = blocks.map(() => [])
  const continued: string[][] = blocks.map(() => [])
  const placed: PlacedHighlight[] = highlights.filter(isPlaced)
  for (const h of placed) {
    let shown = false
    for (let k = firstEndingAfter(blocks, order, h.anchor.start); k < order.length; k++) {
      const i = order[k]
      const block = blocks[i]
      if (block.start >= h.anchor.end) break
      // Same overlap rule as splitBlock: an empty overlap draws nothing.
      if (Math.min(h.anchor.end, blockEnd(block)) <= Math.max(h.anchor.start, block.start)) continue
      lists[i].push(h)
      if (shown) continued[i].push(h.id)
      shown = true
    }
  }
  const index = new Map<Block, BlockHighlights>()
  blocks.forEach((block, i) => {
    const entry: BlockHighlights = lists[i].length ? { highlights: lists[i], continued: continued[i] } : NO_HIGHLIGHTS
    const before = previous?.get(block)
    index.set(block, before && sameEntry(before, entry) ? before : entry)
  })
  return index
}
