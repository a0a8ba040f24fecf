// Which blocks the reader shows. Many Markdown files repeat the title as their first
// heading; the article header already shows it, so the copy is left out, unless a
// highlight sits on it (a highlight must always be visible where it was made).
import type { Block, Highlight } from '../../../../shared/model'

const normalise = (s: string): string => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()

/** Whether the first block is a copy of the title that the reader leaves out. */
export function hidesTitleBlock(blocks: readonly Block[], title: string, highlights: readonly Highlight[]): boolean {
  const first = blocks[0]
  if (!first || first.type !== 'heading' || normalise(first.text) !== normalise(title)) return false
  const end = first.start + first.text.length
  return !highlights.some((h) => h.anchor !== null && h.anchor.start < end && h.anchor.end > first.start)
}

export function displayBlocks(blocks: readonly Block[], title: string, highlights: readonly Highlight[]): readonly Block[] {
  return hidesTitleBlock(blocks, title, highlights) ? blocks.slice(1) : blocks
}
