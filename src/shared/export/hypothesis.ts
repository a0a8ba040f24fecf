// Notes in the shape of the Hypothesis API's annotations (https://h.readthedocs.io/en/
// latest/api-reference/), for articles saved from the web: what the API's create call
// takes, and what its search returns, so that a script can post each item to
// `POST /api/annotations` and Hypothesis shows it on the live page.
//
//   { uri, document: { title: [title] }, text (the note), tags,
//     target: [{ source: uri, selector: [TextQuoteSelector, TextPositionSelector] }],
//     created, updated }
//
// - Only articles with a web (http/https) URL: Hypothesis anchors annotations to pages.
// - The article note becomes a page note: a target with the source and no selector.
// - TextPositionSelector here counts UTF-16 code units, as the Hypothesis client counts
//   offsets in a page's text (JavaScript string offsets); the positions are in Gloss's
//   text of the article, not the live page, so Hypothesis relies on the quote and its
//   context (the TextQuoteSelector) and treats the position as a hint.
// - No `group` or `permissions`: the API then posts to the user's default group
//   (public). docs/export-formats.md says to add a private group before posting.
// - Times in UTC with "Z".
import type { ExportArticle, ExportCorpus, ExportHighlight } from './export-model'
import { utcTimestamp } from './web-annotation'

export interface HypothesisSelector {
  type: 'TextQuoteSelector' | 'TextPositionSelector'
  exact?: string
  prefix?: string
  suffix?: string
  start?: number
  end?: number
}

export interface HypothesisAnnotation {
  uri: string
  document: { title: string[] }
  text: string
  tags: string[]
  target: { source: string; selector?: HypothesisSelector[] }[]
  created?: string
  updated?: string
}

/** Has a URL Hypothesis can anchor to. */
export function isWebUrl(url: string | null | undefined): url is string {
  if (!url) return false
  try {
    const { protocol } = new URL(url.trim())
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

/** Every highlight and article note of the folder's articles that have a web URL. */
export function toHypothesis(corpus: ExportCorpus): HypothesisAnnotation[] {
  return corpus.articles.filter((a) => isWebUrl(a.url)).flatMap(articleAnnotations)
}

/** The annotations as a file: a JSON array, two-space indented, with a final newline. */
export function hypothesisJson(corpus: ExportCorpus): string {
  return `${JSON.stringify(toHypothesis(corpus), null, 2)}\n`
}

function articleAnnotations(article: ExportArticle): HypothesisAnnotation[] {
  const uri = (article.url as string).trim()
  const document = { title: [article.title] }
  const out: HypothesisAnnotation[] = []
  if (article.note.trim() !== '') {
    const updated = utcTimestamp(article.noteUpdated)
    out.push({ uri, document, text: article.note, tags: [...article.userTags], target: [{ source: uri }], ...(updated ? { created: updated, updated } : {}) })
  }
  for (const h of article.highlights) out.push(highlightAnnotation(uri, document, h))
  return out
}

function highlightAnnotation(uri: string, document: { title: string[] }, h: ExportHighlight): HypothesisAnnotation {
  const { exact, prefix, suffix } = h.selectors.quote
  const selector: HypothesisSelector[] = [{ type: 'TextQuoteSelector', exact, prefix, suffix }]
  if (h.position) selector.push({ type: 'TextPositionSelector', start: h.position.start, end: h.position.end })
  const created = utcTimestamp(h.created)
  const updated = utcTimestamp(h.updated)
  return {
    uri,
    document,
    text: h.note,
    tags: [...h.tags],
    target: [{ source: uri, selector }],
    ...(created ? { created } : {}),
    ...(updated ? { updated } : {})
  }
}
