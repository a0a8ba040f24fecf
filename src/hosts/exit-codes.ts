// The CLI's exit codes: the one table `gloss --help`, the README and every command use.
// A script can tell "it ran and did everything" (0) from "it ran, but something was left
// alone" (3: e.g. an export kept a file the user had changed, or could not write one),
// from a failure (1) and from a command line it did not understand (2).
//
// A reader that stops early (`gloss search … | head`) is not a failure: the command still
// finishes its work (so nothing it acknowledged is lost) and exits with its own code,
// writing nothing more to the closed pipe.

export const EXIT = {
  /** Done, nothing left out. */
  ok: 0,
  /** Failed: bad input (a file that is not JSON, a folder that is not there), an I/O error. Nothing was half done. */
  failure: 1,
  /** The command line was not understood: unknown command or option, a missing value. Nothing was done. */
  usage: 2,
  /** Done, but something was left alone (a file kept or not written); the report on stderr says what. */
  leftAlone: 3
} as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

/** Rows of the table printed by `gloss --help` (and kept in the README). */
export const EXIT_CODE_HELP: ReadonlyArray<readonly [ExitCode, string]> = [
  [EXIT.ok, 'done'],
  [EXIT.failure, 'failed (the message says why); nothing was half done'],
  [EXIT.usage, 'the command line was not understood; nothing was done'],
  [EXIT.leftAlone, 'done, but something was left alone (listed on stderr)']
]
