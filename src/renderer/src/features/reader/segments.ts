// Splits one block's text into runs that share the same inline marks and highlights,
// so each run can be rendered as plain React text wrapped in the right elements.
// Highlights arrive with offsets in the article text; marks with offsets in the block.
import type { Block, Highlight, Mark } from '../../../../shared/model'

export interface Segment {
  /** Offsets relative to the block's own text. */
  start: number
  end: number
  text: string
  /** Outermost first. */
  marks: Mark[]
  /** Outermost first: longer highlights enclose shorter ones, so a click lands on the most specific. */
  highlights: Highlight[]
}

export type PlacedHighlight = Highlight & { anchor: { start: number; end: number } }

export const isPlaced = (h: Highlight): h is PlacedHighlight => h.anchor !== null

interface Span<T> {
  item: T
  start: number
  end: number
}

const clip = (value: number, length: number): number => Math.max(0, Math.min(length, value))

function byOuterFirst<T>(a: Span<T>, b: Span<T>): number {
  return a.start - b.start || b.end - a.end
}

export function splitBlock(block: Block, highlights: readonly Highlight[]): Segment[] {
  const length = block.text.length
  if (length === 0) return []

  const marks: Span<Mark>[] = block.marks
    .map((m) => ({ item: m, start: clip(m.start, length), end: clip(m.end, length) }))
    .filter((s) => s.end > s.start)
    .sort(byOuterFirst)

  const placed: Span<Highlight>[] = highlights
    .filter(isPlaced)
    .map((h) => ({ item: h, start: clip(h.anchor.start - block.start, length), end: clip(h.anchor.end - block.start, length) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => {
      const lengthA = a.item.anchor!.end - a.item.anchor!.start
      const lengthB = b.item.anchor!.end - b.item.anchor!.start
      return lengthB - lengthA || a.item.createdAt.localeCompare(b.item.createdAt) || a.item.id.localeCompare(b.item.id)
    })

  const cuts = new Set<number>([0, length])
  for (const s of [...marks, ...placed]) {
    cuts.add(s.start)
    cuts.add(s.end)
  }
  const points = [...cuts].sort((a, b) => a - b)

  const segments: Segment[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]
    const end = points[i + 1]
    const covers = <T>(s: Span<T>) => s.start <= start && s.end >= end
    segments.push({
      start,
      end,
      text: block.text.slice(start, end),
      marks: marks.filter(covers).map((s) => s.item),
      highlights: placed.filter(covers).map((s) => s.item)
    })
  }
  return segments
}
