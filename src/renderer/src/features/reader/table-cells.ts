// A table block's text cut into its cells (rows by '\n', cells by '\t', as
// core/corpus/blocks.ts writes them). Each cell is a Block of its own with its offset
// in the article text and the marks that fall inside it, so the reader renders a cell
// exactly like any block and text-offsets.ts finds the cell by its data-start.
import type { Block } from '../../../../shared/model'

export function tableRows(block: Block): Block[][] {
  const rows: Block[][] = []
  let offset = 0
  for (const line of block.text.split('\n')) {
    const row: Block[] = []
    for (const text of line.split('\t')) {
      const start = offset
      const end = start + text.length
      const marks = block.marks
        .filter((m) => m.start < end && m.end > start)
        .map((m) => ({ ...m, start: Math.max(m.start, start) - start, end: Math.min(m.end, end) - start }))
      row.push({ type: 'paragraph', start: block.start + start, text, marks })
      offset = end + 1
    }
    rows.push(row)
  }
  return rows
}
