// One CLI run as a process: the command's output drained through pipes, then `exit` with
// its code. The `gloss` executable (gloss.ts) exits Node with it; the installed desktop
// app (`Gloss --cli …`, src/electron/cli-mode.ts) exits Electron with it. Both load the
// same build, out/cli (scripts/build-cli.ts).
import { runCli } from './cli'
import { processOutput } from './cli-process'
import { EXIT } from './exit-codes'

export function runGloss(args: string[], exit: (code: number) => never = process.exit): Promise<never> {
  const output = processOutput(process.stdout, process.stderr, exit)
  return runCli(args, output.io).then(
    (code) => output.finish(code),
    (error: unknown) => {
      output.io.err(`gloss: ${error instanceof Error ? error.message : String(error)}`)
      return output.finish(EXIT.failure)
    }
  )
}
