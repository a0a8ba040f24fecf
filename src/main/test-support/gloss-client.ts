// What every test of the application core needs: dialogs that answer "cancelled"
// unless a test says otherwise, and a typed call that throws on an error envelope.
import type { Input, Method, Output } from '../../shared/contract'
import type { Gloss } from '../gloss'
import type { Dialogs } from '../services'

export function cancelledDialogs(overrides: Partial<Dialogs> = {}): Dialogs {
  return {
    chooseFolder: async () => null,
    chooseSavePath: async () => null,
    chooseExportFolder: async () => null,
    chooseOpenFile: async () => null,
    ...overrides
  }
}

export type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>

/** A typed call through the dispatcher; an error envelope becomes a thrown "CODE: message". */
export function callThrough(gloss: Pick<Gloss, 'dispatch'>): Call {
  return async (method, input) => {
    const result = await gloss.dispatch(method, input)
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
    return result.value as Output<typeof method>
  }
}
