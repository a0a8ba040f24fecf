// Which blocks the reader shows. Many Markdown files repeat the title as their first
// heading; the article header already shows it, so the copy is left out, unless a
// highlight sits on it (a highlight must always be visible where it was made).
import type { Block, Highlight } from '../../../../shared/model'

const normalise = (s: string): string => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()

export function displayBlocks(blocks: readonly Block[], title: string, highlights: readonly Highlight[]): readonly Block[] {
  const first = blocks[0]
  if (!first || first.type !== 'heading' || normalise(first.text) !== normalise(title)) return blocks
  const end = first.start + first.text.length
  const touched = highlights.some((h) => h.anchor !== null && h.anchor.start < end && h.anchor.end > first.start)
  return touched ? blocks : blocks.slice(1)
}
