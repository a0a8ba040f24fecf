// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TagInput } from './tag-input'

afterEach(cleanup)

const KNOWN = ['history', 'Cold war', 'craft', 'art history']

function Harness({ initial = [] as string[], save = async (_tags: string[]) => undefined as unknown, onOuterKey = (_key: string) => undefined }) {
  const [tags, setTags] = useState(initial)
  return (
    // The holder's own Escape handler, like the highlight popover's.
    <div onKeyDown={(e) => onOuterKey(e.key)}>
      <TagInput
        label="Tags"
        tags={tags}
        onChange={async (next) => {
          await save(next)
          setTags(next)
        }}
        loadSuggestions={async () => KNOWN}
      />
    </div>
  )
}

const box = () => screen.getByRole('combobox', { name: 'Tags' })
const chips = () => within(screen.queryByRole('list', { name: 'Tags' }) ?? document.createElement('ul')).queryAllByRole('listitem').map((li) => li.firstChild?.textContent)
const type = (text: string) => fireEvent.change(box(), { target: { value: text } })
const key = (k: string, init: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(box(), { key: k, ...init })

describe('TagInput', () => {
  it('adds typed tags with Enter, comma and Tab, tidied, and a second spelling is a no-op', async () => {
    const save = vi.fn(async () => undefined)
    render(<Harness save={save} />)
    fireEvent.focus(box())
    type('  new   idea ')
    key('Enter')
    await waitFor(() => expect(chips()).toEqual(['new idea']))
    type('second')
    key(',')
    type('third')
    key('Tab')
    await waitFor(() => expect(chips()).toEqual(['new idea', 'second', 'third']))
    type('NEW IDEA')
    key('Enter')
    expect(await screen.findByText('Already tagged NEW IDEA')).toBeTruthy()
    expect(chips()).toEqual(['new idea', 'second', 'third'])
    expect(save).toHaveBeenLastCalledWith(['new idea', 'second', 'third'])
  })

  it('suggests existing tags case-insensitively and picks one with the arrow keys', async () => {
    render(<Harness initial={['craft']} />)
    fireEvent.focus(box())
    await waitFor(() => undefined)
    type('HIST')
    const list = screen.getByRole('listbox', { name: 'Tags: suggestions' })
    // Starting with what is typed first; tags already on the item are not offered.
    await waitFor(() => expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['history', 'art history']))
    expect(box().getAttribute('aria-expanded')).toBe('true')
    key('ArrowDown')
    key('ArrowDown')
    expect(box().getAttribute('aria-activedescendant')).toBe(within(list).getAllByRole('option')[1].id)
    expect(within(list).getAllByRole('option')[1].getAttribute('aria-selected')).toBe('true')
    key('Enter')
    await waitFor(() => expect(chips()).toEqual(['craft', 'art history']))
  })

  it('takes the folder\'s spelling of an existing tag', async () => {
    render(<Harness />)
    fireEvent.focus(box())
    await waitFor(() => undefined)
    type('cold WAR')
    key('Enter')
    await waitFor(() => expect(chips()).toEqual(['Cold war']))
  })

  it('Backspace in the empty box removes the last tag; each chip has its own remove button', async () => {
    render(<Harness initial={['a', 'b', 'c']} />)
    key('Backspace')
    await waitFor(() => expect(chips()).toEqual(['a', 'b']))
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag a' }))
    await waitFor(() => expect(chips()).toEqual(['b']))
    type('x')
    key('Backspace')
    expect(chips()).toEqual(['b'])
  })

  it('the first Escape closes the suggestions only; the next one reaches the holder', async () => {
    const outer = vi.fn()
    render(<Harness onOuterKey={outer} />)
    fireEvent.focus(box())
    await waitFor(() => undefined)
    type('h')
    await waitFor(() => expect(box().getAttribute('aria-expanded')).toBe('true'))
    key('Escape')
    expect(box().getAttribute('aria-expanded')).toBe('false')
    expect(outer).not.toHaveBeenCalledWith('Escape')
    key('Escape')
    expect(outer).toHaveBeenCalledWith('Escape')
  })

  it.each([
    ['a comma inside a pasted list splits it', 'one, two, thr', ['one', 'two'], 'thr'],
    ['a tag too long is refused with the reason, and stays to be fixed', `${'x'.repeat(101)},`, [], 'x'.repeat(101)]
  ])('%s', async (_name, pasted, tags, left) => {
    render(<Harness />)
    type(pasted)
    await waitFor(() => expect(chips()).toEqual(tags))
    expect((box() as HTMLInputElement).value).toBe(left)
    if (!tags.length) expect(screen.getByTestId('tag-input-status').textContent).toMatch(/at most 100/)
  })

  it('puts the old list back and says so when saving fails', async () => {
    render(<Harness initial={['kept']} save={async () => Promise.reject(new Error('disk full'))} />)
    type('lost')
    key('Enter')
    await waitFor(() => expect(screen.getByTestId('tag-input-status').textContent).toBe('Not saved: disk full'))
    expect(chips()).toEqual(['kept'])
  })
})
