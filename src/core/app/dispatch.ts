// The Electron-free request dispatcher: method name + untrusted input in, Result out.
// Whatever arrives (unknown method, malformed input, a handler that throws), the
// caller gets a structured error and the process stays up; stacks stay on this side.
import { z } from 'zod'
import { contract, isMethod, type Handlers, type Method } from '../../shared/contract'
import { fail, GlossError, ok, type Result } from '../../shared/result'

export interface DispatchOptions {
  /** Check handler output against the contract too (tests); costs time on big results. */
  validateOutput?: boolean
  /** Where handler failures are logged (main-process console by default). */
  log?: (message: string, error: unknown) => void
}

const MAX_MESSAGE = 500

export function createDispatcher(handlers: Handlers, options: DispatchOptions = {}) {
  const log = options.log ?? ((message, error) => console.error(message, error))
  return async function dispatch(method: string, input: unknown): Promise<Result<unknown>> {
    if (typeof method !== 'string' || !isMethod(method)) {
      return fail('BAD_INPUT', `Unknown method: ${String(method).slice(0, 100)}`)
    }
    const spec = contract[method]
    const parsed = spec.input.safeParse(input)
    if (!parsed.success) return fail('BAD_INPUT', describeIssues(method, parsed.error))
    try {
      const handler = handlers[method] as (input: unknown) => Promise<unknown>
      const value = await handler(parsed.data)
      if (options.validateOutput) {
        const checked = spec.output.safeParse(value)
        if (!checked.success) {
          log(`gloss: ${method} returned a value outside the contract`, checked.error)
          return fail('INTERNAL', `${method} returned an invalid result`)
        }
      }
      return ok(value)
    } catch (error) {
      if (error instanceof GlossError) return fail(error.code, error.message.slice(0, MAX_MESSAGE))
      log(`gloss: ${method} failed`, error)
      const message = error instanceof Error ? error.message : String(error)
      return fail('INTERNAL', `${method} failed: ${message}`.slice(0, MAX_MESSAGE))
    }
  }
}

function describeIssues(method: Method, error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? issue.path.map(String).join('.') : 'input'
    return `${where}: ${issue.message}`
  })
  return `Invalid input for ${method}: ${issues.join('; ')}`.slice(0, MAX_MESSAGE)
}
