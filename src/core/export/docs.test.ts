// docs/export-templates.md is the template reference users read: it must list every
// variable a template can use (and no other), and its examples must compile.
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { ARTICLE_VARIABLES, compileTemplate, DEFAULT_ARTICLE_TEMPLATE, HIGHLIGHT_VARIABLES } from '../../shared/export/template'

const docs = await readFile(new URL('../../../docs/export-templates.md', import.meta.url), 'utf8')
const section = (heading: string) => docs.split(/^## /m).find((s) => s.startsWith(heading)) ?? ''
const tableNames = (text: string) => [...text.matchAll(/^\| `([a-z_.]+)` \|/gm)].map((m) => m[1])
const examples = [...docs.matchAll(/```mustache\n([\s\S]*?)```/g)].map((m) => m[1])

describe('docs/export-templates.md', () => {
  it('lists every article variable, and only those', () => {
    expect(tableNames(section('Article variables')).sort()).toEqual(Object.keys(ARTICLE_VARIABLES).sort())
  })

  it('lists every highlight variable, and only those', () => {
    expect(tableNames(section('Highlight variables')).sort()).toEqual(Object.keys(HIGHLIGHT_VARIABLES).sort())
  })

  it('names every yaml value', () => {
    const yaml = ARTICLE_VARIABLES.yaml
    const names = typeof yaml === 'object' && 'object' in yaml ? Object.keys(yaml.object) : []
    for (const name of names) expect(section('Article variables')).toContain(`\`yaml.${name}\``)
  })

  it('shows the default template exactly', () => {
    expect(examples[0]).toBe(DEFAULT_ARTICLE_TEMPLATE)
  })

  it('has examples that compile', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3)
    for (const example of examples) expect(() => compileTemplate(example)).not.toThrow()
  })
})
