// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { NoteMarkdown } from './note-markdown'

afterEach(cleanup)

const html = (text: string, inline = false) => render(<NoteMarkdown text={text} inline={inline} />).container.innerHTML

describe('NoteMarkdown', () => {
  it.each([
    ['emphasis without its asterisks', '*marginalia* and **bold**', '<div><p><em>marginalia</em> and <strong>bold</strong></p></div>'],
    ['strikethrough and code', '~~old~~ `ferry`', '<div><p><s>old</s> <code>ferry</code></p></div>'],
    ['a list', '- one\n- two', '<div><ul><li>one</li><li>two</li></ul></div>'],
    ['raw HTML as its text, never markup', 'a <img src=x onerror=alert(1)> b', '<div><p>a &lt;img src=x onerror=alert(1)&gt; b</p></div>'],
    ['an image as its alt text, not fetched', '![the pier](https://example.com/pier.jpg)', '<div><p>the pier</p></div>'],
    ['a javascript: link as text', '[click](javascript:alert(1))', '<div><p><span class="note-link">click</span></p></div>'],
    ['a heading as emphasis, not an outline level', '# Ferries', '<div><p><strong>Ferries</strong></p></div>']
  ])('%s', (_name, text, expected) => {
    expect(html(text)).toBe(expected)
  })

  it('makes a web link clickable, opened outside like an article link', () => {
    const link = render(<NoteMarkdown text="See [the timetable](https://example.com/ferries)." />).getByRole('link', { name: 'the timetable' })
    expect(link.getAttribute('href')).toBe('https://example.com/ferries')
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toBe('noopener noreferrer')
  })

  it('inline: phrasing content only, links as text (it sits inside a button)', () => {
    const out = html('First *line*\n\n- a\n- [b](https://example.com)', true)
    expect(out).toBe('<span>First <em>line</em><br>• a<br>• <span class="note-link">b</span></span>')
    expect(out).not.toMatch(/<(p|ul|li|a)\b/)
  })
})
