// Seeded synthetic prose for search benchmarks: a Zipf-distributed vocabulary of
// common English words plus generated rarer words, so term statistics look like news.
import { seededRandom } from '../../tests/fixtures/seeded-random'

const COMMON = `the of and to in a is that for it as was with be by on not he this are or his from at which but have an they
you were her she there one all we their has been would more when if will out so up said what its about into than them can only
other new some could time these two may then first any like now my such make over our even most after also made many before must
through back years where much way well down should because each just those people how too little state good very world still
own see men work long get here between both life being under never day same another know while last might us great old year off
come since against go came right used take three city council harbour library river market school hospital government minister
report study researchers scientists climate energy water coastal village festival museum archive election budget railway bridge
farmers fishing storm winter summer island mountain forest garden reading readers books newspaper journalist policy court judge
police teachers students children parents doctors nurses patients workers company companies prices housing rent transport
ferry airport tourism music theatre film painting history century ancient discovery survey data network software privacy`.split(/\s+/)

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tor', 'sal', 'vi', 'dun', 'pe', 'ra', 'ost', 'bel', 'ny', 'qua', 'sten', 'har', 'lim', 'gro', 'fe', 'zan', 'ul', 'wick', 'mar', 'tion']

export { seededRandom }

export interface TextGenerator {
  word(): string
  sentence(): string
  paragraph(): string
  /** Paragraphs until about `chars` characters. */
  body(chars: number): string[]
  title(): string
  vocabulary: string[]
}

export function textGenerator(seed: number, rareWords = 20_000): TextGenerator {
  const random = seededRandom(seed)
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]
  const rare: string[] = []
  const seen = new Set(COMMON)
  while (rare.length < rareWords) {
    const parts = 2 + Math.floor(random() * 3)
    let word = ''
    for (let i = 0; i < parts; i++) word += pick(SYLLABLES)
    if (!seen.has(word)) {
      seen.add(word)
      rare.push(word)
    }
  }
  const vocabulary = [...COMMON, ...rare]
  // Zipf: rank r drawn with probability ∝ 1/r, by inverting the harmonic CDF approximately.
  const n = vocabulary.length
  const word = (): string => {
    const r = Math.floor(Math.exp(random() * Math.log(n + 1))) - 1
    return vocabulary[Math.min(n - 1, Math.max(0, r))]
  }
  const sentence = (): string => {
    const length = 6 + Math.floor(random() * 18)
    const words: string[] = []
    for (let i = 0; i < length; i++) words.push(word())
    const text = words.join(' ')
    return text[0].toUpperCase() + text.slice(1) + (random() < 0.1 ? '?' : '.')
  }
  const paragraph = (): string => {
    const count = 2 + Math.floor(random() * 5)
    return Array.from({ length: count }, sentence).join(' ')
  }
  const body = (chars: number): string[] => {
    const paragraphs: string[] = []
    let total = 0
    while (total < chars) {
      const p = paragraph()
      paragraphs.push(p)
      total += p.length + 2
    }
    return paragraphs
  }
  const title = (): string => {
    const length = 4 + Math.floor(random() * 6)
    const words = Array.from({ length }, word)
    return words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ')
  }
  return { word, sentence, paragraph, body, title, vocabulary }
}
