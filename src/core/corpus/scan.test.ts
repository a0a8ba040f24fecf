import { existsSync } from 'node:fs'
import { chmod, readFile, readdir, realpath, stat, symlink, utimes } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import matter from 'gray-matter'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GlossError } from '../../shared/result'
import { buildTestCorpus, makeTempDir, removeDir, seedStylePair, writeCorpus } from '../../../tests/fixtures/corpus-builder'
import { articleIdFor } from './article-id'
import { WINDOWS_1252_NOTE } from './decode'
import type { CorpusArticle } from './corpus-article'
import { CorpusScanner, mapWithConcurrency, scanCorpus, type ScanResult } from './scan'
import { articleParagraphs, savedPage } from '../../../tests/fixtures/saved-pages'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

// gray-matter keeps this global cache but its type declarations do not mention it.
const grayMatterCache = (): Record<string, unknown> => (matter as unknown as { cache: Record<string, unknown> }).cache

declare global {
  var __glossScanPwned: unknown
}

let dir: string
beforeEach(async () => {
  dir = await realpath(await makeTempDir('gloss-scan-'))
})
afterEach(async () => {
  await removeDir(dir)
  delete globalThis.__glossScanPwned
})

async function scanFiles(files: Record<string, string | Buffer>, options?: Parameters<typeof scanCorpus>[1]): Promise<ScanResult> {
  await writeCorpus(dir, files)
  return scanCorpus(dir, options)
}

const byPath = (result: ScanResult, file: string): CorpusArticle | undefined => result.articles.find((a) => a.files[0] === file)

describe('scanCorpus: file shapes', () => {
  it.each<[string, Record<string, string | Buffer>, string, Partial<CorpusArticle>]>([
    [
      'Markdown with YAML front matter',
      {
        'essay.md':
          '---\ntitle: On Margins\ndate: 2021-03-04\ntags: [reading, notes]\nurl: https://www.example.com/margins\nauthor: Ada Example\nexcerpt: A short one.\n---\n\n# Heading in body\n\nFirst paragraph.\n'
      },
      'essay.md',
      {
        title: 'On Margins',
        published: '2021-03-04',
        sourceUrl: 'https://www.example.com/margins',
        source: 'example.com',
        topics: ['reading', 'notes'],
        author: 'Ada Example',
        excerpt: 'A short one.',
        format: 'markdown',
        body: '# Heading in body\n\nFirst paragraph.',
        words: 5,
        files: ['essay.md'],
        encodingNote: null
      }
    ],
    [
      'Markdown without front matter (title from the first # heading)',
      { 'notes.md': 'Some intro.\n\n# The Real Title\n\n- a *list*\n- with [a link](https://example.org)\n\n> a quote\n' },
      'notes.md',
      { title: 'The Real Title', published: null, source: null, sourceUrl: null, topics: [], format: 'markdown', body: 'Some intro.\n\n# The Real Title\n\n- a *list*\n- with [a link](https://example.org)\n\n> a quote' }
    ],
    ['Markdown without any heading (title from the file name)', { 'sub/no-heading.md': 'Just text.\n' }, 'sub/no-heading.md', { title: 'no-heading', body: 'Just text.' }],
    ['a .markdown file', { 'x.markdown': '# Long Extension\n\nBody.' }, 'x.markdown', { title: 'Long Extension', format: 'markdown' }],
    ['an upper-case .MD extension', { 'LOUD.MD': '# Loud\n\nBody.' }, 'LOUD.MD', { title: 'Loud', format: 'markdown' }],
    [
      'plain .txt (first non-empty line is the title)',
      { 'letter.txt': '\n\nA Letter Title\n\n\nFirst paragraph\nstill first.\n\nSecond paragraph.\n' },
      'letter.txt',
      { title: 'A Letter Title', format: 'text', body: 'First paragraph\nstill first.\n\nSecond paragraph.', words: 6 }
    ],
    ['.txt with CRLF line endings', { 'crlf.txt': 'CRLF Title\r\n\r\nBody line.\r\n' }, 'crlf.txt', { title: 'CRLF Title', body: 'Body line.' }],
    ['.txt holding only a title line', { 'one-line.txt': 'Remember the milk\n' }, 'one-line.txt', { title: 'Remember the milk', body: '', words: 0 }],
    [
      '.txt with front matter and a body',
      { 'fm.txt': '---\ntitle: Front Title\ndate: 2020-02-02\n---\nFirst line of body\n\nSecond paragraph.' },
      'fm.txt',
      { title: 'Front Title', published: '2020-02-02', body: 'First line of body\n\nSecond paragraph.', format: 'text' }
    ],
    [
      '.txt with front matter whose body repeats the title',
      { 'repeat.txt': '---\ntitle: “Curly” Title\n---\n"Curly" Title\n\nThe body.' },
      'repeat.txt',
      { title: '“Curly” Title', body: 'The body.' }
    ],
    [
      '.txt with front matter but no title field (title from the body’s first line)',
      { 'untitled.txt': '---\ntags: [a]\n---\n\nBody Title Line\n\nBody text.' },
      'untitled.txt',
      { title: 'Body Title Line', body: 'Body text.', topics: ['a'] }
    ],
    [
      'a file without extension recognised by its front matter',
      { 'clip-0001': '---\ntitle: No Extension\npublished: 2019-05-06\n---\nBody **markdown**.' },
      'clip-0001',
      { title: 'No Extension', published: '2019-05-06', format: 'markdown', body: 'Body **markdown**.' }
    ],
    [
      'Hugo / Zola TOML front matter',
      { 'tides.md': '+++\ntitle = "Tidal Clocks"\ndate = 2024-05-01T10:22:31+02:00\nauthors = ["[[Rosa Vidal]]"]\ntags = ["sea"]\n+++\n\nThe harbour keeps two times.\n' },
      'tides.md',
      { title: 'Tidal Clocks', published: '2024-05-01T10:22:31+02:00', author: 'Rosa Vidal', topics: ['sea'], body: 'The harbour keeps two times.' }
    ],
    [
      'Hugo JSON front matter (a bare object)',
      { 'braces.md': '{\n  "title": "Braces First",\n  "date": "2022-02-02"\n}\n\nA paragraph.\n' },
      'braces.md',
      { title: 'Braces First', published: '2022-02-02', body: 'A paragraph.' }
    ],
    [
      'an extension-less file with TOML front matter',
      { 'clip-0002': '+++\ntitle = "No Extension, TOML"\n+++\nBody.' },
      'clip-0002',
      { title: 'No Extension, TOML', body: 'Body.' }
    ],
    [
      'a UTF-8 file with a byte order mark and front matter',
      { 'bom.md': '\ufeff---\ntitle: With BOM\n---\nText.' },
      'bom.md',
      { title: 'With BOM', body: 'Text.' }
    ]
  ])('%s', async (_name, files, file, expected) => {
    const result = await scanFiles(files)
    expect(result.problems).toEqual([])
    expect(result.articles).toHaveLength(1)
    expect(byPath(result, file)).toMatchObject({ ...expected, id: articleIdFor(file) })
  })

  it.each([
    ['broken TOML', '+++\ntitle = \n+++\nBody.', /^Front matter is not valid TOML: /],
    ['broken JSON', '{\n  "title": "x",\n}\nBody.', /^Front matter is not valid JSON: /]
  ])('reports %s as a problem, not as body text', async (_name, text, reason) => {
    const result = await scanFiles({ 'broken.md': text })
    expect(result.articles).toEqual([])
    expect(result.problems).toEqual([{ path: 'broken.md', reason: expect.stringMatching(reason) }])
  })

  it.each<[string, Record<string, string | Buffer>]>([
    ['an image', { 'cover.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) }],
    ['a YAML file that starts with ---', { 'config.yml': '---\ntitle: not an article\n---\n' }],
    ['an extension-less file without front matter', { README: 'Just a readme' }],
    ['an extension-less file with binary content after ---', { blob: Buffer.from('---\ntitle: x\n---\n\0\0\0') }],
    ['an extension-less file with empty front matter', { empty: '---\n---\ntext' }],
    ['a file with an unknown extension and no front matter', { 'notes.org': '* Heading' }]
  ])('ignores %s silently', async (_name, files) => {
    const result = await scanFiles(files)
    expect(result).toEqual({ root: dir, articles: [], problems: [] })
  })
})

describe('scanCorpus: dates stay as written', () => {
  it.each([
    ['publishedDateTime: 2020-08-26T20:48:00Z', '2020-08-26T20:48:00Z'],
    ['date: 2021-03-04', '2021-03-04'],
    ['date: 2021-03-04 10:15:00', '2021-03-04 10:15:00'],
    ["date: '2021-03-04'", '2021-03-04'],
    ['published: 2023-11-02T08:15:00+01:00', '2023-11-02T08:15:00+01:00'],
    ['published: true\ncreated: 2018-07-01', '2018-07-01'],
    ['published: true', null]
  ])('%s → %s', async (line, expected) => {
    const result = await scanFiles({ 'dated.md': `---\ntitle: Dated\n${line}\n---\nBody.` })
    expect(result.articles[0].published).toBe(expected)
  })
})

describe('scanCorpus: bad input becomes a problem and never stops the scan', () => {
  const good = { 'good.md': '# Good\n\nStill listed.' }

  it.each<[string, Record<string, string | Buffer>, string | RegExp]>([
    ['an empty file', { 'empty.md': '' }, 'Empty file'],
    ['a whitespace-only file', { 'blank.txt': ' \n\t\n ' }, 'Empty file'],
    ['front matter with no fields and no text', { 'hollow.md': '---\n---\n\n' }, 'Empty file'],
    ['a binary .md', { 'photo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x01]) }, 'Binary file'],
    ['a binary .txt', { 'data.txt': Buffer.from('text\0more') }, 'Binary file'],
    ['broken YAML', { 'broken.md': '---\ntitle: [unclosed\ndate: 2020-01-01\n---\nBody.' }, /^Front matter is not valid YAML: .*\(line \d+, column \d+\)$/],
    ['---js front matter', { 'evil.md': "---js\n{ title: (globalThis.__glossScanPwned = 'ran') }\n---\nBody" }, 'JavaScript front matter is not allowed'],
    ['---javascript front matter', { 'evil.txt': "---javascript\nglobalThis.__glossScanPwned = 'ran'\n---\nBody" }, 'JavaScript front matter is not allowed']
  ])('%s', async (_name, files, reason) => {
    const result = await scanFiles({ ...good, ...files })
    const [badPath] = Object.keys(files)
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0].path).toBe(badPath)
    expect(result.problems[0].reason).toMatch(reason)
    expect(result.articles.map((a) => a.title)).toEqual(['Good'])
    expect(globalThis.__glossScanPwned).toBeUndefined()
  })

  it('reports a file over the size limit with its size, and still reads smaller ones', async () => {
    const result = await scanFiles({ ...good, 'huge.md': `# Huge\n\n${'word '.repeat(600_000)}` }, { maxFileBytes: 2 * 1024 * 1024 })
    expect(result.problems).toEqual([{ path: 'huge.md', reason: 'File is too large (2.9 MB; the limit is 2 MB)' }])
    expect(result.articles.map((a) => a.title)).toEqual(['Good'])
  })

  it('reads invalid UTF-8 as Windows-1252 and says so', async () => {
    const bytes = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' Title\n\nShe said '), Buffer.from([0x93]), Buffer.from('hello'), Buffer.from([0x94, 0x2e])])
    const result = await scanFiles({ 'old.txt': bytes })
    expect(result.problems).toEqual([])
    expect(result.articles[0]).toMatchObject({ title: 'Café Title', body: 'She said “hello”.', encodingNote: WINDOWS_1252_NOTE })
  })

  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0
  it.skipIf(runningAsRoot)('reports unreadable files and folders (skipped as root: root ignores permissions)', async () => {
    await writeCorpus(dir, { ...good, 'locked.md': '# Locked', 'closed/inside.md': '# Inside' })
    await chmod(path.join(dir, 'locked.md'), 0o000)
    await chmod(path.join(dir, 'closed'), 0o000)
    try {
      const result = await scanCorpus(dir)
      expect(result.problems).toEqual([
        { path: 'closed', reason: 'Permission denied: this folder cannot be opened' },
        { path: 'locked.md', reason: 'Permission denied: this file cannot be read' }
      ])
      expect(result.articles.map((a) => a.title)).toEqual(['Good'])
    } finally {
      await chmod(path.join(dir, 'locked.md'), 0o644)
      await chmod(path.join(dir, 'closed'), 0o755)
    }
  })

  it('lists many bad files and many good ones together', async () => {
    const files: Record<string, string | Buffer> = {}
    for (let i = 0; i < 30; i++) {
      files[`good-${i}.md`] = `# Good ${i}\n\nText ${i}.`
      files[`empty-${i}.txt`] = ''
      files[`binary-${i}.md`] = Buffer.from([0, 1, 2, i])
    }
    const result = await scanFiles(files)
    expect(result.articles).toHaveLength(30)
    expect(result.problems).toHaveLength(60)
  })
})

describe('scanCorpus: folders and links', () => {
  it('skips dot-folders, node_modules and hidden files', async () => {
    const result = await scanFiles({
      'visible.md': '# Visible',
      '.git/COMMIT.md': '# Hidden git',
      '.obsidian/workspace.md': '# Hidden obsidian',
      '.trash/old.md': '# Hidden trash',
      'node_modules/pkg/README.md': '# Package readme',
      'deep/node_modules/x/readme.txt': 'Package',
      '._visible.md': Buffer.from([0, 5, 22, 7]),
      'deep/nested/kept.txt': 'Kept\n\nBody'
    })
    expect(result.problems).toEqual([])
    expect(result.articles.map((a) => a.files[0])).toEqual(['deep/nested/kept.txt', 'visible.md'])
  })

  it('reports a folder link back to an ancestor as a loop and lists each file once', async () => {
    await writeCorpus(dir, { 'a/one.md': '# One', 'a/b/two.md': '# Two' })
    await symlink(dir, path.join(dir, 'a', 'b', 'to-root'))
    await symlink(path.join(dir, 'a'), path.join(dir, 'a', 'b', 'to-a'))
    const result = await scanCorpus(dir)
    expect(result.articles.map((a) => a.files[0])).toEqual(['a/b/two.md', 'a/one.md'])
    expect(result.problems).toEqual([
      { path: 'a/b/to-a', reason: 'Symbolic link loop: the link points back to a' },
      { path: 'a/b/to-root', reason: 'Symbolic link loop: the link points back to .' }
    ])
  })

  it('reports a link that points to itself', async () => {
    await writeCorpus(dir, { 'ok.md': '# Ok' })
    await symlink('self.md', path.join(dir, 'self.md'))
    const result = await scanCorpus(dir)
    expect(result.problems).toEqual([{ path: 'self.md', reason: 'Symbolic link loop: the link never reaches a real file or folder' }])
    expect(result.articles).toHaveLength(1)
  })

  it('follows links inside the root once, and refuses links that leave it', async () => {
    const outside = await realpath(await makeTempDir('gloss-outside-'))
    try {
      await writeCorpus(outside, { 'secret.md': '# Secret', 'folder/also.md': '# Also secret' })
      await writeCorpus(dir, { 'real/article.md': '# Real', 'other.txt': 'Other\n\nBody' })
      await symlink(path.join(outside, 'secret.md'), path.join(dir, 'leak.md'))
      await symlink(path.join(outside, 'folder'), path.join(dir, 'leak-folder'))
      await symlink(path.join(dir, 'other.txt'), path.join(dir, 'alias.txt'))
      await symlink(path.join(dir, 'real'), path.join(dir, 'alias-folder'))
      await symlink(path.join(dir, 'missing.md'), path.join(dir, 'dangling.md'))
      await symlink(path.join(dir, 'missing.png'), path.join(dir, 'dangling.png'))
      const result = await scanCorpus(dir)
      expect(result.articles.map((a) => a.files[0])).toEqual(['other.txt', 'real/article.md'])
      expect(result.problems).toEqual([
        { path: 'dangling.md', reason: 'Broken symbolic link: its target does not exist' },
        { path: 'leak-folder', reason: 'Symbolic link points outside the folder, so it was not followed' },
        { path: 'leak.md', reason: 'Symbolic link points outside the folder, so it was not followed' }
      ])
    } finally {
      await removeDir(outside)
    }
  })

  it('lists a file reached only through an inside link under the link’s path', async () => {
    await writeCorpus(dir, { '.stash/kept.md': '# Stashed' })
    await symlink(path.join(dir, '.stash', 'kept.md'), path.join(dir, 'kept.md'))
    const result = await scanCorpus(dir)
    expect(result.articles.map((a) => [a.files[0], a.title])).toEqual([['kept.md', 'Stashed']])
  })

  it('opens a root given through a symlink and reports its real path', async () => {
    await writeCorpus(dir, { 'corpus/a.md': '# A' })
    await symlink(path.join(dir, 'corpus'), path.join(dir, 'link'))
    const result = await scanCorpus(path.join(dir, 'link'))
    expect(result.root).toBe(path.join(dir, 'corpus'))
    expect(result.articles).toHaveLength(1)
  })

  it.each([
    ['a missing folder', 'missing', 'NOT_FOUND'],
    ['a file instead of a folder', 'file.md', 'BAD_INPUT']
  ])('throws for %s', async (_name, name, code) => {
    await writeCorpus(dir, { 'file.md': '# F' })
    const error = await scanCorpus(path.join(dir, name)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GlossError)
    expect((error as GlossError).code).toBe(code)
  })
})

describe('scanCorpus: seed-style pairs', () => {
  const paragraphs = ['The first paragraph explains the idea.', 'A second one adds detail, with “quotes” and a dash — here.', 'The last one ends it.']

  it('shows a metadata-only .txt and a body .txt as one article', async () => {
    const pair = seedStylePair({
      title: 'Owls Keep the Night Shift at the Library',
      paragraphs,
      published: '2020-08-26T20:48:00Z',
      url: 'https://www.example.com/2020/8/26/owls-night-shift',
      provider: { name: 'The Example Post', domain: 'example.com' },
      topics: ['Birds', 'Libraries'],
      excerpt: 'Owls, libraries, night.'
    })
    const result = await scanFiles({ ...pair.files, 'unrelated.md': '# Something Else\n\nText.' })
    expect(result.problems).toEqual([])
    expect(result.articles).toHaveLength(2)
    expect(byPath(result, pair.bodyPath)).toEqual({
      id: articleIdFor(pair.bodyPath),
      title: 'Owls Keep the Night Shift at the Library',
      published: '2020-08-26T20:48:00Z',
      source: 'The Example Post',
      sourceUrl: 'https://www.example.com/2020/8/26/owls-night-shift',
      topics: ['Birds', 'Libraries'],
      excerpt: 'Owls, libraries, night.',
      author: null,
      files: [pair.bodyPath, pair.metadataPath],
      words: 22,
      encodingNote: null,
      body: paragraphs.join('\n\n'),
      format: 'text',
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      bodyHash: expect.stringMatching(/^[0-9a-f]{16}$/)
    })
  })

  it('pairs titles that differ only in quotes, case, spacing and punctuation', async () => {
    const meta = seedStylePair({ title: 'The Archivist’s “Lost” Umbrellas — A Story', paragraphs })
    const result = await scanFiles({
      [meta.metadataPath]: meta.metadata,
      'body.txt': `the archivist's "lost" umbrellas: a  story\n\n${paragraphs.join('\n\n')}`
    })
    expect(result.articles).toHaveLength(1)
    expect(result.articles[0]).toMatchObject({ title: 'The Archivist’s “Lost” Umbrellas — A Story', files: ['body.txt', meta.metadataPath] })
  })

  it('pairs a metadata-only Markdown file with a Markdown body', async () => {
    const result = await scanFiles({
      'meta.md': '---\ntitle: Mixed Pair\nurl: https://example.org/mixed\n---\n',
      'text.md': '# Mixed Pair\n\nThe body.'
    })
    expect(result.articles).toHaveLength(1)
    expect(result.articles[0]).toMatchObject({ files: ['text.md', 'meta.md'], sourceUrl: 'https://example.org/mixed', format: 'markdown' })
  })

  it('never merges two complete articles that share a title', async () => {
    const result = await scanFiles({
      'first.md': '---\ntitle: Same Title\ndate: 2020-01-01\n---\nFirst body.',
      'second.md': '---\ntitle: Same Title\ndate: 2021-01-01\n---\nSecond body.',
      'third.txt': 'Same Title\n\nThird body, no metadata.'
    })
    expect(result.articles.map((a) => [a.files, a.body])).toEqual([
      [['first.md'], 'First body.'],
      [['second.md'], 'Second body.'],
      [['third.txt'], 'Third body, no metadata.']
    ])
  })

  it('keeps a metadata-only document without a partner as an article with no text', async () => {
    const pair = seedStylePair({ title: 'Alone in the Archive', paragraphs, excerpt: 'Only the excerpt is known.' })
    const result = await scanFiles({ [pair.metadataPath]: pair.metadata })
    expect(result.problems).toEqual([])
    expect(result.articles[0]).toMatchObject({ title: 'Alone in the Archive', body: '', words: 0, excerpt: 'Only the excerpt is known.', files: [pair.metadataPath] })
  })

  it('prefers the partner in the same folder when a title has several candidates', async () => {
    const a = seedStylePair({ title: 'Twice Clipped', paragraphs, folder: 'a', published: '2020-01-01T00:00:00Z' })
    const b = seedStylePair({ title: 'Twice Clipped', paragraphs, folder: 'b', published: '2022-02-02T00:00:00Z' })
    const result = await scanFiles({ ...a.files, [b.metadataPath]: b.metadata })
    expect(result.articles.map((x) => [x.files, x.published])).toEqual([
      [[a.bodyPath, a.metadataPath], '2020-01-01T00:00:00Z'],
      [[b.metadataPath], '2022-02-02T00:00:00Z']
    ])
  })

  it('leaves ambiguous candidates unpaired', async () => {
    const one = seedStylePair({ title: 'Ambiguous', paragraphs, index: 0 })
    const two = seedStylePair({ title: 'Ambiguous', paragraphs, index: 2, published: '2019-09-09T09:09:09Z' })
    const result = await scanFiles({ [one.metadataPath]: one.metadata, [two.metadataPath]: two.metadata, [one.bodyPath]: one.body })
    expect(result.articles).toHaveLength(3)
    expect(result.articles.every((x) => x.files.length === 1)).toBe(true)
  })

  it('pairs many seed-style clippings in one folder', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 300; i++) {
      Object.assign(files, seedStylePair({ title: `Clipping number ${i}`, paragraphs: [`Paragraph for clipping ${i}.`, 'Shared closing line.'], index: i * 2 }).files)
    }
    const result = await scanFiles(files)
    expect(result.problems).toEqual([])
    expect(result.articles).toHaveLength(300)
    expect(result.articles.every((x) => x.files.length === 2 && x.body.startsWith('Paragraph for clipping'))).toBe(true)
  })
})

describe('scanCorpus: identity and stability', () => {
  it('gives the same ids, order and fingerprints on every scan', async () => {
    await buildTestCorpus(dir)
    const first = await scanCorpus(dir)
    const second = await scanCorpus(dir)
    expect(second).toEqual(first)
    const paths = first.articles.map((a) => a.files[0])
    expect(paths).toEqual([...paths].sort())
  })

  it('keeps the fingerprint when a file is moved or re-wrapped, and changes it when the words change', async () => {
    const text = '# Moving Article\n\nOne two three\nfour five six.'
    const before = await scanFiles({ 'old/place.md': text })
    await removeDir(path.join(dir, 'old'))
    const after = await scanFiles({ 'new/spot.md': text.replace('three\nfour', 'three four').replace('six.', 'six.\n\n') })
    const edited = await scanFiles({ 'new/spot.md': text.replace('five', 'FIVE') })
    expect(after.articles[0].id).not.toBe(before.articles[0].id)
    expect(after.articles[0].fingerprint).toBe(before.articles[0].fingerprint)
    expect(edited.articles[0].fingerprint).not.toBe(before.articles[0].fingerprint)
  })

  it('gives metadata-only articles distinct fingerprints', async () => {
    const result = await scanFiles({ 'a.md': '---\ntitle: One\n---\n', 'b.md': '---\ntitle: Two\n---\n' })
    expect(result.articles[0].fingerprint).not.toBe(result.articles[1].fingerprint)
  })

  it('never writes into the corpus and never fills gray-matter’s cache', async () => {
    await buildTestCorpus(dir)
    const snapshot = async (): Promise<string[]> => {
      const entries = await readdir(dir, { recursive: true })
      const lines = await Promise.all(
        entries.map(async (entry) => {
          const info = await stat(path.join(dir, entry))
          return `${entry} ${info.size} ${info.mtimeMs} ${info.mode}`
        })
      )
      return lines.sort()
    }
    const before = await snapshot()
    await scanCorpus(dir)
    expect(await snapshot()).toEqual(before)
    expect(Object.keys(grayMatterCache())).toEqual([])
  })
})

describe('scanCorpus: shipped and test corpora', () => {
  it('reads the sample corpus in resources/ with zero problems', async () => {
    const result = await scanCorpus(path.join(repoRoot, 'resources', 'sample-corpus'))
    expect(result.problems).toEqual([])
    expect(result.articles).toHaveLength(7)
    expect(new Set(result.articles.map((a) => a.format))).toEqual(new Set(['markdown', 'text']))
    const extensions = new Set(result.articles.flatMap((a) => a.files).map((f) => path.extname(f)))
    expect(extensions).toEqual(new Set(['.md', '.markdown', '.txt', '']))
    const pair = result.articles.find((a) => a.files.length === 2)
    expect(pair).toMatchObject({ format: 'text', source: 'The Example Gazette', published: '2023-05-14T09:30:00Z' })
    for (const article of result.articles) {
      expect(article.words, article.title).toBeGreaterThanOrEqual(150)
      expect(article.words, article.title).toBeLessThanOrEqual(400)
    }
  })

  it('reads the E2E test corpus as the builder describes it', async () => {
    const corpus = await buildTestCorpus(dir)
    const result = await scanCorpus(dir)
    expect(Object.fromEntries(result.articles.map((a) => [a.files[0], a.title]))).toEqual(corpus.articles)
    expect(result.problems.map((p) => p.path)).toEqual(corpus.problemPaths)
    const pair = result.articles.find((a) => a.title === corpus.pairTitle)
    expect(pair?.files).toHaveLength(2)
    expect(pair?.body).toContain(corpus.pairSentence)
    expect(result.articles.find((a) => a.title === corpus.unsafeTitle)?.body).toContain('onerror="window.__pwned=1"')
  })

  const seeds = path.resolve(repoRoot, '..', 'shared', 'seeds')
  it.skipIf(!existsSync(seeds))('pairs the real seed files into one article (skipped when ../shared/seeds is absent)', async () => {
    const names = (await readdir(seeds)).sort()
    const [metadataName, bodyName] = names
    const bodyText = await readFile(path.join(seeds, bodyName), 'utf8')
    const result = await scanCorpus(seeds)
    expect(result.problems).toEqual([])
    expect(result.articles).toHaveLength(1)
    const [article] = result.articles
    const firstLineEnd = bodyText.indexOf('\n')
    expect(article.files).toEqual([bodyName, metadataName])
    expect(article.title).toBe(bodyText.slice(0, firstLineEnd).trim())
    expect(article.body).toBe(bodyText.slice(firstLineEnd).trim())
    expect(article).toMatchObject({ published: '2020-08-26T20:48:00Z', source: 'The Verge', topics: ['Computer Vision', 'AI'], format: 'text' })
    expect(article.sourceUrl).toMatch(/^https:\/\/www\.theverge\.com\//)
  })
})

describe('mapWithConcurrency', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0
    let peak = 0
    const results = await mapWithConcurrency(Array.from({ length: 50 }, (_, i) => i), 4, async (n) => {
      running++
      peak = Math.max(peak, running)
      await new Promise((resolve) => setTimeout(resolve, n % 3))
      running--
      return n * 2
    })
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => i * 2))
    expect(peak).toBe(4)
  })

  it('handles an empty list', async () => {
    expect(await mapWithConcurrency([], 8, async () => 1)).toEqual([])
  })
})

describe('scanCorpus: saved web pages', () => {
  const page = savedPage({ title: 'Two clocks on one quay', paragraphs: articleParagraphs(5) })

  it('lists a page as an article with its metadata, and never the parts in its _files folder', async () => {
    const result = await scanFiles({
      'saved/Two clocks.html': page,
      'saved/Two clocks_files/reader.html': savedPage({ title: 'A frame of the page', paragraphs: articleParagraphs(5, 2) }),
      'saved/Two clocks_files/notes.md': '# Not mine\n\nA part of the page.',
      'saved/old.htm': savedPage({ title: 'An older page', paragraphs: articleParagraphs(4, 1) }),
      'saved/strict.xhtml': savedPage({ title: 'Strict page', paragraphs: articleParagraphs(4, 3) }),
      'saved/login.html': '<!doctype html><html><head><title>Sign in</title></head><body><form><input name="u"><button>Sign in</button></form></body></html>'
    })
    expect(result.articles.map((a) => [a.files[0], a.format, a.title])).toEqual([
      ['saved/Two clocks.html', 'html', 'Two clocks on one quay'],
      ['saved/old.htm', 'html', 'An older page'],
      ['saved/strict.xhtml', 'html', 'Strict page']
    ])
    expect(byPath(result, 'saved/Two clocks.html')).toMatchObject({
      author: 'Maren Ostby',
      source: 'The Harbour Ledger',
      sourceUrl: 'https://ledger.example.org/2024/05/tide-clocks',
      published: '2024-05-01T00:30:00+02:00',
      topics: ['harbours', 'timekeeping']
    })
    expect(byPath(result, 'saved/Two clocks.html')!.body).toContain(articleParagraphs(5)[2])
    expect(result.problems).toEqual([{ path: 'saved/login.html', reason: expect.stringMatching(/^Not an article: /) }])
  })

  it('keeps a page’s summary in the scan cache: an unchanged page is not extracted again', async () => {
    const cacheFile = path.join(`${dir}-cache`, 'scan.json')
    const stamp = new Date('2024-01-02T03:04:05Z')
    const page = path.join(dir, 'page.html')
    try {
      await writeCorpus(dir, { 'page.html': savedPage({ title: 'Two clocks on one quay', paragraphs: articleParagraphs(5) }) })
      await utimes(page, stamp, stamp)
      const first = await CorpusScanner.open(dir, { cacheFile })
      await first.scan()
      await first.flushCache()
      // Same size and modification time, other title: only the cache still knows the old one.
      await writeCorpus(dir, { 'page.html': savedPage({ title: 'Two clocks on one QUAY', paragraphs: articleParagraphs(5) }) })
      await utimes(page, stamp, stamp)
      const second = await CorpusScanner.open(dir, { cacheFile })
      const again = await second.scan()
      await second.flushCache()
      expect(again.articles.map((a) => [a.title, a.format])).toEqual([['Two clocks on one quay', 'html']])
    } finally {
      await removeDir(`${dir}-cache`)
    }
  })
})
