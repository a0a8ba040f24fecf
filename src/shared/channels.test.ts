import { describe, expect, it } from 'vitest'
import { channelFor as contractChannelFor, contract, METHODS, type Method } from './contract'
import { channelFor, MENU_CHANNEL, METHOD_NAMES, type MethodName } from './channels'

// Compile-time: the zod-free name list and the contract describe the same methods.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameMethods: Same<MethodName, Method> = true

describe('zod-free method list', () => {
  it('names exactly the contract methods, in the same order', () => {
    expect(sameMethods).toBe(true)
    expect([...METHOD_NAMES]).toEqual(Object.keys(contract))
    expect([...METHOD_NAMES]).toEqual(METHODS)
  })

  it('gives every method its own channel, the same one the contract uses', () => {
    const channels = METHOD_NAMES.map(channelFor)
    expect(new Set(channels).size).toBe(METHOD_NAMES.length)
    for (const method of METHOD_NAMES) expect(channelFor(method)).toBe(contractChannelFor(method))
    expect(channels).not.toContain(MENU_CHANNEL)
  })
})
