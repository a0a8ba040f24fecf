import { execFile } from 'node:child_process'
import { access, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseGlossLink } from '../shared/export/gloss-link'
import { REGION_BEGIN } from '../shared/export/managed-file'
import { runCli } from './cli'
import { EXIT } from './exit-codes'
import { articleParagraphs, savedPage } from '../../tests/fixtures/saved-pages'
import { FIXED_EXPORT_TIME, makeAnnotatedCorpus, RIVER_TITLE, type AnnotatedCorpus } from '../core/export/test-support/annotated-corpus'
import { hashTree } from '../core/export/test-support/hash-tree'

let corpus: AnnotatedCorpus
beforeEach(async () => {
  corpus = await makeAnnotatedCorpus()
})
afterEach(async () => {
  await corpus.cleanup()
})

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { now: () => FIXED_EXPORT_TIME, timeZone: 'UTC' })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false
  )

describe('export', () => {
  it('writes the whole-corpus Markdown by default, as before, now with links back', async () => {
    const out = path.join(corpus.base, 'notes.md')
    const result = await cli('export', corpus.root, '--data-dir', corpus.dataDir, '--out', out)
    expect(result).toMatchObject({ code: 0, out: `Wrote ${out}` })
    const markdown = await readFile(out, 'utf8')
    // Obsidian's Date & time: no zone, no milliseconds.
    expect(markdown.startsWith('---\ntitle: "Clippings"\nexported: "2024-06-01T09:30:00"\n---\n\n# Clippings\n\n## ')).toBe(true)
    expect(markdown).toContain(`## ${RIVER_TITLE}`)
    const link = /\[Open in Gloss\]\((gloss:[^)]+)\)/.exec(markdown)?.[1]
    expect(parseGlossLink(link)?.corpus).toBe(corpus.root)
  })

  it.each([
    ['json', (text: string) => expect(JSON.parse(text)).toMatchObject({ type: 'AnnotationCollection', generated: '2024-06-01T09:30:00.000Z' })],
    ['csv', (text: string) => expect(text.startsWith('\uFEFFkind,article_id,')).toBe(true)],
    ['md', (text: string) => expect(text).toContain('# Clippings')]
  ])('--format %s', async (format, check) => {
    const out = path.join(corpus.base, `out.${format}`)
    expect((await cli('export', corpus.root, '--format', format, '--out', out, '--data-dir', corpus.dataDir)).code).toBe(0)
    check(await readFile(out, 'utf8'))
  })

  it('--format md-folder writes one file per article, a dry run first writes nothing', async () => {
    const vault = path.join(corpus.base, 'vault')
    const dry = await cli('export', corpus.root, '--format', 'md-folder', '--out', vault, '--data-dir', corpus.dataDir, '--dry-run', '--json')
    expect(dry.code).toBe(0)
    const report = JSON.parse(dry.out)
    expect(report).toMatchObject({ dryRun: true, update: [], unchanged: [], skippedDeleted: [], problems: [] })
    expect(report.create).toHaveLength(3)
    expect(await exists(vault)).toBe(false)

    const real = await cli('export', corpus.root, '--format', 'md-folder', '--out', vault, '--data-dir', corpus.dataDir)
    expect(real.code).toBe(0)
    expect(real.out).toContain('Did create: 3')
    expect((await readdir(vault)).sort()).toEqual(report.create.map((e: { file: string }) => e.file).sort())
    const again = await cli('export', corpus.root, '--format', 'md-folder', '--out', vault, '--data-dir', corpus.dataDir)
    expect(again.out).toContain('Unchanged: 3')
  })

  it('exits 3 when a folder export left a file alone, and lists it on stderr', async () => {
    const vault = path.join(corpus.base, 'vault')
    expect((await cli('export', corpus.root, '--format', 'md-folder', '--out', vault, '--data-dir', corpus.dataDir)).code).toBe(0)
    // A copy carries the same gloss_id: only the original is updated, the copy is left alone.
    const [first] = (await readdir(vault)).sort()
    await writeFile(path.join(vault, 'copy.md'), await readFile(path.join(vault, first), 'utf8'))
    const again = await cli('export', corpus.root, '--format', 'md-folder', '--out', vault, '--data-dir', corpus.dataDir)
    expect(again.code).toBe(3)
    expect(again.err).toMatch(/^Left alone: 1\n {2}copy\.md: another file \(.+\.md\) has the same gloss_id/m)
  })

  it(`md-folder exits ${EXIT.leftAlone} when a file is left alone (and a dry run says it would be), naming the file and why`, async () => {
    const vault = path.join(corpus.base, 'vault')
    expect((await cli('export', corpus.root, '--format', 'md-folder', '--out', vault, '--data-dir', corpus.dataDir)).code).toBe(0)
    const file = path.join(vault, `${RIVER_TITLE}.md`)
    const mine = (await readFile(file, 'utf8')).replace(`${REGION_BEGIN}\n\n`, `${REGION_BEGIN}\n\nMine.\n\n`)
    await writeFile(file, mine)
    const dry = await cli('export', corpus.root, '--format', 'md-folder', '--out', vault, '--data-dir', corpus.dataDir, '--dry-run')
    expect(dry.code).toBe(EXIT.leftAlone)
    expect(dry.err).toContain(`Would leave alone: 1\n  ${RIVER_TITLE}.md: you edited inside the Gloss region`)
    const real = await cli('export', corpus.root, '--format', 'md-folder', '--out', vault, '--data-dir', corpus.dataDir)
    expect(real.code).toBe(EXIT.leftAlone)
    expect(real.err).toContain(`Left alone: 1\n  ${RIVER_TITLE}.md: you edited inside the Gloss region`)
    expect(await readFile(file, 'utf8')).toBe(mine)
  })

  it('--template renders each article with the user’s template; --file-name-template names md-folder files', async () => {
    const template = path.join(corpus.base, 'template.md')
    await writeFile(template, '# {{title}}\n{{#highlights}}\n- {{quote_line}} ({{color}})\n{{/highlights}}\n')
    const out = path.join(corpus.base, 'templated.md')
    expect((await cli('export', corpus.root, '--template', template, '--out', out, '--data-dir', corpus.dataDir)).code).toBe(0)
    expect(await readFile(out, 'utf8')).toContain(`# ${RIVER_TITLE}\n- written in silt and driftwood (yellow)\n`)
    const vault = path.join(corpus.base, 'vault')
    const result = await cli('export', corpus.root, '--format', 'md-folder', '--out', vault, '--template', template, '--file-name-template', 'Gloss - {{slug}}', '--data-dir', corpus.dataDir)
    expect(result.code).toBe(0)
    const river = await readFile(path.join(vault, 'Gloss - rivers-keep-their-own-calendar.md'), 'utf8')
    expect(river).toContain(`${REGION_BEGIN}\n\n# ${RIVER_TITLE}\n- written in silt and driftwood (yellow)`)
  })

  it.each([
    ['a broken template', ['--template', 'BROKEN'], /gloss: Template, line 2, column 1: \{\{#highlights\}\} is not closed: add \{\{\/highlights\}\}/],
    ['a template that is not there', ['--template', 'missing.md'], /cannot read the template missing\.md \(ENOENT\)/],
    ['a template for JSON', ['--format', 'json', '--template', 'BROKEN'], /Templates apply to the md and md-folder formats only/],
    ['an unknown format', ['--format', 'pdf'], /Unknown format "pdf"/],
    ['a mistyped option', ['--dryrun'], /Unknown option --dryrun/],
    ['an option without its value', ['--format'], /--format needs a value/]
  ])('refuses %s (exit 2) and writes nothing', async (_case, extra, message) => {
    await writeFile(path.join(corpus.base, 'BROKEN'), 'x\n{{#highlights}}\n')
    const before = await hashTree(corpus.base, (rel) => rel.startsWith('data'))
    const args = extra.map((a) => (a === 'BROKEN' ? path.join(corpus.base, 'BROKEN') : a === 'missing.md' ? path.join(corpus.base, 'missing.md') : a))
    const result = await cli('export', corpus.root, '--out', path.join(corpus.base, 'out.md'), '--data-dir', corpus.dataDir, ...args)
    expect(result.code).toBe(2)
    expect(result.err.replace(corpus.base + path.sep, '')).toMatch(message)
    expect(await hashTree(corpus.base, (rel) => rel.startsWith('data'))).toEqual(before)
  })

  it('never writes into the corpus folder', async () => {
    const before = await hashTree(corpus.root)
    for (const format of ['md', 'json', 'csv', 'md-folder']) {
      const result = await cli('export', corpus.root, '--format', format, '--out', path.join(corpus.root, `inside.${format}`), '--data-dir', corpus.dataDir)
      expect(result.code).toBe(1)
      expect(result.err).toMatch(/never writes into the folder it reads/)
    }
    expect(await hashTree(corpus.root)).toEqual(before)
  })

  it('--dry-run for a single file writes nothing', async () => {
    const out = path.join(corpus.base, 'dry.json')
    const result = await cli('export', corpus.root, '--format', 'json', '--out', out, '--dry-run', '--data-dir', corpus.dataDir)
    expect(result.out).toMatch(/^Would write .*dry\.json \(\d+ bytes\)$/)
    expect(await exists(out)).toBe(false)
  })
})

describe('import', () => {
  it('imports a JSON export into another data folder and reports', async () => {
    const json = path.join(corpus.base, 'notes.json')
    await cli('export', corpus.root, '--format', 'json', '--out', json, '--data-dir', corpus.dataDir)
    const fresh = path.join(corpus.base, 'fresh')
    const first = await cli('import', corpus.root, json, '--data-dir', fresh, '--json')
    expect(first.code).toBe(0)
    const total = JSON.parse(await readFile(json, 'utf8')).total
    expect(JSON.parse(first.out)).toEqual({ imported: total, updated: 0, duplicates: 0, unplaced: [], unmatchedArticles: [] })
    const second = await cli('import', corpus.root, json, '--data-dir', fresh)
    expect(second.out).toBe(`Imported 0, updated 0, already there ${total}`)
    // The export from the fresh data folder is the same file.
    const again = path.join(corpus.base, 'again.json')
    await cli('export', corpus.root, '--format', 'json', '--out', again, '--data-dir', fresh)
    expect(await readFile(again, 'utf8')).toBe(await readFile(json, 'utf8'))
  })

  it.each([
    ['a file that is not JSON', 'notes.md', '# notes', /gloss: This file is not JSON/],
    ['a file that is not there', 'nothing.json', null, /gloss: Cannot read .*nothing\.json \(ENOENT\)/]
  ])('%s: exit 1 with a clear message', async (_case, name, content, message) => {
    const file = path.join(corpus.base, name)
    if (content !== null) await writeFile(file, content)
    const result = await cli('import', corpus.root, file, '--data-dir', corpus.dataDir)
    expect(result.code).toBe(1)
    expect(result.err).toMatch(message)
  })

  it('needs a folder and a file', async () => {
    expect((await cli('import', corpus.root)).code).toBe(2)
  })
})

describe('scan', () => {
  it('still lists the corpus as JSON', async () => {
    const result = await cli('scan', corpus.root, '--json')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.out).articles.map((a: { title: string }) => a.title)).toContain(RIVER_TITLE)
  })

  it('lists each article’s format: markdown, text or html', async () => {
    await writeFile(path.join(corpus.root, 'saved-page.html'), savedPage({ title: 'A page saved from the web', paragraphs: articleParagraphs(4) }))
    const result = await cli('scan', corpus.root, '--json')
    const formats = new Map(JSON.parse(result.out).articles.map((a: { title: string; format: string }) => [a.title, a.format]))
    expect(formats.get('A page saved from the web')).toBe('html')
    expect(formats.get(RIVER_TITLE)).toMatch(/^(markdown|text)$/)
  })
})

describe('npm run cli', () => {
  it('runs as a program: export and import end to end', async () => {
    const run = promisify(execFile)
    const tsx = path.resolve('node_modules', '.bin', 'tsx')
    const json = path.join(corpus.base, 'spawned.json')
    const env = { ...process.env, INIT_CWD: corpus.base }
    const exported = await run(tsx, ['src/hosts/gloss.ts', 'export', corpus.root, '--format', 'json', '--out', 'spawned.json', '--data-dir', 'data'], { env })
    expect(exported.stdout.trim()).toBe(`Wrote ${json}`)
    const imported = await run(tsx, ['src/hosts/gloss.ts', 'import', corpus.root, 'spawned.json', '--data-dir', 'other-data'], { env })
    expect(imported.stdout).toMatch(/^Imported \d+, updated 0, already there 0/)
    await expect(run(tsx, ['src/hosts/gloss.ts', 'export', corpus.root, '--out'], { env })).rejects.toMatchObject({ code: 2 })
  }, 60_000)
})
