// Seeded synthetic corpus in the seeds' format, for `npm run bench`: 80% seed-style
// pairs (a metadata-only .txt and a body .txt that share only the title) and 20%
// Markdown files with front matter, ≈ 3 KB of generated text each, spread over
// <year>/<topic>/ folders. Corpora are cached under os.tmpdir() keyed by generator
// version, seed and size, because writing 180,000 files takes minutes; they are never
// written into the repository.
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { seedStylePair } from '../../tests/fixtures/corpus-builder'
import { CLAUSES, CONTENT_WORDS, OBJECTS, PLACES, PROVIDERS, QUOTES, ROLES, SPEAKERS, SUBJECTS, TOPICS, VERBS } from './vocabulary'
import { seededRandom as createRandom } from '../../tests/fixtures/seeded-random'

/** Bump when the generated text changes, so cached corpora are rebuilt. */
const GENERATOR_VERSION = 1
const MARKDOWN_EVERY = 5
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024]

export interface CorpusManifest {
  root: string
  seed: number
  articles: number
  files: number
  bytes: number
  markdown: number
  pairs: number
}

export { createRandom }

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]

function sentence(random: () => number): string {
  const kind = random()
  if (kind < 0.35) return `${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)} ${pick(random, CLAUSES)}.`
  if (kind < 0.5) return `“${pick(random, QUOTES)},” said ${pick(random, SPEAKERS)}, ${pick(random, ROLES)}.`
  if (kind < 0.75) {
    const change = (random() * 40).toFixed(1)
    return `Figures for the ${pick(random, CONTENT_WORDS)} in ${pick(random, PLACES)} ${random() < 0.5 ? 'rose' : 'fell'} by ${change} percent, and the ${pick(random, CONTENT_WORDS)} report expects ${random() < 0.5 ? 'more' : 'less'} of the same next year.`
  }
  return `The ${pick(random, CONTENT_WORDS)} and the ${pick(random, CONTENT_WORDS)} near ${pick(random, PLACES)} were ${pick(random, VERBS)} ${pick(random, CLAUSES)}, which ${pick(random, ROLES)} described as ${random() < 0.5 ? 'overdue' : 'premature'}.`
}

/** Paragraphs of ≈ `targetChars` characters in all. */
export function paragraphs(random: () => number, targetChars: number): string[] {
  const result: string[] = []
  let length = 0
  while (length < targetChars) {
    const count = 2 + Math.floor(random() * 4)
    const paragraph = Array.from({ length: count }, () => sentence(random)).join(' ')
    result.push(paragraph)
    length += paragraph.length + 2
  }
  return result
}

interface GeneratedArticle {
  files: Record<string, string>
  markdown: boolean
}

function article(random: () => number, serial: number): GeneratedArticle {
  const year = pick(random, YEARS)
  const topic = pick(random, TOPICS)
  const folder = `${year}/${topic.toLowerCase().replace(/\s+/g, '-')}`
  const place = pick(random, PLACES)
  // The serial keeps titles unique, so pairing by title is never ambiguous.
  const title = `${place}: ${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)} (${serial})`
  const provider = pick(random, PROVIDERS)
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0')
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0')
  const published = `${year}-${month}-${day}T${String(Math.floor(random() * 24)).padStart(2, '0')}:15:00Z`
  const body = paragraphs(random, 2600 + Math.floor(random() * 800))
  const topics = [topic, pick(random, TOPICS)].filter((t, i, all) => all.indexOf(t) === i)
  if (serial % MARKDOWN_EVERY === MARKDOWN_EVERY - 1) {
    const slug = `${String(serial).padStart(6, '0')}-${place.toLowerCase().replace(/\s+/g, '-')}`
    const text = [
      '---',
      `title: ${JSON.stringify(title)}`,
      `date: ${published.slice(0, 10)}`,
      `source: ${provider.name}`,
      `url: https://www.${provider.domain}/${year}/${slug}`,
      `author: ${pick(random, SPEAKERS)}`,
      'tags:',
      ...topics.map((t) => `  - ${t}`),
      '---',
      '',
      `# ${title}`,
      '',
      body[0],
      '',
      '## Background',
      '',
      ...body.slice(1).flatMap((p, i) => (i === 1 ? [`- ${p.split('. ')[0]}.`, `- **${pick(random, CONTENT_WORDS)}**: ${pick(random, CLAUSES)}`, ''] : [p, ''])),
      ''
    ].join('\n')
    return { files: { [`${folder}/${slug}.md`]: text }, markdown: true }
  }
  const pair = seedStylePair({ title, paragraphs: body, published, provider, topics, folder, index: serial * 2 })
  return { files: pair.files, markdown: false }
}

/** The benchmark's search words: content words, places and surnames, in a seeded order. */
export function queryWords(seed: number, count: number): string[] {
  const random = createRandom(seed ^ 0x5eed)
  const pool = [...CONTENT_WORDS, ...PLACES.filter((p) => !p.includes(' ')), ...SPEAKERS.map((s) => s.split(' ')[1])]
  return Array.from({ length: count }, () => pick(random, pool).toLowerCase())
}

export function corpusCacheDir(seed: number, size: number): string {
  return path.join(tmpdir(), 'gloss-bench', `corpus-v${GENERATOR_VERSION}-s${seed}-n${size}`)
}

/** Generates (or reuses from the cache) a corpus of `size` articles; returns its manifest. */
export async function ensureCorpus(seed: number, size: number, log: (line: string) => void = () => undefined): Promise<CorpusManifest> {
  const base = corpusCacheDir(seed, size)
  const manifestFile = `${base}.json`
  if (existsSync(manifestFile) && existsSync(base)) return JSON.parse(await readFile(manifestFile, 'utf8')) as CorpusManifest
  await rm(base, { recursive: true, force: true })
  const root = path.join(base, 'Clippings')
  const random = createRandom(seed)
  const made = new Set<string>()
  let files = 0
  let bytes = 0
  let markdown = 0
  const pending = new Set<Promise<void>>()
  const started = Date.now()
  for (let serial = 0; serial < size; serial++) {
    const generated = article(random, serial)
    if (generated.markdown) markdown++
    for (const [relative, content] of Object.entries(generated.files)) {
      const target = path.join(root, ...relative.split('/'))
      const dir = path.dirname(target)
      if (!made.has(dir)) {
        await mkdir(dir, { recursive: true })
        made.add(dir)
      }
      files++
      bytes += Buffer.byteLength(content)
      const write = writeFile(target, content).finally(() => pending.delete(write))
      pending.add(write)
      if (pending.size >= 64) await Promise.race(pending)
    }
    if (serial > 0 && serial % 20_000 === 0) log(`  generated ${serial.toLocaleString('en')} / ${size.toLocaleString('en')} articles (${Math.round((Date.now() - started) / 1000)} s)`)
  }
  await Promise.all(pending)
  const manifest: CorpusManifest = { root, seed, articles: size, files, bytes, markdown, pairs: size - markdown }
  // Written last: a corpus without its manifest is incomplete and is rebuilt next time.
  await writeFile(manifestFile, JSON.stringify(manifest, null, 2))
  return manifest
}

// `tsx scripts/bench/generate-corpus.ts <size> [seed]` pre-generates a corpus.
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const size = Number(process.argv[2] ?? 10_000)
  const seed = Number(process.argv[3] ?? 1)
  const started = Date.now()
  const manifest = await ensureCorpus(seed, size, console.log)
  console.log(JSON.stringify(manifest), `${((Date.now() - started) / 1000).toFixed(1)} s`)
}
