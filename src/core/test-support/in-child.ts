// Runs one exported function of a core module in a child Node process and returns what
// it returned (as JSON). For tests of things that, when broken, do not fail but hang
// the thread for good (a blocking open of a named pipe, a parse that never ends): the
// child is killed at `hangAfterMs` and the test fails saying so, instead of the test
// runner hanging. The limit is a hang guard, far above any expected run time: it
// asserts "finishes at all", not a speed.
import { spawn } from 'node:child_process'
import { pathToFileURL } from 'node:url'

export class ChildHung extends Error {}

export async function runInChild<T>(modulePath: string, exportName: string, args: unknown[], options: { hangAfterMs?: number } = {}): Promise<T> {
  const hangAfterMs = options.hangAfterMs ?? 60_000
  const script = `
    const mod = await import(${JSON.stringify(pathToFileURL(modulePath).href)});
    const value = await mod[${JSON.stringify(exportName)}](...${JSON.stringify(args)});
    process.stdout.write('\\n@@RESULT@@' + JSON.stringify(value ?? null));
    process.exit(0);
  `
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  let hung = false
  const timer = setTimeout(() => {
    hung = true
    child.kill('SIGKILL')
  }, hangAfterMs)
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  clearTimeout(timer)
  if (hung) throw new ChildHung(`${exportName} did not finish within ${hangAfterMs} ms: it hangs`)
  const at = stdout.lastIndexOf('@@RESULT@@')
  if (code !== 0 || at < 0) throw new Error(`${exportName} failed in the child (exit ${code}): ${stderr.slice(-2000)}`)
  return JSON.parse(stdout.slice(at + '@@RESULT@@'.length)) as T
}
