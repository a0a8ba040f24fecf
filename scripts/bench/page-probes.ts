// Code the reader benchmark runs inside the page. Kept as plain JavaScript source:
// the node-side TypeScript project has no DOM types, and functions compiled by tsx
// would carry helper calls (__name) that do not exist in the page.

const PROBES = String.raw`
// When the last response to /rpc/<method> had arrived, relative to t0 (resource timing).
function rpcDoneSince(method, t0) {
  const entries = performance.getEntriesByType('resource').filter((e) => e.name.includes('/rpc/' + method) && e.startTime >= t0)
  return entries.length ? Math.max(...entries.map((e) => e.responseEnd)) - t0 : NaN
}

function whenTrue(test, options) {
  return new Promise((resolve) => {
    if (test()) return resolve()
    const observer = new MutationObserver(() => {
      if (test()) {
        observer.disconnect()
        resolve()
      }
    })
    observer.observe(document.body, options)
  })
}

// A requestAnimationFrame callback runs before the frame's paint; a task queued from it
// runs after that paint.
const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))

async function openAndPaint({ title, minMarks }) {
  const row = [...document.querySelectorAll('[role="option"]')].find((r) => r.textContent.includes(title))
  if (!row) throw new Error('row not found: ' + title)
  const ready = () => {
    const heading = document.querySelector('h1#article-title')
    const body = document.querySelector('[data-testid="article-body"]')
    return !!heading && heading.textContent.includes(title) && !!body && body.querySelectorAll('mark[data-highlight-id]').length >= minMarks
  }
  const t0 = performance.now()
  performance.mark('bench:open-click')
  row.click()
  await whenTrue(ready, { childList: true, subtree: true, characterData: true })
  await nextPaint()
  const ms = performance.now() - t0
  return { ms, rpcMs: rpcDoneSince('article.get', t0), marks: document.querySelectorAll('[data-testid="article-body"] mark[data-highlight-id]').length }
}

function selectPlainWords(run) {
  const body = document.querySelector('[data-testid="article-body"]')
  if (!body) throw new Error('no article body')
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
  const candidates = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.closest('mark') && node.textContent.length > 80) candidates.push(node)
  }
  // A different place each run, near the top so that it is on screen.
  const node = candidates[run * 3]
  if (!node) throw new Error('no unhighlighted text to select')
  const text = node.textContent
  const start = text.indexOf(' ') + 1
  const end = text.indexOf(' ', start + 20)
  node.parentElement.scrollIntoView({ block: 'center' })
  const range = document.createRange()
  range.setStart(node, start)
  range.setEnd(node, end)
  const selection = window.getSelection()
  selection.removeAllRanges()
  selection.addRange(range)
  document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
}

async function clickHighlightAndPaint() {
  const button = [...document.querySelectorAll('[data-testid="selection-toolbar"] button')].find(
    (b) => b.getAttribute('aria-label') === 'Highlight yellow' || b.textContent.trim() === 'Highlight yellow' || b.title === 'Highlight yellow'
  )
  if (!button) throw new Error('no "Highlight yellow" button')
  const ids = () => new Set([...document.querySelectorAll('mark[data-highlight-id]')].map((m) => m.dataset.highlightId))
  const before = ids()
  const grown = () => [...ids()].some((id) => !before.has(id))
  const t0 = performance.now()
  performance.mark('bench:highlight-click')
  button.click()
  await whenTrue(grown, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-highlight-id'] })
  await nextPaint()
  return { ms: performance.now() - t0, rpcMs: rpcDoneSince('highlight.create', t0) }
}
`

export type ProbeName = 'openAndPaint' | 'selectPlainWords' | 'clickHighlightAndPaint'

/** An expression for page.evaluate that runs one probe with its argument (JSON). */
export function inPage(name: ProbeName, argument: unknown): string {
  return `(async () => {\n${PROBES}\nreturn ${name}(${JSON.stringify(argument)})\n})()`
}
