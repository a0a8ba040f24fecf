// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Splitter } from './splitter'
import type { PaneSide } from './splitter-value'

afterEach(cleanup)

// jsdom has no PointerEvent: a MouseEvent that carries a pointer id is all the splitter reads.
if (typeof window.PointerEvent === 'undefined') {
  class PointerEventStandIn extends MouseEvent {
    readonly pointerId: number
    constructor(type: string, init: PointerEventInit = {}) {
      super(type, init)
      this.pointerId = init.pointerId ?? 0
    }
  }
  window.PointerEvent = PointerEventStandIn as typeof PointerEvent
}

const limits = { min: 180, max: 640, step: 16 }

function Sized({ pane, onResize }: { pane: PaneSide; onResize: (width: number, final: boolean) => void }) {
  const [width, setWidth] = useState(300)
  return (
    <Splitter
      label="Resize library"
      pane={pane}
      width={width}
      limits={limits}
      onResize={(next, final) => {
        setWidth(next)
        onResize(next, final)
      }}
      onReset={() => setWidth(300)}
    />
  )
}

describe('Splitter', () => {
  it('is a focusable vertical separator that tells its width and limits', () => {
    render(<Sized pane="left" onResize={() => undefined} />)
    const splitter = screen.getByRole('separator', { name: 'Resize library' })
    expect(splitter.tabIndex).toBe(0)
    expect(splitter.getAttribute('aria-orientation')).toBe('vertical')
    expect([splitter.getAttribute('aria-valuenow'), splitter.getAttribute('aria-valuemin'), splitter.getAttribute('aria-valuemax')]).toEqual([
      '300',
      '180',
      '640'
    ])
  })

  it('resizes with the keys, saves each key press, and goes back to the default on double-click', () => {
    const onResize = vi.fn()
    render(<Sized pane="left" onResize={onResize} />)
    const splitter = screen.getByRole('separator')
    fireEvent.keyDown(splitter, { key: 'ArrowRight' })
    fireEvent.keyDown(splitter, { key: 'ArrowRight', shiftKey: true })
    expect(splitter.getAttribute('aria-valuenow')).toBe('380')
    fireEvent.keyDown(splitter, { key: 'End' })
    fireEvent.keyDown(splitter, { key: 'End' })
    expect(onResize.mock.calls).toEqual([
      [316, true],
      [380, true],
      [640, true]
    ])
    // Keys that are not the splitter's do nothing and are not swallowed.
    expect(fireEvent.keyDown(splitter, { key: 'Tab' })).toBe(true)
    expect(fireEvent.keyDown(splitter, { key: 'ArrowRight', ctrlKey: true })).toBe(true)
    fireEvent.doubleClick(splitter)
    expect(splitter.getAttribute('aria-valuenow')).toBe('300')
  })

  it('follows a mouse drag, saving for good when the button is released', () => {
    const onResize = vi.fn()
    render(<Sized pane="right" onResize={onResize} />)
    const splitter = screen.getByRole('separator')
    fireEvent.pointerDown(splitter, { button: 0, pointerId: 1, clientX: 900 })
    fireEvent.pointerMove(splitter, { pointerId: 1, clientX: 880 })
    fireEvent.pointerMove(splitter, { pointerId: 1, clientX: 850 })
    fireEvent.pointerUp(splitter, { pointerId: 1, clientX: 850 })
    expect(onResize.mock.calls).toEqual([
      [320, false],
      [350, false],
      [350, true]
    ])
    expect(splitter.getAttribute('aria-valuenow')).toBe('350')
  })
})
