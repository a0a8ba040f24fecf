// createApi(transport): the renderer's typed view of the contract. The transport is
// Electron IPC (window.gloss) in the app and fetch in the browser harness; nothing
// else in the renderer knows which.
import { METHOD_NAMES } from './channels'
import type { Input, Method, Output } from './contract'
import { GlossError, type Result } from './result'

export type Transport = (method: Method, input: unknown) => Promise<Result<unknown>>
export type Api = { [M in Method]: (input: Input<M>) => Promise<Output<M>> }

export function createApi(transport: Transport): Api {
  const api = {} as Record<Method, (input: unknown) => Promise<unknown>>
  // Names from channels.ts, not contract.ts: the renderer must not bundle zod.
  for (const method of METHOD_NAMES) {
    api[method] = async (input: unknown) => {
      const result = await transport(method, input ?? {})
      if (result.ok) return result.value
      throw new GlossError(result.error.code, result.error.message)
    }
  }
  return api as Api
}
