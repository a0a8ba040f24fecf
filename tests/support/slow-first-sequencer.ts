// Vitest runs the "slow" project's files (processes spawned, folders watched, fuzzing,
// timed write streams) before the rest: started last, one of them would run alone on a
// core at the end of the suite while the other core sits idle. Within each part the
// usual order stands (failed first, then longest first from the last run's cache,
// unknown and larger files first on a fresh clone).
import { BaseSequencer, type TestSpecification } from 'vitest/node'

export const SLOW_PROJECT = 'slow'

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const slow = sorted.filter((file) => file.project.name === SLOW_PROJECT)
    return [...slow, ...sorted.filter((file) => file.project.name !== SLOW_PROJECT)]
  }
}
