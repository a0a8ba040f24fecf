import { describe, expect, it } from 'vitest'
import { contract, METHODS, type Method } from './contract'
import { channelFor, CHANGE_CHANNEL, MENU_CHANNEL, METHOD_NAMES, type MethodName } from './channels'
import { EXPORT_FORMATS } from './export/formats'
import { MAX_GLOSS_LINK_LENGTH } from './export/gloss-link'
import { MAX_TEMPLATE_LENGTH } from './export/template'
import { EXPORT_FORMAT_NAMES, MAX_EXPORT_TEMPLATE_LENGTH, MAX_LINK_LENGTH } from './model'

// Compile-time: the zod-free name list and the contract describe the same methods.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameMethods: Same<MethodName, Method> = true

describe('zod-free method list', () => {
  it('names exactly the contract methods, in the same order', () => {
    expect(sameMethods).toBe(true)
    expect([...METHOD_NAMES]).toEqual(Object.keys(contract))
    expect([...METHOD_NAMES]).toEqual(METHODS)
  })

  it('gives every method its own channel, apart from the event channels', () => {
    const channels = METHOD_NAMES.map(channelFor)
    expect(new Set(channels).size).toBe(METHOD_NAMES.length)
    expect(channels).not.toContain(MENU_CHANNEL)
    expect(channels).not.toContain(CHANGE_CHANNEL)
    expect(CHANGE_CHANNEL).not.toBe(MENU_CHANNEL)
  })
})

describe('export contract and engine', () => {
  it('agree on the formats and the limits', () => {
    expect([...EXPORT_FORMAT_NAMES]).toEqual([...EXPORT_FORMATS])
    expect(MAX_EXPORT_TEMPLATE_LENGTH).toBe(MAX_TEMPLATE_LENGTH)
    expect(MAX_LINK_LENGTH).toBe(MAX_GLOSS_LINK_LENGTH)
  })
})
