// @vitest-environment jsdom
// The reader's header tells why a text is not shown in full (the core's textNotice).
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Article } from '../../../../shared/model'
import { ReaderView } from './reader-view'

afterEach(cleanup)

const article = (patch: Partial<Article>): Article => ({
  id: 'a1',
  title: 'Deep Outline',
  published: null,
  source: null,
  sourceUrl: null,
  topics: [],
  excerpt: null,
  author: null,
  files: ['outline.md'],
  words: 3,
  highlightCount: 0,
  tags: [],
  progress: null,
  encodingNote: null,
  text: '- level 0\n  - level 1',
  blocks: [{ type: 'paragraph', text: '- level 0\n  - level 1', marks: [], start: 0 }],
  highlights: [],
  note: '',
  progressOffset: null,
  ...patch
})

const show = (a: Article) => render(<ReaderView article={a} bodyRef={null} flashId={null} onActivateHighlight={() => undefined} />)

describe('ReaderView: text notices', () => {
  it.each([
    ['a file too complex to lay out', 'Too complex to display: shown as plain text (it took longer than 5 s to lay out)'],
    ['a file that cannot be read now', 'Not a regular file (a named pipe): it is not read']
  ])('%s: the notice is shown above the text', (_case, notice) => {
    show(article({ textNotice: notice }))
    expect(screen.getByRole('note')).toHaveProperty('textContent', notice)
  })

  it('a complete text has no notice', () => {
    show(article({}))
    expect(screen.queryByRole('note')).toBeNull()
  })

  it('an unreadable file with no text says the text cannot be shown', () => {
    show(article({ text: '', blocks: [], textNotice: 'Not a regular file (a named pipe): it is not read' }))
    expect(screen.getByText('The text of this article cannot be shown.')).toBeTruthy()
  })
})
