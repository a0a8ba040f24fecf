// Reading a file that may not be there yet (a data-folder file before its first write):
// its text, or null when there is none; any other failure is thrown.
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT'

export async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    if (isMissing(error)) return null
    throw error
  }
}

/** readIfPresent for the search worker, which reads its index between two messages. */
export function readIfPresentSync(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    if (isMissing(error)) return null
    throw error
  }
}
