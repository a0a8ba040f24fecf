import { describe, expect, it } from 'vitest'
import { firstMarkdownHeading, normaliseTitle, splitTitleLine } from './title'

describe('normaliseTitle', () => {
  it.each([
    ['Curly ‘quotes’ and “doubles”', "curly 'quotes' and \"doubles\""],
    ['  Extra   spaces\tand\nlines ', 'extra spaces and lines'],
    ['Punctuation: dashes — and… dots!', 'punctuation dashes and dots'],
    ['ＦＵＬＬＷＩＤＴＨ ｔｅｘｔ', 'fullwidth text'],
    ['Café', 'café']
  ])('%j', (a, b) => {
    expect(normaliseTitle(a)).toBe(normaliseTitle(b))
  })

  it('keeps different words apart', () => {
    expect(normaliseTitle('The archive')).not.toBe(normaliseTitle('The archives'))
  })
})

describe('firstMarkdownHeading', () => {
  it.each([
    ['# Plain heading\n\nText', 'Plain heading'],
    ['Intro line\n\n# Later heading', 'Later heading'],
    ['## Second level only\n\n# Then first', 'Then first'],
    ['# Closing hashes ##', 'Closing hashes'],
    ['# With *emphasis*, `code` and [a link](https://example.com)', 'With emphasis, code and a link'],
    ['```\n# not a heading\n```\n\n# Real heading', 'Real heading'],
    ['~~~md\n# fenced\n~~~\nSetext title\n===', 'Setext title'],
    ['#hashtag is not a heading\n\nText', null],
    ['No heading here', null]
  ])('%j → %j', (markdown, title) => {
    expect(firstMarkdownHeading(markdown)).toBe(title)
  })
})

describe('splitTitleLine', () => {
  it.each([
    ['Title\n\n\nBody one.\n\nBody two.', 'Title', '\n\nBody one.\n\nBody two.'],
    ['\n\n  Indented title  \nBody', 'Indented title', 'Body'],
    ['Only a title', 'Only a title', ''],
    ['  \n \n', null, '']
  ])('%j', (text, title, rest) => {
    expect(splitTitleLine(text)).toEqual({ title, rest })
  })
})
