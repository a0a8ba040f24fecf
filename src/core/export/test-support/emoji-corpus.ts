// A corpus whose text is full of characters that JavaScript stores as two UTF-16 code
// units (emoji, astral CJK) next to ones it stores as one (CJK in the BMP, combining
// marks), with highlights made through the real LibrarySession: for checking that
// every exported position counts Unicode code points. All text is our own.
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { makeTempDir, removeDir, writeCorpus } from '../../../../tests/fixtures/corpus-builder'
import type { HighlightColor } from '../../../shared/model'
import { openCorpus } from '../open-corpus'
import { steppingClock, type AnnotatedCorpus } from './annotated-corpus'

export const TIDE_TITLE = 'Tide Diary 🌊 from the Harbour'
export const TIDE_URL = 'https://tides.example/diary/harbour-2024'
export const MARKET_TITLE = 'Night Market Notes 夜市'

const TIDE_PARAGRAPHS = [
  'Monday 🌊: the harbour master posted the tide table at dawn, and the gulls 🐦 arrived before the boats did.',
  'By noon the water had climbed the third step 🪜 of the old quay, and the café owner moved her chairs 🪑🪑 indoors.',
  'A child asked whether the sea 🌊🌊 was angry; her grandfather said the sea is never angry, only punctual ⏰.',
  'The lifeboat crew 👩‍🚒👨‍🚒 ran their drill at four, as they do every Monday, whatever the weather 🌧️ says.',
  'On Tuesday the fog 🌫️ came in so thick that the lighthouse 🗼 sounded its horn for six hours straight.',
  'Fishermen compared their catches 🐟🦀 on the slipway and argued, politely, about the price of diesel ⛽.',
  'The tide gauge read 4.2 m at 17:40 📈, the highest this year, and nobody was surprised.'
]
const MARKET_PARAGRAPHS = [
  '夜市在七点开门 🏮，第一家摊位卖的是烤红薯 🍠，香味飘到街口。',
  'The noodle stall 🍜 has a sign that says “café au lait” with a proper accent: cafe\u0301 — typed with a combining mark.',
  'Rare characters like 𠀀 and 𠀁 sit in the menu next to emoji 🥟🥢, which makes every position past them shift.',
  'By midnight the last vendor 👵🏽 folds her table, counts her coins 🪙, and walks home along the canal.'
]

/** The quotes highlighted, per article, in the order they are made. */
export const EMOJI_MARKS: { title: string; quote: string; color: HighlightColor; note?: string; last?: boolean }[] = [
  { title: TIDE_TITLE, quote: 'the gulls 🐦 arrived before the boats did', color: 'yellow', note: 'Birds first 🐦 — always.' },
  { title: TIDE_TITLE, quote: 'the third step 🪜 of the old quay', color: 'blue' },
  { title: TIDE_TITLE, quote: 'moved her chairs 🪑🪑 indoors', color: 'green' },
  { title: TIDE_TITLE, quote: 'the sea 🌊🌊 was angry', color: 'pink', note: 'Compare 🌊 with the opening line.' },
  { title: TIDE_TITLE, quote: 'only punctual ⏰', color: 'yellow' },
  { title: TIDE_TITLE, quote: 'The lifeboat crew 👩‍🚒👨‍🚒 ran their drill', color: 'blue' },
  { title: TIDE_TITLE, quote: 'whatever the weather 🌧️ says', color: 'green' },
  { title: TIDE_TITLE, quote: 'the fog 🌫️ came in so thick', color: 'pink' },
  { title: TIDE_TITLE, quote: 'the lighthouse 🗼 sounded its horn', color: 'yellow' },
  { title: TIDE_TITLE, quote: 'compared their catches 🐟🦀', color: 'blue' },
  { title: TIDE_TITLE, quote: 'the price of diesel ⛽', color: 'green' },
  { title: TIDE_TITLE, quote: '4.2 m at 17:40 📈', color: 'pink', note: 'The record.' },
  { title: TIDE_TITLE, quote: 'nobody was surprised', color: 'yellow' },
  // "the sea" occurs twice in its paragraph: this is the second, which only the context tells apart.
  { title: TIDE_TITLE, quote: 'the sea', color: 'blue', last: true },
  { title: MARKET_TITLE, quote: '夜市在七点开门 🏮', color: 'yellow', note: 'Opening time.' },
  { title: MARKET_TITLE, quote: '烤红薯 🍠', color: 'green' },
  { title: MARKET_TITLE, quote: 'The noodle stall 🍜', color: 'blue' },
  { title: MARKET_TITLE, quote: 'cafe\u0301', color: 'pink', note: 'A combining acute accent.' },
  { title: MARKET_TITLE, quote: '𠀀 and 𠀁', color: 'yellow' },
  { title: MARKET_TITLE, quote: 'emoji 🥟🥢', color: 'green' },
  { title: MARKET_TITLE, quote: 'every position past them shift', color: 'blue' },
  { title: MARKET_TITLE, quote: 'the last vendor 👵🏽 folds her table', color: 'pink' },
  { title: MARKET_TITLE, quote: 'counts her coins 🪙', color: 'yellow' },
  { title: MARKET_TITLE, quote: 'walks home along the canal', color: 'green', note: 'Ends quietly.' }
]

export async function writeEmojiCorpus(root: string): Promise<void> {
  await writeCorpus(root, {
    'tide-diary.md': ['---', `title: "${TIDE_TITLE}"`, 'published: 2024-02-05', `url: ${TIDE_URL}`, 'author: Ines Varga', '---', '', ...TIDE_PARAGRAPHS.flatMap((p) => [p, ''])].join('\n'),
    'night-market.md': ['---', `title: "${MARKET_TITLE}"`, 'published: 2024-03-09', '---', '', ...MARKET_PARAGRAPHS.flatMap((p) => [p, ''])].join('\n')
  })
}

/** The corpus with every mark made and a note on the tide diary. */
export async function makeEmojiCorpus(): Promise<AnnotatedCorpus> {
  const base = await makeTempDir('gloss-emoji-')
  const root = path.join(base, 'corpora', 'Harbour')
  const dataDir = path.join(base, 'data')
  await mkdir(root, { recursive: true })
  await writeEmojiCorpus(root)
  const { session, close } = await openCorpus(root, dataDir, steppingClock())
  try {
    const idOf = (title: string) => {
      const found = session.scan.articles.find((a) => a.title === title)
      if (!found) throw new Error(`no article titled ${title}`)
      return found.id
    }
    for (const mark of EMOJI_MARKS) {
      const id = idOf(mark.title)
      const text = session.getArticle(id).text
      const start = mark.last ? text.lastIndexOf(mark.quote) : text.indexOf(mark.quote)
      if (start < 0) throw new Error(`"${mark.quote}" is not in ${mark.title}`)
      session.createHighlight({ articleId: id, start, end: start + mark.quote.length, color: mark.color, note: mark.note })
    }
    session.setArticleNote(idOf(TIDE_TITLE), 'A week of tides 🌊, kept for the **coastal** chapter.')
  } finally {
    await close()
  }
  return { base, root, dataDir, cleanup: () => removeDir(base) }
}
