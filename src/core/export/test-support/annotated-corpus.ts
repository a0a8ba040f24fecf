// A corpus on disk with highlights and notes made through the real LibrarySession, for
// the export, import and CLI tests. All text is our own; the special-characters article
// carries text that means something to Markdown, YAML, CSV, Mustache and HTML.
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { makeTempDir, removeDir, seedStylePair, writeCorpus } from '../../../../tests/fixtures/corpus-builder'
import { SPECIAL_TEXTS } from '../../../shared/export/test-support/special-texts'
import type { HighlightColor } from '../../../shared/model'
import { openCorpus } from '../open-corpus'

/** A clock that starts at a fixed time and moves one second per reading. */
export function steppingClock(start = '2024-03-01T10:00:00.000Z'): () => Date {
  let t = Date.parse(start)
  return () => new Date((t += 1000))
}

export const FIXED_EXPORT_TIME = new Date('2024-06-01T09:30:00.000Z')

/** Single-line special texts (a plain-text paragraph cannot start or end with blank lines). */
export const SPECIAL_QUOTES = SPECIAL_TEXTS.map((t) => t.replace(/\r\n?|\n/g, ' ').replace(/\s+/g, ' ').trim()).filter(
  (t, i, all) => t !== '' && all.indexOf(t) === i && !/^[-*+#>]|^\d+[.)]|^---$|^\t/.test(t)
)

export interface AnnotatedCorpus {
  /** Temp folder holding everything; removed by cleanup. */
  base: string
  /** The corpus folder (named "Clippings"). */
  root: string
  dataDir: string
  cleanup(): Promise<void>
}

export const RIVER_TITLE = 'Rivers Keep Their Own Calendar'
export const LIGHTHOUSE_TITLE = 'The Last Lighthouse Keeper'
export const SPECIAL_TITLE = 'Signs: "Quotes", | pipes | & {{braces}}'
export const UNTOUCHED_TITLE = 'An Article Nobody Marked'

export async function writeExampleCorpus(root: string): Promise<void> {
  const pair = seedStylePair({
    title: LIGHTHOUSE_TITLE,
    folder: 'news',
    published: '2022-04-09T06:30:00Z',
    url: 'https://www.example.com/2022/4/9/last-lighthouse-keeper',
    provider: { name: 'Coastal Weekly', domain: 'example.com' },
    topics: ['Coast', 'Work Life'],
    paragraphs: [
      'The lamp has not needed a keeper since the automation of 1998, but Mara still climbs the stairs every evening.',
      'She logs the weather in a ledger that nobody reads: wind, swell, and the colour of the sky at six.',
      'When the log ends, she says, the coast will have forgotten itself.'
    ]
  })
  await writeCorpus(root, {
    ...pair.files,
    'rivers.md': [
      '---',
      `title: "${RIVER_TITLE}"`,
      'published: 2023-05-02',
      'url: https://rivers.example/calendar',
      'site: The River Desk',
      'tags: [Water, Seasons]',
      '---',
      '',
      'Every river keeps a calendar of its own, written in silt and driftwood.',
      '',
      'In spring the meltwater arrives first as a rumour, then as a *flood*.',
      '',
      'Farmers on the lower plain read the banks the way sailors read clouds.',
      ''
    ].join('\n'),
    'special.txt': [SPECIAL_TITLE, '', ...SPECIAL_QUOTES.flatMap((q) => [q, ''])].join('\n'),
    'untouched.md': `# ${UNTOUCHED_TITLE}\n\nNobody highlighted anything here.\n`
  })
}

/** Builds the corpus and annotates it: returns the folders. */
export async function makeAnnotatedCorpus(): Promise<AnnotatedCorpus> {
  const base = await makeTempDir('gloss-export-')
  const root = path.join(base, 'corpora', 'Clippings')
  const dataDir = path.join(base, 'data')
  await mkdir(root, { recursive: true })
  await writeExampleCorpus(root)
  await annotate(root, dataDir)
  return { base, root, dataDir, cleanup: () => removeDir(base) }
}

interface Mark {
  title: string
  quote: string
  color: HighlightColor
  note?: string
}

const MARKS: Mark[] = [
  { title: RIVER_TITLE, quote: 'written in silt and driftwood', color: 'yellow', note: 'Lovely image. Compare with the *tide tables* chapter.' },
  { title: RIVER_TITLE, quote: 'read the banks the way sailors read clouds', color: 'blue' },
  { title: LIGHTHOUSE_TITLE, quote: 'She logs the weather in a ledger that nobody reads', color: 'green', note: 'Ask Mara for a page of the ledger.\n\n- wind\n- swell' },
  { title: LIGHTHOUSE_TITLE, quote: 'the coast will have forgotten itself', color: 'pink', note: '' }
]

async function annotate(root: string, dataDir: string): Promise<void> {
  const { session, close } = await openCorpus(root, dataDir, steppingClock())
  try {
    const byTitle = (title: string) => {
      const found = session.scan.articles.find((a) => a.title === title)
      if (!found) throw new Error(`no article titled ${title}`)
      return found.id
    }
    const mark = ({ title, quote, color, note }: Mark) => {
      const id = byTitle(title)
      const text = session.getArticle(id).text
      const start = text.indexOf(quote)
      if (start < 0) throw new Error(`"${quote}" is not in ${title}`)
      session.createHighlight({ articleId: id, start, end: start + quote.length, color, note })
    }
    MARKS.forEach(mark)
    SPECIAL_QUOTES.forEach((quote, i) =>
      mark({ title: SPECIAL_TITLE, quote, color: (['yellow', 'green', 'blue', 'pink'] as const)[i % 4], note: SPECIAL_TEXTS[i % SPECIAL_TEXTS.length] })
    )
    session.setArticleNote(byTitle(RIVER_TITLE), 'Read for the **seasons** essay.\n\n<!-- gloss:end -->\n\n---\n\nkey: value')
    session.setArticleNote(byTitle(SPECIAL_TITLE), SPECIAL_TEXTS.join('\n\n'))
  } finally {
    await close()
  }
}
