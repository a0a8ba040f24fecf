// Templates cannot hold the process that renders them (the live preview renders one on
// every pause in typing): nesting, work, output size and time are bounded, and going
// over any of them is a template error the page shows like any other.
import { describe, expect, it } from 'vitest'
import { compileTemplate, DEFAULT_ARTICLE_TEMPLATE, defaultTemplate, renderArticle, TemplateError } from './template'
import { EXPORTED, riverArticle } from './test-support/fixtures'
import { articleWithHighlights, TEMPLATE_BOMBS } from './test-support/template-bombs'

const [deepSections, nestedLists] = TEMPLATE_BOMBS

/** The error a call throws (fails the test when it throws nothing). */
function thrown(call: () => unknown): unknown {
  try {
    call()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}

describe('template budgets', () => {
  it(`${deepSections.name} (before: ${deepSections.before}): a template error at the first section too deep`, () => {
    const error = thrown(() => compileTemplate(deepSections.template))
    expect(error).toBeInstanceOf(TemplateError)
    expect((error as TemplateError).message).toBe('Template, line 1, column 289: sections are nested more than 32 deep here; a template needs only a few levels')
  })

  it('32 nested sections still compile', () => {
    expect(() => compileTemplate('{{#highlights}}'.repeat(32) + '{{/highlights}}'.repeat(32))).not.toThrow()
  })

  it(`${nestedLists.name} (before: ${nestedLists.before}): a template error, not a frozen preview`, () => {
    const template = compileTemplate(nestedLists.template)
    const error = thrown(() => renderArticle(template, articleWithHighlights(30), EXPORTED))
    expect(error).toBeInstanceOf(TemplateError)
    expect((error as TemplateError).message).toBe('Template: this template cannot be rendered: it repeats its sections too many times (nested lists inside lists?)')
  })

  it('output past the size limit is a template error', () => {
    const template = compileTemplate('{{#highlights}}{{quote_raw}}{{/highlights}}', 'article', { maxOutputChars: 1_000 })
    expect(() => renderArticle(template, articleWithHighlights(200), EXPORTED)).toThrow(/its output is longer than/)
  })

  it('a render past its time budget stops, read from the injected clock', () => {
    let clock = 0
    // Each reading of the clock is 6 s later: the budget (10 s) is gone at the second look.
    const template = compileTemplate('{{#highlights}}{{#tags}}{{.}}{{/tags}}{{quote}}{{/highlights}}', 'article', { now: () => (clock += 6_000) })
    expect(() => renderArticle(template, articleWithHighlights(5_000), EXPORTED)).toThrow('Template: this template cannot be rendered: it took longer than 10 s to render')
  })

  it('the default template over 10,000 highlights renders within every budget', () => {
    // A clock that stands still: only the work and size budgets apply, whatever the load.
    const template = compileTemplate(DEFAULT_ARTICLE_TEMPLATE, 'article', { now: () => 0 })
    const markdown = renderArticle(template, articleWithHighlights(10_000), EXPORTED)
    expect(markdown.split('\n> ').length - 1).toBeGreaterThanOrEqual(10_000)
    expect(renderArticle(defaultTemplate('article'), riverArticle, EXPORTED)).toContain('# ')
  })
})
