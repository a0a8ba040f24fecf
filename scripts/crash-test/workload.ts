// What the crash-test child writes and how both sides describe it: a seeded random
// source, realistic highlight records (short, medium and very long notes), a digest
// that identifies a record's exact content, and the one-line acknowledgement format.
import { createHash } from 'node:crypto'
import type { StoredHighlight } from '../../src/core/store/corpus-store'
export { seededRandom } from '../../tests/fixtures/seeded-random'
import { seededRandom } from '../../tests/fixtures/seeded-random'


export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]
export const between = (random: () => number, low: number, high: number): number => low + Math.floor(random() * (high - low + 1))

// Our own vocabulary: the text only has to look like a reader's notes, not say anything.
const WORDS = (
  'river harbour council budget ferry winter archive ledger survey witness mayor tide ' +
  'quarry bridge orchard census signal pilot mill canal library station vote inquiry ' +
  'figure report rose fell early late quietly again never almost every second third ' +
  'the a of and to in that was for on with as by at from which but not this their ' +
  'said found kept moved opened closed argued wrote measured counted promised doubted'
).split(' ')

function sentence(random: () => number, words: number): string {
  const parts: string[] = []
  for (let i = 0; i < words; i++) parts.push(pick(random, WORDS))
  const text = parts.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1) + '.'
}

function prose(random: () => number, chars: number): string {
  let text = ''
  while (text.length < chars) text += (text ? (random() < 0.15 ? '\n\n' : ' ') : '') + sentence(random, between(random, 5, 18))
  return text.slice(0, chars)
}

/** Mostly short notes, some paragraphs, a few essays close to the app's 100 000-character limit. */
export function noteText(random: () => number): string {
  const roll = random()
  if (roll < 0.35) return ''
  if (roll < 0.85) return prose(random, between(random, 10, 240))
  if (roll < 0.97) return prose(random, between(random, 500, 4_000))
  if (roll < 0.995) return prose(random, between(random, 10_000, 40_000))
  return prose(random, between(random, 60_000, 100_000))
}

function uuid(random: () => number): string {
  let hex = ''
  for (let i = 0; i < 32; i++) hex += Math.floor(random() * 16).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`
}

const COLORS = ['yellow', 'green', 'blue', 'pink'] as const

export function newHighlight(random: () => number, at: string): StoredHighlight {
  const article = between(random, 1, 400)
  const exact = sentence(random, between(random, 2, 40)).slice(0, -1)
  const start = between(random, 0, 60_000)
  return {
    id: uuid(random),
    articleId: `article-${article.toString(36)}-${(article * 7919).toString(16)}`,
    articleFingerprint: (article * 104_729).toString(16).padStart(16, '0'),
    tags: [],
    color: pick(random, COLORS),
    note: noteText(random),
    quote: { type: 'TextQuoteSelector', exact, prefix: prose(random, 32), suffix: prose(random, 32) },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    createdAt: at,
    updatedAt: at
  }
}

/** Identifies a record's exact content, whatever order its keys were stored in. */
export function digest(h: StoredHighlight): string {
  return createHash('sha1').update(stableJson(h)).digest('hex').slice(0, 16)
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined)
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * Every change also sets lastArticleId to this marker (lastArticleId is a field the app
 * itself rewrites all the time): the file on disk then says exactly which change it
 * holds the state after, so the parent can check it against its own replay.
 */
export const marker = (runId: string, seq: number): string => `crash-test:${runId}:${seq}`
export function parseMarker(value: string | null): { runId: string; seq: number } | null {
  const match = /^crash-test:([^:]+):(\d+)$/.exec(value ?? '')
  return match ? { runId: match[1], seq: Number(match[2]) } : null
}

export type Op = 'create' | 'edit' | 'delete'
export interface Ack {
  seq: number
  op: Op
  id: string
  /** digest of the record after the change; '-' for a delete */
  digest: string
  /** Date.now() in the child right after store.update() returned */
  ackAt: number
  /** Date.now() in the parent when the line arrived */
  receivedAt: number
}

const OP_LETTER: Record<Op, string> = { create: 'c', edit: 'e', delete: 'd' }
const LETTER_OP: Record<string, Op> = { c: 'create', e: 'edit', d: 'delete' }

export const ackLine = (seq: number, op: Op, id: string, recordDigest: string, ackAt: number): string =>
  `a ${seq} ${OP_LETTER[op]} ${id} ${recordDigest} ${ackAt}\n`

export function parseAck(line: string, receivedAt: number): Ack | null {
  const parts = line.split(' ')
  if (parts.length !== 6 || parts[0] !== 'a' || !LETTER_OP[parts[2]]) return null
  return { seq: Number(parts[1]), op: LETTER_OP[parts[2]], id: parts[3], digest: parts[4], ackAt: Number(parts[5]), receivedAt }
}

/** Parameters the parent hands the child, as one JSON argument. */
export interface ChildPlan {
  dataDir: string
  root: string
  runId: string
  seed: number
  /** 'flat-out': one change per event-loop turn; 'bursts': runs of changes with short pauses */
  pace: 'flat-out' | 'bursts'
  /** The child keeps the store near this many highlights (more deletes above it). */
  targetLive: number
}
