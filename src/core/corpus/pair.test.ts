import { describe, expect, it } from 'vitest'
import { pairMetadataWithBody } from './pair'
import { parseDocument, type ParsedDocument } from './parse-file'

const doc = (path: string, text: string): ParsedDocument => {
  const parsed = parseDocument({ path, text, format: path.endsWith('.txt') ? 'text' : 'markdown', encodingNote: null })
  if (!parsed.ok) throw new Error(parsed.reason)
  return parsed.document
}
const meta = (path: string, title: string): ParsedDocument => doc(path, `---\ntitle: ${JSON.stringify(title)}\n---\n`)
const body = (path: string, title: string): ParsedDocument => doc(path, `${title}\n\nBody of ${path}.`)
const complete = (path: string, title: string): ParsedDocument => doc(path, `---\ntitle: ${JSON.stringify(title)}\n---\nOwn body.`)

describe('pairMetadataWithBody', () => {
  it.each<[string, ParsedDocument[], string[][]]>([
    ['one metadata file and one body file', [meta('000.txt', 'A Title'), body('001.txt', 'A Title')], [['001.txt', '000.txt']]],
    ['titles in different folders, still unique', [meta('x/000.txt', 'A Title'), body('y/001.txt', 'a title!')], [['y/001.txt', 'x/000.txt']]],
    ['different titles', [meta('000.txt', 'One'), body('001.txt', 'Two')], [['000.txt'], ['001.txt']]],
    ['two complete articles', [complete('a.md', 'Same'), complete('b.md', 'Same')], [['a.md'], ['b.md']]],
    ['a complete article and a body', [complete('a.md', 'Same'), body('b.txt', 'Same')], [['a.md'], ['b.txt']]],
    ['a complete article and metadata', [complete('a.md', 'Same'), meta('b.txt', 'Same')], [['a.md'], ['b.txt']]],
    ['two metadata files, one body, same folder', [meta('m1.txt', 'T'), meta('m2.txt', 'T'), body('b.txt', 'T')], [['b.txt'], ['m1.txt'], ['m2.txt']]],
    ['one metadata file, two bodies, same folder', [meta('m.txt', 'T'), body('b1.txt', 'T'), body('b2.txt', 'T')], [['b1.txt'], ['b2.txt'], ['m.txt']]],
    [
      'ambiguous across folders, unambiguous within each',
      [meta('a/m.txt', 'T'), body('a/b.txt', 'T'), meta('b/m.txt', 'T'), body('b/b.txt', 'T')],
      [['a/b.txt', 'a/m.txt'], ['b/b.txt', 'b/m.txt']]
    ],
    ['two metadata files in different folders, body next to one', [meta('a/m.txt', 'T'), body('a/b.txt', 'T'), meta('c/m.txt', 'T')], [['a/b.txt', 'a/m.txt'], ['c/m.txt']]],
    ['a lone metadata file', [meta('m.txt', 'Alone')], [['m.txt']]]
  ])('%s', (_name, documents, files) => {
    expect(pairMetadataWithBody(documents).map((article) => article.files)).toEqual(files)
  })

  it('takes metadata from the metadata file and text from the body file', () => {
    const metadata = doc('000.txt', '---\ntitle: "The ‘Real’ Title"\nexcerpt: Short.\ntopics: [A]\noriginalUrl: https://www.example.com/x\n---\n')
    const [article] = pairMetadataWithBody([metadata, body('001.txt', "The 'Real' Title")])
    expect(article).toMatchObject({
      title: 'The ‘Real’ Title',
      excerpt: 'Short.',
      topics: ['A'],
      source: 'example.com',
      body: 'Body of 001.txt.',
      words: 3,
      format: 'text'
    })
  })
})
