// Binds every contract method to ipcMain.handle behind the trusted-sender check. The
// answer is the dispatcher's Result envelope, the same one the HTTP harness returns.
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { channelFor, METHOD_NAMES, type MethodName } from '../shared/channels'
import { fail, type Result } from '../shared/result'
import type { Gloss } from '../core/app/gloss'

export interface BindOptions {
  isTrusted: (event: IpcMainInvokeEvent) => boolean
  /** Called after each trusted call (index.ts: the theme after prefs.set, queued links after app.ready). */
  afterCall?: (method: MethodName, result: Result<unknown>) => void
}

/** Registers the handlers; the returned function removes them again. */
export function bindContract(gloss: Pick<Gloss, 'dispatch'>, { isTrusted, afterCall }: BindOptions): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelFor(method), async (event, input: unknown) => {
      if (!isTrusted(event)) return fail('BAD_INPUT', 'untrusted sender')
      const result = await gloss.dispatch(method, input)
      afterCall?.(method, result)
      return result
    })
  }
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(channelFor(method))
  }
}
