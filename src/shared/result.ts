// The envelope every contract call returns, over IPC and over HTTP alike. Errors are
// data: a code the UI can branch on and a message a person can read, never a stack.
export const ERROR_CODES = ['BAD_INPUT', 'NOT_FOUND', 'INTERNAL', 'UNAVAILABLE'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]
export interface ErrorInfo {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } })

/** Thrown by services for errors the user should see as such (not INTERNAL). */
export class GlossError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'GlossError'
  }
}
export const notFound = (what: string): GlossError => new GlossError('NOT_FOUND', `${what} not found`)
export const badInput = (message: string): GlossError => new GlossError('BAD_INPUT', message)
export const unavailable = (message: string): GlossError => new GlossError('UNAVAILABLE', message)
