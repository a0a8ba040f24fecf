// Focus must never fall to <body> when something that held it goes away (a toast whose
// Undo button was focused, say): it goes back to where it was before, or to the article.
import { useLayoutEffect } from 'react'

/** Where focus goes when the element it came from is gone too: the article text, else the reader. */
export function fallbackFocusTarget(doc: Document = document): HTMLElement | null {
  return doc.querySelector<HTMLElement>('[data-testid="article-body"]') ?? doc.querySelector<HTMLElement>('main#reader')
}

/**
 * While `active`, remembers the element focused when this component mounted and, when
 * it unmounts leaving focus on <body> (or on nothing), puts focus back there — or on
 * the article when that element has gone. Call it before the effect that moves focus in.
 */
export function useReturnFocusOnUnmount(active: boolean): void {
  useLayoutEffect(() => {
    if (!active) return
    const before = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null
    return () => {
      setTimeout(() => {
        const now = document.activeElement
        if (now && now !== document.body && now.isConnected) return
        const target = before?.isConnected ? before : fallbackFocusTarget()
        target?.focus({ preventScroll: true })
      }, 0)
    }
  }, [active])
}
