// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { focusableIn, Modal } from './modal'

afterEach(cleanup)

function Radios({ checked }: { checked: string | null }) {
  return (
    <Modal title="Pick" onClose={() => undefined}>
      {['One', 'Two', 'Three'].map((label) => (
        <label key={label}>
          <input type="radio" name="pick" value={label} defaultChecked={label === checked} />
          {label}
        </label>
      ))}
      <button type="button">Done</button>
    </Modal>
  )
}

describe('focusableIn', () => {
  it('counts a radio group once, at its checked radio, as Tab does', () => {
    render(<Radios checked="Two" />)
    const names = focusableIn(screen.getByRole('dialog')).map((el) => (el as HTMLInputElement).value || el.textContent)
    expect(names).toEqual(['Two', 'Done'])
  })

  it('lists every radio of a group with none checked', () => {
    render(<Radios checked={null} />)
    const names = focusableIn(screen.getByRole('dialog')).map((el) => (el as HTMLInputElement).value || el.textContent)
    expect(names).toEqual(['One', 'Two', 'Three', 'Done'])
  })
})
