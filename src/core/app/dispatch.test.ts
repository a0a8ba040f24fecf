import { describe, expect, it, vi } from 'vitest'
import { METHODS } from '../../shared/contract'
import { GlossError } from '../../shared/result'
import type { Handlers } from '../../shared/contract'
import { createDispatcher } from './dispatch'

/** Handlers that all fail loudly unless a test overrides the one it calls. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const all = {} as Record<string, unknown>
  for (const method of METHODS) all[method] = async () => Promise.reject(new Error(`unexpected call to ${method}`))
  return { ...(all as Handlers), ...overrides }
}

describe('createDispatcher', () => {
  const log = vi.fn()

  it.each([
    ['unknown method', 'library.destroy', {}],
    ['prototype key as method', '__proto__', {}],
    ['constructor as method', 'constructor', {}],
    ['method that is not a string', 42 as unknown as string, {}]
  ])('%s → BAD_INPUT', async (_name, method, input) => {
    const result = await createDispatcher(handlers(), { log })(method, input)
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  it.each([
    ['missing field', 'article.get', {}],
    ['wrong type', 'article.get', { articleId: 7 }],
    ['extra key', 'article.get', { articleId: 'a', path: '/etc/passwd' }],
    ['null input', 'highlight.create', null],
    ['end before start', 'highlight.create', { articleId: 'a', start: 5, end: 2, color: 'yellow' }],
    ['unknown colour', 'highlight.create', { articleId: 'a', start: 0, end: 2, color: 'red' }],
    ['negative offset', 'highlight.create', { articleId: 'a', start: -1, end: 2, color: 'yellow' }],
    ['huge note', 'article.setNote', { articleId: 'a', note: 'x'.repeat(200_001) }],
    ['export without scope', 'export.markdown', { articleId: 'a' }]
  ])('input with %s → BAD_INPUT naming the field, handler not called', async (_name, method, input) => {
    const spy = vi.fn()
    const dispatch = createDispatcher(handlers({ [method]: spy } as Partial<Handlers>), { log })
    const result = await dispatch(method, input)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('BAD_INPUT')
      expect(result.error.message).toContain(method)
    }
    expect(spy).not.toHaveBeenCalled()
  })

  it('passes parsed input to the handler and wraps its value', async () => {
    const dispatch = createDispatcher(
      handlers({ 'article.get': async ({ articleId }) => ({ articleId }) as never }),
      { log }
    )
    expect(await dispatch('article.get', { articleId: 'abc' })).toEqual({ ok: true, value: { articleId: 'abc' } })
  })

  it.each([
    ['NOT_FOUND', new GlossError('NOT_FOUND', 'Article not found')],
    ['BAD_INPUT', new GlossError('BAD_INPUT', 'nope')],
    ['INTERNAL', new TypeError('cannot read properties of undefined')]
  ])('a handler error becomes %s without a stack trace', async (code, error) => {
    const dispatch = createDispatcher(handlers({ 'article.get': async () => Promise.reject(error) }), { log })
    const result = await dispatch('article.get', { articleId: 'abc' })
    expect(result).toMatchObject({ ok: false, error: { code } })
    expect(JSON.stringify(result)).not.toMatch(/\bat .*\.ts:\d+/)
  })

  it('rejects output outside the contract when asked to validate', async () => {
    const dispatch = createDispatcher(
      handlers({ 'library.recent': async () => ({ folders: 'not-a-list' }) as never }),
      { log, validateOutput: true }
    )
    expect(await dispatch('library.recent', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})
