import { describe, expect, it } from 'vitest'
import { contract, METHODS, type Method } from './contract'
import { channelFor, LIBRARY_CHANGED_CHANNEL, MENU_CHANNEL, METHOD_NAMES, type MethodName } from './channels'

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
    expect(channels).not.toContain(LIBRARY_CHANGED_CHANNEL)
    expect(LIBRARY_CHANGED_CHANNEL).not.toBe(MENU_CHANNEL)
  })
})
