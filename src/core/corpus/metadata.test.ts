import { describe, expect, it } from 'vitest'
import { hostName, mapMetadata } from './metadata'

describe('mapMetadata', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    // title
    ['title as written', { title: '  Spaced title ' }, { title: 'Spaced title' }],
    ['a numeric title', { title: 1984 }, { title: '1984' }],
    ['a title of the wrong type is ignored', { title: ['a', 'b'] }, { title: null }],
    ['an empty title is ignored', { title: '' }, { title: null }],
    // published: first present wins, booleans are not dates
    ['publishedDateTime before date', { publishedDateTime: '2020-08-26T20:48:00Z', date: '2019-01-01' }, { published: '2020-08-26T20:48:00Z' }],
    ['published: true is skipped for date', { published: true, date: '2021-03-04' }, { published: '2021-03-04' }],
    ['created as the last resort', { created: '2022-09-07' }, { published: '2022-09-07' }],
    ['a free-text date Date.parse understands', { date: 'March 4, 2021' }, { published: 'March 4, 2021' }],
    ['a word that is not a date', { date: 'soon' }, { published: null }],
    ['a Date object becomes a bare ISO date at midnight UTC', { date: new Date('2021-03-04T00:00:00Z') }, { published: '2021-03-04' }],
    ['a Date object with a time keeps it', { date: new Date('2020-08-26T20:48:00Z') }, { published: '2020-08-26T20:48:00Z' }],
    ['a number is not a date', { date: 20210304 }, { published: null }],
    // source URL and name
    ['originalUrl before webUrl', { originalUrl: 'https://www.example.com/a', webUrl: 'https://example.com/b' }, { sourceUrl: 'https://www.example.com/a', source: 'example.com' }],
    ['url field', { url: 'http://news.example.org/x' }, { sourceUrl: 'http://news.example.org/x', source: 'news.example.org' }],
    ['source as a URL', { source: 'https://example.net/clip' }, { sourceUrl: 'https://example.net/clip', source: 'example.net' }],
    ['source as a name', { source: 'The Example Post' }, { sourceUrl: null, source: 'The Example Post' }],
    ['a javascript: URL is not a source URL', { url: 'javascript:alert(1)' }, { sourceUrl: null, source: null }],
    ['a URL without scheme is not a source URL', { url: 'www.example.com/x' }, { sourceUrl: null }],
    ['provider.name before the host', { provider: { name: 'Example Times', domain: 'example.com' }, url: 'https://example.com' }, { source: 'Example Times' }],
    ['site before the host', { site: 'Example Site', url: 'https://www.example.com' }, { source: 'Example Site' }],
    ['a provider without a name falls back to the host', { provider: { domain: 'x' }, url: 'https://www.example.com/' }, { source: 'example.com' }],
    // topics
    ['topics list', { topics: ['Computer Vision', 'AI'], category: 'news' }, { topics: ['Computer Vision', 'AI'] }],
    ['tags as a comma separated string', { tags: 'archive, fiction,  libraries ' }, { topics: ['archive', 'fiction', 'libraries'] }],
    ['duplicates dropped regardless of case and #', { tags: ['Reading', 'reading', '#reading', 'Notes'] }, { topics: ['Reading', 'Notes'] }],
    ['categories when nothing earlier', { categories: ['typography', 'design'] }, { topics: ['typography', 'design'] }],
    ['a single category string', { category: 'news' }, { topics: ['news'] }],
    ['wrong-typed items skipped', { tags: ['ok', { nested: true }, null, 7] }, { topics: ['ok', '7'] }],
    ['an empty topics list lets tags through', { topics: [], tags: ['fallback'] }, { topics: ['fallback'] }],
    ['topics of the wrong type', { topics: { a: 1 } }, { topics: [] }],
    // excerpt and author
    ['excerpt', { excerpt: 'Short.', description: 'Long.' }, { excerpt: 'Short.' }],
    ['description when no excerpt', { description: 'Described.' }, { excerpt: 'Described.' }],
    ['author as a string', { author: 'Ada Example' }, { author: 'Ada Example' }],
    ['author as {name}', { author: { name: 'Tomas Example' } }, { author: 'Tomas Example' }],
    ['authors as a list', { authors: ['A. One', { name: 'B. Two' }, 3] }, { author: 'A. One, B. Two' }],
    ['author of the wrong type', { author: 42 }, { author: null }],
    // what Obsidian Web Clipper, MarkDownload, Jekyll and Zola write
    ['wiki-link authors as plain names', { author: ['[[Jane Doe]]', '[[people/Li Wei|Li Wei]]'] }, { author: 'Jane Doe, Li Wei' }],
    ['a wiki-link author string', { author: '[[Amal Haddad]]' }, { author: 'Amal Haddad' }],
    ['MarkDownload’s created date', { created: '2024-05-01T10:22:31 (UTC +02:00)' }, { published: '2024-05-01T10:22:31 (UTC +02:00)' }],
    ['Jekyll’s date', { date: '2024-05-01 10:22:31 +0200' }, { published: '2024-05-01 10:22:31 +0200' }],
    ['Zola’s taxonomies.tags', { taxonomies: { tags: ['sea', 'time'] } }, { topics: ['sea', 'time'] }]
  ])('%s', (_name, data, expected) => {
    expect(mapMetadata(data)).toMatchObject(expected)
  })

  it('never reads inherited properties', () => {
    const data = Object.create({ title: 'inherited' }) as Record<string, unknown>
    expect(mapMetadata(data).title).toBeNull()
  })
})

describe('hostName', () => {
  it.each([
    ['https://www.example.com/a?b=c', 'example.com'],
    ['https://WWW.Example.org', 'example.org'],
    ['https://sub.example.net', 'sub.example.net'],
    ['not a url', null]
  ])('%s → %s', (url, host) => {
    expect(hostName(url)).toBe(host)
  })
})
