// docs/export-templates.md is the template reference users read: it must list every
// variable a template can use (and no other), and its examples must compile.
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import yaml from 'js-yaml'
import { splitFrontMatter } from '../../shared/export/front-matter-merge'
import { splitRendered } from '../../shared/export/managed-file'
import { ARTICLE_VARIABLES, compileTemplate, DEFAULT_ARTICLE_TEMPLATE, HIGHLIGHT_VARIABLES, renderArticle } from '../../shared/export/template'
import { bridgeArticle, EXPORTED, riverArticle } from '../../shared/export/test-support/fixtures'

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

  it.each([
    ['Omnivore', 'template-omnivore'],
    ['Readwise', 'template-readwise']
  ])('the template converted from %s renders (golden files), with front matter a folder export accepts', async (from, golden) => {
    // The first example after the heading (the templates hold `## ` lines of their own).
    const after = docs.slice(docs.indexOf(`\n## Converted from ${from}\n`))
    const example = /```mustache\n([\s\S]*?)```/.exec(after)?.[1]
    expect(example).toBeDefined()
    const template = compileTemplate(example ?? '')
    const river = renderArticle(template, riverArticle, EXPORTED, { lastExport: '2023-11-06T08:02:00.000Z' })
    const bridge = renderArticle(template, bridgeArticle, EXPORTED)
    await expect(river).toMatchFileSnapshot(`../../shared/export/golden/${golden}-river.md`)
    await expect(bridge).toMatchFileSnapshot(`../../shared/export/golden/${golden}-bridge.md`)
    for (const out of [river, bridge]) {
      expect(splitRendered(out)).not.toHaveProperty('problem')
      const front = splitFrontMatter(out)
      if (front) expect(yaml.load(front.yaml)).toMatchObject({ title: expect.any(String) })
    }
  })
})
