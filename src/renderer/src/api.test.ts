import { describe, expect, it, onTestFinished, vi } from 'vitest'
import type { DataChange, GlossEvents } from '../../shared/events'
import { diskChange } from './test-support/data-change'
import { announcingReady, eventSourceEvents, fetchTransport, selectEvents, selectTransport, type GlossBridge } from './api'

const jsonResponse = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

describe('fetchTransport', () => {
  it('posts the input to /rpc/<method> with the token and returns the envelope', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse({ ok: true, value: { note: 'hi' } }))
    const result = await fetchTransport('secret', fetchImpl)('article.setNote', { articleId: 'a', note: 'hi' })
    expect(result).toEqual({ ok: true, value: { note: 'hi' } })
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/rpc/article.setNote')
    expect(init.method).toBe('POST')
    expect((init.headers as Record<string, string>)['x-gloss-token']).toBe('secret')
    expect(JSON.parse(init.body as string)).toEqual({ articleId: 'a', note: 'hi' })
  })

  it('passes error envelopes through unchanged', async () => {
    const envelope = { ok: false, error: { code: 'NOT_FOUND', message: 'article not found' } }
    const result = await fetchTransport('t', async () => jsonResponse(envelope, 404))('article.get', { articleId: 'x' })
    expect(result).toEqual(envelope)
  })

  it.each([
    { name: 'a refused token', respond: async () => new Response('forbidden', { status: 403 }), message: /access token/ },
    { name: 'a non-envelope body', respond: async () => jsonResponse({ hello: 1 }, 500), message: /500/ },
    {
      name: 'a network failure',
      respond: async () => {
        throw new TypeError('Failed to fetch')
      },
      message: /Cannot reach Gloss/
    }
  ])('turns $name into an UNAVAILABLE error', async ({ respond, message }) => {
    const result = await fetchTransport('t', respond)('library.current', {})
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('UNAVAILABLE')
      expect(result.error.message).toMatch(message)
    }
  })
})

describe('selectTransport', () => {
  it('uses the preload bridge when window.gloss exists', async () => {
    const bridge = { 'library.current': vi.fn(async () => ({ ok: true as const, value: null })) } as unknown as GlossBridge
    const transport = selectTransport({ gloss: bridge, location: { search: '' } } as unknown as Window)
    expect(await transport('library.current', {})).toEqual({ ok: true, value: null })
    expect(bridge['library.current']).toHaveBeenCalledWith({})
  })

  it('falls back to fetch with the token from the page URL', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse({ ok: true, value: null }))
    try {
      const transport = selectTransport({ location: { search: '?token=abc123' } } as unknown as Window)
      await transport('library.current', {})
      const init = fetchSpy.mock.calls[0][1] as RequestInit
      expect((init.headers as Record<string, string>)['x-gloss-token']).toBe('abc123')
    } finally {
      fetchSpy.mockRestore()
    }
  })
})

/** A stand-in EventSource that records its URL and lets the test dispatch events. */
class FakeEventSource extends EventTarget {
  static created: FakeEventSource[] = []
  closed = false
  constructor(readonly url: string) {
    super()
    FakeEventSource.created.push(this)
  }
  close() {
    this.closed = true
  }
  send(name: string, data: string) {
    this.dispatchEvent(new MessageEvent(name, { data }))
  }
}

const change: DataChange = diskChange('/clips', { changed: ['a'] })

describe('eventSourceEvents', () => {
  it('opens one stream with the token when someone listens, delivers data changes, and closes after the last one leaves', () => {
    FakeEventSource.created = []
    const events = eventSourceEvents('t o&k', (url) => new FakeEventSource(url) as unknown as EventSource)
    expect(FakeEventSource.created).toHaveLength(0)
    const first: DataChange[] = []
    const second: DataChange[] = []
    const offFirst = events.onChange((c) => first.push(c))
    const offSecond = events.onChange((c) => second.push(c))
    expect(FakeEventSource.created.map((s) => s.url)).toEqual(['/events?token=t%20o%26k'])
    const source = FakeEventSource.created[0]
    source.send('changed', JSON.stringify(change))
    source.send('changed', 'not json')
    source.send('something-else', JSON.stringify(change))
    expect(first).toEqual([change])
    expect(second).toEqual([change])
    offFirst()
    expect(source.closed).toBe(false)
    offSecond()
    expect(source.closed).toBe(true)
    // No native menu in a browser tab: subscribing is harmless and does nothing.
    expect(typeof events.onMenuCommand(() => undefined)).toBe('function')
  })
})

describe('start commands (a gloss:// link in the harness page URL)', () => {
  it('hands them to the first menu-command listener, once, after subscribing', async () => {
    // "After subscribing" is a timer: the test runs it on a clock it holds.
    vi.useFakeTimers()
    onTestFinished(() => void vi.useRealTimers())
    const link = { type: 'open-link', url: 'gloss://open?corpus=%2Fclips&article=a' } as const
    const events = eventSourceEvents('t', (url) => new FakeEventSource(url) as unknown as EventSource, [link])
    const early: unknown[] = []
    // Subscribed and gone at once (React's strict mode does this): the command waits.
    events.onMenuCommand((c) => early.push(c))()
    const got: unknown[] = []
    events.onMenuCommand((c) => got.push(c))
    expect(got).toEqual([])
    await vi.runAllTimersAsync()
    expect(got).toEqual([link])
    expect(early).toEqual([])
    const later: unknown[] = []
    events.onMenuCommand((c) => later.push(c))
    await vi.runAllTimersAsync()
    expect(later).toEqual([])
  })

  it('keeps them until the page has said app.ready', async () => {
    vi.useFakeTimers()
    onTestFinished(() => void vi.useRealTimers())
    const link = { type: 'open-link', url: 'gloss://open?corpus=%2Fclips&article=b' } as const
    let ready: () => void = () => undefined
    const events = eventSourceEvents('t', (url) => new FakeEventSource(url) as unknown as EventSource, [link], new Promise<void>((done) => (ready = done)))
    const got: unknown[] = []
    events.onMenuCommand((c) => got.push(c))
    await vi.runAllTimersAsync()
    expect(got).toEqual([])
    ready()
    await vi.runAllTimersAsync()
    expect(got).toEqual([link])
  })

  it.each([
    ['app.ready answered', 'app.ready', { ok: true, value: {} }, 1],
    ['app.ready failed', 'app.ready', { ok: false, error: { code: 'UNAVAILABLE', message: 'x' } }, 0],
    ['another method', 'library.current', { ok: true, value: null }, 0]
  ] as const)('announcingReady: %s', async (_name, method, answer, told) => {
    const onReady = vi.fn()
    const transport = announcingReady(async () => answer, onReady)
    expect(await transport(method, {})).toEqual(answer)
    expect(onReady).toHaveBeenCalledTimes(told)
  })

  it('takes ?link= from the page URL and drops it from the address, keeping the token', async () => {
    vi.useFakeTimers()
    onTestFinished(() => void vi.useRealTimers())
    const replaced: string[] = []
    const win = {
      EventSource: FakeEventSource,
      location: { search: `?token=abc&link=${encodeURIComponent('gloss://open?corpus=%2Fclips&article=a&highlight=h')}`, pathname: '/', hash: '' },
      history: { state: null, replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) }
    } as unknown as Window
    const events = selectEvents(win)!
    const got: unknown[] = []
    events.onMenuCommand((c) => got.push(c))
    await vi.runAllTimersAsync()
    // Held until the page says app.ready through this window's transport.
    expect(got).toEqual([])
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ ok: true, value: {} }))))
    try {
      await selectTransport(win)('app.ready', {})
    } finally {
      vi.unstubAllGlobals()
    }
    await vi.runAllTimersAsync()
    expect(got).toEqual([{ type: 'open-link', url: 'gloss://open?corpus=%2Fclips&article=a&highlight=h' }])
    expect(replaced).toEqual(['/?token=abc'])
  })
})

describe('selectEvents', () => {
  it('prefers the preload bridge, else the harness stream, else nothing', () => {
    const bridge = { onMenuCommand: vi.fn(), onChange: vi.fn() } as unknown as GlossEvents
    expect(selectEvents({ glossEvents: bridge, location: { search: '' } } as unknown as Window)).toBe(bridge)
    FakeEventSource.created = []
    const fromStream = selectEvents({ EventSource: FakeEventSource, location: { search: '?token=abc' } } as unknown as Window)!
    fromStream.onChange(() => undefined)
    expect(FakeEventSource.created.map((s) => s.url)).toEqual(['/events?token=abc'])
    expect(selectEvents({ location: { search: '' } } as unknown as Window)).toBeNull()
  })
})
