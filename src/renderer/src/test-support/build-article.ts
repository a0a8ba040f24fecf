// Builds articles the way the main process does: blocks joined by "\n\n", each block
// knowing its offset. Used by component tests only.
import type { Article, Block, Highlight, HighlightColor } from '../../../shared/model'

export type BlockSpec = Omit<Block, 'start' | 'marks'> & { marks?: Block['marks'] }

export function buildBlocks(specs: readonly BlockSpec[]): { blocks: Block[]; text: string } {
  const blocks: Block[] = []
  let offset = 0
  for (const spec of specs) {
    blocks.push({ ...spec, marks: spec.marks ?? [], start: offset })
    offset += spec.text.length + 2
  }
  return { blocks, text: blocks.map((b) => b.text).join('\n\n') }
}

export function buildArticle(id: string, specs: readonly BlockSpec[], extra: Partial<Article> = {}): Article {
  const { blocks, text } = buildBlocks(specs)
  return {
    id,
    title: `Article ${id}`,
    published: null,
    source: null,
    sourceUrl: null,
    topics: [],
    excerpt: null,
    author: null,
    files: [`${id}.md`],
    words: text.split(/\s+/).filter(Boolean).length,
    highlightCount: 0,
    tags: [],
    progress: null,
    encodingNote: null,
    text,
    blocks,
    highlights: [],
    note: '',
    progressOffset: null,
    ...extra
  }
}

let counter = 0

/** A placed highlight over [start, end) of `text`. */
export function buildHighlight(
  articleId: string,
  text: string,
  start: number,
  end: number,
  color: HighlightColor = 'yellow',
  extra: Partial<Highlight> = {}
): Highlight {
  counter++
  const stamp = new Date(Date.UTC(2024, 0, 1, 0, 0, counter)).toISOString()
  return {
    id: `h${counter}`,
    articleId,
    color,
    note: '',
    quote: { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
    position: { type: 'TextPositionSelector', start, end },
    createdAt: stamp,
    tags: [],
    updatedAt: stamp,
    anchor: { start, end },
    ...extra
  }
}
