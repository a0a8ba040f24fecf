import { describe, expect, it } from 'vitest'
import { pathFromDroppedText, pathFromFileUrl } from './dropped-path'

describe('pathFromFileUrl', () => {
  it.each<[string, string | null]>([
    ['file:///home/reader/Clippings', '/home/reader/Clippings'],
    ['file:///home/reader/Clippings/', '/home/reader/Clippings'],
    ['file:///home/reader/Press%20cuttings%20%C3%A9t%C3%A9', '/home/reader/Press cuttings été'],
    ['file://localhost/srv/articles', '/srv/articles'],
    ['file:///', '/'],
    ['file:///C:/Users/reader/Clippings', 'C:\\Users\\reader\\Clippings'],
    ['file:///c:/', 'c:\\'],
    ['file://nas/share/articles', '\\\\nas\\share\\articles'],
    ['https://example.org/articles', null],
    ['javascript:alert(1)', null],
    ['/home/reader/Clippings', null],
    ['file:///bad%ZZescape', null],
    ['file:///nul%00byte', null]
  ])('%s → %s', (url, expected) => {
    expect(pathFromFileUrl(url)).toBe(expected)
  })
})

describe('pathFromDroppedText', () => {
  it.each<[string, string, string | null]>([
    ['a uri-list from a file manager', 'file:///home/reader/Clippings\r\n', '/home/reader/Clippings'],
    ['comments are skipped', '# dragged from Files\nfile:///data/papers', '/data/papers'],
    ['the first file URL of several', 'https://example.org/\nfile:///data/a\nfile:///data/b', '/data/a'],
    ['plain text that is not a URL', 'some words dragged from a page', null],
    ['empty', '', null]
  ])('%s', (_name, text, expected) => {
    expect(pathFromDroppedText(text)).toBe(expected)
  })
})
