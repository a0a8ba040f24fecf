// The hosts' command lines, read with node:util's parseArgs (its tokens, so that the
// messages stay Gloss's own): `--name value` and `--name=value` for options that take a
// value, bare `--name` for switches. Anything else starting with "-" is an error rather
// than a positional argument: a mistyped --dry-run must not become a real run.
import { parseArgs } from 'node:util'

export interface CommandLineSpec {
  /** Options that take a value, e.g. '--out'. */
  values: readonly string[]
  /** Switches, e.g. '--json'. */
  flags: readonly string[]
}

export interface CommandLine {
  positional: string[]
  /** By option name with its dashes ('--out'); the last one given wins. */
  values: Map<string, string>
  flags: Set<string>
}

export type CommandLineProblem = { problem: 'unknown'; arg: string } | { problem: 'needs-value'; name: string }

export function readCommandLine(args: readonly string[], spec: CommandLineSpec): CommandLine | CommandLineProblem {
  const options = Object.fromEntries([
    ...spec.values.map((name) => [name.slice(2), { type: 'string' as const }]),
    ...spec.flags.map((name) => [name.slice(2), { type: 'boolean' as const }])
  ])
  // Not strict: an unknown option comes back as a token, and is reported below in Gloss's words.
  const { tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true })
  const read: CommandLine = { positional: [], values: new Map(), flags: new Set() }
  for (const token of tokens) {
    if (token.kind === 'positional') read.positional.push(token.value)
    if (token.kind !== 'option') continue
    const name = `--${token.name}`
    if (token.rawName === name && spec.values.includes(name)) {
      if (!token.value) return { problem: 'needs-value', name }
      read.values.set(name, token.value)
    } else if (token.rawName === name && spec.flags.includes(name) && !token.inlineValue) {
      read.flags.add(name)
    } else {
      return { problem: 'unknown', arg: token.inlineValue ? `${token.rawName}=${token.value}` : token.rawName }
    }
  }
  return read
}

export const isProblem = (read: CommandLine | CommandLineProblem): read is CommandLineProblem => 'problem' in read
