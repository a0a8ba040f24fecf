#!/usr/bin/env node
// The `gloss` executable (package.json "bin"). Built into out/cli/gloss.js by
// scripts/build-cli.mjs (plain JavaScript, each command in its own chunk, no tsx at run
// time); `npm run cli -- …` runs this same file from source through tsx.
import { runCli } from './cli'
import { processOutput } from './cli-process'
import { EXIT } from './exit-codes'

const output = processOutput()
runCli(process.argv.slice(2), output.io).then(
  (code) => output.finish(code),
  (error: unknown) => {
    output.io.err(`gloss: ${error instanceof Error ? error.message : String(error)}`)
    return output.finish(EXIT.failure)
  }
)
