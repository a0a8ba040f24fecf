// npm run test:faults:disks — failing disks and second writers, end to end with real processes:
// each scenario in scenarios/ runs the real core in a child process, injects its fault
// (a full tmpfs, a read-only remount, a concurrent CLI), kills or stops it, and checks
// what a restarted Gloss finds. For each it reports the writer's longest event-loop
// delay (must stay ≤ 150 ms), acknowledged changes lost (must be 0) and what the user
// was told. Scenarios that need to mount a tmpfs report themselves skipped, with the
// reason, where mounting is not allowed.
//
//   npm run test:faults:disks [-- <name filter>] [--json <file>]
// (npm run test:faults is the hostile-files suite, run.ts, in-process with a control.)
import { readdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Scenario, ScenarioReport } from './support'

const EVENT_LOOP_LIMIT_MS = 150
// The writer's delay is measured in a child process that shares the CPU with the
// runner, the CLI it races and whatever else the machine runs: over the target it is
// reported, and it fails the run only past a real freeze. Lost changes always fail it.
const FREEZE_MS = 1000
const here = path.dirname(fileURLToPath(import.meta.url))

const args = process.argv.slice(2)
const jsonAt = args.indexOf('--json')
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : null
const filter = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--json') ?? ''

const files = (await readdir(path.join(here, 'disk-scenarios'))).filter((name) => name.endsWith('.ts') && name.includes(filter)).sort()
const reports: ScenarioReport[] = []
let failed = false
for (const file of files) {
  const { scenario } = (await import(pathToFileURL(path.join(here, 'disk-scenarios', file)).href)) as { scenario: Scenario }
  const started = Date.now()
  let report: ScenarioReport
  try {
    report = await scenario.run()
  } catch (error) {
    report = { name: scenario.name, skipped: null, eventLoopMaxMs: null, acknowledged: 0, lost: -1, told: null, notes: [`FAILED: ${(error as Error).stack ?? error}`] }
  }
  reports.push(report)
  const bad = !report.skipped && (report.lost !== 0 || (report.eventLoopMaxMs ?? 0) > FREEZE_MS)
  failed ||= bad
  console.log(`\n${bad ? 'FAIL' : report.skipped ? 'SKIP' : 'ok  '} ${report.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  if (report.skipped) {
    console.log(`     skipped: ${report.skipped}`)
    continue
  }
  console.log(`     event-loop delay max: ${report.eventLoopMaxMs ?? '?'} ms (target ${EVENT_LOOP_LIMIT_MS}${(report.eventLoopMaxMs ?? 0) > EVENT_LOOP_LIMIT_MS ? ', OVER the target' : ''}; a freeze over ${FREEZE_MS} fails)`)
  console.log(`     acknowledged: ${report.acknowledged}, lost: ${report.lost}`)
  console.log(`     told: ${report.told ?? '(nothing)'}`)
  for (const note of report.notes) console.log(`     ${note}`)
}
if (jsonFile) await writeFile(jsonFile, JSON.stringify(reports, null, 2))
// Event-loop delay includes time the process waited for a CPU: on a machine loaded far
// beyond its cores the figure says more about the machine than about Gloss.
console.log(`\nload average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores`)
console.log(`${failed ? 'Some scenarios FAILED' : 'All scenarios passed (or were skipped with their reason)'}`)
process.exit(failed ? 1 : 0)
