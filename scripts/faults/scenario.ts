// What a fault-injection scenario is (one file each under scenarios/): it prepares a
// fault unmonitored, then acts as a user would through the real core while the runner
// measures the main thread's event-loop delay, and says what the user was told and how
// many acknowledged changes were lost. The runner (run.ts) finds every file in
// scenarios/, so adding a scenario is adding a file.
import type { Gloss } from '../../src/core/app/gloss'
import type { Input, Method, Output } from '../../src/shared/contract'

export type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>

export interface FaultContext {
  /** A fresh, empty folder for the scenario's articles. */
  corpus: string
  /** A fresh data folder. */
  dataDir: string
  /** Starts the real core on `corpus` (in this process: its main thread is the one measured). */
  start(options?: { parseBudgetMs?: number; watch?: boolean }): Promise<{ gloss: Gloss; call: Call }>
  /** --short: the CI form (smaller inputs, tighter budgets), about a minute for all. */
  short: boolean
}

export interface FaultOutcome {
  /** What the user saw: the notice, the error, the problem row. */
  told: string
  /** Acknowledged changes missing afterwards (scenarios that write); 0 when nothing was acknowledged. */
  lost?: number
  /** A scenario that checks its own expectation fails the run with this. */
  failure?: string
}

export interface FaultScenario {
  name: string
  /**
   * The yardstick (scenarios/control.ts): run first, with no fault, so that what the
   * machine itself adds to the delay (a loaded CPU) is known before judging the others.
   */
  control?: boolean
  /** Not run in the short form (e.g. a 20 MB file). */
  longOnly?: boolean
  /** Why the scenario cannot run here (e.g. no mkfifo on Windows); null to run. */
  skip?: () => string | null
  /** Unmonitored: write the files, open the folder. Returns what act needs. */
  prepare(context: FaultContext): Promise<(context: FaultContext) => Promise<FaultOutcome>>
}
