// Offline means offline: a whole reading session — open the library,
// read, highlight, write notes, export, reload, restart, and read an article whose
// metadata names remote images and whose body holds remote images, links, embeds and
// prefetch hints — while every request the browser makes is recorded three ways:
// context-level routing (which also blocks anything foreign, so a leak cannot reach the
// network even when the test fails), the context's and the page's request events, and
// Chromium's own network log, which also shows DNS lookups that never became requests.
// Nothing may go anywhere but the harness's loopback origin.
//
// Chromium under Playwright does not act on resource hints (dns-prefetch, preconnect,
// link hover) at all, so a prefetch could not show up here even if the page asked for
// one; the page is therefore also checked for what would make a browser that does act
// on them reach out: no hint elements, no off-origin src/srcset/poster/data/style URLs,
// and DNS prefetching switched off (x-dns-prefetch-control) for the links it does show.
import { chromium, type BrowserContext, type Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures'
import { articleRows, exportWithDialog, highlight, library, markById, openArticle, popover, sidePanel } from './helpers'

const REMOTE_TITLE = 'Remote Pictures and Links'
const REMOTE_ARTICLE = [
  '---',
  `title: ${REMOTE_TITLE}`,
  'date: 2023-03-03',
  'url: https://news.example.net/remote-pictures',
  'image: https://cdn.example.net/cover-1400x933.jpg',
  'thumbnail: https://thumbs.example.net/cover-200.jpg',
  'favicon: https://static.example.net/favicon.ico',
  'images:',
  '  - url: https://cdn.example.net/gallery-1.jpg',
  '    width: 800',
  'provider:',
  '  name: Example Wire',
  '  images:',
  '    - url: https://static.example.net/logo-50x50.png',
  '---',
  '',
  `# ${REMOTE_TITLE}`,
  '',
  'The ferry terminal reopened on Monday after a month of repairs to the loading ramp.',
  '',
  '![A harbour at dusk](https://images.example.org/harbour-dusk.jpg "Dusk")',
  '',
  "Read [the port authority's report](https://port.example.org/report.pdf) or visit <https://autolink.example.org/page> and www.bare-link.example.org for the timetable.",
  '',
  '<img src="https://raw-img.example.org/pixel.gif" alt="pixel">',
  '<link rel="dns-prefetch" href="//prefetch.example.org">',
  '<link rel="preconnect" href="https://preconnect.example.org">',
  '<iframe src="https://frame.example.org/embed"></iframe>',
  '<video poster="https://poster.example.org/p.jpg" src="https://video.example.org/v.mp4"></video>',
  '<div style="background:url(https://css.example.org/bg.png)">styled</div>',
  '',
  '![Reference image][cover]',
  '',
  '[cover]: https://ref-image.example.org/cover.png',
  '',
  'The last ferry of the evening now leaves at half past eleven, and the cafe stays open for it.',
  ''
].join('\n')

/**
 * Chromium's own services (sign-in, autofill, component updates) that the browser
 * contacts by itself, on any page, whatever the app does; the Electron app runs none of
 * them. They are reported, not failed; any other host fails the test.
 */
const BROWSER_SERVICES = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|googleusercontent\.com|chromium\.org)$/

/** Every host the corpus names (the seed-style pair names example.com hosts too). */
const REMOTE_HOSTS = [...new Set([...REMOTE_ARTICLE.matchAll(/(?:https?:)?\/\/([a-z0-9.-]+\.[a-z]{2,})/gi)].map((m) => m[1]).concat('www.bare-link.example.org', 'static.example.com', 'www.example.com'))]

/** A host the test itself asks for at the end, outside the session, to show the network log would catch a lookup. */
const PROBE = 'net-log-probe.example'

test.use({ extraFiles: { 'remote-pictures.md': REMOTE_ARTICLE } })

interface Recorder {
  /** URLs seen by the context-level route, page request events and context request events. */
  routed: string[]
  pageRequests: string[]
  contextRequests: string[]
  problems: string[]
}

async function record(context: BrowserContext, harnessOrigins: Set<string>): Promise<Recorder> {
  const recorder: Recorder = { routed: [], pageRequests: [], contextRequests: [], problems: [] }
  await context.route('**/*', async (route) => {
    const url = route.request().url()
    recorder.routed.push(url)
    // Anything foreign is blocked as well as recorded: a leak must not reach the network.
    if (harnessOrigins.has(new URL(url).origin)) await route.continue()
    else await route.abort('blockedbyclient')
  })
  context.on('request', (request) => recorder.contextRequests.push(request.url()))
  context.on('page', (page) => watchPage(page, recorder))
  return recorder
}

function watchPage(page: Page, recorder: Recorder): void {
  page.on('request', (request) => recorder.pageRequests.push(request.url()))
  page.on('pageerror', (error) => recorder.problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') recorder.problems.push(`console error: ${message.text()}`)
  })
  page.on('dialog', (dialog) => {
    recorder.problems.push(`unexpected ${dialog.type()} dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
}

/**
 * What in the page could make a browser reach another host: resource-hint elements,
 * attributes and styles that fetch, and (allowed, but listed) links the reader can click.
 */
async function offOriginReferences(page: Page) {
  return page.evaluate(() => {
    const here = location.origin
    const foreign = (value: string) => {
      try {
        const url = new URL(value, location.href)
        return url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== here
      } catch {
        return false
      }
    }
    const hints = [...document.querySelectorAll('link')]
      .filter((l) => /dns-prefetch|preconnect|prefetch|preload|prerender|modulepreload/i.test(l.rel) || foreign(l.href))
      .map((l) => `${l.rel} ${l.href}`)
    const fetched: string[] = []
    for (const el of document.querySelectorAll('*')) {
      for (const attr of ['src', 'srcset', 'poster', 'data', 'background', 'ping', 'action', 'formaction', 'xlink:href']) {
        const value = el.getAttribute(attr)
        if (value && value.split(',').some((part) => foreign(part.trim().split(/\s+/)[0]))) fetched.push(`<${el.tagName.toLowerCase()} ${attr}="${value}">`)
      }
      if (el.tagName.toLowerCase() !== 'a' && el.hasAttribute('href') && foreign(el.getAttribute('href')!)) fetched.push(`<${el.tagName.toLowerCase()} href>`)
      const style = el.getAttribute('style') ?? ''
      for (const m of style.matchAll(/url\(\s*['"]?([^'")]+)/g)) if (foreign(m[1])) fetched.push(`style url(${m[1]})`)
    }
    const links = [...document.querySelectorAll('a[href]')]
      .filter((a) => foreign(a.getAttribute('href')!))
      .map((a) => ({ href: (a as HTMLAnchorElement).href, rel: (a as HTMLAnchorElement).rel }))
    const control = document.querySelector('meta[http-equiv="x-dns-prefetch-control" i]')?.getAttribute('content') ?? null
    return { dnsPrefetchControl: control, hints, fetched, links }
  })
}

/**
 * Host names Chromium resolved or connected to, from its network log. The log is
 * streamed while the browser runs and closed when it exits; an unclosed one is repaired.
 */
async function hostsInNetLog(file: string): Promise<{ resolved: string[]; text: string }> {
  const text = await readFile(file, 'utf8')
  let log: { constants: { logEventTypes: Record<string, number> }; events: Array<{ type: number; params?: Record<string, unknown> }> }
  try {
    log = JSON.parse(text)
  } catch {
    log = JSON.parse(text.replace(/,?\s*$/, '') + ']}')
  }
  const names = Object.fromEntries(Object.entries(log.constants.logEventTypes).map(([name, id]) => [id, name]))
  // Names looked up (host resolver jobs, QUIC pools) and URLs requested or connected to;
  // the IP-level events after them (the DNS server's address) follow from these.
  const resolved = new Set<string>()
  const hostOf = (value: string): string | null => {
    try {
      return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`).hostname.replace(/^\[|\]$/g, '').toLowerCase()
    } catch {
      return null
    }
  }
  for (const event of log.events) {
    const type = names[event.type] ?? ''
    const params = event.params ?? {}
    const values: unknown[] = []
    if (/^(HOST_RESOLVER_MANAGER_(REQUEST|JOB)|HOST_RESOLVER_DNS_TASK|QUIC_SESSION_POOL_JOB)$/.test(type)) values.push(params.host)
    if (/^(URL_REQUEST_START_JOB|HTTP_STREAM_JOB_CONTROLLER|CORS_REQUEST|HTTP_STREAM_JOB)$/.test(type)) values.push(params.url, params.original_url)
    for (const value of values) {
      const host = typeof value === 'string' ? hostOf(value) : null
      if (host) resolved.add(host)
    }
  }
  // The events alone (not the constants) are searched for the corpus's host names.
  return { resolved: [...resolved].sort(), text: JSON.stringify(log.events) }
}

test('a whole session sends nothing beyond the harness: no request, no DNS lookup, no preconnect', async ({ gloss }, testInfo) => {
  test.setTimeout(120_000)
  const netLog = testInfo.outputPath('chromium-net-log.json')
  const configured = testInfo.project.use.launchOptions ?? {}
  const browser = await chromium.launch({
    ...configured,
    args: [...(configured.args ?? []), `--log-net-log=${netLog}`, '--net-log-capture-mode=Everything']
  })
  const origins = new Set([new URL(gloss.url).origin])
  let recorder: Recorder
  let hostsSeen: { resolved: string[]; text: string }
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    recorder = await record(context, origins)
    const page = await context.newPage()
    await page.goto(gloss.url)
    await expect(library(page)).toBeVisible()

    // Read and annotate the seed-style article (its metadata names remote images too).
    const { pairTitle } = gloss.corpus
    await openArticle(page, pairTitle)
    const ferry = await highlight(page, 'the last ferry leaves the pier', 'green')
    await markById(page, ferry).click()
    await popover(page).getByRole('textbox', { name: 'Note' }).fill('See [the timetable](https://timetable.example.org) *later*')
    await popover(page).getByRole('button', { name: 'Save' }).click()
    await expect(popover(page).getByRole('status')).toHaveText('Saved')
    await page.keyboard.press('Escape')
    const articleNote = sidePanel(page).getByRole('textbox', { name: 'Article note' })
    await articleNote.fill('Compare with https://archive.example.org/ferries')
    await articleNote.blur()
    await expect(sidePanel(page).getByRole('status').first()).toHaveText('Saved')
    expect(await exportWithDialog(page, 'Export article…')).toMatch(/^Saved to /)

    // Reload: everything comes back from the harness alone.
    await page.reload()
    await expect(library(page)).toBeVisible()
    await openArticle(page, pairTitle)
    await expect(markById(page, ferry)).toBeVisible()

    // The article full of remote references: read it, point at its links, highlight it.
    await openArticle(page, REMOTE_TITLE)
    const body = page.getByTestId('article-body')
    await expect(body).toContainText('The ferry terminal reopened on Monday')
    await expect(body.locator('img, iframe, video, audio, object, embed, link, image')).toHaveCount(0)
    const links = body.locator('a[href]')
    expect(await links.count()).toBeGreaterThan(0)
    for (const link of await links.all()) {
      await link.scrollIntoViewIfNeeded()
      await link.hover()
    }
    const original = page.getByRole('link', { name: 'Open original' })
    if (await original.count()) await original.hover()
    expect(await offOriginReferences(page), 'what the page asks a browser to fetch or look up').toEqual({
      dnsPrefetchControl: 'off',
      hints: [],
      fetched: [],
      links: expect.arrayContaining([expect.objectContaining({ href: 'https://port.example.org/report.pdf' })])
    })
    for (const link of (await offOriginReferences(page)).links) expect(link.rel.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']))
    await highlight(page, 'the cafe stays open for it', 'pink')
    await exportWithDialog(page, 'Export all notes…')
    await expect.poll(() => gloss.exports()).toHaveLength(2)
    // Give any predictor, prefetch or lazy loader time to act.
    await page.waitForTimeout(1500)

    // An app restart on the same data folder, with a new page.
    const restarted = await gloss.restart()
    origins.add(new URL(restarted).origin)
    const second = await context.newPage()
    await second.goto(restarted)
    await expect(articleRows(second).filter({ hasText: REMOTE_TITLE })).toBeVisible()
    await openArticle(second, REMOTE_TITLE)
    await expect(second.locator('mark[data-highlight-id]')).toHaveCount(1)
    await second.waitForTimeout(1000)
    await context.close()

    // The measure itself: a lookup the test makes on purpose, in a context without the
    // blocking route, must show up in the network log.
    const probe = await browser.newPage()
    await probe.setContent(`<img src="http://${PROBE}/pixel.png">`)
    await probe.waitForTimeout(1000)
    await probe.close()
  } finally {
    await browser.close()
  }
  hostsSeen = await hostsInNetLog(netLog)

  const all = [...recorder!.routed, ...recorder!.pageRequests, ...recorder!.contextRequests]
  expect(recorder!.routed.length, 'the route saw the session').toBeGreaterThan(10)
  expect(recorder!.pageRequests.length).toBeGreaterThan(10)
  // data: and blob: URLs are not network requests; everything else is the harness.
  const foreign = all.filter((url) => !/^(data|blob):/.test(url) && !origins.has(new URL(url).origin))
  expect([...new Set(foreign)], 'requests that left the harness origin').toEqual([])
  const loopback = new Set(['127.0.0.1', 'localhost', '::1'])
  const probes = [PROBE]
  expect(hostsSeen.resolved, 'the network log shows the lookup made on purpose').toContain(PROBE)
  const services = hostsSeen.resolved.filter((host) => BROWSER_SERVICES.test(host))
  if (services.length) testInfo.annotations.push({ type: 'browser services (not the app)', description: services.join(', ') })
  const contacted = hostsSeen.resolved.filter((host) => !loopback.has(host) && !probes.includes(host) && !BROWSER_SERVICES.test(host))
  expect(contacted, 'hosts Chromium resolved or connected to').toEqual([])
  expect(REMOTE_HOSTS.filter((host) => hostsSeen.text.includes(host)), 'corpus hosts named in the network log').toEqual([])
  expect(recorder!.problems, 'the pages ran clean').toEqual([])
})
