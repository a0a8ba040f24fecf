// What a saved page says about itself, read from its <head> before anything is removed:
// Open Graph and `article:*` properties, plain <meta> names (author, description,
// Dublin Core, citation_*), <link rel="canonical"> and JSON-LD (schema.org Article and
// its kinds, also inside @graph). The result uses the keys metadata.ts maps, so a page
// goes through the same checks as front matter (http(s) URLs only, dates that look like
// dates, authors as names).

/** The few DOM calls used here, so that any DOM (linkedom, jsdom) will do. */
interface MetaDocument {
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>
  querySelector(selector: string): { textContent: string | null } | null
}

const ARTICLE_TYPES = /^(Article|NewsArticle|BlogPosting|Report|ScholarlyArticle|TechArticle|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|LiveBlogPosting|WebPage|Blog)$/

export function pageMetadata(document: MetaDocument): Record<string, unknown> {
  const meta = metaValues(document)
  const ld = jsonLdArticle(document)
  const first = (...values: unknown[]): unknown => values.find((value) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0))
  const titleElement = document.querySelector('title')?.textContent?.trim()
  const data: Record<string, unknown> = {
    title: first(meta.get('og:title')?.[0], text(ld?.headline), text(ld?.name), meta.get('twitter:title')?.[0], meta.get('dc.title')?.[0], titleElement),
    author: first(
      meta.get('author'),
      meta.get('article:author')?.filter((value) => !/^https?:/i.test(value)),
      authorsOf(ld?.author),
      meta.get('citation_author'),
      meta.get('dc.creator')
    ),
    site: first(meta.get('og:site_name')?.[0], text(nameOf(ld?.publisher)), meta.get('application-name')?.[0]),
    url: first(linkHref(document, 'canonical'), meta.get('og:url')?.[0], text(ld?.url)),
    published: first(
      meta.get('article:published_time')?.[0],
      text(ld?.datePublished),
      meta.get('citation_publication_date')?.[0],
      meta.get('dc.date.issued')?.[0],
      meta.get('dc.date')?.[0],
      meta.get('date')?.[0],
      meta.get('pubdate')?.[0],
      meta.get('publish-date')?.[0],
      text(ld?.dateCreated)
    ),
    description: first(meta.get('og:description')?.[0], meta.get('description')?.[0], text(ld?.description), meta.get('twitter:description')?.[0]),
    tags: first(meta.get('article:tag'), keywordsOf(ld?.keywords), meta.get('keywords')?.[0])
  }
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined))
}

/** Every <meta> value by its lower-cased name or property, in page order. */
function metaValues(document: MetaDocument): Map<string, string[]> {
  const values = new Map<string, string[]>()
  for (const element of Array.from(document.querySelectorAll('meta'))) {
    const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop'))?.trim().toLowerCase()
    const content = element.getAttribute('content')?.trim()
    if (!key || !content) continue
    const list = values.get(key) ?? []
    list.push(content)
    values.set(key, list)
  }
  return values
}

function linkHref(document: MetaDocument, rel: string): string | undefined {
  for (const link of Array.from(document.querySelectorAll('link[rel][href]'))) {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/)
    if (rels.includes(rel)) return link.getAttribute('href')?.trim() || undefined
  }
  return undefined
}

type LdNode = Record<string, unknown>

// The first schema.org article the page describes. A page may hold several JSON-LD
// blocks (breadcrumbs, the organisation, the article), arrays of them and @graph lists.
function jsonLdArticle(document: MetaDocument): LdNode | undefined {
  const nodes: LdNode[] = []
  const collect = (value: unknown, depth: number): void => {
    if (depth > 4 || value === null || typeof value !== 'object') return
    if (Array.isArray(value)) return value.forEach((item) => collect(item, depth + 1))
    const node = value as LdNode
    nodes.push(node)
    if (Array.isArray(node['@graph'])) collect(node['@graph'], depth + 1)
  }
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collect(JSON.parse(script.textContent ?? ''), 0)
    } catch {
      // A broken JSON-LD block is the page's problem, not the reader's: ignored.
    }
  }
  const typed = (node: LdNode): string[] => (Array.isArray(node['@type']) ? node['@type'] : [node['@type']]).filter((t): t is string => typeof t === 'string')
  return (
    nodes.find((node) => typed(node).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage')) ?? nodes.find((node) => typed(node).includes('WebPage'))
  )
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined)

function nameOf(value: unknown): unknown {
  if (Array.isArray(value)) return nameOf(value[0])
  return value !== null && typeof value === 'object' ? (value as LdNode).name : value
}

function authorsOf(value: unknown): string[] | undefined {
  const names = (Array.isArray(value) ? value : [value]).map((item) => text(nameOf(item))).filter((name): name is string => name !== undefined)
  return names.length > 0 ? names : undefined
}

function keywordsOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => typeof item === 'string')
  return text(value)
}
