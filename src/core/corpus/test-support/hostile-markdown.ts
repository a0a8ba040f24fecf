// Markdown shaped to make a parser work far harder than the file's size suggests: the
// shapes the hostile-folder review found freezing the main process (tens of seconds to
// minutes each, on files well under the size limit). Generated, not stored: the unit
// tests and the fault-injection suite (scripts/faults) build them the same way.

export interface HostileShape {
  name: string
  /** What the review measured on the main thread before parsing moved to a worker. */
  before: string
  markdown: () => string
}

const PROSE = [
  'The archive kept its letters in shoeboxes, each labelled in a different hand.',
  'Nobody on the committee had read the report before the vote, and it showed.',
  'By the third week the river had dropped far enough to show the old ferry landing.',
  'She annotated the margins in pencil, then erased whatever she later disagreed with.'
]

/** Ordinary paragraphs, about `bytes` long: the cost of plain reading at scale. */
export function prose(bytes: number): string {
  const parts: string[] = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const paragraph = `${PROSE[i % PROSE.length]} ${PROSE[(i + 1) % PROSE.length]} (${i})`
    parts.push(paragraph)
    size += paragraph.length + 2
  }
  return parts.join('\n\n')
}

export const HOSTILE_SHAPES: HostileShape[] = [
  {
    name: '1,000 indented list levels',
    before: '44 s',
    markdown: () => Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n')
  },
  { name: '50,000 nested [', before: '35 s', markdown: () => '['.repeat(50_000) + 'a' + ']'.repeat(50_000) },
  { name: '50,000 nested *a', before: 'over 150 s', markdown: () => '*a '.repeat(50_000) },
  {
    // One quote holding a list of 20,000 items: no line nests deeply (the one-line guard
    // sees nothing), but the parser's work grows with the square of the lines.
    name: '20,000 lines of nested > -',
    before: 'over 150 s',
    markdown: () => Array.from({ length: 20_000 }, (_, i) => `> - line ${i}`).join('\n')
  },
  {
    name: 'backtick runs of growing length',
    before: '52 s',
    markdown: () => Array.from({ length: 1_950 }, (_, i) => '`'.repeat(i + 1)).join(' a ')
  }
]
