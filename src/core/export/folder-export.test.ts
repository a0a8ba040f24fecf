import { mkdir, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import yaml from 'js-yaml'
import type { Nodes } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { splitFrontMatter } from '../../shared/export/front-matter-merge'
import { glossIdOf, REGION_BEGIN, REGION_END } from '../../shared/export/managed-file'
import { compileTemplate } from '../../shared/export/template'
import { buildExportCorpus } from './build-export-corpus'
import { ChangedMeanwhileError, createFileAtomically, OutsideFolderError, replaceFileAtomically } from './confined-files'
import { exportManifestFile as manifestPath } from '../store/data-folder'
import { exportToFolder, type FolderExportOptions, type FolderExportReport } from './folder-export'
import { openCorpus } from './open-corpus'
import {
  LIGHTHOUSE_TITLE,
  makeAnnotatedCorpus,
  RIVER_TITLE,
  SPECIAL_QUOTES,
  SPECIAL_TITLE,
  steppingClock,
  type AnnotatedCorpus
} from './test-support/annotated-corpus'
import { hashTree } from './test-support/hash-tree'

let corpus: AnnotatedCorpus
let outside: string
let vault: string

beforeEach(async () => {
  corpus = await makeAnnotatedCorpus()
  // The vault sits in a folder of its own, next to a file that must never change.
  outside = path.join(corpus.base, 'outside')
  vault = path.join(outside, 'Vault')
  await mkdir(outside, { recursive: true })
  await writeFile(path.join(outside, 'neighbour.md'), '---\ngloss_id: "not-ours"\n---\nA file next to the vault.\n')
})

afterEach(async () => {
  await corpus.cleanup()
})

const clock = steppingClock('2024-06-01T00:00:00.000Z')

async function exportVault(options: Partial<FolderExportOptions> = {}): Promise<FolderExportReport> {
  const { session, close } = await openCorpus(corpus.root, corpus.dataDir, clock)
  try {
    const model = buildExportCorpus(session, { exportedAt: clock().toISOString(), articles: 'all' })
    return await exportToFolder({ corpus: model, folder: vault, dataDir: corpus.dataDir, ...options })
  } finally {
    await close()
  }
}

async function withSession<T>(run: (session: Awaited<ReturnType<typeof openCorpus>>['session']) => T): Promise<T> {
  const { session, close } = await openCorpus(corpus.root, corpus.dataDir, clock)
  try {
    return run(session)
  } finally {
    await close()
  }
}

const files = (report: FolderExportReport, kind: 'create' | 'update' | 'unchanged' | 'skippedDeleted') => report[kind].map((e) => e.file).sort()
const read = (name: string) => readFile(path.join(vault, name), 'utf8')
const articleId = (title: string) => withSession((s) => s.scan.articles.find((a) => a.title === title)!.id)

function plain(node: Nodes): string {
  if (node.type === 'text') return node.value
  if (node.type === 'root' || node.type === 'blockquote') return node.children.map(plain).join('\n\n')
  return 'children' in node ? (node.children as Nodes[]).map(plain).join('') : `⟨${node.type}⟩`
}

describe('first export', () => {
  it('writes one file per annotated article, named from its title, with gloss_id and the Gloss region', async () => {
    const report = await exportVault()
    expect(files(report, 'create')).toEqual([`${RIVER_TITLE}.md`, 'Signs Quotes , pipes & {{braces}}.md', `${LIGHTHOUSE_TITLE}.md`])
    expect([...report.update, ...report.unchanged, ...report.skippedDeleted, ...report.problems]).toEqual([])
    expect((await readdir(vault)).sort()).toEqual(files(report, 'create'))

    const river = await read(`${RIVER_TITLE}.md`)
    expect(glossIdOf(river)).toBe(await articleId(RIVER_TITLE))
    const front = yaml.load(splitFrontMatter(river)!.yaml) as Record<string, unknown>
    expect(front).toMatchObject({ title: RIVER_TITLE, source: 'The River Desk', url: 'https://rivers.example/calendar', tags: ['Water', 'Seasons'] })
    expect(river.split('\n').filter((l) => l === REGION_BEGIN || l === REGION_END)).toEqual([REGION_BEGIN, REGION_END])
    expect(river).toContain('> written in silt and driftwood\n\n^hl-')
    expect(river).toMatch(/\[Open in Gloss\]\(gloss:\/\/open\?corpus=[^)]+&highlight=[^)]+\)/)
  })

  it('carries quotes and notes full of special characters intact: the front matter and every quote parse back', async () => {
    await exportVault()
    const special = await read('Signs Quotes , pipes & {{braces}}.md')
    expect((yaml.load(splitFrontMatter(special)!.yaml) as { title: string }).title).toBe(SPECIAL_TITLE)
    // Notes quoting the markers cannot end the region early.
    expect(special.split('\n').filter((l) => l.startsWith('<!-- gloss:'))).toEqual([REGION_BEGIN, REGION_END])
    const tree = fromMarkdown(splitFrontMatter(special)!.body)
    expect(tree.children.filter((n) => n.type === 'blockquote').map(plain)).toEqual(SPECIAL_QUOTES)
  })

  it('refuses to write into the corpus folder', async () => {
    await expect(exportVault({ folder: path.join(corpus.root, 'notes') })).rejects.toMatchObject({ code: 'BAD_INPUT' })
    await expect(exportVault({ folder: corpus.root })).rejects.toMatchObject({ code: 'BAD_INPUT' })
  })

  it('never overwrites a file that is already there: a new name is found', async () => {
    await mkdir(vault)
    await writeFile(path.join(vault, `${RIVER_TITLE}.md`), 'My own note with the same name.\n')
    await writeFile(path.join(vault, `${LIGHTHOUSE_TITLE.toLowerCase()}.MD`), 'Same name, other case.\n')
    const report = await exportVault()
    expect(files(report, 'create')).toContain(`${RIVER_TITLE} 2.md`)
    expect(files(report, 'create')).toContain(`${LIGHTHOUSE_TITLE} 2.md`)
    expect(await read(`${RIVER_TITLE}.md`)).toBe('My own note with the same name.\n')
  })

  it('names files from a template', async () => {
    const report = await exportVault({ fileNameTemplate: compileTemplate('{{published_date}} {{slug}}', 'fileName') })
    expect(files(report, 'create')).toContain('2023-05-02 rivers-keep-their-own-calendar.md')
  })
})

describe('re-export', () => {
  it('with nothing changed writes nothing', async () => {
    await exportVault()
    const before = await hashTree(vault)
    const report = await exportVault()
    expect(files(report, 'unchanged')).toHaveLength(3)
    expect([...report.create, ...report.update]).toEqual([])
    expect(await hashTree(vault)).toEqual(before)
  })

  it('keeps what the user wrote outside the region and their front matter, finds renamed and moved files, and updates the region', async () => {
    await exportVault()
    // The user renames one note into a subfolder, writes around the region, adds front matter.
    await mkdir(path.join(vault, 'Reading'))
    await rename(path.join(vault, `${RIVER_TITLE}.md`), path.join(vault, 'Reading', 'River calendar (mine).md'))
    const original = await readFile(path.join(vault, 'Reading', 'River calendar (mine).md'), 'utf8')
    const edited = original
      .replace('tags:\n  - "Water"', 'rating: 5\nstatus: "reading"\ntags:\n  - "Water"\n  - "to-review"')
      .replace(`${REGION_BEGIN}`, `My summary, written in Obsidian.\n\n${REGION_BEGIN}`)
      .concat('\n## Follow-up\n\n- call the river desk ^my-block\n')
    await writeFile(path.join(vault, 'Reading', 'River calendar (mine).md'), edited)
    // Meanwhile in Gloss: a new highlight and an edited note.
    await withSession((session) => {
      const id = session.scan.articles.find((a) => a.title === RIVER_TITLE)!.id
      const text = session.getArticle(id).text
      const start = text.indexOf('the meltwater arrives first as a rumour')
      session.createHighlight({ articleId: id, start, end: start + 'the meltwater arrives first as a rumour'.length, color: 'pink', note: 'Spring!' })
    })

    const report = await exportVault()
    expect(files(report, 'update')).toEqual(['Reading/River calendar (mine).md'])
    expect(report.create).toEqual([])
    expect(files(report, 'unchanged')).toHaveLength(2)
    const updated = await readFile(path.join(vault, 'Reading', 'River calendar (mine).md'), 'utf8')
    expect(updated).toContain('> the meltwater arrives first as a rumour')
    expect(updated).toContain('Spring!')
    expect(updated).toContain(`My summary, written in Obsidian.\n\n${REGION_BEGIN}`)
    expect(updated.endsWith(`${REGION_END}\n\n## Follow-up\n\n- call the river desk ^my-block\n`)).toBe(true)
    const front = yaml.load(splitFrontMatter(updated)!.yaml) as Record<string, unknown>
    expect(front).toMatchObject({ rating: 5, status: 'reading', tags: ['Water', 'to-review', 'Seasons'] })
    expect(front.exported).not.toBe((yaml.load(splitFrontMatter(original)!.yaml) as Record<string, unknown>).exported)
    // Everything outside the region and the exported key is byte for byte the user's.
    const outsideRegion = (text: string) => text.replace(/<!-- gloss:begin[\s\S]*<!-- gloss:end -->/, '').replace(/exported: .*\n/, '')
    expect(outsideRegion(updated)).toBe(outsideRegion(edited))
    expect((await readdir(vault)).sort()).toEqual(['Reading', 'Signs Quotes , pipes & {{braces}}.md', `${LIGHTHOUSE_TITLE}.md`])
  })

  it('follows an article whose file was renamed in the corpus: its note is updated, not written twice', async () => {
    await exportVault()
    const oldId = await articleId(RIVER_TITLE)
    await rename(path.join(corpus.root, 'rivers.md'), path.join(corpus.root, 'rivers-renamed.md'))
    const newId = await articleId(RIVER_TITLE)
    expect(newId).not.toBe(oldId)
    const report = await exportVault()
    expect(report.update).toEqual([{ articleId: newId, title: RIVER_TITLE, file: `${RIVER_TITLE}.md` }])
    expect(report.create).toEqual([])
    expect(glossIdOf(await read(`${RIVER_TITLE}.md`))).toBe(newId)
    expect(files(await exportVault(), 'unchanged')).toHaveLength(3)
    // Deleted after the move: stays deleted.
    await rm(path.join(vault, `${RIVER_TITLE}.md`))
    expect(files(await exportVault(), 'skippedDeleted')).toEqual([`${RIVER_TITLE}.md`])
  })

  it('updates the file of an article whose highlights were all deleted', async () => {
    await exportVault()
    await withSession((session) => {
      const id = session.scan.articles.find((a) => a.title === LIGHTHOUSE_TITLE)!.id
      for (const h of session.getArticle(id).highlights) session.deleteHighlight(h.id)
    })
    const report = await exportVault()
    expect(files(report, 'update')).toEqual([`${LIGHTHOUSE_TITLE}.md`])
    const lighthouse = await read(`${LIGHTHOUSE_TITLE}.md`)
    expect(lighthouse).not.toContain('> She logs the weather')
    expect(lighthouse).toContain(`${REGION_BEGIN}\n\n# ${LIGHTHOUSE_TITLE}\n\n${REGION_END}`)
  })

  it('does not bring back a file the user deleted, unless asked to', async () => {
    await exportVault()
    await rm(path.join(vault, `${LIGHTHOUSE_TITLE}.md`))
    const skipped = await exportVault()
    expect(files(skipped, 'skippedDeleted')).toEqual([`${LIGHTHOUSE_TITLE}.md`])
    expect(skipped.create).toEqual([])
    expect(await readdir(vault)).not.toContain(`${LIGHTHOUSE_TITLE}.md`)
    // Still remembered as deleted the time after.
    expect(files(await exportVault(), 'skippedDeleted')).toEqual([`${LIGHTHOUSE_TITLE}.md`])
    const recreated = await exportVault({ recreateDeleted: true })
    expect(files(recreated, 'create')).toEqual([`${LIGHTHOUSE_TITLE}.md`])
    expect(glossIdOf(await read(`${LIGHTHOUSE_TITLE}.md`))).toBe(await articleId(LIGHTHOUSE_TITLE))
  })

  it('leaves a file alone whose markers the user removed, and says so', async () => {
    await exportVault()
    const river = await read(`${RIVER_TITLE}.md`)
    const mine = river
      .split('\n')
      .filter((line) => line !== REGION_BEGIN && line !== REGION_END)
      .join('\n')
    await writeFile(path.join(vault, `${RIVER_TITLE}.md`), mine)
    await withSession((session) => session.setArticleNote(session.scan.articles.find((a) => a.title === RIVER_TITLE)!.id, 'changed'))
    const report = await exportVault()
    expect(report.problems).toEqual([expect.objectContaining({ file: `${RIVER_TITLE}.md`, reason: expect.stringMatching(/markers were removed/) })])
    expect(await read(`${RIVER_TITLE}.md`)).toBe(mine)
  })

  it('updates only one of two files with the same gloss_id and reports the other', async () => {
    await exportVault()
    await writeFile(path.join(vault, 'copy.md'), await read(`${RIVER_TITLE}.md`))
    await withSession((session) => session.setArticleNote(session.scan.articles.find((a) => a.title === RIVER_TITLE)!.id, 'changed'))
    const copy = await read('copy.md')
    const report = await exportVault()
    expect(files(report, 'update')).toEqual([`${RIVER_TITLE}.md`])
    expect(report.problems).toEqual([expect.objectContaining({ file: 'copy.md', reason: expect.stringMatching(/same gloss_id/) })])
    expect(await read('copy.md')).toBe(copy)
  })
})

describe('the user\'s edits are never lost', () => {
  const addRiverHighlight = (phrase: string) =>
    withSession((session) => {
      const id = session.scan.articles.find((a) => a.title === RIVER_TITLE)!.id
      const start = session.getArticle(id).text.indexOf(phrase)
      session.createHighlight({ articleId: id, start, end: start + phrase.length, color: 'pink' })
    })

  it.each([
    ['with nothing new in Gloss', false],
    ['while Gloss has a new highlight', true]
  ])('an edit inside the Gloss region is kept and reported as a conflict, %s', async (_case, changeInGloss) => {
    await exportVault()
    const river = await read(`${RIVER_TITLE}.md`)
    const mine = river.replace(`${REGION_BEGIN}\n\n`, `${REGION_BEGIN}\n\nMy thought, typed into the region.\n\n`)
    expect(mine).not.toBe(river)
    await writeFile(path.join(vault, `${RIVER_TITLE}.md`), mine)
    if (changeInGloss) await addRiverHighlight('the meltwater arrives first as a rumour')
    const dry = await exportVault({ dryRun: true })
    const report = await exportVault()
    expect({ ...dry, dryRun: false }).toEqual(report)
    expect(report.problems).toEqual([expect.objectContaining({ file: `${RIVER_TITLE}.md`, reason: expect.stringMatching(/you edited inside the Gloss region/) })])
    expect(files(report, 'update')).toEqual([])
    expect(await read(`${RIVER_TITLE}.md`)).toBe(mine)
    // Still a conflict the next time, until the user moves their lines out of the region.
    expect((await exportVault()).problems).toHaveLength(1)
    await writeFile(path.join(vault, `${RIVER_TITLE}.md`), mine.replace('My thought, typed into the region.\n\n', '').replace('---\n\n', '---\n\nMy thought, typed into the region.\n\n'))
    const resolved = await exportVault()
    expect(resolved.problems).toEqual([])
    expect(await read(`${RIVER_TITLE}.md`)).toContain(`My thought, typed into the region.\n\n${REGION_BEGIN}`)
  })

  it('a file whose front matter the user broke is reported as broken (with the line), not as deleted, and left as it is', async () => {
    await exportVault()
    const river = await read(`${RIVER_TITLE}.md`)
    const broken = river.replace('title: "', 'title: [unclosed\nsubtitle: "')
    await writeFile(path.join(vault, `${RIVER_TITLE}.md`), broken)
    await withSession((session) => session.setArticleNote(session.scan.articles.find((a) => a.title === RIVER_TITLE)!.id, 'changed'))
    const report = await exportVault()
    expect(report.skippedDeleted).toEqual([])
    expect(report.create).toEqual([])
    expect(report.problems).toEqual([expect.objectContaining({ file: `${RIVER_TITLE}.md`, reason: expect.stringMatching(/front matter is not valid YAML \(line \d+: /) })])
    expect(await read(`${RIVER_TITLE}.md`)).toBe(broken)
  })

  it('a file Gloss wrote whose gloss_id the user removed is reported, not treated as deleted or written twice', async () => {
    await exportVault()
    const river = await read(`${RIVER_TITLE}.md`)
    const mine = river.replace(/^gloss_id: .*\n/m, '')
    await writeFile(path.join(vault, `${RIVER_TITLE}.md`), mine)
    const report = await exportVault({ recreateDeleted: true })
    expect(report.create).toEqual([])
    expect(report.problems).toEqual([expect.objectContaining({ file: `${RIVER_TITLE}.md`, reason: expect.stringMatching(/gloss_id .*was removed/) })])
    expect(await read(`${RIVER_TITLE}.md`)).toBe(mine)
  })

  it('re-exporting with a template that marks new highlights writes nothing when nothing changed, and marks what is new', async () => {
    const template = compileTemplate('---\ntitle: {{yaml.title}}\n---\n\nLast export: {{last_export}}\n{{#highlights}}\n- {{quote_line}}{{#is_new}} (new){{/is_new}}\n{{/highlights}}\n')
    await exportVault({ template })
    expect(await read(`${RIVER_TITLE}.md`)).not.toContain('(new)')
    const before = await hashTree(vault)
    const again = await exportVault({ template })
    expect([...again.create, ...again.update, ...again.problems]).toEqual([])
    expect(await hashTree(vault)).toEqual(before)
    await addRiverHighlight('the meltwater arrives first as a rumour')
    const report = await exportVault({ template })
    expect(files(report, 'update')).toEqual([`${RIVER_TITLE}.md`])
    const river = await read(`${RIVER_TITLE}.md`)
    expect(river).toContain('- the meltwater arrives first as a rumour (new)')
    expect(river.match(/\(new\)/g)).toHaveLength(1)
    expect(river).toMatch(/Last export: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\n/)
    // And once written, the same state again is unchanged.
    expect((await exportVault({ template })).update).toEqual([])
  })
})

describe('file names', () => {
  async function exportTitled(title: (index: number) => string, options: Partial<FolderExportOptions> = {}): Promise<FolderExportReport> {
    const { session, close } = await openCorpus(corpus.root, corpus.dataDir, clock)
    try {
      const model = buildExportCorpus(session, { exportedAt: clock().toISOString(), articles: 'all' })
      const retitled = { ...model, articles: model.articles.map((a, i) => ({ ...a, title: title(i) })) }
      return await exportToFolder({ corpus: retitled, folder: vault, dataDir: corpus.dataDir, ...options })
    } finally {
      await close()
    }
  }

  it.each([
    ['a 120-character Chinese title', () => '长江与黄河的洪水记录'.repeat(12)],
    ['a title of 90 emoji', () => '🌊'.repeat(90)],
    ['a title with %% and link-breaking characters', () => 'Notes %%draft%% [a] #b ^c |d \\e :f *g ?h "i" <j>']
  ])('%s: every file is written (names within 255 bytes, one per article, counters included)', async (_case, makeTitle) => {
    const title = (_index: number) => makeTitle()
    const dry = await exportTitled(title, { dryRun: true })
    const report = await exportTitled(title)
    expect({ ...dry, dryRun: false }).toEqual(report)
    expect(report.problems).toEqual([])
    expect(report.create).toHaveLength(3)
    const names = await readdir(vault)
    expect(names).toHaveLength(3)
    for (const name of names) {
      expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255)
      expect(name).not.toMatch(/%%|[[\]#^|\\:*?"<>]/)
    }
    // The title still finds the file in Obsidian: it is the alias.
    const front = yaml.load(splitFrontMatter(await read(names[0]))!.yaml) as Record<string, unknown>
    expect(front.aliases).toEqual([title(0)])
  })

  it('a dry run predicts a name that cannot be written, and the real run reports the same instead of failing', async () => {
    // A vault so deep that a long name would pass the system's path limit.
    let deep = outside
    while (Buffer.byteLength(deep) < 3900) deep = path.join(deep, 'd'.repeat(200))
    await mkdir(deep, { recursive: true })
    vault = deep
    const title = () => '河'.repeat(80)
    const dry = await exportTitled(title, { dryRun: true })
    expect(dry.create).toEqual([])
    expect(dry.problems).toHaveLength(3)
    for (const problem of dry.problems) expect(problem.reason).toMatch(/path would be \d+ bytes long/)
    const real = await exportTitled(title)
    expect({ ...dry, dryRun: false }).toEqual(real)
    expect(await readdir(vault)).toEqual([])
  })
})

describe('dry run', () => {
  it('reports what a real run would do and writes nothing, not even the folder', async () => {
    const parentBefore = await hashTree(outside)
    const dataBefore = await hashTree(corpus.dataDir, (rel) => rel.startsWith('corpora'))
    const dry = await exportVault({ dryRun: true })
    expect(await hashTree(outside)).toEqual(parentBefore)
    expect(await hashTree(corpus.dataDir, (rel) => rel.startsWith('corpora'))).toEqual(dataBefore)
    const real = await exportVault()
    expect({ ...dry, dryRun: false }).toEqual(real)
  })

  it('on a vault that was exported to before, lists updates, unchanged and deleted files', async () => {
    await exportVault()
    await rm(path.join(vault, `${LIGHTHOUSE_TITLE}.md`))
    await withSession((session) => session.setArticleNote(session.scan.articles.find((a) => a.title === RIVER_TITLE)!.id, 'changed'))
    const before = await hashTree(outside)
    const manifest = await readFile(manifestPath(corpus.dataDir, vault, corpus.root), 'utf8').catch(() => null)
    const dry = await exportVault({ dryRun: true })
    expect({ create: files(dry, 'create'), update: files(dry, 'update'), unchanged: files(dry, 'unchanged'), skippedDeleted: files(dry, 'skippedDeleted') }).toEqual({
      create: [],
      update: [`${RIVER_TITLE}.md`],
      unchanged: ['Signs Quotes , pipes & {{braces}}.md'],
      skippedDeleted: [`${LIGHTHOUSE_TITLE}.md`]
    })
    expect(await hashTree(outside)).toEqual(before)
    expect(await readFile(manifestPath(corpus.dataDir, vault, corpus.root), 'utf8').catch(() => null)).toBe(manifest)
  })
})

describe('confinement', () => {
  it('touches nothing outside the folder: not its parent, not files that symlinks inside it lead to', async () => {
    const riverId = await articleId(RIVER_TITLE)
    const lure = path.join(outside, 'lure.md')
    await writeFile(lure, `---\ngloss_id: "${riverId}"\n---\n\n${REGION_BEGIN}\n\nold\n\n${REGION_END}\n`)
    await mkdir(path.join(outside, 'elsewhere'))
    await writeFile(path.join(outside, 'elsewhere', 'note.md'), `---\ngloss_id: "${riverId}"\n---\n`)
    await mkdir(vault)
    await symlink(lure, path.join(vault, 'link-out.md'))
    await symlink(path.join(outside, 'elsewhere'), path.join(vault, 'linked-folder'))
    const skipVault = (rel: string) => rel === 'Vault' || rel.startsWith('Vault/')
    const before = await hashTree(outside, skipVault)
    const report = await exportVault()
    await exportVault()
    expect(await hashTree(outside, skipVault)).toEqual(before)
    // The river note was created fresh inside the vault instead.
    expect(files(report, 'create')).toContain(`${RIVER_TITLE}.md`)
    expect(report.problems).toEqual([])
  })

  it('follows a symlink that stays inside the folder, writing the file it points to', async () => {
    await exportVault()
    await rename(path.join(vault, `${RIVER_TITLE}.md`), path.join(vault, 'real.md'))
    await symlink(path.join(vault, 'real.md'), path.join(vault, 'alias.md'))
    await withSession((session) => session.setArticleNote(session.scan.articles.find((a) => a.title === RIVER_TITLE)!.id, 'a new note'))
    const report = await exportVault()
    expect(files(report, 'update')).toEqual(['real.md'])
    expect(report.problems).toEqual([])
    expect(await read('real.md')).toContain('a new note')
    expect((await stat(path.join(vault, 'alias.md'))).isFile()).toBe(true)
  })

  it('createFileAtomically refuses names that leave the folder and never replaces a file', async () => {
    await mkdir(vault)
    for (const name of ['../escape.md', 'a/b.md', '..\\escape.md']) {
      await expect(createFileAtomically(vault, vault, name, 'x')).rejects.toBeInstanceOf(OutsideFolderError)
    }
    await writeFile(path.join(vault, 'taken.md'), 'mine')
    await expect(createFileAtomically(vault, vault, 'taken.md', 'theirs')).rejects.toMatchObject({ code: 'EEXIST' })
    expect(await read('taken.md')).toBe('mine')
    expect((await readdir(vault)).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('replaceFileAtomically leaves a file alone that changed since it was read', async () => {
    await mkdir(vault)
    const file = path.join(vault, 'note.md')
    await writeFile(file, 'typed just now')
    await expect(replaceFileAtomically(vault, file, 'what Gloss read', 'new')).rejects.toBeInstanceOf(ChangedMeanwhileError)
    expect(await read('note.md')).toBe('typed just now')
    expect((await readdir(vault)).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })
})

describe('templates', () => {
  it('a template whose front matter breaks for one article: that article is a problem, the others are written', async () => {
    const template = compileTemplate('---\ntitle: {{title_raw}}\n---\n\n# {{title}}\n')
    const report = await exportVault({ template })
    // "Signs: ..." makes `title: Signs: "Quotes"…` invalid YAML; the other titles are fine.
    expect(report.problems).toEqual([expect.objectContaining({ title: SPECIAL_TITLE, reason: expect.stringMatching(/not valid YAML.*yaml\.title/) })])
    expect(files(report, 'create')).toEqual([`${RIVER_TITLE}.md`, `${LIGHTHOUSE_TITLE}.md`])
  })
})
