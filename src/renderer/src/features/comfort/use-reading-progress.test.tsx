// @vitest-environment jsdom
// Reporting reading progress from a stand-in layout (jsdom has none): a scroll is
// reported shortly after, at most once a second, and once more on leaving the article.
import { act, cleanup, render } from '@testing-library/react'
import { useRef } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { READ_THRESHOLD } from './reading-position'
import { END_DWELL_MS, MEASURE_DELAY_MS, REPORT_INTERVAL_MS, useReadingProgress } from './use-reading-progress'

const BLOCK = 100
const VIEW = 300
const COUNT = 20

interface ReaderProps {
  articleId: string
  api: { 'article.setProgress': (input: { articleId: string; fraction: number; offset: number }) => Promise<Record<string, never>> }
  onSaved?: (articleId: string, fraction: number) => void
  now?: () => number
}

function Reader({ articleId, api, onSaved, now }: ReaderProps) {
  const scrollerRef = useRef<HTMLElement>(null)
  const bodyRef = useRef<HTMLDivElement>(null)
  useReadingProgress({ api, articleId, scrollerRef, bodyRef, onSaved, now })
  return (
    <main ref={scrollerRef} data-testid="scroller">
      <div ref={bodyRef}>
        {Array.from({ length: COUNT }, (_, i) => (
          <p key={`${articleId}-${i}`} data-start={i * 12}>
            {`block ${String(i).padStart(4, '0')}`}
          </p>
        ))}
      </div>
    </main>
  )
}

/** Gives the scroller and its blocks boxes that follow scrollTop. */
function layOut(scroller: HTMLElement) {
  let top = 0
  Object.defineProperty(scroller, 'scrollTop', { configurable: true, get: () => top, set: (v: number) => (top = v) })
  scroller.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: 600, height: VIEW })
  scroller.querySelectorAll<HTMLElement>('[data-start]').forEach((p, i) => {
    p.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: i * BLOCK - top, width: 600, height: BLOCK })
  })
  return (to: number) => {
    top = to
    scroller.dispatchEvent(new Event('scroll'))
  }
}

/** Past the measuring delay after a scroll. */
const frame = () => act(() => vi.advanceTimersByTimeAsync(MEASURE_DELAY_MS + 10))

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('useReadingProgress', () => {
  it('reports the first block in view and the share shown, at most once a second, and on leaving', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'Date'] })
    const calls: Array<{ articleId: string; fraction: number; offset: number }> = []
    const api = { 'article.setProgress': async (input: (typeof calls)[number]) => (calls.push(input), {}) }
    const view = render(<Reader articleId="a1" api={api} />)
    const scrollTo = layOut(view.getByTestId('scroller'))
    expect(calls).toEqual([])

    scrollTo(450)
    await frame()
    // Block 4 (offset 48) is at the top; blocks up to 6 are wholly in view, so 7 is next: 84 of 238 characters.
    expect(calls).toEqual([{ articleId: 'a1', offset: 48, fraction: Math.round((84 / 238) * 1000) / 1000 }])

    scrollTo(650)
    await frame()
    scrollTo(850)
    await frame()
    expect(calls).toHaveLength(1)
    await act(() => vi.advanceTimersByTimeAsync(REPORT_INTERVAL_MS))
    expect(calls).toHaveLength(2)
    expect(calls[1]).toMatchObject({ articleId: 'a1', offset: 96 })

    // Scrolling again then leaving before the second is up: the last place goes out at once.
    scrollTo(1250)
    await frame()
    expect(calls).toHaveLength(2)
    view.rerender(<Reader articleId="b2" api={api} />)
    expect(calls).toHaveLength(3)
    expect(calls[2]).toMatchObject({ articleId: 'a1', offset: 144 })
  })

  it('on leaving, tells onSaved the last position even when it had already been sent', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'Date'] })
    const setProgress = vi.fn(async () => ({}))
    const saved: Array<[string, number]> = []
    const onSaved = (id: string, fraction: number) => saved.push([id, fraction])
    const view = render(<Reader articleId="a1" api={{ 'article.setProgress': setProgress }} onSaved={onSaved} />)
    const scrollTo = layOut(view.getByTestId('scroller'))
    scrollTo(450)
    await frame()
    expect(setProgress).toHaveBeenCalledTimes(1)
    expect(saved).toHaveLength(1)
    view.rerender(<Reader articleId="b2" api={{ 'article.setProgress': setProgress }} onSaved={onSaved} />)
    // Nothing new to store, but the library still hears where a1 was left.
    expect(setProgress).toHaveBeenCalledTimes(1)
    expect(saved).toEqual([saved[0], saved[0]])
    expect(saved[0][0]).toBe('a1')
  })

  it('does not report an article that was only opened, not scrolled', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'Date'] })
    const setProgress = vi.fn(async () => ({}))
    const view = render(<Reader articleId="a1" api={{ 'article.setProgress': setProgress }} />)
    layOut(view.getByTestId('scroller'))
    view.rerender(<Reader articleId="b2" api={{ 'article.setProgress': setProgress }} />)
    window.dispatchEvent(new Event('pagehide'))
    await act(() => vi.advanceTimersByTimeAsync(2000))
    expect(setProgress).not.toHaveBeenCalled()
  })

  it('counts an article as read only once its end has been on screen for a moment', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    // The clock the hook reads, moved by hand with the timers.
    let clock = 50_000
    const now = () => clock
    const pass = async (ms: number) => {
      clock += ms
      await act(() => vi.advanceTimersByTimeAsync(ms))
    }
    const calls: Array<{ articleId: string; fraction: number; offset: number }> = []
    const api = { 'article.setProgress': async (input: (typeof calls)[number]) => (calls.push(input), {}) }
    const view = render(<Reader articleId="a1" api={api} now={now} />)
    const scrollTo = layOut(view.getByTestId('scroller'))

    // Passed through with j: the end flashed by, then the next article.
    scrollTo(COUNT * BLOCK - VIEW)
    await pass(MEASURE_DELAY_MS + 10)
    view.rerender(<Reader articleId="b2" api={api} now={now} />)
    expect(calls.length).toBeGreaterThan(0)
    expect(calls.every((c) => c.fraction < READ_THRESHOLD)).toBe(true)

    // Stayed at the end: after the moment it is reported as read, with no further scroll.
    view.rerender(<Reader articleId="a1" api={api} now={now} />)
    const again = layOut(view.getByTestId('scroller'))
    calls.length = 0
    again(COUNT * BLOCK - VIEW)
    await pass(MEASURE_DELAY_MS + 10)
    expect(calls.every((c) => c.fraction < READ_THRESHOLD)).toBe(true)
    await pass(END_DWELL_MS + REPORT_INTERVAL_MS)
    expect(calls.at(-1)).toMatchObject({ articleId: 'a1', fraction: 1 })
  })
})
