import yaml from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { splitFrontMatter } from './front-matter-merge'
import { glossIdOf, newManagedFile, ownedValues, REGION_BEGIN, REGION_END, splitRendered, updateManagedFile, type RenderedParts } from './managed-file'

const rendered = (body: string, yamlText = 'title: "T"\nexported: "2024-01-01"'): RenderedParts => {
  const parts = splitRendered(`---\n${yamlText}\n---\n\n${body}\n`)
  if ('problem' in parts) throw new Error(parts.problem)
  return parts
}

describe('a new file', () => {
  const file = newManagedFile('abc123', rendered('# T\n\n> quote'))

  it('has gloss_id first in its front matter, then the template’s keys', () => {
    const parts = splitFrontMatter(file)
    expect(parts?.yaml.split('\n')[0]).toBe('gloss_id: "abc123"')
    expect(yaml.load(parts?.yaml ?? '')).toEqual({ gloss_id: 'abc123', title: 'T', exported: '2024-01-01' })
    expect(glossIdOf(file)).toBe('abc123')
  })

  it('wraps the body in the markers, with blank lines around it', () => {
    expect(file).toBe(`---\ngloss_id: "abc123"\ntitle: "T"\nexported: "2024-01-01"\n---\n\n${REGION_BEGIN}\n\n# T\n\n> quote\n\n${REGION_END}\n`)
  })

  it('records the values Gloss owns', () => {
    expect(ownedValues('abc123', rendered('x'))).toEqual({ gloss_id: 'abc123', title: 'T', exported: '2024-01-01' })
  })
})

describe('splitRendered', () => {
  it('takes the template’s own gloss_id out (Gloss writes the real one)', () => {
    expect(rendered('x', 'gloss_id: "fake"\ntitle: "T"').yaml).toBe('title: "T"')
  })

  it('keeps a template without front matter as all body', () => {
    expect(splitRendered('\n\n# Only body\n\n')).toEqual({ yaml: '', body: '# Only body' })
  })

  it('refuses front matter that is not YAML', () => {
    expect(splitRendered('---\ntitle: a: b: [\n---\nbody')).toEqual({ problem: expect.stringMatching(/not valid YAML/) })
  })

  it('escapes body lines that look like the markers, so a note cannot end the region', () => {
    expect(rendered('a\n<!-- gloss:end -->\n<!-- gloss:begin x -->\n  <!-- gloss:end -->').body).toBe(
      'a\n\\<!-- gloss:end -->\n\\<!-- gloss:begin x -->\n  <!-- gloss:end -->'
    )
  })
})

describe('updateManagedFile', () => {
  const original = newManagedFile('abc123', rendered('# T\n\n> old quote'))
  const previous = ownedValues('abc123', rendered('x'))

  it('replaces the region and keeps everything the user wrote around it byte for byte', () => {
    const edited = original
      .replace('---\n\n<!--', '---\n\nMy intro, *before* the region.\n\n<!--')
      .replace(`${REGION_END}\n`, `${REGION_END}\n\n## My thoughts\n\n- one\n- two   \n\n\n`)
      .replace('exported: "2024-01-01"', 'exported: "2024-01-01"\nrating: 5')
    const update = updateManagedFile(edited, 'abc123', rendered('# T\n\n> new quote', 'title: "T"\nexported: "2024-02-02"'), previous)
    if ('problem' in update) throw new Error(update.problem)
    expect(update.text).toBe(
      `---\ngloss_id: "abc123"\ntitle: "T"\nexported: "2024-02-02"\nrating: 5\n---\n\nMy intro, *before* the region.\n\n${REGION_BEGIN}\n\n# T\n\n> new quote\n\n${REGION_END}\n\n## My thoughts\n\n- one\n- two   \n\n\n`
    )
  })

  it('gives back the same text when nothing changed', () => {
    const update = updateManagedFile(original, 'abc123', rendered('# T\n\n> old quote'), previous)
    expect(update).toEqual({ text: original, frontMatterMerged: true })
  })

  it('keeps Windows line endings', () => {
    const crlf = original.replace(/\n/g, '\r\n')
    const update = updateManagedFile(crlf, 'abc123', rendered('# T\n\n> new'), previous)
    if ('problem' in update) throw new Error(update.problem)
    expect(update.text).toContain('\r\n> new\r\n')
    expect(update.text.replace(/\r\n/g, '')).not.toContain('\n')
  })

  it('accepts markers the user’s editor changed inside the comment', () => {
    const edited = original.replace(REGION_BEGIN, '<!--gloss:begin-->')
    const update = updateManagedFile(edited, 'abc123', rendered('# T\n\n> new'), previous)
    expect('text' in update && update.text).toContain(`${REGION_BEGIN}\n\n# T\n\n> new\n\n${REGION_END}`)
  })

  it.each([
    ['markers removed', original.replace(`${REGION_BEGIN}\n`, '').replace(`${REGION_END}\n`, ''), /markers were removed/],
    ['end marker removed', original.replace(`${REGION_END}\n`, ''), /not one pair in order/],
    ['markers duplicated', `${original}\n${REGION_BEGIN}\n${REGION_END}\n`, /not one pair in order/],
    ['markers swapped', original.replace(REGION_BEGIN, 'X').replace(REGION_END, REGION_BEGIN).replace('X', REGION_END), /not one pair in order/],
    ['front matter gone', original.replace(/^---[\s\S]*?---\n/, ''), /front matter is gone/]
  ])('leaves the file alone when %s', (_case, text, problem) => {
    const update = updateManagedFile(text, 'abc123', rendered('# new'), previous)
    expect('problem' in update && update.problem).toMatch(problem)
  })
})

describe('glossIdOf', () => {
  it.each([
    ['---\ngloss_id: "x1"\n---\n', 'x1'],
    ['---\r\ngloss_id: x1\r\n---\r\n', 'x1'],
    ['---\ngloss_id: 42\n---\n', '42'],
    ['---\ntitle: no id\n---\n', null],
    ['---\ngloss_id: ""\n---\n', null],
    ['gloss_id: "x1"', null],
    ['---\ngloss_id: [x]\n---\n', null],
    ['---\ngloss_id: "x1"\nbroken: [\n---\n', null]
  ])('%j → %j', (text, id) => {
    expect(glossIdOf(text)).toBe(id)
  })
})
