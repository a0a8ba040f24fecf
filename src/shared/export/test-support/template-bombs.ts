// Templates built to exhaust whatever renders them: the shapes the hostile-input review
// found (a stack overflow, 11 s then "Invalid string length"). Used by the template
// budget tests and the fault-injection suite (scripts/faults).
import { orderHighlights, type ExportArticle } from '../export-model'
import { riverArticle } from './fixtures'

export interface TemplateBomb {
  name: string
  before: string
  template: string
}

const nested = (name: string, depth: number, inner: string): string => `{{#${name}}}`.repeat(depth) + inner + `{{/${name}}}`.repeat(depth)

export const TEMPLATE_BOMBS: TemplateBomb[] = [
  // A short section name, so that the template stays under the length limit (100,000).
  { name: '4,999 nested sections', before: 'stack overflow', template: nested('note', 4_999, '{{note}}') },
  { name: 'five nested {{#highlights}} over 30 highlights', before: '11 s, then "Invalid string length"', template: nested('highlights', 5, '{{quote_raw}}\n') }
]

/** The river article with `count` highlights (copies of its first, each with its own id). */
export function articleWithHighlights(count: number): ExportArticle {
  const first = riverArticle.highlights[0]
  return {
    ...riverArticle,
    highlightCount: count,
    highlights: orderHighlights(Array.from({ length: count }, (_, i) => { const { blockId: _blockId, ...draft } = first; return { ...draft, id: `${first.id}-${i}`, quote: `${first.quote} (${i})` } }))
  }
}
